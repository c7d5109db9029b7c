// The `tide` bin end to end against a Tideline broker: topics, produce, consume (with and without
// a group), group lag, offset resets (dry run, then --execute), cross-checked with kcat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type RunningBroker } from '@tideline/broker';
import { kcat, toolOrSkip } from '@tideline/interop';
import { lines, tide, TIDE_BIN, tideOk, type JsonRecord } from './tide.js';

let broker: RunningBroker;
let dir: string;
let B: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tide-e2e-'));
  broker = await startBroker({ dataDir: join(dir, 'data'), port: 0, logLevel: 'silent' });
  B = broker.bootstrap;
});

after(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

interface GroupDoc {
  groupId: string;
  state: string;
  totalLag: number;
  members: unknown[];
  partitions: Array<{ topic: string; partition: number; committedOffset: number | null; logEndOffset: number; lag: number | null }>;
}

async function describeGroup(group: string): Promise<GroupDoc> {
  const r = await tideOk(['-b', B, 'group', 'describe', group, '--format', 'json']);
  return (JSON.parse(r.stdout) as GroupDoc[])[0]!;
}

const committedSum = (g: GroupDoc): number => g.partitions.reduce((s, p) => s + (p.committedOffset ?? 0), 0);

test('create a topic, produce keyed lines, consume as JSON, group lag, seek (dry run, --execute), consume again', { timeout: 120_000 }, async () => {
  const created = await tideOk(['-b', B, 'topic', 'create', 'events', '-p', '3', '-c', 'retention.ms=86400000']);
  assert.match(created.stdout, /^TOPIC\s+PARTITIONS\s+STATUS\nevents\s+3\s+OK\n$/);

  const input = Array.from({ length: 30 }, (_, i) => `user-${i % 7}=event ${i}`).join('\n') + '\n';
  const produced = await tideOk(['-b', B, 'produce', 'events', '-s', '=', '-H', 'source=e2e', '-H', 'v=1'], { input });
  assert.match(produced.stderr, /produced 30 records to events/);

  // No group: everything, as JSON lines.
  const all = lines((await tideOk(['-b', B, 'consume', 'events', '--format', 'json'])).stdout) as JsonRecord[];
  assert.equal(all.length, 30);
  const byValue = new Map(all.map((r) => [r.value, r]));
  for (let i = 0; i < 30; i++) {
    const r = byValue.get(`event ${i}`);
    assert.ok(r, `event ${i} consumed`);
    assert.equal(r.key, `user-${i % 7}`);
    assert.deepEqual(r.headers, [{ key: 'source', value: 'e2e' }, { key: 'v', value: '1' }]);
  }
  // One partition per key; order kept within a key.
  for (let k = 0; k < 7; k++) {
    const recs = all.filter((r) => r.key === `user-${k}`);
    assert.equal(new Set(recs.map((r) => r.partition)).size, 1);
    assert.deepEqual(recs.map((r) => Number(r.value!.split(' ')[1])), recs.map((r) => Number(r.value!.split(' ')[1])).sort((a, b) => a - b));
  }

  // A group reads 20 and commits them: lag 10.
  const first = lines((await tideOk(['-b', B, 'consume', 'events', '--group', 'g1', '--format', 'json', '-n', '20'])).stdout);
  assert.equal(first.length, 20);
  let g = await describeGroup('g1');
  assert.equal(g.state, 'Empty');
  assert.equal(g.partitions.length, 3);
  assert.equal(committedSum(g), 20);
  assert.equal(g.totalLag, 10);
  const table = await tideOk(['-b', B, 'group', 'describe', 'g1']);
  assert.match(table.stdout, /TOTAL-LAG\s+10\n/);
  assert.match(table.stdout, /TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-START-OFFSET\s+LOG-END-OFFSET\s+LAG/);

  // Seek to the start: a dry run changes nothing.
  const dry = await tideOk(['-b', B, 'group', 'seek', 'g1', '--to', 'start', '--format', 'json']);
  const plan = JSON.parse(dry.stdout) as { executed: boolean; partitions: Array<{ newOffset: number }> };
  assert.equal(plan.executed, false);
  assert.deepEqual(plan.partitions.map((p) => p.newOffset), [0, 0, 0]);
  assert.match(dry.stderr, /dry run: nothing committed/);
  assert.equal(committedSum(await describeGroup('g1')), 20);

  const exec = await tideOk(['-b', B, 'group', 'seek', 'g1', '--to', 'start', '--execute']);
  assert.match(exec.stdout, /NEW-OFFSET/);
  g = await describeGroup('g1');
  assert.equal(committedSum(g), 0);
  assert.equal(g.totalLag, 30);

  // Consume again: all 30, then no lag.
  const again = lines((await tideOk(['-b', B, 'consume', 'events', '-g', 'g1', '--format', 'json'])).stdout) as JsonRecord[];
  assert.equal(again.length, 30);
  assert.deepEqual(new Set(again.map((r) => r.value)), new Set(all.map((r) => r.value)));
  assert.equal((await describeGroup('g1')).totalLag, 0);

  // Seek one partition to an offset, then to a timestamp past the end (= the end).
  const p0 = g.partitions.find((p) => p.partition === 0)!;
  await tideOk(['-b', B, 'group', 'seek', 'g1', '--topic', 'events:0', '--to', '1', '--execute']);
  g = await describeGroup('g1');
  assert.equal(g.partitions.find((p) => p.partition === 0)!.committedOffset, Math.min(1, p0.logEndOffset));
  const shifted = JSON.parse((await tideOk(['-b', B, 'group', 'seek', 'g1', '--topic', 'events', '--shift-by', '-1', '--format', 'json'])).stdout) as { partitions: Array<{ partition: number; currentOffset: number; newOffset: number }> };
  assert.deepEqual(shifted.partitions.map((p) => p.newOffset), shifted.partitions.map((p) => Math.max(0, p.currentOffset - 1)));
  assert.equal((await tide(['-b', B, 'group', 'seek', 'g1', '--to', 'end', '--shift-by', '1'])).code, 1);
  await tideOk(['-b', B, 'group', 'seek', 'g1', '--topic', 'events', '--to', `@${Date.now() + 3_600_000}`, '--execute']);
  assert.equal((await describeGroup('g1')).totalLag, 0);

});

test('kcat reads what tide produced: same keys, values and headers', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const all = lines((await tideOk(['-b', B, 'consume', 'events', '--format', 'json'])).stdout) as JsonRecord[];
  assert.equal(all.length, 30);
  const k = await kcat(['-b', B, '-C', '-t', 'events', '-e', '-q', '-f', '%k|%s|%h|%p|%o\n'], { timeoutMs: 30_000 });
  const rows = k.stdout.split('\n').filter((l) => l !== '').sort();
  assert.deepEqual(rows, all.map((r) => `${r.key}|${r.value}|source=e2e,v=1|${r.partition}|${r.offset}`).sort());
});

