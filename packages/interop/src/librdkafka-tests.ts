// librdkafka's own integration tests as a conformance suite. Provisioning (.ci/provision.sh, step
// 5c) builds their runner (tests/test-runner) from the librdkafka source that ships inside the
// @confluentinc/kafka-javascript package; nothing of the tests is in this repository. Here: run a
// chosen set of them against a broker and read each test's outcome from the runner's output.
//
// How they are run: `test-runner -L -Q` (only tests that need a broker, quick mode) with
// TESTS=<comma-separated numbers>, a test.conf naming the bootstrap server, TEST_KAFKA_VERSION
// (the tests gate features on it) and KAFKA_PATH pointing at shims of kafka-topics.sh,
// kafka-configs.sh, kafka-acls.sh and kafka-consumer-groups.sh that run the provisioned Kafka
// tools' main classes (some tests call them). SIGPIPE is ignored, as librdkafka's own harness
// does: a test that writes to a socket the broker closed must not kill the runner.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDir, configCommand, javaClasspath } from './paths.js';
import { run } from './process.js';

/** Where provisioning builds librdkafka's tests (the runner is `tests/test-runner`). */
export function librdkafkaTestsDir(): string {
  return join(cacheDir(), 'librdkafka-tests');
}

export type LibrdkafkaTestStatus = 'PASSED' | 'FAILED' | 'SKIPPED';

export interface LibrdkafkaTestResult {
  /** e.g. `0001_multiobj` */
  readonly name: string;
  readonly status: LibrdkafkaTestStatus;
  /** The first failure or skip message. */
  readonly reason?: string;
}

export interface LibrdkafkaRunOptions {
  bootstrap: string;
  /** Test numbers (`0001`...); absent: every test that needs a broker. */
  tests?: readonly string[];
  /** Tests run in parallel by the runner (default 1). */
  parallel?: number;
  /** Multiplies the tests' own timeouts (default 2, for a shared CI machine). */
  timeoutMultiplier?: number;
  /**
   * Quick mode (`-Q`, default true). Note that in quick mode a test's sub-tests not marked quick are
   * skipped while the test still reports PASSED: the share-consumer tests (0170+) run nothing.
   */
  quick?: boolean;
  /** The broker version the tests assume (default 4.0.0). */
  kafkaVersion?: string;
  timeoutMs?: number;
}

export interface LibrdkafkaRun {
  readonly results: readonly LibrdkafkaTestResult[];
  /** The runner's whole output (ANSI colours removed). */
  readonly output: string;
  readonly exitCode: number | null;
}

/** Kafka's scripts the tests call (KAFKA_PATH/bin/*.sh) and the main classes behind them. */
function scripts(): ReadonlyArray<readonly [string, string, string]> {
  const configs = configCommand();
  return [
    ['kafka-topics.sh', 'org.apache.kafka.tools.TopicCommand', javaClasspath('4')],
    ['kafka-acls.sh', 'org.apache.kafka.tools.AclCommand', javaClasspath('4')],
    ['kafka-consumer-groups.sh', 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand', javaClasspath('4')],
    ['kafka-configs.sh', configs.main, configs.classpath],
  ];
}

function writeKafkaPath(dir: string): string {
  const bin = join(dir, 'kafka', 'bin');
  mkdirSync(bin, { recursive: true });
  for (const [script, main, cp] of scripts()) {
    const file = join(bin, script);
    writeFileSync(file, `#!/bin/sh\nexec java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp '${cp}' ${main} "$@"\n`);
    chmodSync(file, 0o755);
  }
  return join(dir, 'kafka');
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Each test's outcome from the runner's output (its per-test PASSED/FAILED lines, failures and skips). */
export function parseLibrdkafkaOutput(text: string): LibrdkafkaTestResult[] {
  const out = new Map<string, { status: LibrdkafkaTestStatus; reason?: string }>();
  const lines = text.replace(ANSI, '').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let m = /Test (\d{4}[A-Za-z0-9_-]*) (PASSED|FAILED)/.exec(line);
    if (m !== null) {
      const prev = out.get(m[1]!);
      out.set(m[1]!, { status: prev?.status === 'FAILED' ? 'FAILED' : m[2] as LibrdkafkaTestStatus, ...(prev?.reason !== undefined ? { reason: prev.reason } : {}) });
      continue;
    }
    m = /^### Test "(\d{4}[A-Za-z0-9_-]*)[^"]*" failed at ([^:]+:\d+)/.exec(line);
    if (m !== null) {
      const prev = out.get(m[1]!);
      if (prev?.reason === undefined) out.set(m[1]!, { status: 'FAILED', reason: `${m[2]!}: ${(lines[i + 1] ?? '').trim()}` });
      else out.set(m[1]!, { ...prev, status: 'FAILED' });
      continue;
    }
    m = /^\[(\d{4}[A-Za-z0-9_-]*)\s*\/\s*[\d.]+s\] WARN: SKIPPING TEST: (.*)$/.exec(line);
    if (m !== null && !out.has(m[1]!)) out.set(m[1]!, { status: 'SKIPPED', reason: m[2]!.trim() });
  }
  return [...out].map(([name, r]) => ({ name, ...r })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Runs librdkafka's tests against `bootstrap`; never throws for failing tests (read `results`). */
export async function runLibrdkafkaTests(opts: LibrdkafkaRunOptions): Promise<LibrdkafkaRun> {
  const work = mkdtempSync(join(tmpdir(), 'tideline-rdktests-'));
  try {
    const conf = join(work, 'test.conf');
    writeFileSync(conf, `bootstrap.servers=${opts.bootstrap}\ntest.timeout.multiplier=${opts.timeoutMultiplier ?? 2}\n`);
    const root = librdkafkaTestsDir();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      LD_LIBRARY_PATH: [join(root, 'src'), join(root, 'src-cpp')].join(':'),
      RDKAFKA_TEST_CONF: conf,
      TEST_KAFKA_VERSION: opts.kafkaVersion ?? '4.0.0',
      KAFKA_PATH: writeKafkaPath(work),
      BROKERS: opts.bootstrap,
      // The runner's CI mode changes its parallelism; the caller chooses it.
      CI: '',
      ...(opts.tests !== undefined ? { TESTS: opts.tests.join(',') } : {}),
    };
    const args = ['-L', ...(opts.quick === false ? [] : ['-Q']), `-p${opts.parallel ?? 1}`];
    const r = await run('sh', ['-c', 'trap "" PIPE; exec ./test-runner "$@"', 'test-runner', ...args], {
      cwd: join(root, 'tests'), env, allowFailure: true, timeoutMs: opts.timeoutMs ?? 600_000,
    });
    const output = `${r.stdout}\n${r.stderr}`.replace(ANSI, '');
    return { results: parseLibrdkafkaOutput(output), output, exitCode: r.code };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
