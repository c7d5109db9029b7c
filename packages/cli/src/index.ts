// The `tide` command line. The broker is loaded only by the commands that run one.
import { Command, Option } from 'commander';
import { clusterCommand } from './commands/cluster.js';
import { consoleCommand } from './commands/console.js';
import { consumeCommand } from './commands/consume.js';
import { dlqCommand } from './commands/dlq.js';
import { groupCommand } from './commands/group.js';
import { shareGroupCommand } from './commands/share-group.js';
import { planCommand } from './commands/plan.js';
import { produceCommand } from './commands/produce.js';
import { topicCommand } from './commands/topic.js';
import { aclCommand } from './commands/acl.js';
import { quotaCommand } from './commands/quota.js';
import { userCommand } from './commands/user.js';
import { topCommand } from './commands/top.js';
import { registryCommand } from './commands/registry.js';
import { schemaCommand } from './commands/schema.js';
import { processIo, type Io } from './output.js';

const levels = ['silent', 'error', 'warn', 'info', 'debug'] as const;

const parseTimeout = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error('--timeout must be a positive number of milliseconds');
  return n;
};

export function buildProgram(out: (line: string) => void = (l) => console.log(l), io: Io = processIo): Command {
  const program = new Command('tide')
    .description('Tideline: a Kafka-compatible event streaming platform')
    .option('-b, --brokers <host:port,...>', 'brokers to connect to (default: $TIDE_BROKERS, the profile file, then 127.0.0.1:9092)')
    .option('--timeout <ms>', 'connect and request timeout in milliseconds', parseTimeout)
    .option('--client-id <id>', 'client id sent to the brokers (default: tide)')
    .option('--command-config <file>', 'Kafka client properties: security.protocol, sasl.mechanism, sasl.jaas.config, ssl.truststore.*, ssl.keystore.*, client.id (default: the profile\'s "properties")');

  program
    .command('dev')
    .description('start the platform locally with defaults (broker on 127.0.0.1:9092, schema registry on 127.0.0.1:8081, data in ./.tideline)')
    .option('--data-dir <dir>', 'data directory (default: .tideline/data, or log.dirs of --config)')
    .option('--listen <host:port>', 'listen address (default: 127.0.0.1:9092, or the listeners of --config)')
    .option('--config <file>', 'Kafka-style broker properties (listeners, TLS, SASL, ACLs); without it the broker is open (PLAINTEXT, no ACLs)')
    .option('--metrics-listen <host:port>', 'Prometheus metrics endpoint (GET /metrics)', '127.0.0.1:9464')
    .option('--registry-listen <host:port>', 'schema registry listen address', '127.0.0.1:8081')
    .option('--no-registry', 'do not start the schema registry')
    .option('--console-listen <host:port>', 'web console address', '127.0.0.1:8080')
    .option('--no-console', 'do not start the web console')
    .addOption(new Option('--log-level <level>', 'log level').choices(levels).default('info'))
    .action(async (o: { dataDir?: string; listen?: string; config?: string; metricsListen: string; registry: boolean; registryListen: string; logLevel: (typeof levels)[number]; console: boolean; consoleListen: string }) => {
      const { runBroker } = await import('./broker-command.js');
      await runBroker({
        dataDir: o.dataDir, defaultDataDir: '.tideline/data', listen: o.listen, config: o.config,
        autoCreateTopics: o.config === undefined ? true : undefined, logLevel: o.logLevel, metricsListen: o.metricsListen,
        ...(o.registry ? { registryListen: o.registryListen } : {}),
        ...(o.console ? { consoleListen: o.consoleListen } : {}),
      }, out);
    });

  const broker = program.command('broker').description('run and manage the broker');
  broker
    .command('start')
    .description('start a broker in the foreground')
    .option('--data-dir <dir>', 'data directory (required unless --config sets log.dirs)')
    .option('--listen <host:port>', 'listen address (default: 127.0.0.1:9092, or the listeners of --config)')
    .option('--config <file>', 'Kafka-style broker properties file (listeners, TLS, SASL, ACLs); flags win over it')
    .option('--add-scram <spec>', "create a SCRAM user at start, kafka-storage syntax: 'SCRAM-SHA-256=[name=admin,password=admin-secret]' (repeatable)",
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--no-auto-create-topics', 'refuse to create topics on first use')
    .option('--metrics-listen <host:port>', 'serve Prometheus metrics (GET /metrics) on this address (default: none)')
    .addOption(new Option('--log-level <level>', 'log level').choices(levels).default('info'))
    .action(async (o: { dataDir?: string; listen?: string; config?: string; addScram?: string[]; autoCreateTopics: boolean; metricsListen?: string; logLevel: (typeof levels)[number] }, cmd: Command) => {
      const { runBroker } = await import('./broker-command.js');
      // --no-auto-create-topics given: it wins over the file; not given: the file (or the default) decides.
      const autoCreateTopics = cmd.getOptionValueSource('autoCreateTopics') === 'cli' ? o.autoCreateTopics : undefined;
      await runBroker({ ...o, autoCreateTopics }, out);
    });

  program.addCommand(topicCommand(io));
  program.addCommand(produceCommand(io));
  program.addCommand(consumeCommand(io));
  program.addCommand(groupCommand(io));
  program.addCommand(shareGroupCommand(io));
  program.addCommand(clusterCommand(io));
  program.addCommand(dlqCommand(io));
  program.addCommand(consoleCommand(io));
  program.addCommand(aclCommand(io));
  program.addCommand(userCommand(io));
  program.addCommand(quotaCommand(io));
  program.addCommand(topCommand(io));
  program.addCommand(planCommand(io));
  program.addCommand(registryCommand(io));
  program.addCommand(schemaCommand(io));
  const inherit = (c: Command): void => {
    c.showHelpAfterError('(add --help for usage)');
    for (const sub of c.commands) inherit(sub);
  };
  inherit(program);

  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `tide consume ... | head`: the reader went away; stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  await buildProgram().parseAsync(argv);
}
