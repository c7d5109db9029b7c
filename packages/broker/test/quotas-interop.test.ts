// Client quotas with Apache Kafka's own tools. kafka-configs (org.apache.kafka.tools.ConfigCommand,
// in kafka-tools since 4.4) alters and describes client-id, user and user+client-id quotas against
// Tideline and against Apache Kafka 4.4 with the same commands, and both answer the same. Then
// ProducerPerformance and ConsumerPerformance run with a quota'd client.id for about 25 s: the
// throughput the broker lets through in the client's second 11 s quota window (the first holds
// the 10 s of quota Kafka's windows let a new client send at once) is at most 5% over the quota
// (the rule of Kafka's quota system test, which bounds the maximum rate from above) and at least
// 75% of it (the broker does not over-throttle); the Java clients
// report throttle times > 0 (produce-throttle-time-max, fetch-throttle-time-max), so they received
// throttle_time_ms in the responses.
// Under CI=true a missing tool fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KAFKA_TOOLS, kafkaTools, run, startApacheKafka, toolOrSkip, type RunResult } from '@tideline/interop';
import { javaClasspath } from '@tideline/interop/internal';
import { startBroker, type RunningBroker } from '../src/index.js';

const TIMEOUT = 240_000;
const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

function kafkaConfigs(bootstrap: string, args: readonly string[]): Promise<RunResult> {
  return run('java', [...JAVA_FLAGS, '-cp', javaClasspath('4.4'), 'org.apache.kafka.tools.ConfigCommand', '--bootstrap-server', bootstrap, ...args],
    { timeoutMs: 90_000, allowFailure: true });
}

/** The same kafka-configs session against one broker: [exit code, stdout, Kafka's error line] per command. */
async function configsSession(bootstrap: string): Promise<string[]> {
  const commands: string[][] = [
    ['--alter', '--add-config', 'producer_byte_rate=1048576,consumer_byte_rate=2097152', '--entity-type', 'clients', '--entity-name', 'app'],
    ['--alter', '--add-config', 'request_percentage=50', '--entity-type', 'clients', '--entity-default'],
    ['--alter', '--add-config', 'producer_byte_rate=1024', '--entity-type', 'users', '--entity-name', 'alice', '--entity-type', 'clients', '--entity-default'],
    ['--alter', '--add-config', 'controller_mutation_rate=10', '--entity-type', 'users', '--entity-default', '--entity-type', 'clients', '--entity-name', 'app'],
    ['--describe', '--entity-type', 'clients', '--entity-name', 'app'],
    ['--describe', '--entity-type', 'clients'],
    ['--describe', '--entity-type', 'users', '--entity-name', 'alice', '--entity-type', 'clients'],
    ['--describe', '--entity-type', 'users', '--entity-default', '--entity-type', 'clients', '--entity-name', 'app'],
    ['--alter', '--add-config', 'producer_byte_rate=1.5', '--entity-type', 'clients', '--entity-name', 'app'],
    ['--alter', '--delete-config', 'consumer_byte_rate', '--entity-type', 'clients', '--entity-name', 'app'],
    ['--describe', '--entity-type', 'clients', '--entity-name', 'app'],
  ];
  const out: string[] = [];
  for (const c of commands) {
    const r = await kafkaConfigs(bootstrap, c);
    const error = /(?:InvalidRequestException|Exception): ([^\n]*)/.exec(r.stderr)?.[1] ?? '';
    out.push(`${c.join(' ')} -> ${r.code}\n${r.stdout.trim().split('\n').sort().join('\n')}\n${error}`);
  }
  return out;
}

test('kafka-configs: client quotas altered and described the same on Tideline and Apache Kafka', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'apache-kafka', 'kafka-tools')) return;
  const b = await startBroker({ storage: 'memory://', port: 0 });
  let ours: string[];
  try {
    ours = await configsSession(b.bootstrap);
  } finally {
    await b.close();
  }
  const kafka = await startApacheKafka();
  let theirs: string[];
  try {
    theirs = await configsSession(kafka.bootstrap);
  } finally {
    await kafka.stop();
  }
  assert.match(ours[4]!, /producer_byte_rate=1048576\.0/);
  assert.match(ours[8]!, /producer_byte_rate cannot be a fractional value\./);
  assert.deepEqual(ours, theirs);
});

