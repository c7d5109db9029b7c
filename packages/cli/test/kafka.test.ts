// The `tide` bin against a real Apache Kafka broker (KRaft, from the interop harness): topics,
// configs, produce/consume, classic and KIP-848 groups with lag, offset resets and deletion.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { missingReason, startApacheKafka, toolOrSkip, type ApacheKafka } from '@tideline/interop';
import { lines, tide, tideOk, type JsonRecord } from './tide.js';

let kafka: ApacheKafka | null = null;

before(async () => {
  // Without Apache Kafka the tests below skip themselves (or fail, under CI).
  if (missingReason('apache-kafka') === undefined) kafka = await startApacheKafka();
}, { timeout: 120_000 });

after(async () => {
  await kafka?.stop();
});

interface GroupDoc {
  state: string;
  type: string;
  totalLag: number;
  partitions: Array<{ partition: number; committedOffset: number | null; lag: number | null }>;
}

const describeGroup = async (b: string, group: string): Promise<GroupDoc> =>
  (JSON.parse((await tideOk(['-b', b, 'group', 'describe', group, '--format', 'json'])).stdout) as GroupDoc[])[0]!;

test('tide topic create/list/describe/alter-config/delete and cluster info against Apache Kafka', { timeout: 120_000 }, async (t) => {
  if (!toolOrSkip(t, 'apache-kafka')) return;
  const b = kafka!.bootstrap;
  await tideOk(['-b', b, 'topic', 'create', 'k-topic', '-p', '3', '-r', '1', '-c', 'retention.ms=7200000']);
  const list = JSON.parse((await tideOk(['-b', b, 'topic', 'list', '--format', 'json'])).stdout) as Array<{ name: string; partitions: number; replicas: number }>;
  const row = list.find((x) => x.name === 'k-topic');
  assert.equal(row?.partitions, 3);
  assert.equal(row?.replicas, 1);
  assert.match((await tideOk(['-b', b, 'topic', 'list'])).stdout, /^NAME\s+PARTITIONS\s+REPLICAS\n(.*\n)*k-topic\s+3\s+1\n/);

  await tideOk(['-b', b, 'topic', 'alter-config', 'k-topic', '--set', 'cleanup.policy=compact']);
  const d = (JSON.parse((await tideOk(['-b', b, 'topic', 'describe', 'k-topic', '--format', 'json'])).stdout) as Array<{
    name: string; partitions: Array<{ partition: number; leader: number; replicas: number[]; highWatermark: number }>; configs: Record<string, { value: string; source: string }>;
  }>)[0]!;
  assert.equal(d.partitions.length, 3);
  assert.deepEqual(d.partitions.map((p) => p.highWatermark), [0, 0, 0]);
  assert.equal(d.configs['retention.ms']!.value, '7200000');
  assert.equal(d.configs['retention.ms']!.source, 'topic');
  assert.equal(d.configs['cleanup.policy']!.value, 'compact');
  const text = (await tideOk(['-b', b, 'topic', 'describe', 'k-topic', '--all-configs'])).stdout;
  assert.match(text, /CONFIGS\n=+\nKEY\s+VALUE\s+SOURCE\n/);
  assert.match(text, /segment\.bytes\s+\d+\s+(default|static-broker)/);

  const info = JSON.parse((await tideOk(['-b', b, 'cluster', 'info', '--format', 'json'])).stdout) as { clusterId: string; brokers: Array<{ port: number }> };
  assert.ok(info.clusterId.length > 0);
  assert.equal(info.brokers[0]!.port, kafka!.port);

  await tideOk(['-b', b, 'topic', 'delete', 'k-topic']);
  const gone = await tide(['-b', b, 'topic', 'describe', 'k-topic']);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, /UNKNOWN_TOPIC_OR_PARTITION/);
});

test('tide produce, consume, group lag and seek against Apache Kafka (classic and KIP-848 groups)', { timeout: 180_000 }, async (t) => {
  if (!toolOrSkip(t, 'apache-kafka')) return;
  const b = kafka!.bootstrap;
  await tideOk(['-b', b, 'topic', 'create', 'k-events', '-p', '2']);
  const input = Array.from({ length: 12 }, (_, i) => `key-${i % 4}\tvalue-${i}`).join('\n') + '\n';
  await tideOk(['-b', b, 'produce', 'k-events', '-s', '\t', '-z', 'lz4', '-H', 'from=tide'], { input });
  const all = lines((await tideOk(['-b', b, 'consume', 'k-events', '--format', 'json'])).stdout) as JsonRecord[];
  assert.equal(all.length, 12);
  assert.deepEqual(new Set(all.map((r) => `${r.key}/${r.value}`)), new Set(Array.from({ length: 12 }, (_, i) => `key-${i % 4}/value-${i}`)));
  assert.ok(all.every((r) => r.headers[0]?.value === 'tide'));

  for (const protocol of ['classic', 'consumer'] as const) {
    const group = `k-${protocol}`;
    const got = lines((await tideOk(['-b', b, 'consume', 'k-events', '-g', group, '--group-protocol', protocol, '-n', '5', '--format', 'json'])).stdout);
    assert.equal(got.length, 5);
    let g = await describeGroup(b, group);
    assert.equal(g.type, protocol);
    assert.equal(g.totalLag, 7, `${protocol}: lag after 5 of 12`);
    await tideOk(['-b', b, 'group', 'seek', group, '--to', 'start']);
    assert.equal((await describeGroup(b, group)).totalLag, 7, `${protocol}: dry run`);
    await tideOk(['-b', b, 'group', 'seek', group, '--to', 'start', '--execute']);
    g = await describeGroup(b, group);
    assert.equal(g.totalLag, 12, `${protocol}: after seek to start`);
    const again = lines((await tideOk(['-b', b, 'consume', 'k-events', '-g', group, '--group-protocol', protocol, '--format', 'json'])).stdout);
    assert.equal(again.length, 12);
    assert.equal((await describeGroup(b, group)).totalLag, 0);
  }
  const groups = JSON.parse((await tideOk(['-b', b, 'group', 'list', '--format', 'json'])).stdout) as Array<{ groupId: string; type: string }>;
  assert.deepEqual(groups.filter((g) => g.groupId.startsWith('k-')).map((g) => [g.groupId, g.type]), [['k-classic', 'classic'], ['k-consumer', 'consumer']]);
  assert.match((await tideOk(['-b', b, 'topic', 'list', '--internal'])).stdout, /\n__consumer_offsets\s+\d+\s+1\n/);
  await tideOk(['-b', b, 'group', 'delete', 'k-classic', 'k-consumer']);
  assert.equal((await describeGroup(b, 'k-classic')).state, 'Dead');
});
