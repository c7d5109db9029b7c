// The systems under test, each started by the harness on free 127.0.0.1 ports with its own data
// directory, and stopped by PID: Tideline (`tide broker start`), Apache Kafka (single-node KRaft,
// with the JVM flags of Kafka's own kafka-server-start.sh), Redis (AOF on) and NATS (JetStream,
// file storage). Nothing here talks to a system-wide instance.
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { freePort, randomKafkaUuid, run } from '@tideline/interop';
import { javaClasspath, spawnTracked, stopChild, watchdog } from '@tideline/interop/internal';
import { waitFirstAckedProduce } from './wire.mjs';

const REPO = new URL('../../', import.meta.url).pathname;
export const TIDE_BIN = join(REPO, 'packages', 'cli', 'bin', 'tide.js');

/**
 * Kafka's own start scripts: kafka-server-start.sh sets KAFKA_HEAP_OPTS="-Xmx1G -Xms1G" and
 * kafka-run-class.sh KAFKA_JVM_PERFORMANCE_OPTS (G1, 20 ms pause goal). This is what a user
 * running `bin/kafka-server-start.sh` gets; the test harness's flags (C1 only, serial GC) are not
 * used here because they would slow Kafka down.
 */
export const KAFKA_SERVER_JVM = [
  '-Xmx1G', '-Xms1G', '-server', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent', '-XX:MaxInlineLevel=15', '-Djava.awt.headless=true',
];
/** kafka-producer-perf-test.sh / kafka-consumer-perf-test.sh: KAFKA_HEAP_OPTS="-Xmx512M", same JVM opts. */
export const KAFKA_TOOL_JVM = [
  '-Xmx512M', '-server', '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent', '-XX:MaxInlineLevel=15', '-Djava.awt.headless=true',
];

