// Share groups (KIP-932) against librdkafka's own share-consumer integration tests, in full mode
// (quick mode skips every share-consumer sub-test and still reports PASSED) with
// TEST_KAFKA_VERSION 4.4.0, Tideline configured as librdkafka's test clusters are (see
// librdkafka-conformance.test.ts). The chosen tests pass on Tideline and on Apache Kafka 4.4 and
// keep the CI cost under 4 minutes at two in parallel on a loaded 2-core machine; the full list,
// each test's result on both brokers and their run times are in docs/conformance.md.
import { test } from 'node:test';
import { toolOrSkip } from '@tideline/interop';
import { librdkafkaTestsPass } from './librdkafka.js';

/**
 * 0171 consume (fetch.max.bytes, max.poll.records, multi-partition), 0175 several groups, 0176
 * commit_sync, 0178 close (the closing acknowledgements race the leave heartbeat), 0180
 * configuration (fetch.max.bytes 0 and 1, fetch.min.bytes). Not 0172: its mixed-mode sub-test
 * depends on the second member being assigned before the first drains the topic, which holds on
 * a quiet machine only (docs/conformance.md).
 */
export const LIBRDKAFKA_SHARE_ALLOWLIST: readonly string[] = ['0171', '0175', '0176', '0178', '0180'];

test('librdkafka share-consumer tests (full mode, CI allowlist) pass against Tideline', { timeout: 900_000 }, async (t) => {
  if (!toolOrSkip(t, 'librdkafka-tests', 'kafka-tools', 'apache-kafka')) return;
  await librdkafkaTestsPass(LIBRDKAFKA_SHARE_ALLOWLIST, { parallel: 2, quick: false, kafkaVersion: '4.4.0', timeoutMs: 880_000 });
});