async function withQuotaBroker(fn: (b: RunningBroker, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-quota-'));
  const b = await startBroker({ dataDir: join(dir, 'data'), port: 0 });
  try {
    await fn(b, dir);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Kafka's quota window: 11 samples of 1 s. */
const WINDOW_MS = 11_000;

/**
 * Runs `work` while counting, with their times, the bytes the broker lets through for the client
 * (Produce: every request's records; Fetch: the records of answers that were not throttled), and
 * answers the rate over the second 11 s window of the client's life, [t0 + 11 s, t0 + 22 s).
 * Kafka's windows let a new client send 10 s of quota at once at t0 and, each time its oldest
 * sample expires, spend again what that sample held, so the rate is bursty with an 11 s period:
 * one whole period after the first is the throughput the quota really allows.
 */
async function throughput<T>(b: RunningBroker, kind: 'produce' | 'fetch', work: () => Promise<T>): Promise<{ result: T; rate: number; seconds: number }> {
  const q = b.broker.quotas;
  const events: Array<[number, number]> = [];
  const original = kind === 'produce' ? q.recordProduce : q.recordFetch;
  const counting = (session: Parameters<typeof original>[0], clientId: string, bytes: number): number => {
    const t = original.call(q, session, clientId, bytes);
    if (clientId === 'quota-app' && (kind === 'produce' || t === 0)) events.push([Date.now(), bytes]);
    return t;
  };
  if (kind === 'produce') q.recordProduce = counting;
  else q.recordFetch = counting;
  try {
    const result = await work();
    assert.ok(events.length > 0, `no ${kind} bytes counted`);
    const t0 = events[0]![0];
    const last = events[events.length - 1]![0];
    assert.ok(last >= t0 + 2 * WINDOW_MS, `${kind}: the client ran ${last - t0} ms; two windows are needed`);
    const bytes = events.filter(([at]) => at >= t0 + WINDOW_MS && at < t0 + 2 * WINDOW_MS).reduce((a, [, n]) => a + n, 0);
    return { result, rate: bytes / (WINDOW_MS / 1000), seconds: (last - t0) / 1000 };
  } finally {
    if (kind === 'produce') q.recordProduce = original;
    else q.recordFetch = original;
  }
}

/** The largest "<metric>:{client-id=...} : value" of a --print-metrics dump. */
function metric(out: string, name: string): number {
  const m = new RegExp(`:${name}:\\{[^}]*\\}\\s*:\\s*([0-9.]+)`).exec(out);
  return m === null ? Number.NaN : Number(m[1]);
}

const QUOTA = 524_288;
const RECORDS = 15_000;
const SIZE = 1000;

/** At most 5% over the quota (Kafka's rule); at least 75% of it. */
function assertWithinQuota(what: string, rate: number): void {
  assert.ok(rate <= QUOTA * 1.05, `${what} at ${rate} B/s: more than 5% over the quota of ${QUOTA}`);
  assert.ok(rate >= QUOTA * 0.75, `${what} at ${rate} B/s: far below the quota of ${QUOTA}`);
}

test('ProducerPerformance / ConsumerPerformance with a quota\'d client.id: rate at most 5% over the quota, throttle times seen', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafka-tools', 'apache-kafka')) return;
  await withQuotaBroker(async (b, dir) => {
    const set = await kafkaConfigs(b.bootstrap, ['--alter', '--add-config', `producer_byte_rate=${QUOTA},consumer_byte_rate=${QUOTA}`, '--entity-type', 'clients', '--entity-name', 'quota-app']);
    assert.equal(set.code, 0, set.stderr);

    // Producer: 15 MB at 512 KiB/s, about 25 s (Kafka lets a new client use its first 10 s at once).
    const p = await throughput(b, 'produce', () => kafkaTools(KAFKA_TOOLS.producerPerformance, [
      '--topic', 'quota-t', '--num-records', String(RECORDS), '--record-size', String(SIZE), '--throughput', '-1', '--print-metrics',
      '--producer-props', `bootstrap.servers=${b.bootstrap}`, 'client.id=quota-app', 'acks=1', 'linger.ms=5', 'batch.size=65536',
    ], { timeoutMs: 120_000 }));
    assert.match(p.result.stdout, new RegExp(`${RECORDS} records sent`));
    const produceThrottle = metric(p.result.stdout, 'produce-throttle-time-max');
    t.diagnostic(`produce: ${p.seconds.toFixed(1)} s, second-window rate ${(p.rate / QUOTA).toFixed(3)} x quota, client's produce-throttle-time-max ${produceThrottle} ms`);
    assertWithinQuota('produced', p.rate);
    assert.ok(produceThrottle > 0, 'the producer saw throttle_time_ms > 0');

    // Consumer: the same records with consumer_byte_rate.
    const config = join(dir, 'consumer.properties');
    writeFileSync(config, 'client.id=quota-app\nfetch.max.bytes=524288\n');
    const c = await throughput(b, 'fetch', () => kafkaTools(KAFKA_TOOLS.consumerPerformance, [
      '--bootstrap-server', b.bootstrap, '--topic', 'quota-t', '--messages', String(RECORDS), '--group', 'quota-g',
      '--consumer.config', config, '--print-metrics', '--timeout', '60000',
    ], { timeoutMs: 120_000 }));
    const fetchThrottle = metric(c.result.stdout, 'fetch-throttle-time-max');
    t.diagnostic(`consume: ${c.seconds.toFixed(1)} s, second-window rate ${(c.rate / QUOTA).toFixed(3)} x quota, client's fetch-throttle-time-max ${fetchThrottle} ms`);
    assertWithinQuota('consumed', c.rate);
    assert.ok(fetchThrottle > 0, 'the consumer saw throttle_time_ms > 0');
  });
});
