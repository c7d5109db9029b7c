// Drivers for the real clients: kcat (librdkafka), the Java client CLI (3.9, 4.3 and 4.4),
// Apache Kafka's command-line tools, Debian's Python clients, and the natively built
// @confluentinc/kafka-javascript. KafkaJS is a normal import (`import { Kafka } from 'kafkajs'`).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ConfluentKafkaModule } from './confluent-types.js';
import { javaClasspath, librdkafkaPrefix, nativePrefix, repoRoot, type JavaClientVersion } from './paths.js';
import { jsonLines, run, type RunOptions, type RunResult } from './process.js';
import { missingReason, SYSTEM_PYTHON, type ToolName } from './tools.js';

function ensure(name: ToolName): void {
  const why = missingReason(name);
  if (why !== undefined) throw new Error(why);
}

/**
 * Runs kcat with `args` (bounded by `timeoutMs`, default 30 s). Debian's kcat binary runs on the
 * provisioned librdkafka (the one under @confluentinc/kafka-javascript, not Debian's 2.0.2):
 * librdkafka keeps its ABI within librdkafka.so.1, so LD_LIBRARY_PATH picks it.
 */
export function kcat(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  ensure('kcat');
  return run('kcat', args, { timeoutMs: 30_000, ...opts, env: kcatEnv(opts.env) });
}

/** The environment kcat runs in: `base` (default: this process's) with the provisioned librdkafka first. */
export function kcatEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const lib = join(librdkafkaPrefix(), 'lib');
  const prev = base['LD_LIBRARY_PATH'];
  return { ...base, LD_LIBRARY_PATH: prev !== undefined && prev !== '' ? `${lib}:${prev}` : lib };
}

const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto'];

export interface JavaClientResult extends RunResult {
  /** stdout parsed as JSON lines (one object per record, ack or admin answer). */
  rows: Record<string, unknown>[];
}

/**
 * Runs the KafkaCli program (packages/interop/java/src) against kafka-clients `version`.
 * Commands: produce, consume, admin <op>, partition <n> <key...>, version (see its javadoc).
 */
