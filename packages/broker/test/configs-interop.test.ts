// Config and log-dir admin against Apache Kafka's own tools and the Java AdminClient:
// kafka-configs (org.apache.kafka.tools.ConfigCommand, in kafka-tools since 4.4: DescribeConfigs with synonyms, IncrementalAlterConfigs
// SET/DELETE), kafka-log-dirs (LogDirsCommand: DescribeLogDirs) and the Java client 3.9 / 4.x
// describeConfigs. Under CI=true a missing tool fails the test; elsewhere it is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, runJavaClient, toolOrSkip, type RunResult } from '@tideline/interop';
import { javaClasspath } from '@tideline/interop/internal';
import { startBroker, type RunningBroker } from '../src/index.js';

const TIMEOUT = 180_000;
const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

async function withBroker(fn: (b: RunningBroker) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-configs-'));
  const b = await startBroker({ dataDir: dir, port: 0 });
  try {
    await fn(b);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** kafka-configs.sh: ConfigCommand is in kafka-tools since 4.4 (it was in the broker's core jar), on the 4.4 classpath. */
function kafkaConfigs(b: RunningBroker, args: readonly string[], allowFailure = false): Promise<RunResult> {
  return run('java', [...JAVA_FLAGS, '-cp', javaClasspath('4.4'), 'org.apache.kafka.tools.ConfigCommand', '--bootstrap-server', b.bootstrap, ...args],
    { timeoutMs: 90_000, allowFailure });
}

/** Lines "name=value sensitive=... synonyms={...}" of a ConfigCommand --describe, as name -> rest. */
function described(out: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of out.split('\n')) {
    const x = /^\s+([a-z0-9.]+)=(\S*) sensitive=(\S+) synonyms=\{(.*)\}$/.exec(line);
    if (x !== null) m.set(x[1]!, `${x[2]!} | ${x[4]!}`);
  }
  return m;
}

test('kafka-configs: set retention.ms and describe it back, list syntax for cleanup.policy, delete, bad values', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'apache-kafka', 'java-client-4')) return;
  await withBroker(async (b) => {
    await runJavaClient('4', ['admin', 'create-topic', '--bootstrap', b.bootstrap, '--topic', 'kc']);
    const topic = ['--entity-type', 'topics', '--entity-name', 'kc'];
    await kafkaConfigs(b, [...topic, '--alter', '--add-config', 'retention.ms=1000,cleanup.policy=[compact,delete]']);
    const dyn = described((await kafkaConfigs(b, [...topic, '--describe'])).stdout);
    assert.equal(dyn.get('retention.ms'), '1000 | DYNAMIC_TOPIC_CONFIG:retention.ms=1000, DEFAULT_CONFIG:log.retention.hours=168');
    assert.equal(dyn.get('cleanup.policy'), 'compact,delete | DYNAMIC_TOPIC_CONFIG:cleanup.policy=compact,delete, DEFAULT_CONFIG:log.cleanup.policy=delete');
    assert.equal(dyn.size, 2, 'only overrides without --all');

    await kafkaConfigs(b, [...topic, '--alter', '--delete-config', 'retention.ms']);
    const all = described((await kafkaConfigs(b, [...topic, '--describe', '--all'])).stdout);
    assert.equal(all.get('retention.ms'), '604800000 | DEFAULT_CONFIG:log.retention.hours=168');
    assert.match(all.get('cleanup.policy') ?? '', /^compact,delete /);
    assert.ok(all.size >= 22);

    const bad = await kafkaConfigs(b, [...topic, '--alter', '--add-config', 'retention.ms=soon'], true);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /InvalidConfigurationException: Invalid value soon for configuration retention\.ms/);

    const brokers = described((await kafkaConfigs(b, ['--entity-type', 'brokers', '--entity-name', '1', '--describe', '--all'])).stdout);
    assert.equal(brokers.get('num.partitions'), '1 | STATIC_BROKER_CONFIG:num.partitions=1, DEFAULT_CONFIG:num.partitions=1');
    // log.retention.hours is dynamic (broker-configs.test.ts); num.partitions is read at startup only.
    const dynamicBroker = await kafkaConfigs(b, ['--entity-type', 'brokers', '--entity-name', '1', '--alter', '--add-config', 'num.partitions=3'], true);
    assert.notEqual(dynamicBroker.code, 0);
    assert.match(dynamicBroker.stderr, /InvalidRequestException: Cannot update these configs dynamically/);
  });
});

test('Java AdminClient 3.9 and 4.x describeConfigs; kafka-log-dirs', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'java-client-3.9', 'java-client-4', 'kafka-tools')) return;
  await withBroker(async (b) => {
    await runJavaClient('4', ['admin', 'create-topic', '--bootstrap', b.bootstrap, '--topic', 'jc', '--partitions', '2', '--config', 'retention.ms=5000']);
    for (const v of ['3.9', '4'] as const) {
      const r = await runJavaClient(v, ['admin', 'describe-configs', '--bootstrap', b.bootstrap, '--topic', 'jc']);
      const configs = r.rows[0]?.['configs'] as Record<string, string>;
      assert.equal(configs['retention.ms'], '5000', v);
      assert.equal(configs['cleanup.policy'], 'delete', v);
      assert.equal(configs['max.message.bytes'], '1048588', v);
    }
    await runJavaClient('4', ['produce', '--bootstrap', b.bootstrap, '--topic', 'jc', '--partition', '1', '--count', '5']);
    const ld = await run('java', [...JAVA_FLAGS, '-cp', javaClasspath('4'), 'org.apache.kafka.tools.LogDirsCommand', '--bootstrap-server', b.bootstrap, '--describe'], { timeoutMs: 90_000 });
    const json = ld.stdout.split('\n').find((l) => l.startsWith('{'));
    assert.ok(json !== undefined, ld.stdout);
    const parsed = JSON.parse(json) as { brokers: Array<{ broker: number; logDirs: Array<{ logDir: string; error: string | null; partitions: Array<{ partition: string; size: number }> }> }> };
    const dir = parsed.brokers[0]!.logDirs[0]!;
    assert.equal(dir.logDir, b.broker.config.dataDir);
    assert.equal(dir.error, null);
    const sizes = new Map(dir.partitions.map((p) => [p.partition, p.size]));
    assert.equal(sizes.get('jc-0'), 0);
    assert.ok((sizes.get('jc-1') ?? 0) > 0);
  });
});
