// Our Producer and Consumer under client-id quotas (producer_byte_rate, consumer_byte_rate set
// through our Admin's alterClientQuotas), against Tideline and Apache Kafka 4.4: the client honours
// the brokers' KIP-219 throttle times (it holds its requests instead of pipelining into a muted
// connection), the rate the broker lets through never exceeds the quota by more than 5% (the rule
// of Kafka's quota system test, which bounds the maximum rate from above only), the client still
// uses most of its quota (a hold that waited too long would halve it), and no request fails or
// times out because of a throttle, with request timeouts shorter than the throttles.
// Regression (CI, Apache Kafka leg): a two-sided 5% bound failed at 0.934 x quota: with Kafka's
// bursty windows, one 11 s period can catch a throttle of up to 2 s more or less at its edges.
//
// Measuring as packages/broker/test/quotas-interop.test.ts does: Kafka's quota windows (11 samples
// of 1 s) let a new client send about 10 s of quota at once and then, each time its oldest sample
// expires, what that sample held, so the rate is bursty with an 11 s period: the throughput over
// one whole period after the first burst is what the quota allows. The period measured here is
// [t0 + 5.5 s, t0 + 16.5 s), centred on the second burst (at about t0 + 11 s) so that no burst
// sits on the window's edges, where a few milliseconds would move a whole burst in or out.
// Here the bytes are counted on the client side (record values, by acknowledgement or delivery
// time), the same for both brokers; the brokers also count the record and request overhead (about
// 1.5% with 1000-byte values), so the measured rate sits slightly below the quota.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { Admin, ClientError, Consumer, KafkaError, Producer, type LogLevel } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

const QUOTA = 262_144;
const SIZE = 1000;
/** About 28 s of quota: the first window's burst, the measured window, and a margin. */
const RECORDS = Math.ceil((QUOTA * 28) / SIZE);
const WINDOW_MS = 11_000;
const TIMEOUT = 120_000;

/** The rate over [t0 + 5.5 s, t0 + 16.5 s) of timestamped byte counts (t0: the first). */
function periodRate(what: string, events: ReadonlyArray<readonly [number, number]>): { rate: number; seconds: number } {
  assert.ok(events.length > 0, `${what}: nothing counted`);
  const t0 = events[0]![0];
  const last = events[events.length - 1]![0];
  const from = t0 + WINDOW_MS / 2;
  const to = from + WINDOW_MS;
  assert.ok(last >= to, `${what}: the client ran ${last - t0} ms; ${to - t0} ms are needed`);
  const bytes = events.filter(([at]) => at >= from && at < to).reduce((a, [, n]) => a + n, 0);
  return { rate: bytes / (WINDOW_MS / 1000), seconds: (last - t0) / 1000 };
}

/** Everything the client logs with an error attached (retries, dropped connections, timeouts). */
function errorLog(): { logger: (level: LogLevel, message: string, error?: unknown) => void; errors: string[] } {
  const errors: string[] = [];
  return {
    errors,
    logger: (level, message, error) => {
      if (level === 'warn' || level === 'error' || error instanceof ClientError || error instanceof KafkaError) errors.push(`${level}: ${message}: ${String(error)}`);
    },
  };
}