/** Resident set size of a process in bytes (VmRSS), or undefined if it is gone. */
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples a PID's RSS every `everyMs` until stop(); returns { max, samples }. */
export function rssSampler(pid, everyMs = 200) {
  let max = rssOf(pid) ?? 0;
  let n = 0;
  const timer = setInterval(() => {
    const r = rssOf(pid);
    if (r !== undefined) {
      n++;
      if (r > max) max = r;
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { maxBytes: max, samples: n };
    },
  };
}

function alive(child) {
  return child.exitCode === null && child.signalCode === null;
}

function logOf(child, file) {
  const log = createWriteStream(file);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  return {
    tail(bytes = 3000) {
      try {
        const s = readFileSync(file, 'utf8');
        return s.slice(Math.max(0, s.length - bytes));
      } catch {
        return '';
      }
    },
    end: () => log.end(),
  };
}

function managed(name, kind, child, extra, log, graceMs = 15_000) {
  const dog = watchdog(child.pid);
  let stopped;
  return {
    name,
    kind,
    pid: child.pid,
    child,
    alive: () => alive(child),
    logTail: (n) => log.tail(n),
    ...extra,
    stop() {
      stopped ??= (async () => {
        await stopChild(child, graceMs);
        await stopChild(dog, 1000);
        log.end();
      })();
      return stopped;
    },
  };
}

/**
 * `tide broker start` as a user runs it. Resolves once a produce with acks=all was acked
 * (the probe topic `_bench_ready` is auto-created), with launchToAckMs measured from spawn.
 */
export async function startTideline({ dir, name = 'tideline', nodeArgs = [], args = [], bundle = true, bin = TIDE_BIN, env = {} }) {
  // A process that dies before it listens is retried (twice, 3 s apart, in a fresh directory): in a
  // shared checkout a concurrent `tsc -b` can leave dist/ without a module for a moment. The
  // attempts are recorded; a broker that fails after it listened is never retried.
  for (let attempt = 1; ; attempt++) {
    try {
      const s = await startTidelineOnce({ dir: attempt === 1 ? dir : `${dir}-retry${attempt}`, name, nodeArgs, args, bundle, bin, env });
      s.startAttempts = attempt;
      return s;
    } catch (e) {
      if (attempt >= 3 || !String(e?.message).includes('process exited before accepting connections')) throw e;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}

async function startTidelineOnce({ dir, name, nodeArgs, args, bundle, bin, env }) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const t0 = performance.now();
  const child = spawnTracked(process.execPath, [...nodeArgs, bin, 'broker', 'start', '--data-dir', join(dir, 'data'),
    '--listen', `127.0.0.1:${port}`, '--log-level', 'warn', ...args],
    // bundle: false runs the modules tsc wrote (TIDE_NO_BUNDLE): CPU profiles then name each package's files.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...(bundle ? {} : { TIDE_NO_BUNDLE: '1' }), ...env } });
  const log = logOf(child, join(dir, 'broker.log'));
  const s = managed(name, 'tideline', child, { port, bootstrap: `127.0.0.1:${port}`, dir }, log, 20_000);
  let seen = '';
  const onOut = (b) => {
    seen += b.toString('utf8');
    if (seen.includes('listening on')) {
      s.launchToListenMs = performance.now() - t0;
      child.stdout.off('data', onOut);
    }
  };
  child.stdout.on('data', onOut);
  try {
    const t1 = await waitFirstAckedProduce(port, '_bench_ready', { deadlineMs: 60_000, isAlive: () => alive(child) });
    s.launchToAckMs = t1 - t0;
  } catch (e) {
    await s.stop();
    throw new Error(`tideline did not start: ${e.message}\n${log.tail()}`);
  }
  return s;
}

function kafkaProperties(dir, port, cport, config) {
  const props = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${cport}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${cport}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': join(dir, 'data'),
    'num.partitions': 1,
    'auto.create.topics.enable': true,
    // Single node: internal topics cannot have 3 replicas. Same values as Kafka's sample
    // config/server.properties for a one-broker setup.
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    ...config,
  };
  return Object.entries(props).map(([k, v]) => `${k}=${String(v)}`).join('\n') + '\n';
}

/** Writes server.properties and formats the KRaft storage (an install step, not timed). */
export async function prepareKafka({ dir, config = {} }) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  let cport = await freePort();
  while (cport === port) cport = await freePort();
  const propsFile = join(dir, 'server.properties');
  writeFileSync(propsFile, kafkaProperties(dir, port, cport, config));
  await run('java', ['-Xmx256m', '-cp', javaClasspath('broker'), 'kafka.tools.StorageTool', 'format', '-t', randomKafkaUuid(),
    '-c', propsFile], { timeoutMs: 120_000 });
  return { port, cport, propsFile };
}

/**
 * Apache Kafka single node (KRaft). `flushEveryMessage` adds log.flush.interval.messages=1: the
 * broker fsyncs each append before acking, as Tideline does for acks=all.
 */
export async function startKafka({ dir, name = 'kafka', flushEveryMessage = false, prepared }) {
  const config = flushEveryMessage ? { 'log.flush.interval.messages': 1 } : {};
  const p = prepared ?? (await prepareKafka({ dir, config }));
  const t0 = performance.now();
  const child = spawnTracked('java', [...KAFKA_SERVER_JVM, '-cp', javaClasspath('broker'), 'kafka.Kafka', p.propsFile],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logOf(child, join(dir, 'broker.log'));
  const s = managed(name, 'kafka', child, { port: p.port, bootstrap: `127.0.0.1:${p.port}`, dir, config }, log, 30_000);
  try {
    const t1 = await waitFirstAckedProduce(p.port, '_bench_ready', { deadlineMs: 120_000, stepMs: 5, isAlive: () => alive(child) });
    s.launchToAckMs = t1 - t0;
  } catch (e) {
    await s.stop();
    throw new Error(`kafka did not start: ${e.message}\n${log.tail()}`);
  }
  return s;
}

function respCommand(port, args, timeoutMs = 5000) {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    const parts = [`*${args.length}\r\n`];
    for (const a of args) parts.push(`$${Buffer.byteLength(a)}\r\n${a}\r\n`);
    let got = '';
    const timer = setTimeout(() => {
      sock.destroy();
      reject(new Error('redis: no reply'));
    }, timeoutMs);
    sock.on('connect', () => sock.write(parts.join('')));
    sock.on('data', (b) => {
      got += b.toString('utf8');
      if (got.endsWith('\r\n')) {
        clearTimeout(timer);
        sock.end();
        resolve(got);
      }
    });
    sock.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** One Redis command over RESP (tiny, for setup and checks); resolves with the raw reply. */
export { respCommand };

/** redis-server with AOF on and `appendfsync` = 'everysec' | 'always'; other settings default. */
export async function startRedis({ dir, fsync }) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawnTracked('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
    '--appendonly', 'yes', '--appendfsync', fsync, '--daemonize', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logOf(child, join(dir, 'redis.log'));
  const s = managed(`redis-${fsync}`, 'redis', child, { port, dir, fsync }, log, 20_000);
  const end = Date.now() + 20_000;
  for (;;) {
    if (!alive(child)) throw new Error(`redis-server exited:\n${log.tail()}`);
    const r = await respCommand(port, ['PING'], 1000).catch(() => '');
    if (r.startsWith('+PONG')) break;
    if (Date.now() > end) {
      await s.stop();
      throw new Error(`redis-server not ready:\n${log.tail()}`);
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  return s;
}

/** nats-server with JetStream on, file storage in `dir`. */
export async function startNats({ dir }) {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child = spawnTracked('nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(dir, 'store')],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = logOf(child, join(dir, 'nats.log'));
  const s = managed('nats', 'nats', child, { port, dir }, log, 20_000);
  const end = Date.now() + 20_000;
  for (;;) {
    if (!alive(child)) throw new Error(`nats-server exited:\n${log.tail()}`);
    if (log.tail(100_000).includes('Server is ready')) break;
    if (Date.now() > end) {
      await s.stop();
      throw new Error(`nats-server not ready:\n${log.tail()}`);
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  return s;
}
