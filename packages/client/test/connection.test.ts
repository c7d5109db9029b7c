// Connection layer: version negotiation, pipelining with an in-flight limit, timeouts, errors
// that name the broker, clean close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { Connection, VersionTable, intersect, clientRange, ClientError, Cluster } from '../src/internal.js';
import { bothBrokers, useApacheKafka } from './brokers.js';

useApacheKafka();

test('intersect picks the highest common version or -1', () => {
  assert.equal(intersect({ minVersion: 0, maxVersion: 12 }, { minVersion: 3, maxVersion: 9 }), 9);
  assert.equal(intersect({ minVersion: 4, maxVersion: 17 }, { minVersion: 0, maxVersion: 18 }), 17);
  assert.equal(intersect({ minVersion: 4, maxVersion: 6 }, { minVersion: 7, maxVersion: 9 }), -1);
  const vt = new VersionTable([{ apiKey: 1, minVersion: 4, maxVersion: 99 }, { apiKey: 9999, minVersion: 0, maxVersion: 1 }], new Map([[1, 12]]));
  assert.equal(vt.version(ApiKey.Fetch), 12);
  assert.equal(vt.version(ApiKey.Produce), -1);
});

bothBrokers('connect, negotiate versions from ApiVersions, pipeline requests', {}, async (b) => {
  const [host, port] = b.bootstrap.split(':') as [string, string];
  const conn = await Connection.connect({ host, port: Number(port), maxInFlight: 2 });
  try {
    const fetchV = conn.versionFor(ApiKey.Fetch);
    const theirs = conn.versions.broker.get(ApiKey.Fetch)!;
    assert.equal(fetchV, Math.min(theirs.maxVersion, clientRange(ApiKey.Fetch).maxVersion));
    const res = await Promise.all(Array.from({ length: 20 }, () => conn.request(ApiKey.Metadata, { topics: [] })));
    assert.equal(res.length, 20);
    for (const r of res) assert.ok(r.brokers.length >= 1);
  } finally {
    conn.close();
  }
  await assert.rejects(conn.request(ApiKey.Metadata, { topics: [] }), (e: unknown) => e instanceof ClientError && e.code === 'CLIENT_CLOSED');
});

test('connection errors name the broker and why', async () => {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  await assert.rejects(Connection.connect({ host: '127.0.0.1', port, label: 'node 7' }), (e: unknown) => {
    assert.ok(e instanceof ClientError);
    assert.equal(e.code, 'CONNECTION_ERROR');
    assert.equal(e.retriable, true);
    assert.match(e.message, /node 7.*ECONNREFUSED/);
    return true;
  });
});

test('a request timeout fails the request and closes the connection', async () => {
  // A server that answers ApiVersions and then goes silent.
  const { encodeResponse } = await import('@tideline/protocol');
  const socks: net.Socket[] = [];
  const srv = net.createServer((s) => {
    socks.push(s);
    let answered = false;
    s.on('data', (d) => {
      if (answered) return;
      answered = true;
      const id = d.readInt32BE(8);
      for (const buf of encodeResponse(ApiKey.ApiVersions, 3, id, { errorCode: ErrorCode.NONE, apiKeys: [{ apiKey: 3, minVersion: 0, maxVersion: 12 }] })) s.write(buf);
    });
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  try {
    const conn = await Connection.connect({ host: '127.0.0.1', port, requestTimeoutMs: 200 });
    assert.equal(conn.versionFor(ApiKey.Metadata), 12);
    assert.throws(() => conn.versionFor(ApiKey.Produce), /Produce: no common version/);
    const t0 = Date.now();
    await assert.rejects(conn.request(ApiKey.Metadata, { topics: [] }), (e: unknown) => e instanceof ClientError && e.code === 'REQUEST_TIMEOUT');
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(conn.closed, true);
  } finally {
    for (const s of socks) s.destroy();
    await new Promise<void>((r) => srv.close(() => r()));
  }
});

bothBrokers('cluster metadata: bootstrap, brokers, auto-created topic with leaders', {}, async (b) => {
  const cluster = new Cluster({ bootstrap: b.bootstrap });
  try {
    const t = await cluster.topic(`meta-${Date.now()}`);
    assert.ok(t.partitions.length >= 1);
    assert.ok(cluster.brokers.size >= 1);
    assert.ok(t.partitions.every((p) => cluster.brokers.has(p.leader)));
  } finally {
    await cluster.close();
  }
});
