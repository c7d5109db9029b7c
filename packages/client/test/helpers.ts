// Test helpers (not a test file): reading a known number of records with a deadline; intercepting
// a producer's Produce requests on every connection it opens.
import { ApiKey } from '@tideline/protocol';
import { Consumer, type ConsumerRecord, type ConsumerOptions, type Producer } from '../src/index.js';
import type { Connection } from '../src/internal.js';

type RequestDecoded = Connection['requestDecoded'];
export type ProduceCallback = (err: unknown, res?: unknown) => void;

/**
 * Routes every Produce request of `producer` (on each connection it opens from now on) through
 * `intercept`, which gets the request, the connection, the original sender (`send(cb)`) and the
 * caller's callback. Other requests pass through untouched.
 */
export function interceptProduce(
  producer: Producer,
  intercept: (req: { version: number; body: unknown; conn: Connection; send: (cb: ProduceCallback) => void; cb: ProduceCallback }) => void,
): void {
  onEachConnection(producer, (conn) => {
    const send = conn.requestDecoded.bind(conn) as RequestDecoded;
    conn.requestDecoded = ((apiKey, version, body, timeoutMs, expectResponse, cb: ProduceCallback) => {
      if (apiKey !== ApiKey.Produce) {
        send(apiKey, version, body, timeoutMs, expectResponse, cb);
        return;
      }
      intercept({ version, body, conn, cb, send: (done) => send(apiKey, version, body, timeoutMs, expectResponse, done) });
    }) as RequestDecoded;
  });
}

/** Calls `wrap` once for every connection the client opens from now on (to replace its request methods). */
export function onEachConnection(client: { cluster: Producer['cluster'] }, wrap: (conn: Connection) => void): void {
  const wrapped = new WeakSet<Connection>();
  const cluster = client.cluster;
  const original = cluster.nodeConnection.bind(cluster);
  cluster.nodeConnection = async (nodeId: number, purpose?: string): Promise<Connection> => {
    const conn = await original(nodeId, purpose);
    if (!wrapped.has(conn)) {
      wrapped.add(conn);
      wrap(conn);
    }
    return conn;
  };
}

/** Reads `count` records from the given partitions (from the start) or fails after `timeoutMs`. */
export async function consumeN(opts: ConsumerOptions, topic: string, partitions: number[], count: number, timeoutMs = 20_000): Promise<ConsumerRecord[]> {
  const consumer = new Consumer(opts);
  consumer.assign(partitions.map((partition) => ({ topic, partition, offset: 'earliest' as const })));
  const out: ConsumerRecord[] = [];
  const timer = setTimeout(() => void consumer.close(), timeoutMs);
  try {
    if (count > 0) {
      for await (const r of consumer) {
        out.push(r);
        if (out.length >= count) break;
      }
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
  if (out.length < count) throw new Error(`read ${out.length} of ${count} records from ${topic} within ${timeoutMs} ms`);
  return out;
}
