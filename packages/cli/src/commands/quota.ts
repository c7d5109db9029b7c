// tide quota set|describe|remove: client quotas by user, client id, both, and their defaults (as
// `kafka-configs --entity-type users|clients [--entity-name N | --entity-default] --alter --add-config`).
import type { ClientQuotaEntry, QuotaEntity, QuotaFilterComponent } from '@tideline/client';
import { Command } from 'commander';
import { runAction } from '../context.js';
import { CliError } from '../errors.js';
import { table, type Io, type OutputFormat } from '../output.js';
import { collect, formatOption } from './common.js';

interface EntityOpts {
  user?: string;
  userDefault?: boolean;
  clientId?: string;
  clientIdDefault?: boolean;
}

const KEYS = [
  ['producerByteRate', 'producer_byte_rate', '--producer-byte-rate <bytes/s>'],
  ['consumerByteRate', 'consumer_byte_rate', '--consumer-byte-rate <bytes/s>'],
  ['requestPercentage', 'request_percentage', '--request-percentage <percent>'],
  ['controllerMutationRate', 'controller_mutation_rate', '--controller-mutation-rate <mutations/s>'],
] as const;

const positive = (flag: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`${flag} must be a positive number`);
  return n;
};

/** The entity options; `--client-id` is parsed by the global option of that name (see runAction). */
function entityOpts(cmd: Command): EntityOpts {
  return cmd.optsWithGlobals<EntityOpts>();
}

function entity(o: EntityOpts, required: boolean): QuotaEntity {
  if (o.user !== undefined && o.userDefault === true) throw new CliError('--user and --user-default are exclusive');
  if (o.clientId !== undefined && o.clientIdDefault === true) throw new CliError('--client-id and --client-id-default are exclusive');
  const e: QuotaEntity = {};
  if (o.user !== undefined) e.user = o.user;
  if (o.userDefault === true) e.user = null;
  if (o.clientId !== undefined) e['client-id'] = o.clientId;
  if (o.clientIdDefault === true) e['client-id'] = null;
  if (required && Object.keys(e).length === 0) throw new CliError('name the entity: --user, --user-default, --client-id and/or --client-id-default');
  return e;
}

const entityText = (e: QuotaEntity): string => Object.entries(e).map(([k, v]) => `${k}=${v ?? '<default>'}`).join(',');

function withEntity(c: Command): Command {
  return c
    .option('--user <name>', 'the user (principal name)')
    .option('--user-default', 'the default user quota')
    .addHelpText('after', '\n  --client-id <id> (the global option) names the client-id entity of the quota')
    .option('--client-id-default', 'the default client-id quota');
}

export function quotaCommand(io: Io): Command {
  const quota = new Command('quota').description('client quotas (producer/consumer byte rates, request percentage, controller mutations)');

  const set = withEntity(quota.command('set').description('set quota values of an entity'));
  for (const [, key, flag] of KEYS) set.option(flag, key, positive(flag.split(' ')[0]!));
  set.option('--quota <key=value>', 'any other quota key (repeatable)', collect).addOption(formatOption());
  set.action((o: EntityOpts & Record<string, unknown> & { quota?: string[]; format: OutputFormat }, cmd: Command) =>
    runAction(cmd, io, async (ctx) => {
      const e = entity(entityOpts(cmd), true);
      const ops: Record<string, number> = {};
      for (const [prop, key] of KEYS) if (typeof o[prop] === 'number') ops[key] = o[prop];
      for (const kv of o.quota ?? []) {
        const i = kv.indexOf('=');
        if (i <= 0) throw new CliError(`--quota ${JSON.stringify(kv)} is not KEY=VALUE`);
        ops[kv.slice(0, i)] = positive('--quota')(kv.slice(i + 1));
      }
      if (Object.keys(ops).length === 0) throw new CliError('give at least one quota value, e.g. --producer-byte-rate 1048576');
      await ctx.admin.alterClientQuotas([{ entity: e, ops }]);
      ctx.print(o.format, () => ({ entity: e, set: ops }), () => [`${entityText(e)}: ${Object.entries(ops).map(([k, v]) => `${k}=${v}`).join(', ')}`]);
    }, { clientIdIsArgument: true }));

  withEntity(quota.command('describe').description('quotas of the named entity, or of every entity'))
    .addOption(formatOption())
    .action((o: EntityOpts & { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const e = entity(entityOpts(cmd), false);
        const components: QuotaFilterComponent[] = Object.entries(e).map(([entityType, name]) => ({
          entityType: entityType as QuotaFilterComponent['entityType'],
          match: name === null ? 'default' : { exact: name! },
        }));
        const list: ClientQuotaEntry[] = await ctx.admin.describeClientQuotas(components, { strict: components.length > 0 });
        list.sort((a, b) => entityText(a.entity).localeCompare(entityText(b.entity)));
        ctx.print(o.format, () => list, () => (list.length === 0 ? ['no quotas'] : table(['entity', 'quota', 'value'], list.flatMap((q) => Object.entries(q.values).map(([k, v]) => [entityText(q.entity), k, v])))));
      }, { clientIdIsArgument: true }));

  const remove = withEntity(quota.command('remove').description('remove quota values of an entity (all of them unless keys are named)'));
  for (const [, key, flag] of KEYS) remove.option(flag.split(' ')[0]!, `remove ${key}`);
  remove.option('--quota <key>', 'any other quota key to remove (repeatable)', collect).addOption(formatOption());
  remove.action((o: EntityOpts & Record<string, unknown> & { quota?: string[]; format: OutputFormat }, cmd: Command) =>
    runAction(cmd, io, async (ctx) => {
      const e = entity(entityOpts(cmd), true);
      let keys = [...KEYS.filter(([prop]) => o[prop] === true).map(([, key]) => key as string), ...(o.quota ?? [])];
      if (keys.length === 0) {
        const components: QuotaFilterComponent[] = Object.entries(e).map(([entityType, name]) => ({ entityType: entityType as QuotaFilterComponent['entityType'], match: name === null ? 'default' : { exact: name! } }));
        keys = Object.keys((await ctx.admin.describeClientQuotas(components, { strict: true }))[0]?.values ?? {});
      }
      if (keys.length > 0) await ctx.admin.alterClientQuotas([{ entity: e, ops: Object.fromEntries(keys.map((k) => [k, null])) }]);
      ctx.print(o.format, () => ({ entity: e, removed: keys }), () => [keys.length === 0 ? `${entityText(e)}: no quotas to remove` : `${entityText(e)}: removed ${keys.join(', ')}`]);
    }, { clientIdIsArgument: true }));
  return quota;
}