export async function runJavaClient(
  version: JavaClientVersion,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<JavaClientResult> {
  ensure(`java-client-${version}`);
  const r = await run(
    'java',
    [...JAVA_FLAGS, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', javaClasspath(version),
      'tideline.interop.KafkaCli', ...args],
    { timeoutMs: 60_000, ...opts },
  );
  return { ...r, rows: jsonLines(r.stdout) };
}

/**
 * Runs the StreamsApp Kafka Streams program (packages/interop/java/src/tideline/interop/StreamsApp.java,
 * launched from source on the 4.x classpath, kafka-streams included): upper-cases `count` records
 * from `input` into `output`, then exits. Resolves with its JSON summary line parsed.
 */
export async function runKafkaStreams(
  args: { bootstrap: string; applicationId: string; input: string; output: string; count: number; guarantee?: 'at_least_once' | 'exactly_once_v2' },
  opts: RunOptions = {},
): Promise<JavaClientResult> {
  ensure('java-client-4');
  const source = join(repoRoot(), 'packages', 'interop', 'java', 'src', 'tideline', 'interop', 'StreamsApp.java');
  const r = await run(
    'java',
    [...JAVA_FLAGS, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', javaClasspath('4'), source,
      args.bootstrap, args.applicationId, args.input, args.output, String(args.count), args.guarantee ?? 'at_least_once'],
    { timeoutMs: 90_000, ...opts },
  );
  return { ...r, rows: jsonLines(r.stdout) };
}

/**
 * JVM flags for measuring a Java program rather than starting it fast: the JVM's own defaults
 * (tiered compilation up to C2, G1) with a fixed 1 GiB heap.
 */
export const JAVA_BENCH_FLAGS: readonly string[] = ['-Xms1g', '-Xmx1g', '-XX:+UseG1GC', '-Djava.awt.headless=true'];

/**
 * Runs a single-file Java program from source (`java File.java args...`, compiled in memory at
 * launch) on the 4.x classpath: kafka-clients, kafka-streams and their dependencies (Jackson,
 * RocksDB); `clients: '4.4'` runs it on the 4.4 classpath (share consumers). `jvmFlags` defaults to the harness's fast-start flags; pass JAVA_BENCH_FLAGS to time it.
 * Resolves with stdout parsed as JSON lines.
 */
export async function runJavaSource(
  source: string,
  args: readonly string[],
  opts: RunOptions & { jvmFlags?: readonly string[]; clients?: '4' | '4.4' } = {},
): Promise<JavaClientResult> {
  const { jvmFlags = JAVA_FLAGS, clients = '4', ...runOpts } = opts;
  ensure(`java-client-${clients}`);
  const r = await run(
    'java',
    [...jvmFlags, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', javaClasspath(clients), source, ...args],
    { timeoutMs: 90_000, ...runOpts },
  );
  return { ...r, rows: jsonLines(r.stdout) };
}

/** Main classes of Apache Kafka's tools (kafka-tools 4.x) that tests use most. */
export const KAFKA_TOOLS = {
  producerPerformance: 'org.apache.kafka.tools.ProducerPerformance',
  consumerPerformance: 'org.apache.kafka.tools.ConsumerPerformance',
  consumerGroups: 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
  topics: 'org.apache.kafka.tools.TopicCommand',
  getOffsets: 'org.apache.kafka.tools.GetOffsetShell',
  acls: 'org.apache.kafka.tools.AclCommand',
  /** kafka-configs (SCRAM users, client quotas): moved from the broker's core jar to kafka-tools in 4.4. */
  configs: 'org.apache.kafka.tools.ConfigCommand',
  /** kafka-share-groups (KIP-932; 4.4 kafka-tools). */
  shareGroups: 'org.apache.kafka.tools.consumer.group.ShareGroupCommand',
  /** kafka-console-share-consumer (KIP-932; 4.4 kafka-tools). */
  consoleShareConsumer: 'org.apache.kafka.tools.consumer.ConsoleShareConsumer',
} as const;

/** Tools that exist only in kafka-tools 4.4 (the 4.3 jars had them elsewhere): run on the 4.4 classpath. */
const TOOLS_44: ReadonlySet<string> = new Set([KAFKA_TOOLS.configs, KAFKA_TOOLS.shareGroups, KAFKA_TOOLS.consoleShareConsumer]);

/**
 * Runs an Apache Kafka tool main class (e.g. KAFKA_TOOLS.producerPerformance) on the 4.3 tools'
 * classpath (ConfigCommand and the share-group tools on 4.4's); `kafka.*` classes live in the broker's jars and run on the
 * broker classpath.
 */
export function kafkaTools(mainClass: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const broker = mainClass.startsWith('kafka.');
  const v44 = TOOLS_44.has(mainClass);
  ensure(broker ? 'apache-kafka' : v44 ? 'java-client-4.4' : 'kafka-tools');
  return run(
    'java',
    [...JAVA_FLAGS, '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-cp', javaClasspath(broker ? 'broker' : v44 ? '4.4' : '4'), mainClass, ...args],
    { timeoutMs: 120_000, ...opts },
  );
}

/** Runs a Python script with the system interpreter, which sees Debian's kafka / confluent_kafka. */
export function python(script: string, args: readonly string[] = [], opts: RunOptions = {}): Promise<RunResult> {
  return run(SYSTEM_PYTHON, ['-c', script, ...args], { timeoutMs: 60_000, ...opts });
}

let ckjs: ConfluentKafkaModule | undefined;

/**
 * Loads @confluentinc/kafka-javascript from the provisioning cache (never from the workspace).
 * Do not load it in a process that also loads node-rdkafka: both bind librdkafka.so.1.
 */
export function confluentKafka(): ConfluentKafkaModule {
  if (ckjs === undefined) {
    ensure('confluent-kafka');
    const req = createRequire(join(nativePrefix(), 'package.json'));
    ckjs = req('@confluentinc/kafka-javascript') as ConfluentKafkaModule;
  }
  return ckjs;
}
