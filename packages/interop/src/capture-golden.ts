// Captures golden Kafka frames from real clients talking to a real Apache Kafka broker.
// Run by hand after provisioning (not part of the tests):
//
//   npx tsc -b packages/interop && node packages/interop/dist/src/capture-golden.js [outDir]
//
// outDir defaults to packages/protocol/test/fixtures/golden. For each client, the first
// request/response pair of every (api, version) seen is written as
// `<client>-<ApiName>-v<version>-{request,response}.bin`: the frame without its 4-byte size
// prefix, so starting with the request or response header. index.json lists the files.
// Clients: kcat (librdkafka), KafkaJS (old, non-flexible versions), the Java client 3.9, 4.3 and
// 4.4 (flexible versions; 4.4 also runs transactions, which a 4.4 broker makes transaction
// version 2: EndTxn v5, Produce without AddPartitionsToTxn). Frames above 64 KiB are skipped.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { startApacheKafka, type ApacheKafka } from './apache-kafka.js';
import { startCaptureProxy, type CaptureExchange, type CaptureProxy } from './capture-proxy.js';
import { kcat, runJavaClient } from './clients.js';
import { freePort, sleep } from './net.js';
import { repoRoot } from './paths.js';
import { RunError } from './process.js';

const API_NAMES: Record<number, string> = {
  0: 'Produce', 1: 'Fetch', 2: 'ListOffsets', 3: 'Metadata', 8: 'OffsetCommit', 9: 'OffsetFetch',
  10: 'FindCoordinator', 11: 'JoinGroup', 12: 'Heartbeat', 13: 'LeaveGroup', 14: 'SyncGroup',
  15: 'DescribeGroups', 16: 'ListGroups', 17: 'SaslHandshake', 18: 'ApiVersions', 19: 'CreateTopics',
  20: 'DeleteTopics', 21: 'DeleteRecords', 22: 'InitProducerId', 23: 'OffsetForLeaderEpoch',
  24: 'AddPartitionsToTxn', 25: 'AddOffsetsToTxn', 26: 'EndTxn', 28: 'TxnOffsetCommit',
  32: 'DescribeConfigs', 33: 'AlterConfigs', 36: 'SaslAuthenticate', 37: 'CreatePartitions',
  42: 'DeleteGroups', 44: 'IncrementalAlterConfigs', 47: 'OffsetDelete', 60: 'DescribeCluster',
  68: 'ConsumerGroupHeartbeat', 69: 'ConsumerGroupDescribe', 71: 'GetTelemetrySubscriptions',
  72: 'PushTelemetry', 75: 'DescribeTopicPartitions',
};
const MAX_FRAME = 64 * 1024;

export interface GoldenEntry {
  file: string;
  apiKey: number;
  apiVersion: number;
  direction: 'request' | 'response';
  client: string;
}

/** Runs `fn`, then returns the exchanges on connections the proxy accepted meanwhile. */
async function phase(proxy: CaptureProxy, fn: () => Promise<void>): Promise<CaptureExchange[]> {
  const firstConn = Math.max(0, ...proxy.frames.map((f) => f.connection)) + 1;
  await fn();
  await sleep(300);
  return proxy.exchanges().filter((e) => e.request.connection >= firstConn);
}

/** Runs a command that is meant to be stopped by its time bound (a group consumer). */
async function runFor(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof RunError && e.message.startsWith('timed out'))) throw e;
  }
}

async function driveKcat(b: string): Promise<void> {
  const input = ['a:1', 'b:2', 'c:3'].join('\n') + '\n';
  await kcat(['-b', b, '-P', '-t', 'golden-kcat', '-K', ':', '-X', 'enable.idempotence=true'], { input });
  await kcat(['-b', b, '-C', '-t', 'golden-kcat', '-o', 'beginning', '-e', '-q']);
  await runFor(() =>
    kcat(['-b', b, '-G', 'golden-kcat-group', '-o', 'beginning', '-q', '-X', 'heartbeat.interval.ms=500', 'golden-kcat'], {
      timeoutMs: 6000,
    }),
  );
}

