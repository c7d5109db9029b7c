// Per-connection limits of the server (server.ts Connection): clients that pipeline requests and
// never read their answers cost the broker a bounded amount of memory, and other clients stay
// served while they do.
// Regression (found by the reliability suite's resource-limit test): 20 clients pipelining
// Metadata requests without reading made the broker hold 16 MiB of queued answers each, every
// ~150-byte answer pinning a 1 KiB encoder slice plus a write request (3.5 GB RSS), while handling
// all of them without yielding starved kcat's ApiVersions request for more than 10 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, ErrorCode, encodeRequest } from '@tideline/protocol';
import { kcat, toolOrSkip } from '@tideline/interop';
import { batch, withBroker, WireClient } from './wire-client.js';

const MiB = 1024 * 1024;
const mem = (): number => process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;

function rawConnect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Samples memory every 20 ms until stopped; resolves the peak growth over `base`. */
function peakSampler(base: number): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, mem() - base);
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, mem() - base);
    },
  };
}

async function probeMs(port: number): Promise<number> {
  const t0 = performance.now();
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 'probe', clientSoftwareVersion: '1' });
    assert.equal(r.errorCode, ErrorCode.NONE);
    return performance.now() - t0;
  } finally {
    c.close();
  }
}

test('clients pipelining Metadata requests without reading stay bounded and do not starve others (regression: 3.5 GB and a 10 s kcat stall)', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async (tb) => {
    await tb.client.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'live', numPartitions: 1, replicationFactor: 1 }] });
    const frame = Buffer.concat(encodeRequest(ApiKey.Metadata, 12, 1, 'never-reader', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
    const base = mem();
    const sampler = peakSampler(base);
    const sockets: net.Socket[] = [];
    let written = 0;
    let closed = false;
    for (let i = 0; i < 10; i++) {
      const s = await rawConnect(tb.broker.port);
      s.on('error', () => {});
      s.pause();
      let mine = 0;
      const pump = (): void => {
        while (!closed && mine < 8 * MiB) {
          mine += frame.length;
          written += frame.length;
          if (!s.write(frame)) return;
        }
      };
      s.on('drain', pump);
      pump();
      sockets.push(s);
    }
    try {
      const probes: number[] = [];
      for (let i = 0; i < 10; i++) {
        probes.push(await probeMs(tb.broker.port));
        await new Promise((r) => setTimeout(r, 100));
      }
      const t0 = Date.now();
      const input = Array.from({ length: 200 }, (_, i) => `v${i}`).join('\n') + '\n';
      const p = await kcat(['-b', tb.broker.bootstrap, '-P', '-t', 'live', '-p', '0', '-X', 'acks=all'], { input, timeoutMs: 20_000 });
      assert.equal(p.code, 0, p.stderr);
      const c = await kcat(['-b', tb.broker.bootstrap, '-C', '-t', 'live', '-p', '0', '-o', 'beginning', '-c', '200', '-e', '-q'], { timeoutMs: 20_000 });
      assert.equal(c.stdout.trim().split('\n').length, 200);
      const kcatMs = Date.now() - t0;
      const peak = sampler.stop();
      t.diagnostic(`${(written / MiB).toFixed(0)} MiB of Metadata requests written by 10 never-readers; ApiVersions probes max ${Math.max(...probes).toFixed(0)} ms; kcat 200 records ${kcatMs} ms; peak memory growth ${(peak / MiB).toFixed(1)} MiB`);
      assert.ok(Math.max(...probes) < 2000, `a probe took ${Math.max(...probes).toFixed(0)} ms`);
      assert.ok(kcatMs < 15_000, `kcat took ${kcatMs} ms`);
      assert.ok(peak < 96 * MiB, `memory grew by ${(peak / MiB).toFixed(1)} MiB`);
      for (const s of sockets) assert.equal(s.destroyed, false, 'never-readers are paused, not dropped');
    } finally {
      closed = true;
      sampler.stop();
      for (const s of sockets) s.destroy();
    }
  });
});

test('pipelined Fetch requests are handled one at a time per connection: a never-reading fetcher holds about one answer (regression: up to 64 answers each)', { timeout: 60_000 }, async (t) => {
  await withBroker(async (tb) => {
    const c = tb.client;
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'big', numPartitions: 1, replicationFactor: 1 }] });
    const value = Buffer.alloc(1000, 'x');
    for (let i = 0; i < 16; i++) {
      const r = await c.send(ApiKey.Produce, 9, {
        acks: -1, timeoutMs: 5000,
        topicData: [{ name: 'big', partitionData: [{ index: 0, records: batch(Array.from({ length: 256 }, () => ({ key: null, value }))) }] }],
      });
      assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    }
    // 8 connections x 200 pipelined Fetches of ~4 MiB answers; none is ever read.
    const fetches: Buffer[] = [];
    for (let id = 1; id <= 200; id++) {
      fetches.push(...encodeRequest(ApiKey.Fetch, 12, id, 'fetcher', {
        replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 8 * MiB, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
        topics: [{ topic: 'big', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 8 * MiB, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
        forgottenTopicsData: [], rackId: '',
      }));
    }
    const all = Buffer.concat(fetches);
    const base = mem();
    const sampler = peakSampler(base);
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const s = await rawConnect(tb.broker.port);
        s.on('error', () => {});
        s.pause();
        s.write(all);
        sockets.push(s);
      }
      await new Promise((r) => setTimeout(r, 2000));
      const probe = await probeMs(tb.broker.port);
      const peak = sampler.stop();
      t.diagnostic(`peak memory growth with 8 never-reading fetchers: ${(peak / MiB).toFixed(1)} MiB; ApiVersions probe ${probe.toFixed(0)} ms`);
      assert.ok(peak < 128 * MiB, `memory grew by ${(peak / MiB).toFixed(1)} MiB (64 answers in flight per connection would be ~2 GiB)`);
      assert.ok(probe < 2000);
    } finally {
      sampler.stop();
      for (const s of sockets) s.destroy();
    }
  });
});

test('a client pipelining thousands of requests and reading them gets every answer in order', { timeout: 60_000 }, async () => {
  await withBroker(async (tb) => {
    const s = await rawConnect(tb.broker.port);
    const n = 20_000;
    const frames: Buffer[] = [];
    for (let id = 0; id < n; id++) {
      frames.push(...encodeRequest(ApiKey.ApiVersions, id % 2 === 0 ? 3 : 0, id, 'pipeliner', { clientSoftwareName: 'p', clientSoftwareVersion: '1' }));
    }
    let buf = Buffer.alloc(0);
    const ids: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      s.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
          ids.push(buf.readInt32BE(4));
          buf = buf.subarray(4 + buf.readInt32BE(0));
        }
        if (ids.length === n) resolve();
      });
      s.once('close', () => reject(new Error(`closed after ${ids.length} answers`)));
    });
    s.write(Buffer.concat(frames));
    await done;
    s.destroy();
    assert.deepEqual(ids, Array.from({ length: n }, (_, i) => i));
  });
});
