// Record batches against a real Apache Kafka broker (from @tideline/interop):
// 1. batches built by real clients (kcat/librdkafka and KafkaJS, each with every codec) are
//    fetched raw with our own Fetch codec and decoded with decodeBatch; the Produce requests kcat
//    sent are captured by a proxy and their records field decoded too (the batch as librdkafka
//    built it, byte-identical to what the broker serves but for baseOffset and leader epoch);
// 2. batches built with encodeBatch (every codec, headers, null keys, null and empty values) are
//    produced with our Produce codec (v7 non-flexible, v9 flexible, acks -1) and read back by
//    kcat, the Java client 4.x and KafkaJS.
// One broker for the file, behind a capture proxy (the broker advertises the proxy's port, so
// every client stays on it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import kafkajsSnappy from 'kafkajs-snappy';
import * as lz4 from 'lz4-napi';
import * as zstd from 'zstd-napi';
import {
  freePort,
  kcat,
  requireTool,
  runJavaClient,
  startApacheKafka,
  startCaptureProxy,
  toolOrSkip,
  type ApacheKafka,
  type CaptureProxy,
  type ToolName,
} from '@tideline/interop';
import {
  ApiKey,
  CompressionType,
  compressionOf,
  ErrorCode,
  decodeBatch,
  decodeRequest,
  encodeBatch,
  iterateBatches,
  Off,
  type DecodedRecord,
  type ProduceRequest,
  type RecordInput,
} from '../src/index.js';
import { apiVersions, createTopic, fetchAllBatches, produce, WireClient, type FetchedBatch } from './kafka-wire.js';

// KafkaJS is CommonJS: Node's ESM loader cannot see all of its named exports.
const { CompressionTypes, CompressionCodecs, Kafka, logLevel } = kafkajs;

// KafkaJS ships gzip only; snappy, lz4 and zstd are plugins. snappy: the community plugin
// (kafkajs-snappy, pure JS snappyjs, an implementation independent of ours). lz4 and zstd: adapters
// over the native libraries (lz4-napi frames, zstd-napi) — KafkaJS still builds the batches.
CompressionCodecs[CompressionTypes.Snappy] = kafkajsSnappy;
CompressionCodecs[CompressionTypes.LZ4] = () => ({
  compress: async (encoder: { buffer: Buffer }) => lz4.compressFrame(encoder.buffer),
  decompress: async (buffer: Buffer) => lz4.decompressFrame(buffer),
});
CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  compress: async (encoder: { buffer: Buffer }) => zstd.compress(encoder.buffer),
  decompress: async (buffer: Buffer) => zstd.decompress(buffer),
});

const TOOLS: ToolName[] = ['apache-kafka', 'kcat', 'java-client-4', 'kafkajs'];
const CODECS: { name: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd'; type: CompressionType }[] = [
  { name: 'none', type: CompressionType.None },
  { name: 'gzip', type: CompressionType.Gzip },
  { name: 'snappy', type: CompressionType.Snappy },
  { name: 'lz4', type: CompressionType.Lz4 },
  { name: 'zstd', type: CompressionType.Zstd },
];

let kafka: ApacheKafka | undefined;
let proxy: CaptureProxy | undefined;
let wire: WireClient | undefined;
let bootstrap = '';

before(async () => {
  if (!requireTool(...TOOLS)) return; // each test skips with the reason (CI: requireTool threw)
  const proxyPort = await freePort();
  kafka = await startApacheKafka({ advertisedPort: proxyPort });
  proxy = await startCaptureProxy({ target: kafka.bootstrap, port: proxyPort });
  bootstrap = proxy.address;
  wire = await WireClient.connect(bootstrap);
  const versions = await apiVersions(wire);
  for (const [key, v] of [[ApiKey.Produce, 9], [ApiKey.Produce, 7], [ApiKey.Fetch, 12], [ApiKey.CreateTopics, 7]] as const) {
    const range = versions.get(key);
    assert.ok(range !== undefined && range.min <= v && v <= range.max, `broker serves api ${key} v${v}: ${JSON.stringify(range)}`);
  }
});

after(async () => {
  wire?.close();
  await proxy?.stop();
  await kafka?.stop();
});

const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));
const headerPairs = (r: DecodedRecord): [string, string | null][] => r.headers.map((h) => [h.key, text(h.value)]);
const allRecords = (batches: FetchedBatch[]): DecodedRecord[] => batches.flatMap((b) => b.records);