test('kcat produces, tide consumes (partition, offset and timestamp starts; formats)', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await tideOk(['-b', B, 'topic', 'create', 'from-kcat', '-p', '2']);
  const input = Array.from({ length: 10 }, (_, i) => `k${i}:v${i}`).join('\n') + '\n';
  await kcat(['-b', B, '-P', '-t', 'from-kcat', '-p', '1', '-K', ':', '-H', 'origin=kcat'], { input, timeoutMs: 30_000 });
  const recs = lines((await tideOk(['-b', B, 'consume', 'from-kcat', '-p', '1', '--format', 'json'])).stdout) as JsonRecord[];
  assert.deepEqual(recs.map((r) => [r.key, r.value, r.offset]), Array.from({ length: 10 }, (_, i) => [`k${i}`, `v${i}`, i]));
  assert.deepEqual(recs[0]!.headers, [{ key: 'origin', value: 'kcat' }]);
  const kv = await tideOk(['-b', B, 'consume', 'from-kcat', '-p', '1', '-o', '7', '--format', 'kv', '-s', '=']);
  assert.equal(kv.stdout, 'k7=v7\nk8=v8\nk9=v9\n');
  const last2 = await tideOk(['-b', B, 'consume', 'from-kcat', '-o', '-2']);
  assert.equal(last2.stdout, 'v8\nv9\n');
  const fromTime = await tideOk(['-b', B, 'consume', 'from-kcat', '-o', `@${recs[4]!.timestamp}`, '-n', '1', '--format', 'json']);
  assert.ok((lines(fromTime.stdout) as JsonRecord[])[0]!.offset <= 4);
  const none = await tideOk(['-b', B, 'consume', 'from-kcat', '-p', '0']);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /consumed 0 records/);
});

