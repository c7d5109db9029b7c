// Which real clients and servers are provisioned, and the CI rule for missing ones:
// under CI=true a missing tool is a failure; elsewhere the test is skipped with the reason.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { TestContext } from 'node:test';
import { cacheDir, librdkafkaPrefix, nativePrefix } from './paths.js';

export type ToolName =
  | 'java'
  | 'kcat'
  | 'apache-kafka'
  | 'java-client-3.9'
  | 'java-client-4'
  | 'java-client-4.4'
  | 'kafka-tools'
  | 'confluent-kafka'
  | 'librdkafka-tests'
  | 'kafkajs'
  | 'python-kafka'
  | 'python-confluent-kafka'
  | 'promtool'
  | 'prometheus'
  | 'chromium';

export const TOOL_NAMES: readonly ToolName[] = [
  'java',
  'kcat',
  'apache-kafka',
  'java-client-3.9',
  'java-client-4',
  'java-client-4.4',
  'kafka-tools',
  'confluent-kafka',
  'librdkafka-tests',
  'kafkajs',
  'python-kafka',
  'python-confluent-kafka',
  'promtool',
  'prometheus',
  'chromium',
];

/** Debian's chromium: the console's browser tests drive it with playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/** The system interpreter: Debian's Python Kafka packages import only under it. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const HINT = 'run `bash .ci/provision.sh`';
const memo = new Map<ToolName, string | null>();

export function onPath(cmd: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const p = join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

function hasJar(dir: string, prefix: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(prefix) && f.endsWith('.jar'));
}

function check(name: ToolName): string | null {
  const c = cacheDir();
  switch (name) {
    case 'java':
      return onPath('java') !== undefined ? null : 'java is not on PATH';
    case 'kcat':
      if (onPath('kcat') === undefined) return `kcat is not on PATH (${HINT})`;
      return existsSync(join(librdkafkaPrefix(), 'lib', 'librdkafka.so.1'))
        ? null
        : `librdkafka is not built in ${librdkafkaPrefix()} (${HINT})`;
    case 'apache-kafka':
      if (check('java') !== null) return 'java is not on PATH';
      return hasJar(join(c, 'jars', 'broker'), 'kafka_2.13-') ? null : `Apache Kafka jars missing in ${c} (${HINT})`;
    case 'java-client-3.9':
    case 'java-client-4':
    case 'java-client-4.4': {
      if (check('java') !== null) return 'java is not on PATH';
      const v = name.slice('java-client-'.length);
      const cls = join(c, 'classes', v, 'tideline', 'interop', 'KafkaCli.class');
      return existsSync(cls) && hasJar(join(c, 'jars', `clients-${v}`), 'kafka-clients-')
        ? null
        : `Java client ${v} not provisioned in ${c} (${HINT})`;
    }
    case 'kafka-tools':
      if (check('java') !== null) return 'java is not on PATH';
      return hasJar(join(c, 'jars', 'clients-4'), 'kafka-tools-') ? null : `kafka-tools missing in ${c} (${HINT})`;
    case 'confluent-kafka':
      return existsSync(join(nativePrefix(), 'node_modules', '@confluentinc', 'kafka-javascript', 'package.json'))
        ? null
        : `@confluentinc/kafka-javascript is not built in ${nativePrefix()} (${HINT})`;
    case 'librdkafka-tests':
      return existsSync(join(c, 'librdkafka-tests', 'tests', 'test-runner'))
        ? null
        : `librdkafka's test runner is not built in ${join(c, 'librdkafka-tests')} (${HINT})`;
    case 'kafkajs':
      try {
        import.meta.resolve('kafkajs');
        return null;
      } catch {
        return 'kafkajs is not installed (npm install)';
      }
    case 'promtool':
    case 'prometheus':
      // Debian's prometheus package ships both.
      return onPath(name) !== undefined ? null : `${name} is not on PATH (apt-get install prometheus; ${HINT})`;
    case 'chromium':
      return existsSync(CHROMIUM) ? null : `${CHROMIUM} not found (${HINT}: apt package chromium)`;
    case 'python-kafka':
    case 'python-confluent-kafka': {
      const mod = name === 'python-kafka' ? 'kafka' : 'confluent_kafka';
      if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} not found`;
      const r = spawnSync(SYSTEM_PYTHON, ['-c', `import ${mod}`], { stdio: 'ignore', timeout: 20_000 });
      return r.status === 0 ? null : `${SYSTEM_PYTHON} cannot import ${mod} (${HINT})`;
    }
  }
}

/** Why `name` is unavailable, or undefined when it is provisioned. Cached per process. */
export function missingReason(name: ToolName): string | undefined {
  let r = memo.get(name);
  if (r === undefined) {
    r = check(name);
    memo.set(name, r);
  }
  return r ?? undefined;
}

export function isCI(): boolean {
  const v = process.env['CI'];
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** True when every tool is present. Missing under CI: throws. Otherwise returns false. */
export function requireTool(...names: ToolName[]): boolean {
  const reasons = names.map((n) => missingReason(n)).filter((r): r is string => r !== undefined);
  if (reasons.length === 0) return true;
  if (isCI()) throw new Error(`required tool missing under CI: ${reasons.join('; ')}`);
  return false;
}

/**
 * For use at the top of a test: `if (!toolOrSkip(t, 'kcat')) return;`. Missing under CI:
 * throws (the test fails). Otherwise marks the test skipped with the reason and returns false.
 */
export function toolOrSkip(t: TestContext, ...names: ToolName[]): boolean {
  if (requireTool(...names)) return true;
  const reasons = names.map((n) => missingReason(n)).filter((r): r is string => r !== undefined);
  t.skip(reasons.join('; '));
  return false;
}
