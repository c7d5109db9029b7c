// A reference Apache Kafka broker: single-node KRaft (broker + controller in one JVM) in a
// temp dir, bound to 127.0.0.1 on free ports. Formatted with kafka.tools.StorageTool, run with
// kafka.Kafka, stopped by PID (SIGTERM, then SIGKILL), and its directory removed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canConnect, freePort, sleep } from './net.js';
import { javaClasspath } from './paths.js';
import { run, spawnTracked, stopChild, watchdog } from './process.js';
import { missingReason } from './tools.js';

export interface ApacheKafkaOptions {
  /** Client listener port; a free one by default. */
  port?: number;
  /**
   * Port advertised to clients in Metadata (default: the listener port). Set it to a capture
   * proxy's port so that clients keep talking through the proxy.
   */
  advertisedPort?: number;
  /**
   * Extra client listeners, name -> security protocol (e.g. `{ SASL_PLAINTEXT: 'SASL_PLAINTEXT' }`),
   * each on a free port, added to listeners, advertised.listeners and the protocol map; their
   * ports are in `listenerPorts`. The PLAINTEXT listener stays (inter-broker).
   */
  listeners?: Record<string, 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL'>;
  /** SCRAM users created at format time, StorageTool's `--add-scram` syntax: `SCRAM-SHA-256=[name=alice,password=secret]`. */
  addScram?: readonly string[];
  /** Extra or overriding server.properties entries. */
  config?: Record<string, string | number | boolean>;
  /**
   * Listeners besides PLAINTEXT and CONTROLLER (e.g. SASL_PLAINTEXT, SSL), on free ports, added to
   * listeners, advertised.listeners and listener.security.protocol.map; see `listeners` for their ports.
   */
  extraListeners?: ReadonlyArray<{ name: string; securityProtocol: 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL' }>;
  /** How long to wait for the broker to answer; default 60 s. */
  startTimeoutMs?: number;
  /** JVM heap cap; default '512m' (the machine has 2 cores and tests run side by side). */
  heap?: string;
}

export interface ApacheKafka {
  /** `127.0.0.1:<port>` of the PLAINTEXT listener. */
  bootstrap: string;
  port: number;
  /** Port of each listener by name (PLAINTEXT and the extra listeners). */
  listeners: Record<string, number>;
  controllerPort: number;
  /** Port of each extra listener (`listeners` option). */
  listenerPorts: Record<string, number>;
  pid: number;
  /** The temp dir (config, data, broker.log); removed by stop(). */
  dir: string;
  /** The last part of broker.log, for failure messages. */
  logTail(bytes?: number): string;
  stop(): Promise<void>;
}

/** A Kafka Uuid in its string form: 16 random bytes, base64url without padding. */
export function randomKafkaUuid(): string {
  // As Kafka's Uuid.randomUuid: no id starting with '-', which command-line parsers take for an option.
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function serverProperties(dir: string, port: number, cport: number, opts: ApacheKafkaOptions, extra: ReadonlyArray<{ name: string; securityProtocol: string; port: number }>): string {
  const more = (f: (l: { name: string; securityProtocol: string; port: number }) => string): string => extra.map((l) => `,${f(l)}`).join('');
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${cport}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${cport}` + more((l) => `${l.name}://127.0.0.1:${l.port}`),
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${opts.advertisedPort ?? port}` + more((l) => `${l.name}://127.0.0.1:${l.port}`),
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT' + more((l) => `${l.name}:${l.securityProtocol}`),
    'inter.broker.listener.name': 'PLAINTEXT',
    'log.dirs': join(dir, 'data'),
    'num.partitions': 1,
    'auto.create.topics.enable': true,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 3,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 3,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
    'num.network.threads': 2,
    'num.io.threads': 2,
    ...opts.config,
  };
  return Object.entries(props)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('\n');
}

function jvmArgs(heap: string): string[] {
  return [
    `-Xmx${heap}`,
    '-Xms64m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-Djava.awt.headless=true',
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=info',
  ];
}

/** Formats and starts a single-node KRaft Apache Kafka; resolves once it serves Metadata. */
export async function startApacheKafka(opts: ApacheKafkaOptions = {}): Promise<ApacheKafka> {
  const missing = missingReason('apache-kafka');
  if (missing !== undefined) throw new Error(`startApacheKafka: ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), 'tideline-kafka-'));
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const port = opts.port ?? (await freePort());
    const used = new Set([port]);
    const pick = async (): Promise<number> => {
      let p = await freePort();
      while (used.has(p)) p = await freePort();
      used.add(p);
      return p;
    };
    const cport = await pick();
    // Extra listeners come as a list (extraListeners) or as name -> protocol (listeners).
    const wanted = [
      ...(opts.extraListeners ?? []),
      ...Object.entries(opts.listeners ?? {}).map(([name, securityProtocol]) => ({ name, securityProtocol })),
    ];
    const extra: Array<{ name: string; securityProtocol: string; port: number }> = [];
    for (const l of wanted) extra.push({ ...l, port: await pick() });
    const listeners: Record<string, number> = { PLAINTEXT: port };
    const listenerPorts: Record<string, number> = {};
    for (const l of extra) listeners[l.name] = listenerPorts[l.name] = l.port;
    const propsFile = join(dir, 'server.properties');
    writeFileSync(propsFile, serverProperties(dir, port, cport, opts, extra) + '\n');
    const heap = opts.heap ?? '512m';
    const cp = javaClasspath('broker');
    await run(
      'java',
      [...jvmArgs('256m'), '-cp', cp, 'kafka.tools.StorageTool', 'format', '-t', randomKafkaUuid(), '-c', propsFile,
        ...(opts.addScram ?? []).flatMap((s) => ['--add-scram', s])],
      { timeoutMs: 60_000 },
    );

    const logFile = join(dir, 'broker.log');
    const log = createWriteStream(logFile);
    const child = spawnTracked('java', [...jvmArgs(heap), '-cp', cp, 'kafka.Kafka', propsFile], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const pid = child.pid;
    if (pid === undefined) throw new Error('startApacheKafka: java did not start');
    const dog = watchdog(pid);
    const logTail = (bytes = 4000): string => {
      try {
        const s = readFileSync(logFile, 'utf8');
        return s.slice(Math.max(0, s.length - bytes));
      } catch {
        return '';
      }
    };
    let stopped = false;
    cleanup = async () => {
      if (stopped) return;
      stopped = true;
      await stopChild(child, 15_000);
      await stopChild(dog, 1000);
      log.end();
      rmSync(dir, { recursive: true, force: true });
    };

    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`Apache Kafka exited during start (${child.exitCode ?? child.signalCode}):\n${logTail()}`);
      }
      if ((await canConnect(port, 500)) && logTail(1 << 20).includes('Kafka Server started')) break;
      if (Date.now() > deadline) throw new Error(`Apache Kafka not ready in time:\n${logTail()}`);
      await sleep(200);
    }
    const stop = cleanup;
    return { bootstrap: `127.0.0.1:${port}`, port, listeners, controllerPort: cport, listenerPorts, pid, dir, logTail, stop };
  } catch (e) {
    if (cleanup !== undefined) await cleanup();
    else rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
