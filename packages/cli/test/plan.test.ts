// tide plan: the seeds' example through the real bin (table and JSON), the SVG chart, bad input,
// --calibrate (structure and positive numbers only: the machine's speed is not asserted), and
// --from-metrics against a live broker's metrics endpoint.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { tide, tideOk } from './tide.js';

interface PlanJson {
  storage: { perDayBytes: number; perDayReplicatedBytes: number; retainedBytes: number; provisionBytes: number };
  ingressMBps: { average: number; peak: number };
  partitions: { needed: number };
  brokers: { needed: number; binding: string; by: Array<{ resource: string; brokers: number; why: string }> };
  nodeCeilings: Array<{ resource: string; ingressMBps: number }>;
  series: Array<{ day: number; bytes: number }>;
  steps: string[];
  limits: Record<string, number | string>;
  calibration?: {
    disk: { mbps: number; bytes: number; freeBytes: number };
    loopback: { mbps: number };
    broker: { records: number; produce: { mbps: number; mbPerCpuSecond: number }; fetch: { mbps: number; mbPerCpuSecond: number } };
  };
  observed?: { messagesPerSecond: number; averageMessageBytes: number; steps: string[] };
}

test("the seeds' example: 1,000,000 × 1 KB per minute is 1.44 TB per day", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-plan-'));
  try {
    const svg = join(dir, 'storage.svg');
    const t = await tideOk(['plan', '--rate', '1000000/min', '--size', '1KB', '--retention', '7d', '--replication', '1', '--svg', svg]);
    assert.match(t.stdout, /PER DAY \(ONE COPY\)\s+1\.44 TB/);
    assert.match(t.stdout, /storage per day = 16\.7 MB\/s × 86,400 s = 1\.44 TB/);
    assert.match(t.stdout, /STORED BYTES OVER THE RETENTION WINDOW/);
    assert.match(readFileSync(svg, 'utf8'), /^<svg /);
    const j = JSON.parse((await tideOk(['plan', '--rate', '1000000/min', '--format', 'json'])).stdout) as PlanJson;
    assert.equal(Math.round(j.storage.perDayBytes / 1e10), 144);
    assert.equal(Math.round(j.storage.perDayReplicatedBytes / 1e10), 432); // default RF 3
    assert.equal(j.series.length, 49);
    assert.equal(j.limits['source'], 'rules of thumb');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bad input: a clear error and exit code 1', async () => {
  const none = await tide(['plan']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /--rate/);
  const bad = await tide(['plan', '--rate', 'fast']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /not a rate/);
});

test('--calibrate measures this machine and uses the measured limits', { timeout: 60_000 }, async () => {
  const j = JSON.parse((await tideOk(['plan', '--rate', '1000000/min', '--calibrate', '--format', 'json'], { timeoutMs: 55_000 })).stdout) as PlanJson;
  const c = j.calibration!;
  for (const v of [c.disk.mbps, c.disk.bytes, c.disk.freeBytes, c.loopback.mbps, c.broker.records, c.broker.produce.mbps, c.broker.produce.mbPerCpuSecond, c.broker.fetch.mbps, c.broker.fetch.mbPerCpuSecond]) {
    assert.ok(Number.isFinite(v) && v > 0, `${v} is a positive number`);
  }
  assert.match(String(j.limits['source']), /^measured on /);
  assert.equal(j.limits['diskWriteMBps'], c.disk.mbps);
  assert.equal(j.limits['partitionProduceMBps'], c.broker.produce.mbps);
  assert.ok(j.brokers.needed >= 3);
  assert.ok(['disk space', 'disk throughput', 'network', 'cpu', 'replication factor'].includes(j.brokers.binding));
  assert.equal(j.nodeCeilings.length, 3);
});

test('--from-metrics: the rates between two scrapes of a live broker are what was produced', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-plan-broker-'));
  const broker = await startBroker({ dataDir: dir, port: 0, metricsListen: '127.0.0.1:0' });
  let proxy: Server | null = null;
  try {
    const metricsUrl = broker.metrics!.url!;
    const admin = new Admin({ bootstrap: broker.bootstrap });
    await admin.createTopics([{ topic: 'orders', numPartitions: 2, replicationFactor: 1 }]);
    await admin.close();
    // In front of the endpoint: traffic starts once the first scrape is answered, and the second
    // scrape waits until it is all acknowledged — the interval holds exactly 2,000 records.
    let scrapes = 0;
    let produced: Promise<void> | null = null;
    proxy = createServer((req, res) => {
      const n = ++scrapes;
      void (async () => {
        if (n >= 2) await produced;
        const r = await fetch(metricsUrl);
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'text/plain' });
        res.end(await r.text());
        if (n === 1) {
          produced = (async () => {
            const p = new Producer({ bootstrap: broker.bootstrap });
            const value = Buffer.alloc(500, 0x61);
            for (let i = 0; i < 20; i++) await p.send({ topic: 'orders', messages: Array.from({ length: 100 }, (_, k) => ({ key: `k${k}`, value })) });
            await p.close();
          })();
        }
      })();
    });
    await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    const r = await tideOk(['plan', '--from-metrics', `http://127.0.0.1:${port}/metrics`, '--interval', '1', '--retention', '1d', '--format', 'json']);
    const j = JSON.parse(r.stdout) as PlanJson;
    const o = j.observed!;
    assert.match(o.steps[0]!, /Δ sum\(tideline_topic_messages_in_total\) 2000 \//);
    assert.ok(o.averageMessageBytes >= 500, `${o.averageMessageBytes} B per message (values of 500 B plus record overhead)`);
    assert.ok(j.ingressMBps.average > 0);
  } finally {
    await new Promise((r) => (proxy === null ? r(undefined) : proxy.close(r)));
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
