// Broker metrics checked against what the test did, with KafkaJS as the client: N records
// produced move the topic's counters by exactly N, request counters and latency histograms count
// each request once, a group that stops consuming shows lag growing in offsets and in seconds, the
// lag status follows Burrow's rules, promtool finds nothing wrong with a live scrape, and a real
// Prometheus server scraping the broker answers a PromQL query for consumer lag.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { run, startPrometheus, toolOrSkip } from '@tideline/interop';
import { ApiKey, ErrorCode, encodeBatch } from '@tideline/protocol';
import { startBroker, type RunningBroker } from '../src/index.js';
import { WireClient } from './wire-client.js';
import { find, parseScrape, scrape, value } from './helpers/metrics.js';

const TIMEOUT = 120_000;

async function withBroker(fn: (b: RunningBroker, url: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-metrics-'));
  const b = await startBroker({ dataDir: dir, port: 0, metricsListen: '127.0.0.1:0', groups: { initialRebalanceDelayMs: 300 } });
  try {
    assert.ok(b.metrics?.url !== undefined);
    await fn(b, b.metrics.url);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const kafkaFor = (b: RunningBroker): Kafka =>
  new Kafka({ clientId: 'metrics-test', brokers: [b.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 5, initialRetryTime: 100 } });

async function until(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

test('metrics: N records produced by KafkaJS move the topic counters by exactly N; requests, latencies, fsync, logs, disk and connections', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async (b, url) => {
    const kafka = kafkaFor(b);
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer();
    await producer.connect();
    try {
      await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] });
      const before = await scrape(url);
      const SENDS = 5;
      const PER_SEND = 50;
      for (let s = 0; s < SENDS; s++) {
        await producer.send({ topic: 'orders', acks: -1, messages: Array.from({ length: PER_SEND }, (_, i) => ({ key: `k${s}-${i}`, value: `order ${s}-${i}` })) });
      }
      const N = SENDS * PER_SEND;
      // The same topic again: TOPIC_ALREADY_EXISTS in the CreateTopics answer.
      await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3 }] }).catch(() => false);
      const after = await scrape(url);
      const delta = (name: string, labels: Record<string, string> = {}): number => value(after, name, labels) - value(before, name, labels);
      assert.equal(delta('tideline_topic_messages_in_total', { topic: 'orders' }), N);
      assert.ok(delta('tideline_topic_bytes_in_total', { topic: 'orders' }) > N * 'order 0-0'.length, 'bytes in counts the batches');
      // One Produce request per send (one broker leads every partition), each timed once per phase.
      assert.equal(delta('tideline_requests_total', { api: 'Produce' }), SENDS);
      for (const phase of ['queue', 'local', 'response_send', 'total']) {
        assert.equal(delta(`tideline_request_${phase}_time_seconds_count`, { api: 'Produce' }), SENDS, `${phase} time observed once per request`);
      }
      assert.equal(delta('tideline_request_errors_total', { api: 'CreateTopics', error: 'TOPIC_ALREADY_EXISTS' }), 1);
      assert.equal(delta('tideline_request_errors_total', { api: 'Produce' }), 0);
      // The log gauges: end offsets add up to N, three partitions with one segment each.
      assert.equal(value(after, 'tideline_log_end_offset', { topic: 'orders' }), N);
      assert.equal(value(after, 'tideline_log_high_watermark', { topic: 'orders' }), N);
      assert.equal(find(after, 'tideline_log_segments', { topic: 'orders' }).length, 3);
      assert.equal(value(after, 'tideline_log_start_offset', { topic: 'orders' }), 0);
      const logBytes = value(after, 'tideline_log_size_bytes', { topic: 'orders' });
      assert.ok(logBytes > 0);
      // acks=-1 on the file engine: group commits made the N records durable.
      assert.ok(delta('tideline_log_flush_duration_seconds_count') >= 1);
      assert.ok(delta('tideline_log_flush_records_sum') >= N);
      assert.equal(value(after, 'tideline_produce_purgatory_size'), 0);
      assert.ok(value(after, 'tideline_log_dir_used_bytes') >= logBytes);
      assert.ok(value(after, 'tideline_log_dir_free_bytes') > 0);
      assert.ok(value(after, 'tideline_log_dir_size_bytes') >= value(after, 'tideline_log_dir_free_bytes'));
      assert.ok(value(after, 'tideline_connections', { listener: 'PLAINTEXT', state: 'authenticated' }) >= 1);
      assert.ok(value(after, 'process_resident_memory_bytes') > 0, 'Node process metrics in the broker\'s registry');
      assert.ok(find(after, 'nodejs_eventloop_lag_seconds').length === 1);

      // A consumer group reads everything: N records out, one member while it runs.
      const consumer = kafka.consumer({ groupId: 'readers', maxWaitTimeInMs: 100 });
      await consumer.connect();
      let seen = 0;
      try {
        await consumer.subscribe({ topic: 'orders', fromBeginning: true });
        await consumer.run({ eachMessage: async () => { seen++; } });
        await until('all records consumed', () => seen >= N);
        const s = await scrape(url);
        assert.ok(value(s, 'tideline_topic_messages_out_total', { topic: 'orders' }) >= N);
        assert.ok(value(s, 'tideline_topic_bytes_out_total', { topic: 'orders' }) >= logBytes * 0.9);
        assert.equal(value(s, 'tideline_consumer_group_members', { group: 'readers' }), 1);
        assert.equal(value(s, 'tideline_consumer_group_state', { group: 'readers', state: 'Stable' }), 1);
      } finally {
        await consumer.disconnect();
      }
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
  });
});