/** Batch bytes with baseOffset and partitionLeaderEpoch zeroed: what the broker may rewrite. */
function withoutBrokerFields(batch: Buffer): Buffer {
  const b = Buffer.from(batch);
  b.fill(0, Off.baseOffset, Off.baseOffset + 8);
  b.fill(0, Off.partitionLeaderEpoch, Off.partitionLeaderEpoch + 4);
  return b;
}

/** Record batches of every captured Produce request for `topic` since frame index `from`. */
function capturedProduceBatches(p: CaptureProxy, from: number, topic: string): Buffer[] {
  const out: Buffer[] = [];
  for (const f of p.frames.slice(from)) {
    if (f.direction !== 'request' || f.apiKey !== ApiKey.Produce) continue;
    const body = decodeRequest(f.bytes).body as ProduceRequest;
    for (const td of body.topicData) {
      if (td.name !== topic) continue;
      for (const pd of td.partitionData) {
        const recs = pd.records ?? Buffer.alloc(0);
        let pos = 0;
        for (const b of iterateBatches(recs)) {
          const size = b.header.batchLength + 12;
          out.push(recs.subarray(pos, pos + size));
          pos += size;
        }
      }
    }
  }
  return out;
}

test('kcat (librdkafka) batches decode: every codec, fetched raw and captured in Produce', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, ...TOOLS)) return;
  const c = wire!;
  for (const codec of CODECS) {
    const topic = `kcat-${codec.name}`;
    await createTopic(c, topic);
    const n = 50;
    // Values compress well: librdkafka sends a batch uncompressed when the codec does not shrink it.
    const lines = Array.from({ length: n }, (_, i) => `key-${codec.name}-${i}:value ${i} ünïcödé ✓ ${'x'.repeat(100 + i * 7)}`);
    const from = proxy!.frames.length;
    const t0 = BigInt(Date.now());
    await kcat(
      ['-b', bootstrap, '-P', '-t', topic, '-p', '0', '-K', ':', '-z', codec.name, '-X', 'linger.ms=200',
        '-H', `codec=${codec.name}`, '-H', 'dup=1', '-H', 'dup=2', '-H', 'utf8=žluťoučký'],
      { input: lines.join('\n') + '\n' },
    );
    const t1 = BigInt(Date.now());

    const batches = await fetchAllBatches(c, topic, 0);
    assert.ok(batches.length >= 1, `${topic}: no batches`);
    for (const b of batches) assert.equal(compressionOf(b.header.attributes), codec.type, `${topic}: compression attribute`);
    const recs = allRecords(batches);
    assert.equal(recs.length, n, `${topic}: record count`);
    recs.forEach((r, i) => {
      const [key, value] = [lines[i]!.slice(0, lines[i]!.indexOf(':')), lines[i]!.slice(lines[i]!.indexOf(':') + 1)];
      assert.equal(r.offset, BigInt(i));
      assert.equal(text(r.key), key);
      assert.equal(text(r.value), value);
      assert.deepEqual(headerPairs(r), [['codec', codec.name], ['dup', '1'], ['dup', '2'], ['utf8', 'žluťoučký']]);
      assert.ok(r.timestamp >= t0 - 1000n && r.timestamp <= t1 + 1000n, `${topic}: timestamp ${r.timestamp}`);
    });

    // The Produce request as kcat sent it: same batches, same bytes but for broker-set fields.
    const sent = capturedProduceBatches(proxy!, from, topic);
    assert.equal(sent.length, batches.length, `${topic}: produced vs fetched batch count`);
    sent.forEach((bytes, i) => {
      const d = decodeBatch(bytes);
      assert.equal(compressionOf(d.header.attributes), codec.type);
      assert.deepEqual(
        d.records.map((r) => [text(r.key), text(r.value), headerPairs(r)]),
        batches[i]!.records.map((r) => [text(r.key), text(r.value), headerPairs(r)]),
      );
      assert.ok(withoutBrokerFields(bytes).equals(withoutBrokerFields(batches[i]!.bytes)), `${topic}: batch ${i} bytes`);
    });
  }
});

