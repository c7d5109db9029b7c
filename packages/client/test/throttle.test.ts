// KIP-219 on the client side, against a scripted broker: a response with throttleTimeMs > 0 holds
// the connection's queued requests until the throttle has passed (the broker would not read them
// anyway), in-flight requests are not failed by it, a held request's timeout starts when it is
// written, and the throttle times are counted. Below the KIP-219 version the throttle is counted
// but not held (the broker delayed that response itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, ErrorCode, encodeResponse } from '@tideline/protocol';
import { Connection } from '../src/internal.js';

interface Arrival {
  at: number;
  apiKey: number;
  version: number;
  correlationId: number;
}

/**
 * A broker that answers ApiVersions (Metadata v0-12) and then each Metadata request with the
 * throttle time `throttleFor(n)` (n counts Metadata requests from 0), after `delayFor(n)` ms.
 */
async function scriptedBroker(throttleFor: (n: number) => number, delayFor: (n: number) => number = () => 0): Promise<{ port: number; arrivals: Arrival[]; close(): Promise<void> }> {
  const arrivals: Arrival[] = [];
  const socks: net.Socket[] = [];
  let n = 0;
  const srv = net.createServer((s) => {
    socks.push(s);
    let buf = Buffer.alloc(0);
    s.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
        const frame = buf.subarray(4, 4 + buf.readInt32BE(0));
        buf = buf.subarray(4 + frame.length);
        const a: Arrival = { at: Date.now(), apiKey: frame.readInt16BE(0), version: frame.readInt16BE(2), correlationId: frame.readInt32BE(4) };
        arrivals.push(a);
        if (a.apiKey === ApiKey.ApiVersions) {
          for (const b of encodeResponse(ApiKey.ApiVersions, 3, a.correlationId, { errorCode: ErrorCode.NONE, apiKeys: [{ apiKey: ApiKey.Metadata, minVersion: 0, maxVersion: 12 }] })) s.write(b);
          continue;
        }
        const i = n++;
        const answer = (): void => {
          if (s.destroyed) return;
          for (const b of encodeResponse(ApiKey.Metadata, a.version, a.correlationId, { throttleTimeMs: throttleFor(i), brokers: [], clusterId: null, controllerId: -1, topics: [] })) s.write(b);
        };
        const delay = delayFor(i);
        if (delay > 0) setTimeout(answer, delay);
        else answer();
      }
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    port: (srv.address() as net.AddressInfo).port,
    arrivals,
    close: async () => {
      for (const s of socks) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
}

test('a throttled response holds queued requests for the throttle time; their timeout starts when written', async () => {
  const THROTTLE = 3000;
  const broker = await scriptedBroker((n) => (n === 0 ? THROTTLE : 0));
  // A request timeout shorter than the throttle: a held request must not time out. (Broker and
  // client share this process's event loop, so the margins are seconds, not milliseconds: a
  // loaded machine can stall the loop between an answer's write and its read.)
  const conn = await Connection.connect({ host: '127.0.0.1', port: broker.port, maxInFlight: 1, requestTimeoutMs: 2000 });
  try {
    const res = await Promise.all(Array.from({ length: 3 }, () => conn.request(ApiKey.Metadata, { topics: [] })));
    assert.deepEqual(res.map((r) => r.throttleTimeMs), [THROTTLE, 0, 0]);
    const md = broker.arrivals.filter((a) => a.apiKey === ApiKey.Metadata);
    assert.equal(md.length, 3);
    // The second request reached the broker only after the throttle had passed.
    assert.ok(md[1]!.at - md[0]!.at >= THROTTLE - 20, `second request sent ${md[1]!.at - md[0]!.at} ms after the first`);
    assert.deepEqual({ ...conn.throttleStats }, { count: 1, totalMs: THROTTLE, maxMs: THROTTLE, lastMs: THROTTLE });
    assert.equal(conn.closed, false);
  } finally {
    conn.close();
    await broker.close();
  }
});

test('a request in flight when a throttle arrives gets the throttle added to its timeout', async () => {
  const THROTTLE = 3000;
  // The second request is answered only once the throttle has passed, as a muted broker would.
  const broker = await scriptedBroker((n) => (n === 0 ? THROTTLE : 0), (n) => (n === 1 ? THROTTLE : 0));
  const conn = await Connection.connect({ host: '127.0.0.1', port: broker.port, maxInFlight: 2, requestTimeoutMs: 2000 });
  try {
    const res = await Promise.all([conn.request(ApiKey.Metadata, { topics: [] }), conn.request(ApiKey.Metadata, { topics: [] })]);
    assert.deepEqual(res.map((r) => r.throttleTimeMs), [THROTTLE, 0]);
    assert.equal(conn.closed, false);
  } finally {
    conn.close();
    await broker.close();
  }
});

test('below the KIP-219 version the throttle is counted but not held', async () => {
  const THROTTLE = 5000;
  const broker = await scriptedBroker(() => THROTTLE);
  // Metadata v5 predates KIP-219: the broker delayed the response itself.
  const conn = await Connection.connect({ host: '127.0.0.1', port: broker.port, maxInFlight: 1, versionLimits: new Map([[ApiKey.Metadata, 5]]) });
  try {
    assert.equal(conn.versionFor(ApiKey.Metadata), 5);
    await conn.request(ApiKey.Metadata, { topics: [] });
    assert.equal(conn.throttledUntil, 0);
    await conn.request(ApiKey.Metadata, { topics: [] });
    assert.equal(conn.throttleStats.count, 2);
    assert.equal(conn.throttleStats.totalMs, 2 * THROTTLE);
  } finally {
    conn.close();
    await broker.close();
  }
});

test('closing a throttled connection fails its held requests at once', async () => {
  const broker = await scriptedBroker(() => 60_000);
  const conn = await Connection.connect({ host: '127.0.0.1', port: broker.port, maxInFlight: 1 });
  try {
    await conn.request(ApiKey.Metadata, { topics: [] });
    const held = conn.request(ApiKey.Metadata, { topics: [] });
    conn.close();
    await assert.rejects(held, /closed by the client/);
  } finally {
    await broker.close();
  }
});
