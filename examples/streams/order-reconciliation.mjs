// Order reconciliation: new_orders (key: order id, value: the products of the order) and
// products_manufactured (key: product serial, value: { order, product }) give shipping_ready
// once every product of an order is manufactured, whatever the order of arrival.
// products_manufactured is re-keyed by order id and written through a repartition topic (so an
// order's events meet in one task), merged with the orders and handled by a processor with a
// keyed state store: the processor API. (groupBy and joins repartition by themselves; process()
// does not, hence the explicit repartition().)
//
//   npm run build && node examples/streams/order-reconciliation.mjs
//   with `tide dev` running: TIDE_BROKERS=127.0.0.1:9092 node examples/streams/order-reconciliation.mjs
import { Producer } from '@tideline/client';
import { KafkaStreams, Serdes, Stores, StreamsBuilder } from '@tideline/streams';
import { broker, createTopics, readUntil } from './common.mjs';

const b = await broker();
const run = Date.now();
const orders = `new_orders-${run}`;
const made = `products_manufactured-${run}`;
const ready = `shipping_ready-${run}`;
await createTopics(b.bootstrap, [{ topic: orders }, { topic: made }, { topic: ready, numPartitions: 1 }]);

const S = Serdes.string();
const J = Serdes.json();
const builder = new StreamsBuilder();
builder.addStateStore(Stores.keyValue('order-progress', S, J));
const orderEvents = builder.stream(orders, { keySerde: S, valueSerde: J }).mapValues((products) => ({ products }), J);
const madeEvents = builder
  .stream(made, { keySerde: S, valueSerde: J })
  .selectKey((_serial, m) => m.order, S)
  .mapValues((m) => ({ made: m.product }), J)
  .repartition();
orderEvents
  .merge(madeEvents)
  .process(() => {
    let ctx;
    let store;
    return {
      init(c) {
        ctx = c;
        store = c.keyValueStore('order-progress');
      },
      process(r) {
        const s = store.get(r.key) ?? { products: null, made: [] };
        if (r.value.products !== undefined) s.products = r.value.products;
        if (r.value.made !== undefined) s.made.push(r.value.made);
        const missing = s.products === null ? null : s.products.filter((p) => !s.made.includes(p));
        if (missing !== null && missing.length === 0) {
          store.delete(r.key);
          ctx.forward({ key: r.key, value: { order: r.key, products: s.products }, timestamp: r.timestamp, headers: [] });
        } else store.put(r.key, s);
      },
    };
  }, ['order-progress'], { keySerde: S, valueSerde: J })
  .to(ready);

const streams = new KafkaStreams(builder.build(), { applicationId: `reconcile-${run}`, bootstrap: b.bootstrap, guarantee: 'exactly-once' });
await streams.start();

const producer = new Producer({ bootstrap: b.bootstrap });
const send = (topic, key, value) => producer.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
await send(orders, 'o-1', ['chair', 'table']);
await send(made, 'sn-100', { order: 'o-1', product: 'chair' });
await send(made, 'sn-200', { order: 'o-2', product: 'lamp' }); // before its order
await send(orders, 'o-2', ['lamp']);
await send(orders, 'o-3', ['desk', 'shelf']);
await send(made, 'sn-101', { order: 'o-1', product: 'table' });
await send(made, 'sn-300', { order: 'o-3', product: 'desk' }); // o-3 still waits for the shelf
await producer.close();

let n = 0;
await readUntil(b.bootstrap, ready, (r) => {
  console.log(`shipping_ready ${r.key.toString()}: ${JSON.parse(r.value.toString()).products.join(', ')}`);
  n++;
}, () => n >= 2);
console.log('waiting: o-3 (shelf)');
await streams.close();
await b.close();
