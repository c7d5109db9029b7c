// Resource limits against a `tide broker start` process with its open-files limit raised:
// 5,000 idle connections, slow readers and clients that never read responses at the same time;
// broker memory stays bounded and a kcat produce/consume on another connection completes in time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey } from '@tideline/protocol';
import { kcat, toolOrSkip } from '@tideline/interop';
import { startBrokerProcess } from '../src/broker-process.js';
import { WireClient, batch, createTopic, probe } from '../src/wire.js';
import { neverReaders, openIdle, slowReaders } from '../src/limits.js';

const IDLE = 5000;
const SLOW = 20;
const NEVER = 20;

test(`${IDLE} idle connections, ${SLOW} slow readers, ${NEVER} never-reading clients: bounded memory, kcat still served`, { timeout: 150_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-limits-'));
  const broker = await startBrokerProcess({ dataDir: dir, logLevel: 'warn', maxOpenFiles: 20_000 });
  const held: Array<{ closeAll(): void }> = [];
  try {
    // ~8 MiB of data for the slow readers to fetch.
    await createTopic(broker.port, 'big');
    const c = await WireClient.connect(broker.port);
    const value = 'x'.repeat(100_000);
    for (let i = 0; i < 80; i++) {
      const r = await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, topicData: [{ name: 'big', partitionData: [{ index: 0, records: batch([`${i}:${value}`]) }] }] });
      assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, 0);
    }
    c.close();
    const rssBase = broker.rssKiB();

    const idle = await openIdle(broker.port, IDLE);
    held.push(idle);
    const rssIdle = broker.rssKiB();
    await probe(broker.port, 5000);
    const slow = await slowReaders(broker.port, SLOW, 'big', 200);
    held.push(slow);
    const never = await neverReaders(broker.port, NEVER);
    held.push(never);
    let rssMax = 0;
    const sampler = setInterval(() => {
      rssMax = Math.max(rssMax, broker.rssKiB());
    }, 200);
    try {
      await new Promise((r) => setTimeout(r, 3000));
      // kcat on its own connections: produce 1000 records acks=all, then read them back.
      const t0 = performance.now();
      const lines = Array.from({ length: 1000 }, (_, i) => `v${i}`).join('\n') + '\n';
      await kcat(['-b', broker.bootstrap, '-P', '-t', 'live', '-X', 'acks=all', '-X', 'topic.metadata.refresh.interval.ms=1000'], { input: lines, timeoutMs: 30_000 });
      const out = await kcat(['-b', broker.bootstrap, '-C', '-t', 'live', '-o', 'beginning', '-e', '-q'], { timeoutMs: 30_000 });
      const kcatMs = performance.now() - t0;
      assert.equal(out.stdout.trim().split('\n').length, 1000);
      assert.ok(kcatMs < 20_000, `kcat produce+consume took ${kcatMs} ms`);
      const probes: number[] = [];
      for (let i = 0; i < 5; i++) probes.push(await probe(broker.port, 5000));
      assert.ok(Math.max(...probes) < 2000, `ApiVersions probes took ${probes.map(Math.round).join(', ')} ms`);
      const summary = { rssBaseKiB: rssBase, rssIdleKiB: rssIdle, rssMaxKiB: rssMax, kcatMs: Math.round(kcatMs), probeMaxMs: Math.round(Math.max(...probes)), slowBytesWritten: slow.written(), neverBytesWritten: never.written() };
      t.diagnostic(JSON.stringify(summary));
      // Per connection the broker holds at most one Fetch answer, ~256 KiB of unsent answers and
      // the requests of one read; 5,000 idle sockets cost ~20 MiB. Before the server's per-connection
      // limits were fixed this grew by 3.4 GB and kcat timed out.
      assert.ok(rssMax < rssBase + 384 * 1024, `broker RSS grew from ${rssBase} to ${rssMax} KiB`);
      assert.ok(broker.alive());
    } finally {
      clearInterval(sampler);
    }
  } finally {
    for (const h of held) h.closeAll();
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