test('KafkaJS batches decode (every codec)', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, ...TOOLS)) return;
  const kjs = new Kafka({ brokers: [bootstrap], clientId: 'tideline-records-test', logLevel: logLevel.NOTHING });
  const producer = kjs.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const [name, kc, type] of [
      ['none', CompressionTypes.None, CompressionType.None],
      ['gzip', CompressionTypes.GZIP, CompressionType.Gzip],
      ['snappy', CompressionTypes.Snappy, CompressionType.Snappy],
      ['lz4', CompressionTypes.LZ4, CompressionType.Lz4],
      ['zstd', CompressionTypes.ZSTD, CompressionType.Zstd],
    ] as const) {
      const topic = `kafkajs-${name}`;
      await createTopic(wire!, topic);
      const base = Date.now() - 5000;
      const messages = Array.from({ length: 40 }, (_, i) => ({
        partition: 0,
        key: i % 5 === 0 ? null : `k-${name}-${i}`,
        value: `v ${i} ✓ ${'y'.repeat(i * 11)}`,
        headers: { codec: name, idx: String(i), bin: Buffer.from([0, 1, 2, i]) },
        timestamp: String(base + i),
      }));
      await producer.send({ topic, compression: kc, acks: -1, messages });
      const batches = await fetchAllBatches(wire!, topic, 0);
      for (const b of batches) assert.equal(compressionOf(b.header.attributes), type, `${topic}: compression attribute`);
      const recs = allRecords(batches);
      assert.equal(recs.length, messages.length);
      recs.forEach((r, i) => {
        const m = messages[i]!;
        assert.equal(r.offset, BigInt(i));
        assert.equal(text(r.key), m.key);
        assert.equal(text(r.value), m.value);
        assert.equal(r.timestamp, BigInt(m.timestamp));
        assert.deepEqual(
          r.headers.map((h) => [h.key, h.value?.toString('hex')]),
          [['codec', Buffer.from(name).toString('hex')], ['idx', Buffer.from(String(i)).toString('hex')], ['bin', m.headers.bin.toString('hex')]],
        );
      });
    }
  } finally {
    await producer.disconnect();
  }
});

// ---- our batches, read by real consumers ------------------------------------------------------

interface Expected {
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
  headers: [string, string | null][];
}

function ourRecords(codec: string, version: number, base: number): RecordInput[] {
  const b = (s: string): Buffer => Buffer.from(s, 'utf8');
  return [
    { key: b(`k-${codec}-v${version}-0`), value: b(`hello ${codec} ✓ ünïcödé`), timestamp: BigInt(base),
      headers: [{ key: 'codec', value: b(codec) }, { key: 'v', value: b(String(version)) }, { key: 'v', value: b('again') }] },
    { key: null, value: b(`null key ${'z'.repeat(300)}`), timestamp: BigInt(base + 1) },
    { key: b(`k-${codec}-v${version}-tombstone`), value: null, timestamp: BigInt(base + 2), headers: [{ key: 'why', value: b('delete') }, { key: 'null-header', value: null }] },
    { key: b(`k-${codec}-v${version}-empty`), value: Buffer.alloc(0), timestamp: BigInt(base + 3) },
    { key: null, value: null, timestamp: BigInt(base + 4), headers: [{ key: 'ключ', value: b('значение') }] },
  ];
}

/** Produces our batches (v7 then v9) into `ours-<codec>`; returns what consumers must see. */
const produced = new Map<string, Expected[]>();

test('our batches are accepted by Apache Kafka: every codec, Produce v7 and v9, acks -1', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, ...TOOLS)) return;
  for (const codec of CODECS) {
    const topic = `ours-${codec.name}`;
    await createTopic(wire!, topic);
    const expected: Expected[] = [];
    let next = 0n;
    for (const version of [7, 9]) {
      const base = Date.now() - 10_000 + version;
      const records = ourRecords(codec.name, version, base);
      const batch = encodeBatch({ compression: codec.type, records });
      const r = await produce(wire!, topic, 0, batch, { version, acks: -1 });
      assert.equal(r.errorCode, ErrorCode.NONE, `${topic} v${version}: error ${r.errorCode} ${r.errorMessage}`);
      assert.equal(r.baseOffset, next, `${topic} v${version}: base offset`);
      records.forEach((rec, i) => expected.push({
        offset: Number(next) + i,
        key: text(rec.key ?? null),
        value: text(rec.value),
        timestamp: Number(rec.timestamp),
        headers: (rec.headers ?? []).map((h) => [h.key, text(h.value)]),
      }));
      next += BigInt(records.length);
    }
    // The broker keeps our batches as they are (compression.type=producer): fetch them back.
    const back = await fetchAllBatches(wire!, topic, 0);
    assert.equal(back.length, 2);
    for (const b of back) assert.equal(compressionOf(b.header.attributes), codec.type);
    assert.deepEqual(allRecords(back).map((r) => [Number(r.offset), text(r.key), text(r.value)]), expected.map((e) => [e.offset, e.key, e.value]));
    produced.set(topic, expected);
  }
});

