// tide user create|describe|delete: SCRAM credentials (as `kafka-configs --entity-type users
// --alter --add-config 'SCRAM-SHA-256=[password=...]'`). The salted password is computed here;
// the password itself never leaves the machine.
import type { ScramMechanism } from '@tideline/client';
import { Command, Option } from 'commander';
import { runAction } from '../context.js';
import { CliError } from '../errors.js';
import { table, type Io, type OutputFormat } from '../output.js';
import { formatOption, parseIntArg } from './common.js';

const MECHANISMS: readonly ScramMechanism[] = ['SCRAM-SHA-256', 'SCRAM-SHA-512'];
const mechanismOption = (desc: string, dflt?: ScramMechanism[]): Option => {
  const o = new Option('--mechanism <mechanism>', `${desc} (repeatable): SCRAM-SHA-256, SCRAM-SHA-512`).argParser((v: string, prev: ScramMechanism[] | undefined) => {
    const m = v.toUpperCase() as ScramMechanism;
    if (!MECHANISMS.includes(m)) throw new CliError(`--mechanism must be SCRAM-SHA-256 or SCRAM-SHA-512`);
    return [...(prev === dflt ? [] : prev ?? []), m];
  });
  return dflt === undefined ? o : o.default(dflt, dflt.join(','));
};

export function userCommand(io: Io): Command {
  const user = new Command('user').description('SCRAM users (credentials for SASL SCRAM-SHA-256/512)');
  const DEFAULT_MECH: ScramMechanism[] = ['SCRAM-SHA-256'];

  user
    .command('create')
    .description('create a SCRAM user, or change its password')
    .argument('<name>', 'user name (the principal is User:<name>)')
    .requiredOption('--password <password>', 'the password')
    .addOption(mechanismOption('mechanism', DEFAULT_MECH))
    .option('--iterations <n>', 'PBKDF2 iterations, 4096-16384 (default 4096)', parseIntArg('--iterations', 1))
    .addOption(formatOption())
    .action((name: string, o: { password: string; mechanism: ScramMechanism[]; iterations?: number; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        // One alteration of a user per request (Kafka answers DUPLICATE_RESOURCE otherwise).
        for (const mechanism of new Set(o.mechanism)) {
          await ctx.admin.alterUserScramCredentials([{ op: 'upsert', user: name, mechanism, password: o.password, ...(o.iterations !== undefined ? { iterations: o.iterations } : {}) }]);
        }
        const mechs = [...new Set(o.mechanism)];
        ctx.print(o.format, () => ({ user: name, mechanisms: mechs, iterations: o.iterations ?? 4096 }), () => [`user ${name}: ${mechs.join(', ')} credentials set`]);
      }));

  user
    .command('describe')
    .description('SCRAM mechanisms and iterations of users (all when none is named)')
    .argument('[names...]', 'user names')
    .addOption(formatOption())
    .action((names: string[], o: { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const list = await ctx.admin.describeUserScramCredentials(names.length === 0 ? undefined : names);
        list.sort((a, b) => a.user.localeCompare(b.user));
        ctx.print(o.format, () => list, () => (list.length === 0 ? ['no SCRAM users'] : table(['user', 'mechanism', 'iterations'], list.flatMap((u) => u.credentials.map((c) => [u.user, c.mechanism, c.iterations])))));
      }));

  user
    .command('delete')
    .description('delete a user\'s SCRAM credentials (every mechanism it has unless --mechanism)')
    .argument('<name>', 'user name')
    .addOption(mechanismOption('mechanism to delete'))
    .addOption(formatOption())
    .action((name: string, o: { mechanism?: ScramMechanism[]; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const mechs = o.mechanism ?? (await ctx.admin.describeUserScramCredentials([name]))[0]?.credentials.map((c) => c.mechanism) ?? [];
        for (const mechanism of new Set(mechs)) await ctx.admin.alterUserScramCredentials([{ op: 'delete', user: name, mechanism }]);
        ctx.print(o.format, () => ({ user: name, deleted: mechs }), () => [`user ${name}: ${mechs.join(', ')} credentials deleted`]);
      }));
  return user;
}
