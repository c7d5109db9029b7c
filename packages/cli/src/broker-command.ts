import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  brokerOptionsFromProperties, httpSchemaIdValidator, parseAddScram, parseProperties, startBroker, type BrokerOptions, type RunningBroker,
  type SchemaIdValidator,
} from '@tideline/broker';
import { CliError } from './errors.js';

export interface BrokerRunOptions {
  /** Required unless the config file sets log.dirs or `defaultDataDir` is given. */
  dataDir?: string;
  /** Used when neither --data-dir nor log.dirs gives a directory (`tide dev`). */
  defaultDataDir?: string;
  /** Unset: the config file's listeners, else 127.0.0.1:9092. */
  listen?: string;
  /** Unset: the config file's auto.create.topics.enable, else true. */
  autoCreateTopics?: boolean;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** A Kafka-style broker properties file (see docs/security.md). */
  config?: string;
  /** kafka-storage --add-scram specs: SCRAM users created at start. */
  addScram?: readonly string[];
  /** HOST:PORT of the Prometheus metrics endpoint (GET /metrics); unset: none. */
  metricsListen?: string;
  /** Also serve the schema registry on this HOST:PORT (`tide dev`); port 0 picks a free one. */
  registryListen?: string;
  /** Also serve the web console on this HOST:PORT (`tide dev`), showing this broker, its metrics and registry. */
  consoleListen?: string;
}

/**
 * The broker options of a `tide broker start`: the properties file (its PEM files read relative to
 * the file's directory), then the flags, which win over the file's values — except `--listen`
 * together with `listeners` in the file, which is refused (one address cannot stand for named listeners).
 */
export function brokerStartOptions(o: BrokerRunOptions, warn: (line: string) => void = () => {}): BrokerOptions {
  let fromFile: BrokerOptions = {};
  if (o.config !== undefined) {
    const file = resolve(o.config);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      throw new CliError(`cannot read --config ${o.config}: ${(err as Error).message}`);
    }
    const readPem = (path: string, key: string): string => {
      try {
        return readFileSync(resolve(dirname(file), path), 'utf8');
      } catch (err) {
        throw new CliError(`${key}: cannot read ${path}: ${(err as Error).message}`);
      }
    };
    try {
      const r = brokerOptionsFromProperties(parseProperties(text), readPem);
      for (const w of r.warnings) warn(`${o.config}: ${w}`);
      fromFile = { ...r.options };
      if (fromFile.dataDir !== undefined) fromFile.dataDir = resolve(dirname(file), fromFile.dataDir);
    } catch (err) {
      if (err instanceof CliError) throw err;
      throw new CliError(`${o.config}: ${(err as Error).message}`);
    }
  }
  const opts: BrokerOptions = { ...fromFile, logLevel: o.logLevel };
  if (o.dataDir !== undefined) opts.dataDir = resolve(o.dataDir);
  else if (opts.dataDir === undefined && o.defaultDataDir !== undefined) opts.dataDir = resolve(o.defaultDataDir);
  if (opts.dataDir === undefined) throw new CliError('a data directory is needed: --data-dir or log.dirs in --config');
  if (o.autoCreateTopics !== undefined) opts.autoCreateTopics = o.autoCreateTopics;
  if (o.listen !== undefined) {
    if (fromFile.security?.listeners !== undefined) throw new CliError(`--listen contradicts listeners in ${o.config ?? 'the config file'}; give one of them`);
    const { host, port } = parseListen(o.listen);
    opts.host = host;
    opts.port = port;
  } else if (fromFile.security?.listeners === undefined) {
    opts.host = '127.0.0.1';
    opts.port = 9092;
  }
  if (o.metricsListen !== undefined) {
    try {
      parseListen(o.metricsListen);
    } catch (err) {
      throw new CliError(`--metrics-listen: ${(err as Error).message.replace('--listen ', '')}`);
    }
    opts.metricsListen = o.metricsListen;
  }
  if (o.addScram !== undefined && o.addScram.length > 0) {
    let users;
    try {
      users = o.addScram.map(parseAddScram);
    } catch (err) {
      throw new CliError((err as Error).message);
    }
    const sec = opts.security ?? {};
    opts.security = { ...sec, sasl: { enabledMechanisms: [], ...sec.sasl, initialScramUsers: [...(sec.sasl?.initialScramUsers ?? []), ...users] } };
  }
  return opts;
}

