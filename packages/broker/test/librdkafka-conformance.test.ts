// Protocol conformance with librdkafka's own integration tests (built by provisioning from the
// source inside @confluentinc/kafka-javascript; see interop/src/librdkafka-tests.ts): a fixed
// allowlist of tests that pass on a single node and take seconds each, run against Tideline
// started the way librdkafka's own test clusters are configured (4 partitions per auto-created
// topic, an authorizer that allows everyone without ACLs). The full run and every failure's
// classification are in docs/conformance.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLibrdkafkaTests, toolOrSkip } from '@tideline/interop';
import { startBroker } from '../src/index.js';

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
  const dir = mkdtempSync(join(tmpdir(), 'tideline-rdkconf-'));
  const b = await startBroker({
    dataDir: dir, port: 0,
    configs: {
      'num.partitions': '4', 'group.initial.rebalance.delay.ms': '0',
      // 0077 waits for compaction: librdkafka's test clusters run the cleaner every 15 s as Kafka does by default.
      'log.cleaner.backoff.ms': '1000',
    },
    security: { acls: { enabled: true, allowEveryoneIfNoAclFound: true, superUsers: [] } },
  });
  try {
    const r = await runLibrdkafkaTests({ bootstrap: b.bootstrap, tests: LIBRDKAFKA_ALLOWLIST, parallel: 2, timeoutMs: 400_000 });
    const failed = r.results.filter((x) => x.status === 'FAILED').map((x) => `${x.name}: ${x.reason ?? ''}`);
    assert.deepEqual(failed, [], r.output.slice(-4000));
    // A number can name several tests (0031_get_offsets and the local 0031_get_offsets_mock, skipped by -L).
    const missing = LIBRDKAFKA_ALLOWLIST.filter((n) => !r.results.some((x) => x.name.startsWith(n) && x.status === 'PASSED'));
    assert.deepEqual(missing, [], 'every allowlisted test ran and passed');
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
