// Test helper (not a test file): runs a list of librdkafka's own integration tests against a
// Tideline broker configured as librdkafka's test clusters are (4 partitions per auto-created
// topic, an authorizer that allows everyone without ACLs) and asserts that each ran and passed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLibrdkafkaTests, type LibrdkafkaRunOptions } from '@tideline/interop';
import { startBroker } from '../src/index.js';

export async function librdkafkaTestsPass(
  tests: readonly string[],
  run: Omit<LibrdkafkaRunOptions, 'bootstrap' | 'tests'>,
  configs: Record<string, string> = {},
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-rdkconf-'));
  const b = await startBroker({
    dataDir: dir, port: 0,
    configs: { 'num.partitions': '4', 'group.initial.rebalance.delay.ms': '0', ...configs },
    security: { acls: { enabled: true, allowEveryoneIfNoAclFound: true, superUsers: [] } },
  });
  try {
    const r = await runLibrdkafkaTests({ bootstrap: b.bootstrap, tests, ...run });
    const failed = r.results.filter((x) => x.status === 'FAILED').map((x) => `${x.name}: ${x.reason ?? ''}`);
    assert.deepEqual(failed, [], r.output.slice(-4000));
    // A number can name several tests (0031_get_offsets and the local 0031_get_offsets_mock, skipped by -L).
    const missing = tests.filter((n) => !r.results.some((x) => x.name.startsWith(n) && x.status === 'PASSED'));
    assert.deepEqual(missing, [], 'every listed test ran and passed');
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
