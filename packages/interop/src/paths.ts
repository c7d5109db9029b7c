// Where the harness finds the repository and the provisioned tools (see .ci/provision.sh).
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this module holding `.ci/provision.sh`. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, '.ci', 'provision.sh'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('interop: cannot find the repository root (.ci/provision.sh)');
    dir = up;
  }
}

/** The provisioning cache: `$TIDELINE_CACHE`, else `<repo>/.cache/interop`. */
export function cacheDir(): string {
  const env = process.env['TIDELINE_CACHE'];
  return env !== undefined && env !== '' ? resolve(env) : join(repoRoot(), '.cache', 'interop');
}

/** Supported Java client versions (4 is 4.3); each has its own classpath and compiled KafkaCli. */
export type JavaClientVersion = '3.9' | '4' | '4.4';

/** A `java -cp` value for the broker or one Java client version (jar wildcard + classes). */
export function javaClasspath(which: 'broker' | JavaClientVersion): string {
  const c = cacheDir();
  if (which === 'broker') return join(c, 'jars', 'broker', '*');
  return [join(c, 'classes', which), join(c, 'jars', `clients-${which}`, '*')].join(':');
}

/** The npm prefix holding the natively built @confluentinc/kafka-javascript. */
export function nativePrefix(): string {
  return join(cacheDir(), 'native');
}

/**
 * The prefix holding the librdkafka that provisioning builds from the source shipped with
 * @confluentinc/kafka-javascript (its addon links to `lib/` by rpath; kcat is run with it).
 */
export function librdkafkaPrefix(): string {
  return join(cacheDir(), 'librdkafka');
}

/**
 * Where kafka-configs (ConfigCommand) lives for the provisioned broker: `kafka.admin.ConfigCommand`
 * in the broker's core jar up to Kafka 4.3; from 4.4 `org.apache.kafka.tools.ConfigCommand` in
 * kafka-tools, added to the broker classpath from whichever jar directory holds the same version.
 */
export function configCommand(): { classpath: string; main: string } {
  const c = cacheDir();
  const brokerDir = join(c, 'jars', 'broker');
  const core = (existsSync(brokerDir) ? readdirSync(brokerDir) : []).find((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  const version = core?.replace(/^kafka_2\.13-/, '').replace(/\.jar$/, '') ?? '';
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major < 4 || (major === 4 && minor < 4)) return { classpath: javaClasspath('broker'), main: 'kafka.admin.ConfigCommand' };
  const jarsDir = join(c, 'jars');
  const tools = readdirSync(jarsDir).map((d) => join(jarsDir, d, `kafka-tools-${version}.jar`)).find((f) => existsSync(f));
  return { classpath: tools === undefined ? javaClasspath('broker') : `${javaClasspath('broker')}:${tools}`, main: 'org.apache.kafka.tools.ConfigCommand' };
}
