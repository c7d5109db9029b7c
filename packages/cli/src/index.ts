// The `tide` command line.
import { Command, Option } from 'commander';
import { runBroker } from './broker-command.js';

const levels = ['silent', 'error', 'warn', 'info', 'debug'] as const;

export function buildProgram(out: (line: string) => void = (l) => console.log(l)): Command {
  const program = new Command('tide').description('Tideline: a Kafka-compatible event streaming platform');

  program
    .command('dev')
    .description('start the platform locally with defaults (broker on 127.0.0.1:9092, data in ./.tideline)')
    .option('--data-dir <dir>', 'data directory', '.tideline/data')
    .option('--listen <host:port>', 'listen address', '127.0.0.1:9092')
    .addOption(new Option('--log-level <level>', 'log level').choices(levels).default('info'))
    .action(async (o: { dataDir: string; listen: string; logLevel: (typeof levels)[number] }) => {
      await runBroker({ dataDir: o.dataDir, listen: o.listen, autoCreateTopics: true, logLevel: o.logLevel }, out);
    });

  const broker = program.command('broker').description('run and manage the broker');
  broker
    .command('start')
    .description('start a broker in the foreground')
    .requiredOption('--data-dir <dir>', 'data directory')
    .option('--listen <host:port>', 'listen address', '127.0.0.1:9092')
    .option('--no-auto-create-topics', 'refuse to create topics on first use')
    .addOption(new Option('--log-level <level>', 'log level').choices(levels).default('info'))
    .action(async (o: { dataDir: string; listen: string; autoCreateTopics: boolean; logLevel: (typeof levels)[number] }) => {
      await runBroker(o, out);
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  await buildProgram().parseAsync(argv);
}
