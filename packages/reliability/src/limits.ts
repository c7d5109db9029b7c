// Resource-limit drivers: many idle connections, slow readers (pipelined Fetch requests whose
// responses are never read), and clients that keep writing requests without reading anything;
// `runLimits` puts them together against a broker process (the CI test and the long mode).
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey, ErrorCode, encodeRequest } from '@tideline/protocol';
import { kcat } from '@tideline/interop';
import { startBrokerProcess } from './broker-process.js';
import { WireClient, batch, createTopic, probe } from './wire.js';

export interface Sockets {
  sockets: net.Socket[];
  /** Bytes of requests written (accepted by the kernel or queued in this process). */
  written(): number;
  closeAll(): void;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/** `n` connections that connect and then do nothing (opened `parallel` at a time). */
export async function openIdle(port: number, n: number, parallel = 200): Promise<Sockets> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, n - i) }, () => connect(port)));
    for (const s of batch) {
      s.on('error', () => {});
      sockets.push(s);
    }
  }
  return { sockets, written: () => 0, closeAll: () => sockets.forEach((s) => s.destroy()) };
}

/**
 * `n` connections that each pipeline `requests` Fetch requests for `topic`/0 from offset 0 and never
 * read a byte (the socket is paused, so the kernel's receive buffer fills and the broker must stop).
 */
export async function slowReaders(port: number, n: number, topic: string, requests: number, maxBytes = 1 << 20): Promise<Sockets> {
  let total = 0;
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = await connect(port);
    s.on('error', () => {});
    s.pause();
    for (let r = 0; r < requests; r++) {
      const frame = Buffer.concat(encodeRequest(ApiKey.Fetch, 12, r, 'slow-reader', {
        maxWaitMs: 0, minBytes: 0, maxBytes, sessionEpoch: -1,
        topics: [{ topic, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: maxBytes }] }],
      }));
      total += frame.length;
      s.write(frame);
    }
    sockets.push(s);
  }
  return { sockets, written: () => total, closeAll: () => sockets.forEach((s) => s.destroy()) };
}

/**
 * `n` connections that write Metadata requests without reading, each until the kernel stops
 * accepting them (`write()` returns false) or `maxBytesEach` is reached; they keep topping up
 * whenever the socket drains, until `closeAll`.
 */
export async function neverReaders(port: number, n: number, maxBytesEach = 8 << 20): Promise<Sockets> {
  let total = 0;
  let closed = false;
  const frame = Buffer.concat(encodeRequest(ApiKey.Metadata, 12, 1, 'never-reader', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = await connect(port);
    s.on('error', () => {});
    s.pause();
    let mine = 0;
    const pump = (): void => {
      while (!closed && mine < maxBytesEach) {
        mine += frame.length;
        total += frame.length;
        if (!s.write(frame)) return;
      }
    };
    s.on('drain', pump);
    pump();
    sockets.push(s);
  }
  return {
    sockets,
    written: () => total,
    closeAll: () => {
      closed = true;
      sockets.forEach((s) => s.destroy());
    },
  };
}

export interface LimitsOptions {
  /** Idle connections (CI: 5,000). */
  idle: number;
  slow: number;
  never: number;
  /** How long the load is held before the kcat check (default 3 s). */
  holdMs?: number;
  /** Allowed RSS growth over the broker's RSS before the connections, in KiB (default 384 MiB). */
  rssGrowthKiB?: number;
}

export interface LimitsResult {
  summary: {
    idle: number; slow: number; never: number;
    rssBaseKiB: number; rssIdleKiB: number; rssMaxKiB: number;
    kcatMs: number; probeMaxMs: number; slowBytesWritten: number; neverBytesWritten: number;
  };
  failures: string[];
}

/**
 * A broker process with its open-files limit raised and ~8 MiB in topic `big`; then `idle` idle
 * connections, `slow` slow readers and `never` never-reading clients at once, while kcat produces
 * 1,000 records acks=all and reads them back on its own connections and ApiVersions probes run.
 * Per connection the broker holds at most one Fetch answer, ~256 KiB of unsent answers and the
 * requests of one read; 5,000 idle sockets cost ~20 MiB. Before the server's per-connection limits
 * were fixed this grew by 3.4 GB and kcat timed out.
 */
export async function runLimits(o: LimitsOptions): Promise<LimitsResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-limits-'));
  const broker = await startBrokerProcess({ dataDir: dir, logLevel: 'warn', maxOpenFiles: Math.max(20_000, o.idle + o.slow + o.never + 1000) });
  const held: Sockets[] = [];
  const failures: string[] = [];
  try {
    await createTopic(broker.port, 'big');
    const c = await WireClient.connect(broker.port);
    const value = 'x'.repeat(100_000);
    try {
      for (let i = 0; i < 80; i++) {
        const r = await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, topicData: [{ name: 'big', partitionData: [{ index: 0, records: batch([`${i}:${value}`]) }] }] });
        const code = r.responses[0]!.partitionResponses[0]!.errorCode;
        if (code !== ErrorCode.NONE) throw new Error(`setup Produce answered error ${code}`);
      }
    } finally {
      c.close();
    }
    const rssBase = broker.rssKiB();
    const idle = await openIdle(broker.port, o.idle);
    held.push(idle);
    const rssIdle = broker.rssKiB();
    await probe(broker.port, 5000);
    const slow = await slowReaders(broker.port, o.slow, 'big', 200);
    held.push(slow);
    const never = await neverReaders(broker.port, o.never);
    held.push(never);
    let rssMax = 0;
    const sampler = setInterval(() => {
      if (broker.alive()) rssMax = Math.max(rssMax, broker.rssKiB());
    }, 200);
    try {
      await new Promise((r) => setTimeout(r, o.holdMs ?? 3000));
      const t0 = performance.now();
      const lines = Array.from({ length: 1000 }, (_, i) => `v${i}`).join('\n') + '\n';
      await kcat(['-b', broker.bootstrap, '-P', '-t', 'live', '-X', 'acks=all', '-X', 'topic.metadata.refresh.interval.ms=1000'], { input: lines, timeoutMs: 30_000 });
      const out = await kcat(['-b', broker.bootstrap, '-C', '-t', 'live', '-o', 'beginning', '-e', '-q'], { timeoutMs: 30_000 });
      const kcatMs = performance.now() - t0;
      const read = out.stdout.trim().split('\n').length;
      if (read !== 1000) failures.push(`kcat read back ${read} of 1000 records`);
      if (kcatMs >= 20_000) failures.push(`kcat produce+consume took ${Math.round(kcatMs)} ms`);
      const probes: number[] = [];
      for (let i = 0; i < 5; i++) probes.push(await probe(broker.port, 5000));
      if (Math.max(...probes) >= 2000) failures.push(`ApiVersions probes took ${probes.map(Math.round).join(', ')} ms`);
      const growth = o.rssGrowthKiB ?? 384 * 1024;
      if (rssMax >= rssBase + growth) failures.push(`broker RSS grew from ${rssBase} to ${rssMax} KiB`);
      if (!broker.alive()) failures.push('broker died');
      return {
        summary: {
          idle: o.idle, slow: o.slow, never: o.never, rssBaseKiB: rssBase, rssIdleKiB: rssIdle, rssMaxKiB: rssMax,
          kcatMs: Math.round(kcatMs), probeMaxMs: Math.round(Math.max(...probes)), slowBytesWritten: slow.written(), neverBytesWritten: never.written(),
        },
        failures,
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    for (const h of held) h.closeAll();
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
