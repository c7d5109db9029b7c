// tide console start: the web console (@tideline/console) against any Kafka-protocol cluster.
import { Command } from 'commander';
import { Context, type GlobalOptions } from '../context.js';
import { CliError, formatError } from '../errors.js';
import type { Io } from '../output.js';
import { parseListen } from '../broker-command.js';

export interface ConsoleRunOptions {
  /** Kafka client options (bootstrap, security, client id). */
  cluster: import('@tideline/client').ClusterOptions;
  listen: string;
  registry?: string;
  metrics?: string;
  /** Prometheus endpoints of applications (streams, DLQ monitors) for the operations pages. */
  appMetrics?: readonly string[];
}

function checkUrl(v: string | undefined, flag: string): string | undefined {
  if (v === undefined) return undefined;
  try {
    const u = new URL(v);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new CliError(`${flag} must be an http(s) URL, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Starts the console and stops it on SIGINT/SIGTERM; prints its URL. */
export async function runConsole(o: ConsoleRunOptions, out: (line: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const { startConsole } = await import('@tideline/console');
  const { host, port } = parseListen(o.listen);
  const c = await startConsole({
    cluster: o.cluster, host, port,
    registryUrl: checkUrl(o.registry, '--registry') ?? null, metricsUrl: checkUrl(o.metrics, '--metrics') ?? null,
    appMetricsUrls: (o.appMetrics ?? []).map((u) => checkUrl(u, '--app-metrics')!),
  });
  out(`Tideline console on ${c.url}`);
  return c;
}

export function consoleCommand(io: Io): Command {
  const cmd = new Command('console').description('the web console');
  cmd
    .command('start')
    .description('serve the web console (pages and its JSON API) for a Kafka-protocol cluster')
    .option('--bootstrap <host:port,...>', 'the cluster (default: -b/--brokers, $TIDE_BROKERS, the profile, then 127.0.0.1:9092)')
    .option('--listen <host:port>', 'where the console listens', '127.0.0.1:8080')
    .option('--registry <url>', 'schema registry URL (shown on the overview)')
    .option('--metrics <url>', 'Prometheus metrics URL of the broker (rates and disk on the overview)')
    .option('--app-metrics <url...>', 'Prometheus metrics URLs of stream applications (watermarks, tasks, late and restored records on their page)')
    .action(async (o: { bootstrap?: string; listen: string; registry?: string; metrics?: string; appMetrics?: string[] }, command: Command) => {
      try {
        const globals = { ...command.optsWithGlobals<GlobalOptions & { bootstrap?: string }>() };
        if (o.bootstrap !== undefined) globals.brokers = o.bootstrap;
        const ctx = new Context(globals, io);
        const c = await runConsole({ cluster: ctx.clusterOptions(), listen: o.listen, ...(o.registry !== undefined ? { registry: o.registry } : {}), ...(o.metrics !== undefined ? { metrics: o.metrics } : {}), ...(o.appMetrics !== undefined ? { appMetrics: o.appMetrics } : {}) }, (l) => io.out(l));
        io.out(`  cluster: ${ctx.conn.brokers.join(',')}`);
        const stop = (sig: string): void => {
          io.out(`${sig}: stopping`);
          c.close().then(() => process.exit(0), () => process.exit(1));
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      } catch (e) {
        for (const line of formatError(e)) io.err(line);
        process.exitCode = 1;
      }
    });
  return cmd;
}