test('produce options: fixed partition, compression, acks, JSON acknowledgements; topic describe/alter/list/delete', { timeout: 60_000 }, async () => {
  await tideOk(['-b', B, 'topic', 'create', 'opts', '-p', '4']);
  const acks = lines((await tideOk(['-b', B, 'produce', 'opts', '-p', '2', '-z', 'zstd', '--acks', '1', '--format', 'json'], { input: 'a\nb\nc\n' })).stdout) as Array<{ partition: number; offset: number }>;
  assert.deepEqual(acks.map((a) => [a.partition, a.offset]), [[2, 0], [2, 1], [2, 2]]);
  for (const codec of ['gzip', 'snappy', 'lz4']) await tideOk(['-b', B, 'produce', 'opts', '-p', '3', '-z', codec, '-k', 'same'], { input: `${codec}\n` });
  assert.equal((await tideOk(['-b', B, 'consume', 'opts', '-p', '3'])).stdout, 'gzip\nsnappy\nlz4\n');
  const badPartition = await tide(['-b', B, 'produce', 'opts', '-p', '9'], { input: 'x\n' });
  assert.equal(badPartition.code, 1);
  assert.match(badPartition.stderr, /partition 9 does not exist: opts has 4 partitions/);

  await tideOk(['-b', B, 'topic', 'alter-config', 'opts', '--set', 'cleanup.policy=compact', '--set', 'retention.ms=1000']);
  const d = (JSON.parse((await tideOk(['-b', B, 'topic', 'describe', 'opts', '--format', 'json'])).stdout) as Array<{ name: string; partitions: Array<{ partition: number; highWatermark: number }>; configs: Record<string, { value: string; source: string }> }>)[0]!;
  assert.equal(d.name, 'opts');
  assert.equal(d.partitions.length, 4);
  assert.equal(d.partitions[2]!.highWatermark, 3);
  assert.equal(d.configs['cleanup.policy']!.value, 'compact');
  assert.equal(d.configs['retention.ms']!.source, 'topic');
  const text = await tideOk(['-b', B, 'topic', 'describe', 'opts']);
  assert.match(text.stdout, /SUMMARY\n=+\nNAME\s+opts\n/);
  assert.match(text.stdout, /cleanup\.policy\s+compact\s+topic/);
  assert.match(text.stdout, /PARTITION\s+LEADER\s+EPOCH\s+REPLICAS\s+ISR\s+LOG-START-OFFSET\s+HIGH-WATERMARK\n0\s+1\s+0\s+\[1\]\s+\[1\]\s+0\s+0\n/);
  await tideOk(['-b', B, 'topic', 'alter-config', 'opts', '--delete', 'retention.ms']);
  const after = (JSON.parse((await tideOk(['-b', B, 'topic', 'describe', 'opts', '-c', '--format', 'json'])).stdout) as Array<{ configs: Record<string, unknown> }>)[0]!;
  assert.equal(after.configs['retention.ms'], undefined);

  await tideOk(['-b', B, 'topic', 'add-partitions', 'opts', '-n', '2']);
  const list = JSON.parse((await tideOk(['-b', B, 'topic', 'list', '--format', 'json'])).stdout) as Array<{ name: string; partitions: number }>;
  assert.equal(list.find((t) => t.name === 'opts')!.partitions, 6);
  const exists = await tide(['-b', B, 'topic', 'create', 'opts']);
  assert.equal(exists.code, 1);
  assert.match(exists.stderr, /TOPIC_ALREADY_EXISTS.*\n\s+hint: pass --if-not-exists/);
  await tideOk(['-b', B, 'topic', 'create', 'opts', '--if-not-exists']);
  await tideOk(['-b', B, 'topic', 'delete', 'opts']);
  assert.doesNotMatch((await tideOk(['-b', B, 'topic', 'list'])).stdout, /\bopts\b/);
  const missing = await tide(['-b', B, 'topic', 'describe', 'opts']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /UNKNOWN_TOPIC_OR_PARTITION \(opts\)/);
});

