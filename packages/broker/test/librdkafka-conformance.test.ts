// Protocol conformance with librdkafka's own integration tests (built by provisioning from the
// source inside @confluentinc/kafka-javascript; see interop/src/librdkafka-tests.ts): a fixed
// allowlist of tests that pass on a single node and take seconds each, run against Tideline
// started the way librdkafka's own test clusters are configured (4 partitions per auto-created
// topic, an authorizer that allows everyone without ACLs). The full run and every failure's
// classification are in docs/conformance.md.
import { test } from 'node:test';
import { toolOrSkip } from '@tideline/interop';
import { librdkafkaTestsPass } from './librdkafka.js';

/**
 * Produce, consume, batching, compression, headers, timestamps, offsets (commit, reset, seek,
 * by time), groups (balanced, cooperative), idempotence, partitioning, metadata, and compaction
 * (0077: the cleaner's schedule). Each passes on Tideline and on Apache Kafka.
 */
export const LIBRDKAFKA_ALLOWLIST: readonly string[] = [
  '0001', '0002', '0003', '0005', '0007', '0008', '0011', '0012', '0013', '0014', '0017', '0021', '0022', '0029',
  '0030', '0031', '0034', '0035', '0036', '0040', '0041', '0044', '0048', '0054', '0056', '0057', '0059', '0063',
  '0070', '0073', '0077', '0085', '0090', '0099', '0113', '0130', '0140',
];

test('librdkafka integration tests (CI allowlist) pass against Tideline', { timeout: 420_000 }, async (t) => {
  if (!toolOrSkip(t, 'librdkafka-tests', 'kafka-tools', 'apache-kafka')) return;
  // 0077 waits for compaction: librdkafka's test clusters run the cleaner every 15 s as Kafka does by default.
  await librdkafkaTestsPass(LIBRDKAFKA_ALLOWLIST, { parallel: 2, timeoutMs: 400_000 }, { 'log.cleaner.backoff.ms': '1000' });
});
