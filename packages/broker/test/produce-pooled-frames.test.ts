// Produce frames live in pooled buffers (frame-buffers.ts) that go back to the pool when the
// Produce handler resolves. A buffer given back while the log still had to write it, or while
// anything still read a view of it, would corrupt records silently. These tests overwrite every
// buffer as it is given back (poisonOnRelease), produce many records of varying sizes through
// real clients (kcat with acks 0, 1 and all, idempotent; KafkaJS) at once, then read everything
// back with kcat and compare every byte: on file storage, on memory storage, and through the
// cleaner of a compacted topic.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kcat, toolOrSkip } from '@tideline/interop';
import { startBroker, type BrokerOptions, type RunningBroker } from '../src/index.js';
import { frameBuffers } from '../src/internal.js';

const TIMEOUT = 240_000;
/** Five producers and the broker share this process's machine: nothing here is about timing. */
const PATIENT = ['-X', 'api.version.request.timeout.ms=60000', '-X', 'socket.timeout.ms=60000', '-X', 'message.timeout.ms=180000'];
const kafkaOf = (b: RunningBroker): Kafka => new Kafka({
  brokers: [b.bootstrap], clientId: 'pooled-frames', logLevel: logLevel.NOTHING, connectionTimeout: 30_000, requestTimeout: 60_000, retry: { retries: 10 },
});

before(() => {
  frameBuffers.poisonOnRelease = true;
});
after(() => {
  frameBuffers.poisonOnRelease = false;
});

async function withBroker(opts: Partial<BrokerOptions>, fn: (b: RunningBroker) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-pooled-frames-'));
  const b = await startBroker({ dataDir: dir, port: 0, ...opts });
  try {
    await fn(b);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Record i of a stream: its name and index, then filler of a length that varies from 100 to ~1,900 bytes. */
function value(stream: string, i: number): string {
  const head = `${stream}-${i}-`;
  const n = 100 + ((i * 7919) % 1800);
  let fill = '';
  for (let k = 0; fill.length < n; k++) fill += String.fromCharCode(97 + ((i + k) % 26));
  return head + fill.slice(0, n);
}

function lines(stream: string, count: number, key?: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(key === undefined ? value(stream, i) : `${key(i)}:${value(stream, i)}`);
  return out.join('\n') + '\n';
}

async function kcatProduce(b: RunningBroker, topic: string, count: number, props: string[]): Promise<void> {
  const r = await kcat(['-b', b.bootstrap, '-P', '-t', topic, '-p', '0', ...PATIENT, '-X', 'linger.ms=5', ...props.flatMap((p) => ['-X', p])],
    { input: lines(topic, count), timeoutMs: 120_000 });
  assert.equal(r.code, 0, `kcat -P ${topic}: ${r.stderr}`);
}

/** Every value of the topic's partitions, read by kcat from the beginning (kcat checks each batch's CRC). */
async function readAll(b: RunningBroker, topic: string): Promise<string[]> {
  const r = await kcat(['-b', b.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-X', 'check.crcs=true', '-f', '%s\n'],
    { timeoutMs: 120_000 });
  assert.equal(r.code, 0, `kcat -C ${topic}: ${r.stderr}`);
  return r.stdout === '' ? [] : r.stdout.slice(0, -1).split('\n');
}

function assertAllThere(topic: string, got: string[], count: number): void {
  assert.equal(got.length, count, `${topic}: ${got.length} of ${count} records read back`);
  const want = new Set<string>();
  for (let i = 0; i < count; i++) want.add(value(topic, i));
  let wrong = 0;
  let example = '';
  for (const v of got) {
    if (!want.delete(v)) {
      wrong++;
      if (example === '') example = v.slice(0, 80);
    }
  }
  assert.equal(wrong, 0, `${topic}: ${wrong} records differ from what was produced (first: ${JSON.stringify(example)})`);
}

async function produceAndCompare(b: RunningBroker): Promise<void> {
  const before = frameBuffers.stats;
  const kafka = kafkaOf(b);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: ['k-all', 'k-one', 'k-zero', 'k-idem', 'js-all'].map((topic) => ({ topic, numPartitions: topic === 'js-all' ? 3 : 1 })) });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic: 'js-all', acks: -1, messages: [{ value: value('js-all', 0) }] }); // metadata, before the load
  const JS = 4000;
  const viaKafkaJs = (async () => {
    // Sends of 200 records, up to 4 in flight: each Produce request holds a few hundred KiB.
    const sends: Array<Promise<unknown>> = [];
    for (let i = 1; i < JS; i += 200) {
      const messages = Array.from({ length: Math.min(200, JS - i) }, (_, k) => ({ key: String(i + k), value: value('js-all', i + k) }));
      const sent = producer.send({ topic: 'js-all', acks: -1, messages });
      sent.catch(() => {}); // reported by the Promise.all below
      sends.push(sent);
      if (sends.length >= 4) await sends[sends.length - 4]!.catch(() => {});
    }
    await Promise.all(sends);
  })();
  const N = 8000;
  try {
    const all = await Promise.allSettled([
      kcatProduce(b, 'k-all', N, ['acks=all']),
      kcatProduce(b, 'k-one', N, ['acks=1']),
      kcatProduce(b, 'k-zero', N, ['acks=0']),
      kcatProduce(b, 'k-idem', N, ['enable.idempotence=true']),
      viaKafkaJs,
    ]);
    for (const r of all) if (r.status === 'rejected') throw r.reason;
  } finally {
    await producer.disconnect();
  }
  const after = frameBuffers.stats;
  assert.ok(after.reused - before.reused > 0, `the frame pool was not reused: ${JSON.stringify({ before, after })}`);
  for (const topic of ['k-all', 'k-one', 'k-idem']) assertAllThere(topic, await readAll(b, topic), N);
  // acks=0 has no answer to wait for: kcat exits once it sent everything, possibly before the
  // broker appended the last requests. Read until all are there (the test's timeout bounds it).
  let zero = await readAll(b, 'k-zero');
  while (zero.length < N) {
    await new Promise((r) => setTimeout(r, 200));
    zero = await readAll(b, 'k-zero');
  }
  assertAllThere('k-zero', zero, N);
  assertAllThere('js-all', await readAll(b, 'js-all'), JS);
}

