// The planner's arithmetic against the seeds' example and published sizing guidance; each test
// name or comment shows the arithmetic it checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_LIMITS, GB, MB, TB, computePlan, formatBytes, nodeCeilings, parseDuration, parseRate, parsePrometheusText, parseSize, ratesBetween,
  storageSeries, svgChart, terminalChart, type NodeLimits,
} from '../src/index.js';

const close = (actual: number, expected: number, rel = 1e-9): void => assert.ok(Math.abs(actual - expected) <= Math.abs(expected) * rel, `${actual} ≈ ${expected}`);

test('seeds: 1,000,000 × 1 KB per minute = 16,666.7 msg/s × 1000 B = 16.67 MB/s × 86,400 s = 1.44 TB per day', () => {
  const p = computePlan({ ...parseRate('1,000,000/min'), messageBytes: parseSize('1KB'), retentionSeconds: parseDuration('7d'), replicationFactor: 1 });
  close(p.messagesPerSecond.average, 1_000_000 / 60);
  close(p.ingressMBps.average, 16.666_666_666_7, 1e-6);
  close(p.storage.perDayBytes, 1.44 * TB);
  assert.equal(formatBytes(p.storage.perDayBytes), '1.44 TB');
  // Seven days at RF 1: 10.08 TB; disks at most 70 % full: 14.4 TB to provision.
  close(p.storage.retainedBytes, 10.08 * TB);
  close(p.storage.provisionBytes, 14.4 * TB);
});

test('published example (disk space): 200 MB/s × RF 3 × 604,800 s = 362,880,000 MB; / 2,000,000 MB per broker / 0.7 = 259.2 → 260 brokers', () => {
  // "Cluster Sizing and Disk Math" (arika.dev, Kafka in Production, part 1): 200 MB/s, RF 3, 7 days, 2 TB disks, never past 70 %.
  const p = computePlan({ messages: 200_000, per: 'second', messageBytes: 1000, retentionSeconds: 7 * 86_400, replicationFactor: 3, diskFillTarget: 0.7 }, { ...DEFAULT_LIMITS, diskBytes: 2 * TB });
  close(p.storage.retainedBytes, 362_880_000 * MB);
  const disk = p.brokers.by.find((b) => b.resource === 'disk space')!;
  assert.equal(disk.brokers, 260);
  assert.equal(p.brokers.needed, 260);
  assert.equal(p.brokers.binding, 'disk space');
});

test("Google Cloud's procedure (CPU): 100 MB/s, RF 3, 2 groups: write 300 + read (200 + 200) / 4 = 400 MB/s write-equivalent; / 20 MB/s / 0.5 = 40 vCPUs = 5 brokers of 8", () => {
  const p = computePlan({ messages: 100_000, per: 'second', messageBytes: 1000, retentionSeconds: 3600, replicationFactor: 3, consumerGroups: 2, utilizationTarget: 0.5 });
  const cpu = p.brokers.by.find((b) => b.resource === 'cpu')!;
  assert.match(cpu.why, /write-equivalent = 300 \+ 400 × 0\.25 = 400 MB\/s; \/ 20 MB\/s per vCPU \/ 0\.5 = 40 vCPUs \/ 8 per broker = 5/);
  assert.equal(cpu.brokers, 5);
  assert.equal(p.brokers.binding, 'cpu');
});

test("AWS's Equation 1 (disk and network): the broker count N is the least with min(250·N/3, 150·N/(2 + 3 − 1)) ≥ 100 MB/s: N = 3 (112.5), not 2 (75)", () => {
  // Disk 250 MB/s and network 150 MB/s per broker at 100 % utilisation, RF 3, two consumer groups, 100 MB/s in.
  const limits: NodeLimits = { ...DEFAULT_LIMITS, diskWriteMBps: 250, networkMBps: 150, vcpus: 1000 };
  const p = computePlan({ messages: 100_000, per: 'second', messageBytes: 1000, retentionSeconds: 60, replicationFactor: 3, consumerGroups: 2, utilizationTarget: 1 }, limits);
  const eq1 = (n: number): number => Math.min((250 * n) / 3, (150 * n) / (2 + 3 - 1));
  const byNet = p.brokers.by.find((b) => b.resource === 'network')!.brokers;
  const byDisk = p.brokers.by.find((b) => b.resource === 'disk throughput')!.brokers;
  const n = Math.max(byNet, byDisk);
  assert.equal(n, 3);
  assert.ok(eq1(n) >= 100 && eq1(n - 1) < 100);
  assert.equal(p.brokers.binding, 'network');
  // One node's ceilings for this workload: network 150 / 4 = 37.5 MB/s binds before disk 250 / 3 = 83.3.
  assert.deepEqual(nodeCeilings(p).map((c) => [c.resource, Math.round(c.ingressMBps * 10) / 10]).slice(0, 2), [['network', 37.5], ['disk throughput', 83.3]]);
});