test('metrics: a group that stops consuming shows its lag growing in offsets and in seconds (from the records\' own timestamps)', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  await withBroker(async (b, url) => {
    const kafka = kafkaFor(b);
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({ topic: 'lagging', acks: -1, messages: Array.from({ length: 20 }, (_, i) => ({ value: `r${i}` })) });
      const consumer = kafka.consumer({ groupId: 'stopper', maxWaitTimeInMs: 100 });
      await consumer.connect();
      try {
        await consumer.subscribe({ topic: 'lagging', fromBeginning: true });
        await consumer.run({ autoCommitInterval: 100, eachMessage: async () => {} });
        await until('offset 20 committed', () => b.broker.groups.offsets.get('stopper', 'lagging', 0)?.offset === 20n);
      } finally {
        await consumer.disconnect();
      }
      const caughtUp = await scrape(url);
      assert.equal(value(caughtUp, 'tideline_consumer_group_lag_records', { group: 'stopper', topic: 'lagging', partition: '0' }), 0);
      assert.equal(value(caughtUp, 'tideline_consumer_group_lag_seconds', { group: 'stopper', topic: 'lagging', partition: '0' }), 0);
      assert.equal(value(caughtUp, 'tideline_consumer_group_committed_offset', { group: 'stopper' }), 20);

      // The group is gone; 30 records arrive, stamped an hour ago by their producer.
      const stamped = Date.now() - 3_600_000;
      await producer.send({ topic: 'lagging', acks: -1, messages: Array.from({ length: 30 }, (_, i) => ({ value: `late${i}`, timestamp: String(stamped + i) })) });
      const t1 = Date.now();
      const s1 = await scrape(url);
      const t1End = Date.now();
      const labels = { group: 'stopper', topic: 'lagging', partition: '0' };
      assert.equal(value(s1, 'tideline_consumer_group_lag_records', labels), 30);
      const lag1 = value(s1, 'tideline_consumer_group_lag_seconds', labels);
      assert.ok(lag1 >= (t1 - stamped) / 1000 - 0.001 && lag1 <= (t1End - stamped) / 1000 + 0.001, `time lag ${lag1} s is now minus the first unconsumed record's timestamp`);

      await sleep(1100);
      await producer.send({ topic: 'lagging', acks: -1, messages: Array.from({ length: 10 }, (_, i) => ({ value: `more${i}` })) });
      const t2 = Date.now();
      const s2 = await scrape(url);
      assert.equal(value(s2, 'tideline_consumer_group_lag_records', labels), 40, 'lag in offsets grows with each record');
      const lag2 = value(s2, 'tideline_consumer_group_lag_seconds', labels);
      assert.ok(lag2 - lag1 >= (t2 - t1End) / 1000 - 0.001, `time lag grows with the clock: ${lag1} -> ${lag2}`);
    } finally {
      await producer.disconnect();
    }
  });
});