async function driveKafkaJS(b: string): Promise<void> {
  const kafka = new Kafka({ brokers: [b], clientId: 'golden-kafkajs', logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: true });
  await producer.connect();
  await producer.send({ topic: 'golden-kafkajs', messages: [{ key: 'a', value: '1', headers: { h: 'v' } }] });
  await producer.disconnect();
  const consumer = kafka.consumer({ groupId: 'golden-kafkajs-group', heartbeatInterval: 300, sessionTimeout: 10_000, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'golden-kafkajs', fromBeginning: true });
  await consumer.run({ eachMessage: async () => undefined });
  await sleep(3000);
  await consumer.disconnect();
}

async function driveJava(version: '3.9' | '4' | '4.4', b: string): Promise<void> {
  const topic = `golden-java-${version.replace('.', '')}`;
  await runJavaClient(version, ['produce', '--bootstrap', b, '--topic', topic, '--count', '3', '--header', 'h=v']);
  await runJavaClient(version, [
    'consume', '--bootstrap', b, '--topic', topic, '--group', `${topic}-group`, '--timeout-ms', '4000',
    '--prop', 'heartbeat.interval.ms=300',
  ]);
  if (version === '4.4') {
    await runJavaClient(version, ['txn-produce', '--bootstrap', b, '--topic', `${topic}-txn`, '--transactional-id', `${topic}-tx`, '--transactions', '2', '--per-txn', '2', '--abort-every', '2']);
  }
}

function fileBase(client: string, apiKey: number, apiVersion: number): string {
  return `${client}-${API_NAMES[apiKey] ?? `Api${apiKey}`}-v${apiVersion}`;
}

export async function captureGolden(outDir: string): Promise<GoldenEntry[]> {
  const proxyPort = await freePort();
  let kafka: ApacheKafka | undefined;
  let proxy: CaptureProxy | undefined;
  try {
    kafka = await startApacheKafka({ advertisedPort: proxyPort });
    proxy = await startCaptureProxy({ target: kafka.bootstrap, port: proxyPort });
    const b = proxy.address;
    const p = proxy;
    const clients: [string, () => Promise<void>][] = [
      ['kcat', () => driveKcat(b)],
      ['kafkajs', () => driveKafkaJS(b)],
      ['java39', () => driveJava('3.9', b)],
      ['java4', () => driveJava('4', b)],
      ['java44', () => driveJava('4.4', b)],
    ];
    mkdirSync(outDir, { recursive: true });
    for (const f of readdirSync(outDir)) if (f.endsWith('.bin') || f === 'index.json') rmSync(join(outDir, f));
    const index: GoldenEntry[] = [];
    for (const [client, drive] of clients) {
      const exchanges = await phase(p, drive);
      const seen = new Set<string>();
      for (const ex of exchanges) {
        const { apiKey, apiVersion } = ex.request;
        const base = fileBase(client, apiKey, apiVersion);
        if (ex.response === undefined || seen.has(base)) continue;
        if (ex.request.bytes.length > MAX_FRAME || ex.response.bytes.length > MAX_FRAME) continue;
        seen.add(base);
        for (const [direction, frame] of [['request', ex.request], ['response', ex.response]] as const) {
          const file = `${base}-${direction}.bin`;
          writeFileSync(join(outDir, file), frame.bytes);
          index.push({ file, apiKey, apiVersion, direction, client });
        }
      }
      console.error(`${client}: ${seen.size} (api, version) pairs: ${[...seen].sort().join(' ')}`);
    }
    index.sort((x, y) => x.file.localeCompare(y.file));
    writeFileSync(join(outDir, 'index.json'), `[\n${index.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
    return index;
  } finally {
    await proxy?.stop();
    await kafka?.stop();
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]).endsWith(join('interop', 'dist', 'src', 'capture-golden.js'))) {
  const outDir = resolve(process.argv[2] ?? join(repoRoot(), 'packages', 'protocol', 'test', 'fixtures', 'golden'));
  captureGolden(outDir).then(
    (index) => {
      console.error(`wrote ${index.length} files to ${outDir}`);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
