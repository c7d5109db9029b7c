// tide registry start: the schema registry in the foreground, against any Kafka-protocol cluster
// (Tideline or Apache Kafka), with SASL/TLS from --command-config. Several instances on one
// cluster elect a primary through the consumer group --group-id; the others forward writes.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import type { RegistryAuthOptions } from '@tideline/registry';
import { CliError } from '../errors.js';
import { Context, type GlobalOptions } from '../context.js';
import { formatError } from '../errors.js';
import type { Io } from '../output.js';
import { parseListen } from '../broker-command.js';

interface StartOptions {
  bootstrap?: string;
  listen: string;
  advertisedUrl?: string;
  topic: string;
  groupId: string;
  leaderElection: boolean;
  leaderEligible: boolean;
  authFile?: string;
}

/** The --auth-file: {"users": {"name": "password"}, "superUsers": ["User:name"], "acls": [...]}. */
function readAuthFile(path: string): RegistryAuthOptions {
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new CliError(`--auth-file ${path}: ${(e as Error).message}`);
  }
  const o = j as Partial<RegistryAuthOptions> | null;
  if (typeof o !== 'object' || o === null || typeof o.users !== 'object' || o.users === null) throw new CliError(`--auth-file ${path}: needs a "users" object (name -> password)`);
  if (o.acls !== undefined && !Array.isArray(o.acls)) throw new CliError(`--auth-file ${path}: "acls" must be an array`);
  return { users: o.users, ...(o.superUsers !== undefined ? { superUsers: o.superUsers } : {}), ...(o.acls !== undefined ? { acls: o.acls } : {}) };
}

export function registryCommand(io: Io): Command {
  const registry = new Command('registry').description('the schema registry (Confluent-compatible, stored in a _schemas topic)');
  registry
    .command('start')
    .description('run a schema registry in the foreground against a cluster')
    .option('--bootstrap <host:port,...>', 'the cluster (default: -b/--brokers, $TIDE_BROKERS, the profile, 127.0.0.1:9092)')
    .option('--listen <host:port>', 'HTTP listen address', '127.0.0.1:8081')
    .option('--advertised-url <url>', 'the URL other instances forward writes to (default: http://HOST:PORT as bound)')
    .option('--topic <name>', 'the schemas topic', '_schemas')
    .option('--group-id <id>', 'the consumer group the instances elect their primary in', 'schema-registry')
    .option('--no-leader-election', 'do not join the election group: this instance is the only writer')
    .option('--no-leader-eligible', 'never become the primary (forward every write)')
    .option('--auth-file <file>', 'basic auth users and subject ACLs (JSON: users, superUsers, acls; see docs/registry.md)')
    .action(async (o: StartOptions, cmd: Command) => {
      try {
        const globals = { ...cmd.optsWithGlobals<GlobalOptions>() };
        if (o.bootstrap !== undefined) globals.brokers = o.bootstrap;
        const ctx = new Context(globals, io);
        const { host, port } = parseListen(o.listen);
        const { startRegistry } = await import('@tideline/registry');
        const r = await startRegistry({
          cluster: ctx.clusterOptions(), host, port, topic: o.topic, groupId: o.groupId, leaderElection: o.leaderElection, leaderEligible: o.leaderEligible,
          ...(o.advertisedUrl !== undefined ? { advertisedUrl: o.advertisedUrl } : {}),
          ...(o.authFile !== undefined ? { auth: readAuthFile(o.authFile) } : {}),
          logger: (level, message, err) => {
            if (level === 'warn' || level === 'error' || level === 'info') io.err(`${level}: ${message}${err instanceof Error ? `: ${err.message}` : ''}`);
          },
        });
        io.out(`Schema registry listening on ${r.url} (cluster ${ctx.conn.brokers.join(',')}, topic ${o.topic})`);
        await new Promise<void>((resolve) => {
          const stop = (sig: string): void => {
            io.out(`${sig}: stopping`);
            r.close().then(resolve, resolve);
          };
          process.once('SIGINT', () => stop('SIGINT'));
          process.once('SIGTERM', () => stop('SIGTERM'));
        });
      } catch (e) {
        for (const line of formatError(e)) io.err(line);
        process.exitCode = 1;
      }
    });
  return registry;
}
