// tide console start: the web console (@tideline/console) against any Kafka-protocol cluster.
import { Command } from 'commander';
import type { ClusterOptions } from '@tideline/client';
import { readCommandConfig } from '../client-config.js';
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
  /** Sign-in with each user's own SASL credentials (mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512). */
  signIn?: { mechanism: 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'; idleTimeoutMs?: number; secureCookie?: boolean };
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
    ...(o.signIn !== undefined ? { signIn: o.signIn } : {}),
    appMetricsUrls: (o.appMetrics ?? []).map((u) => checkUrl(u, '--app-metrics')!),
  });
  out(`Tideline console on ${c.url}${o.signIn !== undefined ? ` (sign-in: ${o.signIn.mechanism})` : ''}`);
  return c;
}

export function consoleCommand(io: Io): Command {
  const cmd = new Command('console').description('the web console');
  cmd
    .command('start')
    .description('serve the web console (pages and its JSON API) for a Kafka-protocol cluster')
    .option('--bootstrap <host:port,...>', 'the cluster (default: -b/--brokers, $TIDE_BROKERS, the profile, then 127.0.0.1:9092)')
    .option('--listen <host:port>', 'where the console listens', '127.0.0.1:8080')
    .option('--registry <url>', 'schema registry URL (the Schemas page, decoding and serializing messages)')
    .option('--metrics <url>', 'Prometheus metrics URL of the broker (rates and disk on the overview)')
    .option('--app-metrics <url...>', 'Prometheus metrics URLs of stream applications (watermarks, tasks, late and restored records on their page)')
    .option('--sign-in', 'users sign in with their own SASL credentials and act as their own principal (needs --command-config with a SASL security.protocol and sasl.mechanism PLAIN or SCRAM-*; sasl.jaas.config may be left out)')
    .option('--session-idle-minutes <n>', 'with --sign-in: end sessions unused this long', '30')
    .option('--secure-cookie', 'with --sign-in: mark the session cookie Secure (the console is reached over HTTPS through a proxy)')
    .action(async (o: { bootstrap?: string; listen: string; registry?: string; metrics?: string; appMetrics?: string[]; signIn?: boolean; sessionIdleMinutes: string; secureCookie?: boolean }, command: Command) => {
      try {
        const globals = { ...command.optsWithGlobals<GlobalOptions & { bootstrap?: string }>() };
        if (o.bootstrap !== undefined) globals.brokers = o.bootstrap;
        let cluster: ClusterOptions;
        let signIn: ConsoleRunOptions['signIn'];
        if (o.signIn === true) {
          if (globals.commandConfig === undefined) throw new CliError('--sign-in needs --command-config FILE with security.protocol=SASL_PLAINTEXT or SASL_SSL and sasl.mechanism');
          const settings = readCommandConfig(globals.commandConfig, (m) => io.err(`warning: ${m}`), { credentialsOptional: true });
          const mechanism = settings.saslMechanism ?? settings.security?.sasl?.mechanism;
          if (mechanism !== 'PLAIN' && mechanism !== 'SCRAM-SHA-256' && mechanism !== 'SCRAM-SHA-512') {
            throw new CliError(`--sign-in needs sasl.mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512 in --command-config${mechanism === undefined ? ' (and a SASL security.protocol)' : `, not ${mechanism}`}`);
          }
          const minutes = Number(o.sessionIdleMinutes);
          if (!Number.isInteger(minutes) || minutes < 1 || minutes > 7 * 24 * 60) throw new CliError('--session-idle-minutes must be an integer from 1 to 10080');
          signIn = { mechanism, idleTimeoutMs: minutes * 60_000, ...(o.secureCookie === true ? { secureCookie: true } : {}) };
          const { commandConfig: _unused, ...rest } = globals;
          const base = new Context(rest, io).clusterOptions();
          cluster = {
            ...base,
            ...(settings.clientId !== undefined && globals.clientId === undefined ? { clientId: settings.clientId } : {}),
            ...(settings.requestTimeoutMs !== undefined && base.requestTimeoutMs === undefined ? { requestTimeoutMs: settings.requestTimeoutMs } : {}),
            ...(settings.security !== undefined ? { security: settings.security } : {}),
          };
        } else {
          cluster = new Context(globals, io).clusterOptions();
        }
        const c = await runConsole({ cluster, listen: o.listen, ...(o.registry !== undefined ? { registry: o.registry } : {}), ...(o.metrics !== undefined ? { metrics: o.metrics } : {}), ...(o.appMetrics !== undefined ? { appMetrics: o.appMetrics } : {}), ...(signIn !== undefined ? { signIn } : {}) }, (l) => io.out(l));
        io.out(`  cluster: ${[cluster.bootstrap].flat().join(',')}`);
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