test('metrics: lag status follows Burrow\'s rules over the group\'s commits (STOP after commits cease, REWIND when an offset goes back)', { timeout: TIMEOUT }, async () => {
  await withBroker(async (b, url) => {
    // Commits on the wire (a group without members, as the offsets tools commit), timed by the test.
    const c = await WireClient.connect(b.port);
    try {
      const created = await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name: 'statuses', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }] });
      assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
      const produced = await c.send(ApiKey.Produce, 9, {
        acks: -1, timeoutMs: 5000, transactionalId: null,
        topicData: [{ name: 'statuses', partitionData: [{ index: 0, records: encodeBatch({ records: Array.from({ length: 100 }, (_, i) => ({ value: Buffer.from(`s${i}`) })) }) }] }],
      });
      assert.equal(produced.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
      const commit = async (offset: bigint): Promise<void> => {
        const r = await c.send(ApiKey.OffsetCommit, 8, {
          groupId: 'status-g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
          topics: [{ name: 'statuses', partitions: [{ partitionIndex: 0, committedOffset: offset, committedLeaderEpoch: -1, committedMetadata: '' }] }],
        });
        assert.equal(r.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
      };
      const labels = { group: 'status-g', topic: 'statuses', partition: '0' };
      const first = Date.now();
      await commit(10n);
      await sleep(200);
      await commit(20n);
      const last = Date.now();
      // STOP once no commit came for longer than the window spans (now - last > last - first).
      await sleep(2 * (last - first) + 50);
      const stopped = await scrape(url);
      assert.equal(value(stopped, 'tideline_consumer_group_lag_records', labels), 80);
      assert.equal(value(stopped, 'tideline_consumer_group_partition_lag_status', labels), 3, 'STOP');
      assert.equal(value(stopped, 'tideline_consumer_group_lag_status', { group: 'status-g' }), 3);
      // An offset going back is the worst: REWIND.
      await commit(5n);
      const rewound = await scrape(url);
      assert.equal(value(rewound, 'tideline_consumer_group_partition_lag_status', labels), 4, 'REWIND');
      assert.equal(value(rewound, 'tideline_consumer_group_lag_status', { group: 'status-g' }), 4);
      // Caught up: OK whatever the window says.
      await commit(100n);
      const ok = await scrape(url);
      assert.equal(value(ok, 'tideline_consumer_group_lag_status', { group: 'status-g' }), 0, 'OK');
    } finally {
      c.close();
    }
  });
});

