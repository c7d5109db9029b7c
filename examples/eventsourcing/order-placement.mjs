// Order placement, the whiteboard's "Command (Place Order) → Event Log → Projection → Read Model":
// PlaceOrder is decided against the order's stream (a new stream: expected version no_stream, the
// command id makes a retry a no-op), OrderPlaced is appended through the partition's owner, a
// projection writes the orders read model in PostgreSQL (each batch with its checkpoint in one
// transaction) and a query reads it. The same OrderPlaced events feed the streams
// order-reconciliation example: a Kafka Streams topology maps them into its `new_orders` input
// (key: order id, value: the products), so the event log is the one source of both.
//
//   npm run build && node examples/eventsourcing/order-placement.mjs
//   with `tide dev` running: TIDE_BROKERS=127.0.0.1:9092 node examples/eventsourcing/order-placement.mjs
//   PostgreSQL: TIDELINE_PG_URL (default postgres://postgres@127.0.0.1:5432/test)
import pg from 'pg';
import { Admin } from '@tideline/client';
import { KafkaStreams, Serdes, StreamsBuilder } from '@tideline/streams';
import { EventStoreOwner, EventSubscription, KafkaEventStore, PostgresReadModel, createStoreTopics } from '@tideline/eventsourcing';
import { broker, readUntil } from '../streams/common.mjs';

const b = await broker();
const run = Date.now();
const name = `shop-${run}`;
const newOrders = `new_orders-${run}`;
const schema = `shop_${run}`;
const pool = new pg.Pool({ connectionString: process.env.TIDELINE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test', max: 2 });

const admin = new Admin({ bootstrap: b.bootstrap });
await createStoreTopics(admin, name, { partitions: 2 });
await admin.createTopics([{ topic: newOrders, numPartitions: 2, replicationFactor: 1 }]);
await admin.close();
const owner = new EventStoreOwner({ bootstrap: b.bootstrap, name });
owner.start();
const store = new KafkaEventStore({ bootstrap: b.bootstrap, name });

// ---- the write side: a decider ------------------------------------------------------------------
const decide = (state, cmd) => {
  if (state.placed) throw new Error(`order ${cmd.orderId} was already placed`);
  if (cmd.products.length === 0) throw new Error('an order needs at least one product');
  return [{ type: 'OrderPlaced', data: { orderId: cmd.orderId, customerId: cmd.customerId, products: cmd.products, placedAt: new Date().toISOString() } }];
};
const evolve = (state, e) => (e.type === 'OrderPlaced' ? { placed: true } : state);
async function placeOrder(cmd) {
  const stream = `order-${cmd.orderId}`;
  const { state } = await store.aggregateStream(stream, { initialState: () => ({ placed: false }), evolve });
  return store.appendToStream(stream, decide(state, cmd), { expectedVersion: 'no_stream', commandId: cmd.commandId, correlationId: cmd.commandId });
}

// ---- the read side: the orders read model --------------------------------------------------------
const orders = new PostgresReadModel({
  pool,
  schema,
  projection: {
    name: 'orders',
    tables: ['orders'],
    eventTypes: ['OrderPlaced'],
    init: async (c, t) => void (await c.query(`CREATE TABLE IF NOT EXISTS ${t.table('orders')} (order_id text PRIMARY KEY, customer_id text NOT NULL, products jsonb NOT NULL, placed_at timestamptz NOT NULL)`)),
    apply: async (c, e, t) => {
      const d = e.data;
      await c.query(`INSERT INTO ${t.table('orders')} VALUES ($1, $2, $3, $4)`, [d.orderId, d.customerId, JSON.stringify(d.products), d.placedAt]);
    },
  },
});
await orders.init();
const projector = new EventSubscription({ bootstrap: b.bootstrap, topic: store.topics.events, target: orders, name: 'orders' });
await projector.start();

// ---- the same events into the order-reconciliation example's input -------------------------------
const builder = new StreamsBuilder();
builder
  .stream(store.topics.events, { keySerde: Serdes.string(), valueSerde: Serdes.json() })
  .filter((stream, data) => stream.startsWith('order-') && Array.isArray(data.products))
  .selectKey((_stream, data) => data.orderId, Serdes.string())
  .mapValues((data) => data.products, Serdes.json())
  .to(newOrders);
const streams = new KafkaStreams(builder.build(), { applicationId: `shop-orders-${run}`, bootstrap: b.bootstrap, guarantee: 'exactly-once' });
await streams.start();

await placeOrder({ commandId: 'cmd-1', orderId: 'o-1', customerId: 'c-7', products: ['chair', 'table'] });
await placeOrder({ commandId: 'cmd-2', orderId: 'o-2', customerId: 'c-9', products: ['lamp'] });
// A client whose reply was lost sends the same append again (same command id): a no-op.
const again = await store.appendToStream('order-o-2', [{ type: 'OrderPlaced', data: { orderId: 'o-2', customerId: 'c-9', products: ['lamp'], placedAt: new Date().toISOString() } }], { expectedVersion: 'no_stream', commandId: 'cmd-2' });
console.log(`the same append again (command cmd-2): ${again.deduplicated ? 'deduplicated, nothing written' : 'written'}`);
// A new command placing the same order: the decider refuses it.
const twice = await placeOrder({ commandId: 'cmd-3', orderId: 'o-2', customerId: 'c-9', products: ['lamp'] }).catch((e) => e);
console.log(`PlaceOrder o-2 again (cmd-3): ${twice instanceof Error ? `refused: ${twice.message}` : 'written'}`);

await projector.caughtUp(60_000);
const { rows } = await pool.query(`SELECT order_id, customer_id, products FROM "${schema}".orders ORDER BY order_id`);
for (const r of rows) console.log(`orders read model: ${r.order_id} for ${r.customer_id}: ${r.products.join(', ')}`);
const lag = await projector.lag();
console.log(`projection lag: ${lag.events} events, ${lag.seconds.toFixed(1)} s`);

let n = 0;
await readUntil(b.bootstrap, newOrders, (r) => {
  console.log(`new_orders (order-reconciliation input) ${r.key.toString()}: ${JSON.parse(r.value.toString()).join(', ')}`);
  n++;
}, () => n >= 2);

await streams.close();
await projector.stop();
await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
await pool.end();
await store.close();
await owner.close();
await b.close();