test("partitions (Confluent's max(t/p, t/c)): 100 MB/s with p = 10 and c = 20 MB/s → max(10, 5) = 10; parallelism 24 → 24; peak ×2 and compression 4 → 50 MB/s → 5", () => {
  const base = { messages: 100_000, per: 'second' as const, messageBytes: 1000, retentionSeconds: 3600 };
  assert.deepEqual(computePlan(base).partitions, { needed: 10, byProducer: 10, byConsumer: 5, byParallelism: 1, chosen: null, enough: null });
  assert.equal(computePlan({ ...base, parallelism: 24, partitions: 12 }).partitions.needed, 24);
  assert.equal(computePlan({ ...base, parallelism: 24, partitions: 12 }).partitions.enough, false);
  assert.equal(computePlan({ ...base, peakFactor: 2, compressionRatio: 4 }).partitions.needed, 5);
});

test('units: sizes, durations and rates parse; bad input is a RangeError', () => {
  assert.equal(parseSize('1KB'), 1000);
  assert.equal(parseSize('1.5MiB'), 1.5 * 1024 * 1024);
  assert.equal(parseSize('512'), 512);
  assert.equal(parseDuration('7d'), 604_800);
  assert.equal(parseDuration('12h'), 43_200);
  assert.deepEqual(parseRate('5000/s'), { messages: 5000, per: 'second' });
  assert.deepEqual(parseRate('2e9/day'), { messages: 2e9, per: 'day' });
  assert.throws(() => parseSize('1 parsec'), RangeError);
  assert.throws(() => parseRate('fast'), RangeError);
  assert.throws(() => computePlan({ messages: 1, per: 'second', messageBytes: 0, retentionSeconds: 1 }), RangeError);
});

test('storage over the retention window grows linearly to the retained bytes; the charts draw it', () => {
  const p = computePlan({ messages: 1_000_000, per: 'minute', messageBytes: 1000, retentionSeconds: 3 * 86_400, replicationFactor: 3 });
  const s = storageSeries(p, 6);
  assert.equal(s.length, 7);
  assert.equal(s[0]!.bytes, 0);
  close(s[6]!.bytes, p.storage.retainedBytes);
  close(s[3]!.bytes, p.storage.retainedBytes / 2);
  const chart = terminalChart(s, { height: 4, limitBytes: p.storage.provisionBytes });
  assert.equal(chart.split('\n').length, 4 + 3);
  assert.match(chart, /█/);
  const svg = svgChart(s, { limitBytes: p.storage.provisionBytes });
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /<path d="M80\.0,280\.0 L/);
  assert.match(svg, /disk to provision 18\.5 TB/);
});

test('Prometheus text: counters summed over topics, rates between two scrapes with the arithmetic', () => {
  const a = parsePrometheusText([
    '# HELP tideline_topic_bytes_in_total Record batch bytes appended to a topic',
    '# TYPE tideline_topic_bytes_in_total counter',
    'tideline_topic_bytes_in_total{topic="orders"} 1000',
    'tideline_topic_bytes_in_total{topic="pay\\"ments"} 500',
    'tideline_topic_messages_in_total{topic="orders"} 10',
    'tideline_topic_messages_in_total{topic="pay\\"ments"} 5',
    'tideline_topic_bytes_out_total{topic="orders"} 0',
    'garbage line',
  ].join('\n'));
  assert.equal(a.length, 5);
  assert.equal(a[1]!.labels['topic'], 'pay"ments');
  const b = parsePrometheusText([
    'tideline_topic_bytes_in_total{topic="orders"} 21000',
    'tideline_topic_bytes_in_total{topic="pay\\"ments"} 10500',
    'tideline_topic_messages_in_total{topic="orders"} 110',
    'tideline_topic_messages_in_total{topic="pay\\"ments"} 55',
    'tideline_topic_bytes_out_total{topic="orders"} 60000',
  ].join('\n'));
  const r = ratesBetween(a, b, 10);
  assert.equal(r.messagesPerSecond, 15); // (100 + 50) / 10 s
  assert.equal(r.bytesInPerSecond, 3000); // (20,000 + 10,000) / 10 s
  assert.equal(r.averageMessageBytes, 200); // 30,000 B / 150
  assert.equal(r.fanOut, 2); // 60,000 out / 30,000 in
  assert.match(r.steps[0]!, /Δ sum\(tideline_topic_messages_in_total\) 150 \/ 10 s = 15/);
  assert.equal(GB, 1e9);
});