test('kcat reads our batches back (-J)', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, ...TOOLS)) return;
  assert.equal(produced.size, CODECS.length, 'the produce test ran first');
  for (const [topic, expected] of produced) {
    const r = await kcat(['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-J']);
    const rows = r.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as {
      offset: number; key: string | null; payload: string | null; ts: number; headers?: (string | null)[];
    });
    assert.deepEqual(
      rows.map((x) => {
        const hs: [string, string | null][] = [];
        for (let i = 0; i + 1 < (x.headers ?? []).length; i += 2) hs.push([x.headers![i]!, x.headers![i + 1]!]);
        return { offset: x.offset, key: x.key, value: x.payload, timestamp: x.ts, headers: hs };
      }),
      expected,
      topic,
    );
  }
});

test('the Java client 4.x reads our batches back', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, ...TOOLS)) return;
  assert.equal(produced.size, CODECS.length, 'the produce test ran first');
  await Promise.all([...produced].map(async ([topic, expected]) => {
    const r = await runJavaClient('4', ['consume', '--bootstrap', bootstrap, '--topic', topic, '--partition', '0',
      '--offset', '0', '--max', String(expected.length), '--timeout-ms', '30000']);
    const rows = r.rows.filter((x) => 'offset' in x) as unknown as {
      offset: number; key: string | null; value: string | null; timestamp: number; headers: Record<string, string | null>;
    }[];
    // The CLI prints headers as a JSON object, so a repeated key shows its last value only.
    assert.deepEqual(
      rows.map((x) => ({ offset: x.offset, key: x.key, value: x.value, timestamp: x.timestamp, headers: x.headers })),
      expected.map((e) => ({ offset: e.offset, key: e.key, value: e.value, timestamp: e.timestamp, headers: Object.fromEntries(e.headers) })),
      topic,
    );
  }));
});

test('KafkaJS reads our batches back (every codec)', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, ...TOOLS)) return;
  const topics = ['ours-none', 'ours-gzip', 'ours-snappy', 'ours-lz4', 'ours-zstd'];
  const want = topics.flatMap((topic) => (produced.get(topic) ?? []).map((e) => ({ topic, ...e })));
  assert.equal(want.length, 50, 'the produce test ran first');
  const kjs = new Kafka({ brokers: [bootstrap], clientId: 'tideline-records-test', logLevel: logLevel.NOTHING });
  const consumer = kjs.consumer({ groupId: `records-test-${Date.now()}`, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTimeInMs: 100 });
  const got: (Expected & { topic: string })[] = [];
  await consumer.connect();
  try {
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    let done: () => void = () => undefined;
    const all = new Promise<void>((r) => (done = r));
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        got.push({
          topic,
          offset: Number(message.offset),
          key: message.key === null ? null : message.key.toString('utf8'),
          value: message.value === null ? null : message.value.toString('utf8'),
          timestamp: Number(message.timestamp),
          headers: Object.entries(message.headers ?? {}).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((x): [string, string | null] => [k, x === undefined || x === null ? null : x.toString()])),
        });
        if (got.length >= want.length) done();
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, rej) => {
      timer = setTimeout(() => rej(new Error(`KafkaJS got ${got.length}/${want.length} records`)), 40_000);
    });
    try {
      await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await consumer.disconnect();
  }
  const key = (x: { topic: string; offset: number }): string => `${x.topic}/${String(x.offset).padStart(4, '0')}`;
  got.sort((a, b) => key(a).localeCompare(key(b)));
  // KafkaJS groups repeated header keys into an array, in order, so the pairs come out as sent.
  assert.deepEqual(got, [...want].sort((a, b) => key(a).localeCompare(key(b))));
});