async function setQuota(bootstrap: string, clientId: string, key: 'producer_byte_rate' | 'consumer_byte_rate'): Promise<void> {
  const admin = new Admin({ bootstrap });
  try {
    await admin.alterClientQuotas([{ entity: { 'client-id': clientId }, ops: { [key]: QUOTA } }]);
    // Apache Kafka's broker applies (and describes) the quota once it has the metadata record.
    for (let i = 0; ; i++) {
      const entries = await admin.describeClientQuotas([{ entityType: 'client-id', match: { exact: clientId } }], { strict: true });
      if (entries[0]?.values[key] === QUOTA) break;
      assert.ok(i < 50, `the ${key} quota of ${clientId} is not described`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.close();
  }
}

/** At most 5% over the quota (Kafka's rule); at least 75% of it (the client does not over-wait). */
function assertWithinQuota(what: string, rate: number): void {
  assert.ok(rate <= QUOTA * 1.05, `${what} at ${Math.round(rate)} B/s: more than 5% over the quota of ${QUOTA}`);
  assert.ok(rate >= QUOTA * 0.75, `${what} at ${Math.round(rate)} B/s: far below the quota of ${QUOTA}`);
}

function report(t: TestContext, what: string, m: { rate: number; seconds: number }, throttle: { count: number; maxMs: number; totalMs: number }): void {
  t.diagnostic(`${what}: ${m.seconds.toFixed(1)} s, one-period rate ${(m.rate / QUOTA).toFixed(3)} x quota, ${throttle.count} throttled responses, max ${throttle.maxMs} ms, total ${throttle.totalMs} ms`);
}

bothBrokers('Producer under producer_byte_rate: rate at most 5% over the quota, throttled, no request errors or timeouts', { timeout: TIMEOUT }, async (b, t) => {
  const topic = uniqueTopic('quota-p');
  const clientId = uniqueTopic('quota-producer');
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
  } finally {
    await admin.close();
  }
  await setQuota(b.bootstrap, clientId, 'producer_byte_rate');
  const log = errorLog();
  // Produce requests time out after 1 + 5 s (the sender adds 5 s): throttles here reach several seconds.
  const producer = new Producer({ bootstrap: b.bootstrap, clientId, acks: 1, lingerMs: 5, batchSize: 16_384, requestTimeoutMs: 1000, retries: 0, logger: log.logger });
  const value = Buffer.alloc(SIZE, 'p');
  const acked: Array<[number, number]> = [];
  try {
    await Promise.all(Array.from({ length: RECORDS }, () => producer.send({ topic, messages: [{ value }] }).then(() => {
      acked.push([Date.now(), SIZE]);
    })));
  } finally {
    await producer.close();
  }
  const m = periodRate('produce', acked);
  report(t, 'produce', m, producer.throttle);
  assert.deepEqual(log.errors, []);
  assert.ok(producer.throttle.count > 0 && producer.throttle.maxMs > 0, 'the producer received throttle_time_ms > 0');
  assertWithinQuota('produced', m.rate);
});

bothBrokers('Consumer under consumer_byte_rate: rate at most 5% over the quota, throttled, no request errors or timeouts', { timeout: TIMEOUT }, async (b, t) => {
  const topic = uniqueTopic('quota-c');
  const clientId = uniqueTopic('quota-consumer');
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
  } finally {
    await admin.close();
  }
  // The data, written without a quota.
  const producer = new Producer({ bootstrap: b.bootstrap, acks: 1, lingerMs: 5, batchSize: 16_384 });
  const value = Buffer.alloc(SIZE, 'c');
  try {
    for (let i = 0; i < RECORDS; i += 500) await producer.send({ topic, messages: Array.from({ length: Math.min(500, RECORDS - i) }, () => ({ value })) });
  } finally {
    await producer.close();
  }
  await setQuota(b.bootstrap, clientId, 'consumer_byte_rate');
  const log = errorLog();
  // Fetches time out after 1 s + maxWaitMs: throttles here reach several seconds.
  const consumer = new Consumer({ bootstrap: b.bootstrap, clientId, maxBytes: 65_536, maxPartitionBytes: 65_536, requestTimeoutMs: 1000, logger: log.logger });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  const delivered: Array<[number, number]> = [];
  let count = 0;
  const deadline = setTimeout(() => void consumer.close(), 90_000);
  try {
    for await (const batch of consumer.batches()) {
      const now = Date.now();
      let bytes = 0;
      for (const r of batch.records) bytes += r.value?.length ?? 0;
      delivered.push([now, bytes]);
      count += batch.records.length;
      if (count >= RECORDS) break;
    }
  } finally {
    clearTimeout(deadline);
    await consumer.close();
  }
  assert.equal(count, RECORDS);
  const m = periodRate('consume', delivered);
  report(t, 'consume', m, consumer.throttle);
  assert.deepEqual(log.errors, []);
  assert.ok(consumer.throttle.count > 0 && consumer.throttle.maxMs > 0, 'the consumer received throttle_time_ms > 0');
  assertWithinQuota('consumed', m.rate);
});