test('pooled produce frames: every byte produced by kcat (acks 0, 1, all, idempotent) and KafkaJS reads back intact, file storage', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  await withBroker({}, produceAndCompare);
});

test('pooled produce frames: the same on memory storage', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  await withBroker({ storage: 'memory://' }, produceAndCompare);
});

test('pooled produce frames: a compacted topic keeps the latest value per key intact after the cleaner ran', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  await withBroker({ logRetentionCheckIntervalMs: 200 }, async (b) => {
    const admin = kafkaOf(b).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'compacted', numPartitions: 1, configEntries: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.ms', value: '100' }] }],
    });
    await admin.disconnect();
    const KEYS = 300;
    const N = 6000;
    const keyOf = (i: number): string => `key${i % KEYS}`;
    // Three bursts far enough apart that each lands in its own segment, then one record that
    // rolls the last burst's segment so that the cleaner may compact all of them.
    for (let burst = 0; burst < 3; burst++) {
      const input = lines('compacted', N, keyOf).split('\n').slice((burst * N) / 3, ((burst + 1) * N) / 3).join('\n') + '\n';
      const r = await kcat(['-b', b.bootstrap, '-P', '-t', 'compacted', '-p', '0', '-K:', ...PATIENT, '-X', 'acks=all', '-X', 'linger.ms=5'], { input, timeoutMs: 120_000 });
      assert.equal(r.code, 0, r.stderr);
      await new Promise((r2) => setTimeout(r2, 150));
    }
    const tail = await kcat(['-b', b.bootstrap, '-P', '-t', 'compacted', '-p', '0', '-K:', '-X', 'acks=all'], { input: 'tail:last\n' });
    assert.equal(tail.code, 0, tail.stderr);
    // The latest value of every key (all written before the tail record) and the tail record.
    const latest = new Map<string, string>();
    for (let i = 0; i < N; i++) latest.set(keyOf(i), value('compacted', i));
    const read = async (): Promise<string[]> => {
      const r = await kcat(['-b', b.bootstrap, '-C', '-t', 'compacted', '-o', 'beginning', '-e', '-q', '-X', 'check.crcs=true', '-f', '%k:%s\n'], { timeoutMs: 120_000 });
      assert.equal(r.code, 0, r.stderr);
      return r.stdout.slice(0, -1).split('\n');
    };
    let got = await read();
    while (got.length > KEYS + 1) {
      await new Promise((r) => setTimeout(r, 200));
      got = await read();
    }
    assert.equal(got.length, KEYS + 1);
    assert.equal(got.at(-1), 'tail:last');
    for (const line of got.slice(0, -1)) {
      const k = line.slice(0, line.indexOf(':'));
      assert.equal(line.slice(k.length + 1), latest.get(k), `latest value of ${k}`);
    }
  });
});