test('metrics: the endpoint answers Prometheus text or OpenMetrics by Accept, 404 elsewhere; promtool check metrics finds no problem in a live scrape', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs', 'promtool')) return;
  await withBroker(async (b, url) => {
    const kafka = kafkaFor(b);
    const admin = kafka.admin();
    const producer = kafka.producer();
    await admin.connect();
    await producer.connect();
    try {
      await producer.send({ topic: 'checked', acks: -1, messages: [{ value: 'a' }, { value: 'b' }] });
      await admin.setOffsets({ groupId: 'checked-g', topic: 'checked', partitions: [{ partition: 0, offset: '1' }] });
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
    const text = await fetch(url);
    assert.equal(text.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
    const body = await text.text();
    assert.ok(parseScrape(body).length > 100);
    const checked = await run('promtool', ['check', 'metrics'], { input: body, allowFailure: true, timeoutMs: 30_000 });
    assert.equal(`${checked.stdout}${checked.stderr}`, '', 'promtool reports no problem');
    assert.equal(checked.code, 0);
    // What Prometheus itself sends: OpenMetrics preferred.
    const om = await fetch(url, { headers: { accept: 'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' } });
    assert.equal(om.headers.get('content-type'), 'application/openmetrics-text; version=1.0.0; charset=utf-8');
    const omBody = await om.text();
    assert.match(omBody, /^# EOF\n?$/m);
    assert.match(omBody, /^tideline_consumer_group_lag_records\{group="checked-g",topic="checked",partition="0"\} 1$/m);
    const base = url.slice(0, -'/metrics'.length);
    for (const path of ['/', '/metric', '/metrics/x', '/api/v1/query']) assert.equal((await fetch(base + path)).status, 404, path);
    assert.equal((await fetch(url, { method: 'POST', body: 'x' })).status, 405);
  });
});

test('metrics: a real Prometheus server scrapes the broker every second and answers a PromQL query for consumer lag', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs', 'prometheus')) return;
  await withBroker(async (b, url) => {
    const kafka = kafkaFor(b);
    const admin = kafka.admin();
    const producer = kafka.producer();
    await admin.connect();
    await producer.connect();
    try {
      await producer.send({ topic: 'scraped', acks: -1, messages: Array.from({ length: 42 }, (_, i) => ({ value: `p${i}`, timestamp: String(Date.now() - 60_000) })) });
      await admin.setOffsets({ groupId: 'prom-g', topic: 'scraped', partitions: [{ partition: 0, offset: '2' }] });
    } finally {
      await producer.disconnect();
      await admin.disconnect();
    }
    const target = new URL(url).host;
    const prom = await startPrometheus({ targets: [target], intervalSeconds: 1 });
    try {
      let lag: Array<{ metric: Record<string, string>; value: number }> = [];
      await until('Prometheus has scraped the lag', async () => {
        lag = await prom.query('sum by (group, topic) (tideline_consumer_group_lag_records{group="prom-g"})');
        return lag.length === 1;
      }, 60_000);
      assert.deepEqual(lag.map((s) => [s.metric['group'], s.metric['topic'], s.value]), [['prom-g', 'scraped', 40]]);
      const seconds = await prom.query('max by (group) (tideline_consumer_group_lag_seconds{group="prom-g"})');
      assert.equal(seconds.length, 1);
      assert.ok(seconds[0]!.value >= 60, `lag in seconds ${seconds[0]!.value}`);
      const up = await prom.query(`up{instance="${target}"}`);
      assert.deepEqual(up.map((s) => s.value), [1]);
    } finally {
      await prom.stop();
    }
  });
});

test('metrics: SASL authentications by listener, mechanism and result; throttle time by quota entity; transactions committed and aborted (KafkaJS)', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  const b = await startBroker({
    storage: 'memory://', port: 0, metrics: true,
    security: {
      listeners: [
        { name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' },
        { name: 'PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'PLAINTEXT' },
      ],
      sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { sasl_plaintext: { alice: 'alice-secret' } } },
    },
  });
  const scrapeNow = async (): Promise<ReturnType<typeof parseScrape>> => parseScrape(await b.metrics!.scrape());
  try {
    const sasl = b.listeners['SASL_PLAINTEXT']!.bootstrap;
    const plain = b.listeners['PLAINTEXT']!.bootstrap;
    // SASL: one client with the right password, one with a wrong one.
    const good = new Kafka({ clientId: 'alice-app', brokers: [sasl], logLevel: logLevel.NOTHING, sasl: { mechanism: 'plain', username: 'alice', password: 'alice-secret' } });
    const ga = good.admin();
    await ga.connect();
    await ga.listTopics();
    await ga.disconnect();
    const bad = new Kafka({ clientId: 'mallory', brokers: [sasl], logLevel: logLevel.NOTHING, retry: { retries: 0 }, sasl: { mechanism: 'plain', username: 'alice', password: 'wrong' } });
    const ba = bad.admin();
    await assert.rejects(ba.connect());
    await ba.disconnect().catch(() => {});
    const s1 = await scrapeNow();
    assert.ok(value(s1, 'tideline_authentications_total', { listener: 'SASL_PLAINTEXT', mechanism: 'PLAIN', result: 'success' }) >= 1);
    assert.ok(value(s1, 'tideline_authentications_total', { listener: 'SASL_PLAINTEXT', mechanism: 'PLAIN', result: 'failure' }) >= 1);

    // A 1 KiB/s produce quota on client id "slow": its produce earns throttle time, counted under that entity.
    const c = await WireClient.connect(b.listeners['PLAINTEXT']!.port);
    try {
      const r = await c.send(ApiKey.AlterClientQuotas, 1, {
        entries: [{ entity: [{ entityType: 'client-id', entityName: 'slow' }], ops: [{ key: 'producer_byte_rate', value: 1024, remove: false }] }], validateOnly: false,
      });
      assert.equal(r.entries[0]!.errorCode, ErrorCode.NONE);
    } finally {
      c.close();
    }
    const slow = new Kafka({ clientId: 'slow', brokers: [plain], logLevel: logLevel.NOTHING });
    const sp = slow.producer();
    await sp.connect();
    await sp.send({ topic: 'quota-topic', acks: 1, messages: [{ value: 'x'.repeat(20_000) }] });
    await sp.disconnect();
    const s2 = await scrapeNow();
    assert.ok(value(s2, 'tideline_quota_throttle_time_seconds_total', { quota: 'producer_byte_rate', client_id: 'slow' }) > 0, 'throttle time counted for the quota entity');

    // Transactions: one committed, one aborted.
    const kafka = new Kafka({ clientId: 'tx-app', brokers: [plain], logLevel: logLevel.NOTHING });
    const tp = kafka.producer({ transactionalId: 'metrics-tx', idempotent: true, maxInFlightRequests: 1 });
    await tp.connect();
    try {
      const t1 = await tp.transaction();
      await t1.send({ topic: 'tx-topic', messages: [{ value: 'committed' }] });
      await t1.commit();
      const t2 = await tp.transaction();
      await t2.send({ topic: 'tx-topic', messages: [{ value: 'aborted' }] });
      await t2.abort();
    } finally {
      await tp.disconnect();
    }
    const s3 = await scrapeNow();
    assert.equal(value(s3, 'tideline_transactions_completed_total', { result: 'commit' }), 1);
    assert.equal(value(s3, 'tideline_transactions_completed_total', { result: 'abort' }), 1);
    assert.equal(value(s3, 'tideline_transactions', { state: 'CompleteAbort' }), 1);
    // Two data batches and two control batches (the markers) went to the log.
    assert.equal(value(s3, 'tideline_log_end_offset', { topic: 'tx-topic' }), 4);
  } finally {
    await b.close();
  }
});