test('group seek refuses an active group; a following consumer stops on SIGTERM and commits', { timeout: 60_000 }, async () => {
  await tideOk(['-b', B, 'topic', 'create', 'live', '-p', '1']);
  await tideOk(['-b', B, 'produce', 'live'], { input: 'one\ntwo\n' });
  const child = spawn(process.execPath, [TIDE_BIN, '-b', B, 'consume', 'live', '-g', 'live-g', '--follow'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no records within 20 s; stderr: ${err}`)), 20_000);
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out === 'one\ntwo\n') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const g = await describeGroup('live-g');
    assert.equal(g.state, 'Stable');
    assert.equal(g.members.length, 1);
    const refused = await tide(['-b', B, 'group', 'seek', 'live-g', '--to', 'start', '--execute']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /group live-g is active \(state Stable, 1 member\)/);
    const dry = await tideOk(['-b', B, 'group', 'seek', 'live-g', '--to', 'start', '--topic', 'live']);
    assert.match(dry.stderr, /warning: group live-g is active/);
    const delActive = await tide(['-b', B, 'group', 'delete', 'live-g']);
    assert.equal(delActive.code, 1);
    assert.match(delActive.stderr, /NON_EMPTY_GROUP/);

    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(err, /consumed 2 records \(group live-g, offsets committed\)/);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  const g = await describeGroup('live-g');
  assert.equal(g.members.length, 0);
  assert.equal(committedSum(g), 2);
  const listed = JSON.parse((await tideOk(['-b', B, 'group', 'list', '--format', 'json'])).stdout) as Array<{ groupId: string; state: string }>;
  assert.ok(listed.some((x) => x.groupId === 'live-g' && x.state === 'Empty'));
  await tideOk(['-b', B, 'group', 'delete', 'live-g']);
  assert.equal((await describeGroup('live-g')).state, 'Dead');
});

test('brokers from TIDE_BROKERS and the profile file; an unreachable broker is named with exit code 1', { timeout: 60_000 }, async () => {
  const info = JSON.parse((await tideOk(['cluster', 'info', '--format', 'json'], { env: { TIDE_BROKERS: B } })).stdout) as { clusterId: string; brokers: Array<{ nodeId: number; port: number }>; bootstrapSource: string };
  assert.equal(info.bootstrapSource, 'TIDE_BROKERS');
  assert.equal(info.brokers.length, 1);
  assert.equal(info.brokers[0]!.port, broker.port);
  const profile = join(dir, 'profile.json');
  writeFileSync(profile, JSON.stringify({ brokers: [B] }));
  const viaProfile = await tideOk(['cluster', 'info'], { env: { TIDE_PROFILE: profile } });
  assert.match(viaProfile.stdout, new RegExp(`BOOTSTRAP\\s+${B} \\(from profile ${profile}\\)`));
  assert.match(viaProfile.stdout, /BROKERS\n=+\nID\s+HOST\s+PORT\s+RACK\n1\*\s+127\.0\.0\.1/);

  // The flag wins over the environment: a closed port is reported with where it came from.
  const closed = await tide(['-b', '127.0.0.1:1', 'topic', 'list'], { env: { TIDE_BROKERS: B } });
  assert.equal(closed.code, 1);
  assert.equal(closed.stdout, '');
  assert.match(closed.stderr, /^tide: .*127\.0\.0\.1:1.*ECONNREFUSED/);
  assert.match(closed.stderr, /brokers: 127\.0\.0\.1:1 \(from --brokers\)/);
  const usage = await tide(['-b', B, 'topic', 'create']);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /missing required argument 'topics'/);
  const badOffset = await tide(['-b', B, 'consume', 'events', '-o', 'soon']);
  assert.equal(badOffset.code, 1);
  assert.match(badOffset.stderr, /offset "soon" not understood/);
});

test('group delete-offsets removes the offsets of a topic the group no longer consumes', { timeout: 60_000 }, async () => {
  await tideOk(['-b', B, 'topic', 'create', 'old-a', '-p', '2']);
  await tideOk(['-b', B, 'topic', 'create', 'old-b', '-p', '1']);
  await tideOk(['-b', B, 'produce', 'old-a'], { input: 'a1\na2\na3\n' });
  await tideOk(['-b', B, 'produce', 'old-b'], { input: 'b1\n' });
  await tideOk(['-b', B, 'consume', 'old-a', '-g', 'do-g', '-n', '3']);
  await tideOk(['-b', B, 'consume', 'old-b', '-g', 'do-g', '-n', '1']);
  const topicsOf = (g: GroupDoc): string[] => [...new Set(g.partitions.filter((p) => p.committedOffset !== null).map((p) => p.topic))].sort();
  assert.deepEqual(topicsOf(await describeGroup('do-g')), ['old-a', 'old-b']);

  const r = await tideOk(['-b', B, 'group', 'delete-offsets', 'do-g', '-t', 'old-a', '--format', 'json']);
  const doc = JSON.parse(r.stdout) as { groupId: string; deleted: Array<{ topic: string; partition: number }> };
  // Every partition of old-a that received a record (and so a commit): at least one, only old-a.
  assert.equal(doc.groupId, 'do-g');
  assert.ok(doc.deleted.length >= 1 && doc.deleted.every((p) => p.topic === 'old-a'), JSON.stringify(doc));
  assert.deepEqual(topicsOf(await describeGroup('do-g')), ['old-b']);
  const none = await tide(['-b', B, 'group', 'delete-offsets', 'do-g', '-t', 'old-a']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /group do-g has no committed offsets for old-a/);
  const table = await tideOk(['-b', B, 'group', 'delete-offsets', 'do-g', '-t', 'old-b:0']);
  assert.match(table.stdout, /^TOPIC\s+PARTITION\s+STATUS\nold-b\s+0\s+DELETED\n$/);
  assert.deepEqual(topicsOf(await describeGroup('do-g')), []);
});

test('progress: a produce that runs for seconds reports its count and rate on stderr every second (--progress)', { timeout: 60_000 }, async () => {
  await tideOk(['-b', B, 'topic', 'create', 'slow', '-p', '1']);
  const child = spawn(process.execPath, [TIDE_BIN, '-b', B, 'produce', 'slow', '--progress'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  try {
    // About three seconds of input, a line every 100 ms.
    for (let i = 0; i < 30; i++) {
      child.stdin.write(`line ${i}\n`);
      await new Promise((r) => setTimeout(r, 100));
    }
    child.stdin.end();
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  const progress = err.split('\n').filter((l) => /^produced \d+ records \(\d+\/s\)$/.test(l));
  assert.ok(progress.length >= 1, `progress lines on stderr: ${JSON.stringify(err)}`);
  assert.match(err, /produced 30 records to slow/);
});
