// tide top against Tideline and Apache Kafka: `--once --format json` after producing known data
// (records, lag and status of a group behind, DLQ depth, disk, and an in-rate consistent with a
// producer running during the sample); with --metrics on a Tideline endpoint; the live mode
// without a terminal exits cleanly on SIGINT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Producer } from '@tideline/client';
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import type { TopView } from '../src/top-view.js';
import { TIDE_BIN, tide, tideOk } from './tide.js';

const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-top-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});
useApacheKafka();

const topOnce = async (bootstrap: string, extra: string[] = []): Promise<TopView> =>
  JSON.parse((await tideOk(['-b', bootstrap, 'top', '--once', '--format', 'json', '--top', '1000', ...extra])).stdout) as TopView;

bothBrokers('tide top --once --format json: records, group lag and status, DLQ depth, disk, in-rate', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('top');
  const group = `${topic}-g`;
  const dlq = `${topic}.dlq`;
  await tideOk(['-b', b.bootstrap, 'topic', 'create', topic, '-p', '1']);
  await tideOk(['-b', b.bootstrap, 'topic', 'create', dlq, '-p', '1']);
  await tideOk(['-b', b.bootstrap, 'produce', topic], { input: Array.from({ length: 50 }, (_, i) => `value-${i}`).join('\n') + '\n' });
  await tideOk(['-b', b.bootstrap, 'produce', dlq], { input: 'bad-1\nbad-2\nbad-3\n' });
  await tideOk(['-b', b.bootstrap, 'group', 'seek', group, '--to', '10', '-t', topic, '--execute']);

  const v = await topOnce(b.bootstrap, ['--interval', '500ms', '--status-after', '500ms']);
  assert.equal(v.source, 'kafka');
  assert.ok(v.intervalSeconds !== null && v.intervalSeconds >= 0.5);
  const t = v.topics.find((x) => x.topic === topic);
  assert.equal(t?.records, 50);
  assert.equal(t?.partitions, 1);
  assert.equal(t?.inRecordsPerSec, 0, 'nothing produced during the sample');
  assert.ok(t!.sizeBytes >= 50 * 'value-0'.length, `size on disk ${t!.sizeBytes}`);
  const g = v.groups.find((x) => x.group === group);
  assert.equal(g?.lag, 40);
  assert.equal(g?.consumedPerSec, 0);
  assert.equal(g?.status, 'STOP', 'behind and not committing');
  assert.deepEqual(v.dlq.find((x) => x.topic === dlq), { topic: dlq, records: 3, growthPerSec: 0 });
  assert.ok(v.disk.length >= 1);
  assert.ok(v.disk.reduce((a, d) => a + d.usedBytes, 0) >= t!.sizeBytes);

  // A producer running during the sample: the in-rate is positive and no more than what it sent.
  const busy = uniqueTopic('top-busy');
  await tideOk(['-b', b.bootstrap, 'topic', 'create', busy, '-p', '2']);
  const p = new Producer({ bootstrap: b.bootstrap });
  let sent = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      await p.send({ topic: busy, messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })) });
      sent += 10;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  let busyView: TopView;
  try {
    busyView = await topOnce(b.bootstrap, ['--interval', '1s']);
  } finally {
    running = false;
    await loop;
    await p.close();
  }
  const bt = busyView.topics.find((x) => x.topic === busy)!;
  assert.ok(bt.inRecordsPerSec !== null && bt.inRecordsPerSec > 0, `in-rate ${bt.inRecordsPerSec}`);
  assert.ok(bt.inRecordsPerSec * busyView.intervalSeconds! <= sent, `${bt.inRecordsPerSec}/s over ${busyView.intervalSeconds}s, ${sent} sent`);
  assert.ok(busyView.topics[0]!.inRecordsPerSec! >= bt.inRecordsPerSec, 'busiest topic first');
  // Samples spanning less than --status-after (default 10s) give no sampled status.
  assert.equal(busyView.groups.find((x) => x.group === group)?.status, null);

  // The table names every section.
  const text = (await tideOk(['-b', b.bootstrap, 'top', '--once', '--interval', '200ms', '--status-after', '200ms'])).stdout;
  for (const s of ['TOPICS', 'GROUPS', 'DLQ', 'DISK']) assert.match(text, new RegExp(`^${s}\\n`, 'm'));
  assert.match(text, new RegExp(`^${group.replace(/[.]/g, '\\.')}\\s+\\S+\\s+0\\s+40\\s+0\\s+STOP$`, 'm'));
});

test('tide top --metrics reads a Tideline metrics endpoint (bytes in, lag status from the broker)', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-top-metrics-'));
  const broker = await startBroker({ dataDir: dir, port: 0, metricsListen: '127.0.0.1:0' });
  try {
    const url = broker.metrics!.url!;
    await tideOk(['-b', broker.bootstrap, 'topic', 'create', 'm-topic', '-p', '1']);
    await tideOk(['-b', broker.bootstrap, 'produce', 'm-topic'], { input: 'a\nb\nc\n' });
    await tideOk(['-b', broker.bootstrap, 'group', 'seek', 'm-group', '--to', '1', '-t', 'm-topic', '--execute']);
    const v = await topOnce(broker.bootstrap, ['--interval', '300ms', '--metrics', url]);
    assert.equal(v.source, 'kafka+metrics');
    assert.equal(v.totals.bytesInPerSec, 0);
    assert.ok(v.broker !== null && v.broker.diskUsedBytes > 0 && v.broker.connections >= 1);
    const g = v.groups.find((x) => x.group === 'm-group');
    assert.equal(g?.lag, 2);
    assert.ok(g?.status !== null && g?.lagSeconds !== null, JSON.stringify(g));
    // An endpoint that does not answer is an error, not a crash.
    const bad = await tide(['-b', broker.bootstrap, 'top', '--once', '--interval', '100ms', '--metrics', 'http://127.0.0.1:1/metrics']);
    assert.equal(bad.code, 1);
  } finally {
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tide top (live, no terminal) refreshes and exits 0 on SIGINT', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-top-live-'));
  const broker = await startBroker({ dataDir: dir, port: 0 });
  try {
    const child = spawn(process.execPath, [TIDE_BIN, '-b', broker.bootstrap, 'top', '--interval', '200ms'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while ((out.match(/^TOPICS$/gm) ?? []).length < 2) {
      if (Date.now() > deadline) throw new Error(`no second refresh: ${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    assert.equal(code, 0, err);
  } finally {
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
