// Per-connection limits of the server (server.ts Connection): clients that pipeline requests and
// never read their answers cost the broker a bounded amount of memory, and other clients stay
// served while they do.
// Regression (found by the reliability suite's resource-limit test): 20 clients pipelining
// Metadata requests without reading made the broker hold 16 MiB of queued answers each, every
// ~150-byte answer pinning a 1 KiB encoder slice plus a write request (3.5 GB RSS), while handling
// all of them without yielding starved kcat's ApiVersions request for more than 10 s.
//
// Fairness is asserted in work, not time: while a probe's request waits, the broker may handle
// only a few turns (framesPerTurn frames) of every other connection. A wall-clock bound measured
// the machine's load instead (a loaded CI run once saw a 3.3 s probe): the never-readers' writes
// ran in this same process, and one synchronous pump of 130k small writes into the kernel's
// socket buffers blocked the event loop for up to 2.4 s with the broker handling nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, ErrorCode, FrameDecoder, encodeRequest } from '@tideline/protocol';
import { kcat, toolOrSkip } from '@tideline/interop';
import { DEFAULT_CONNECTION_LIMITS } from '../src/server.js';
import { batch, withBroker, WireClient, type TestBroker } from './wire-client.js';

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

/** Counts the requests of one API the broker handles, until `restore()`. */
function countHandled(tb: TestBroker, apiKey: number): { readonly count: number; restore(): void } {
  const h = tb.broker.broker.registry.get(apiKey)!;
  const original = h.handle;
  let count = 0;
  h.handle = (body, ctx) => {
    count++;
    return original.call(h, body, ctx);
  };
  return {
    get count() { return count; },
    restore() { h.handle = original; },
  };
}

interface Probe {
  ms: number;
  /** Requests of the other clients the broker handled between the probe's request and its answer. */
  othersHandled: number;
}

async function probe(tb: TestBroker, others: { readonly count: number }): Promise<Probe> {
  const t0 = performance.now();
  const c = await WireClient.connect(tb.broker.port);
  try {
    const before = others.count;
    const r = await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 'probe', clientSoftwareVersion: '1' });
    assert.equal(r.errorCode, ErrorCode.NONE);
    return { ms: performance.now() - t0, othersHandled: others.count - before };
  } finally {
    c.close();
  }
}

/** A fair share: while one request waits, every other connection gets at most a few turns. */
function assertFair(probes: Probe[], connections: number): void {
  const bound = 4 * connections * DEFAULT_CONNECTION_LIMITS.framesPerTurn;
  const worst = Math.max(...probes.map((p) => p.othersHandled));
  assert.ok(worst <= bound, `a probe waited while the broker handled ${worst} requests of other clients (fair share: <= ${bound})`);
}

test('clients pipelining Metadata requests without reading stay bounded and do not starve others (regression: 3.5 GB and a 10 s kcat stall)', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async (tb) => {
    await tb.client.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'live', numPartitions: 1, replicationFactor: 1 }] });
    const frame = Buffer.concat(encodeRequest(ApiKey.Metadata, 12, 1, 'never-reader', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
    // 1 MiB writes (not one write per 40-byte frame): the writers share this process's event loop
    // with the broker and must not block it.
    const chunk = Buffer.concat(Array.from({ length: Math.floor(MiB / frame.length) }, () => frame));
    const metadata = countHandled(tb, ApiKey.Metadata);
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
          mine += chunk.length;
          written += chunk.length;
          if (!s.write(chunk)) return;
        }
      };
      s.on('drain', pump);
      pump();
      sockets.push(s);
    }
    try {
      const probes: Probe[] = [];
      for (let i = 0; i < 10; i++) {
        probes.push(await probe(tb, metadata));
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
      t.diagnostic(`${(written / MiB).toFixed(0)} MiB of Metadata requests written by 10 never-readers, ${metadata.count} handled; ApiVersions probes: max ${Math.max(...probes.map((p) => p.ms)).toFixed(0)} ms, other requests handled meanwhile ${probes.map((p) => p.othersHandled).join(' ')}; kcat 200 records ${kcatMs} ms; peak memory growth ${(peak / MiB).toFixed(1)} MiB`);
      assert.ok(probes.some((p) => p.othersHandled > 0), 'the never-readers were being served while the probes ran');
      assertFair(probes, sockets.length);
      assert.ok(peak < 96 * MiB, `memory grew by ${(peak / MiB).toFixed(1)} MiB`);
      for (const s of sockets) assert.equal(s.destroyed, false, 'never-readers are paused, not dropped');
    } finally {
      closed = true;
      metadata.restore();
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
    const fetchCount = countHandled(tb, ApiKey.Fetch);
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
      const p = await probe(tb, fetchCount);
      const peak = sampler.stop();
      t.diagnostic(`peak memory growth with 8 never-reading fetchers: ${(peak / MiB).toFixed(1)} MiB; ${fetchCount.count} Fetches handled; ApiVersions probe ${p.ms.toFixed(0)} ms, Fetches handled meanwhile ${p.othersHandled}`);
      assert.ok(peak < 128 * MiB, `memory grew by ${(peak / MiB).toFixed(1)} MiB (64 answers in flight per connection would be ~2 GiB)`);
      assertFair([p], sockets.length);
    } finally {
      fetchCount.restore();
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
    const answers = new FrameDecoder();
    const ids: number[] = [];
    const done = new Promise<void>((resolve, reject) => {
      s.on('data', (d: Buffer) => {
        answers.push(d);
        for (let f = answers.next(); f !== undefined; f = answers.next()) ids.push(f.readInt32BE(0));
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