export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(listen);
  if (m === null) throw new Error(`--listen must be HOST:PORT, got ${JSON.stringify(listen)}`);
  const port = Number(m[3]);
  if (port > 65535) throw new Error(`port ${port} out of range`);
  return { host: m[1] ?? (m[2] === '' ? '127.0.0.1' : m[2]!), port };
}

/** Starts the broker in the foreground and stops it cleanly on SIGINT/SIGTERM. */
export async function runBroker(o: BrokerRunOptions, out: (line: string) => void): Promise<RunningBroker> {
  const opts = brokerStartOptions(o, (w) => out(`warning: ${w}`));
  const dataDir = opts.dataDir!;
  // With the registry in this process and no confluent.schema.registry.url of its own, topics with
  // confluent.value/key.schema.validation check ids against this registry (known once it listens).
  let registryValidator: SchemaIdValidator | null = null;
  if (o.registryListen !== undefined && opts.schemaRegistry === undefined) {
    opts.schemaRegistry = { isRegistered: (subject, id) => registryValidator?.isRegistered(subject, id) ?? false };
  }
  const b = await startBroker(opts);
  // Services started next to the broker (registry, console), closed in reverse order before it.
  const services: Array<{ close(): Promise<void> }> = [];
  let registryUrl: string | undefined;
  let stopping = false;
  const closeServices = async (): Promise<void> => {
    for (const svc of services.splice(0).reverse()) await svc.close().catch(() => undefined);
  };
  const stop = (sig: string): void => {
    if (stopping) return;
    stopping = true;
    out(`${sig}: stopping`);
    closeServices().then(() => b.close()).then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  out(`Tideline broker listening on ${b.bootstrap} (data: ${dataDir})`);
  const names = Object.keys(b.listeners);
  if (names.length > 1 || (names.length === 1 && names[0] !== 'PLAINTEXT')) {
    for (const [name, l] of Object.entries(b.listeners)) {
      const protocol = opts.security?.listeners?.find((x) => x.name === name)?.securityProtocol ?? 'PLAINTEXT';
      out(`  listener ${name} (${protocol}) on ${l.host}:${l.port}`);
    }
  }
  out(`  bootstrap.servers=${b.bootstrap}`);
  if (b.metrics?.url !== undefined) out(`  metrics: ${b.metrics.url}`);
  if (o.registryListen !== undefined && !stopping) {
    const { host, port } = parseListen(o.registryListen);
    try {
      const { startRegistry } = await import('@tideline/registry');
      // One instance, the only writer: no election group to wait for.
      const registry = await startRegistry({ cluster: { bootstrap: b.bootstrap }, host, port, leaderElection: false, topicReplicationFactor: 1 });
      services.push(registry);
      registryValidator = httpSchemaIdValidator(registry.url);
      registryUrl = registry.url;
      out(`Schema registry listening on ${registry.url}`);
    } catch (err) {
      out(`warning: the schema registry did not start: ${(err as Error).message}`);
    }
  }
  let consoleUrl: string | undefined;
  if (o.consoleListen !== undefined && !stopping) {
    try {
      const { runConsole } = await import('./commands/console.js');
      const c = await runConsole({
        cluster: { bootstrap: b.bootstrap }, listen: o.consoleListen,
        ...(registryUrl !== undefined ? { registry: registryUrl } : {}), ...(b.metrics?.url !== undefined ? { metrics: b.metrics.url } : {}),
      }, out);
      services.push(c);
      consoleUrl = c.url;
    } catch (err) {
      out(`warning: the console did not start: ${(err as Error).message}`);
    }
  }
  if (!stopping && (o.registryListen !== undefined || o.consoleListen !== undefined)) {
    // tide dev: one block with every address, after whatever the services logged while starting.
    out('');
    out('Tideline is up:');
    out(`  broker    ${b.bootstrap}`);
    if (registryUrl !== undefined) out(`  registry  ${registryUrl}`);
    if (b.metrics?.url !== undefined) out(`  metrics   ${b.metrics.url}`);
    if (consoleUrl !== undefined) out(`  console   ${consoleUrl}`);
  }
  // A signal that arrived while a service was starting: close what did start.
  if (stopping) await closeServices();
  return b;
}
