// tide topic create | list | describe | delete | alter-config | add-partitions
import { KafkaError, type ConfigEntry } from '@tideline/client';
import { Command } from 'commander';
import { runAction } from '../context.js';
import { CliError } from '../errors.js';
import { keyValues as kvLines, section, table, type Io, type OutputFormat } from '../output.js';
import { watermarks } from '../watermarks.js';
import { collect, formatOption, keyValues, parseIntArg } from './common.js';

interface PartitionRow {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  logStartOffset: bigint | null;
  highWatermark: bigint | null;
}

export function topicCommand(io: Io): Command {
  const topic = new Command('topic').description('create, list, describe, delete and configure topics');

  topic
    .command('create')
    .description('create topics')
    .argument('<topics...>', 'topic names')
    .option('-p, --partitions <n>', 'partitions per topic (default: the broker\'s num.partitions)', parseIntArg('--partitions', 1))
    .option('-r, --replicas <n>', 'replication factor (default: the broker\'s default.replication.factor)', parseIntArg('--replicas', 1))
    .option('-c, --config <key=value>', 'topic config, repeatable (e.g. -c cleanup.policy=compact)', collect)
    .option('--if-not-exists', 'succeed when a topic already exists')
    .option('--dry-run', 'validate only; create nothing')
    .addOption(formatOption())
    .action((topics: string[], o: { partitions?: number; replicas?: number; config?: string[]; ifNotExists?: boolean; dryRun?: boolean; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const configs = Object.fromEntries(keyValues(o.config, '--config'));
        const rows: Array<{ topic: string; topicId: string | null; partitions: number | null; status: string }> = [];
        let failed = false;
        for (const name of topics) {
          try {
            const created = await ctx.admin.createTopics([{
              topic: name, configs,
              ...(o.partitions !== undefined ? { numPartitions: o.partitions } : {}),
              ...(o.replicas !== undefined ? { replicationFactor: o.replicas } : {}),
            }], { validateOnly: o.dryRun === true, ignoreExisting: o.ifNotExists === true });
            const c = created[0];
            rows.push(c === undefined
              ? { topic: name, topicId: null, partitions: null, status: 'exists' }
              : { topic: name, topicId: o.dryRun === true ? null : c.topicId, partitions: c.numPartitions, status: o.dryRun === true ? 'OK (dry run)' : 'OK' });
          } catch (e) {
            if (!(e instanceof KafkaError) || topics.length === 1) throw e;
            failed = true;
            rows.push({ topic: name, topicId: null, partitions: null, status: e.message });
          }
        }
        ctx.print(o.format, () => rows, () => table(['topic', 'partitions', 'status'], rows.map((r) => [r.topic, r.partitions, r.status])));
        if (failed) process.exitCode = 1;
      }));

  topic
    .command('list')
    .alias('ls')
    .description('list topics')
    .option('-i, --internal', 'include internal topics (__consumer_offsets, ...)')
    .option('--regex <pattern>', 'only topics whose name matches the regular expression')
    .addOption(formatOption())
    .action((o: { internal?: boolean; regex?: string; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        let re: RegExp | null = null;
        if (o.regex !== undefined) {
          try {
            re = new RegExp(o.regex);
          } catch (e) {
            throw new CliError(`--regex: ${(e as Error).message}`);
          }
        }
        const names = (await ctx.admin.listTopics({ includeInternal: o.internal === true })).filter((n) => re === null || re.test(n));
        const described = names.length === 0 ? [] : await ctx.admin.describeTopics(names);
        const rows = described.map((t) => ({ name: t.name, topicId: t.topicId, internal: t.isInternal, partitions: t.partitions.length, replicas: Math.max(0, ...t.partitions.map((p) => p.replicas.length)) }));
        ctx.print(o.format, () => rows, () => table(['name', 'partitions', 'replicas'], rows.map((r) => [r.name, r.partitions, r.replicas])));
      }));

  topic
    .command('describe')
    .description('describe topics: summary, non-default configs, partitions with offsets')
    .argument('<topics...>', 'topic names')
    .option('-a, --all-configs', 'show every config, defaults included')
    .option('-s, --summary', 'only the summary section')
    .option('-c, --configs', 'only the configs section')
    .option('-p, --partitions', 'only the partitions section')
    .addOption(formatOption())
    .action((topics: string[], o: { allConfigs?: boolean; summary?: boolean; configs?: boolean; partitions?: boolean; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const any = o.summary === true || o.configs === true || o.partitions === true;
        const show = { summary: !any || o.summary === true, configs: !any || o.configs === true, partitions: !any || o.partitions === true };
        const described = await ctx.admin.describeTopics(topics);
        const wantConfigs = show.configs || o.format === 'json';
        const configs = wantConfigs ? await ctx.admin.describeConfigs(topics.map((name) => ({ type: 'topic' as const, name }))) : [];
        const marks = show.partitions || o.format === 'json' ? await watermarks(ctx.admin, described.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition })))) : new Map<string, { start: bigint; end: bigint }>();
        const docs = described.map((t) => {
          const entries = (configs.find((c) => c.name === t.name)?.configs ?? [])
            .filter((c) => o.allConfigs === true || !c.isDefault)
            .sort((a, b) => (a.name < b.name ? -1 : 1));
          const partitions: PartitionRow[] = t.partitions.map((p) => {
            const w = marks.get(`${t.name}/${p.partition}`);
            return { ...p, logStartOffset: w?.start ?? null, highWatermark: w?.end ?? null };
          });
          return { name: t.name, topicId: t.topicId, internal: t.isInternal, replicas: Math.max(0, ...t.partitions.map((p) => p.replicas.length)), partitions, configs: entries };
        });
        ctx.print(o.format, () => docs.map(jsonTopic), () => {
          const lines: string[] = [];
          for (const d of docs) {
            if (lines.length > 0) lines.push('');
            const sections: string[][] = [];
            if (show.summary) {
              sections.push([...section('SUMMARY'), ...kvLines([['NAME', d.name], ['ID', d.topicId], ['INTERNAL', d.internal], ['PARTITIONS', d.partitions.length], ['REPLICAS', d.replicas]])]);
            }
            if (show.configs) {
              sections.push([...section(o.allConfigs === true ? 'CONFIGS' : 'CONFIGS (non-default)'), ...(d.configs.length === 0 ? ['(none)'] : table(['key', 'value', 'source'], d.configs.map(configRow)))]);
            }
            if (show.partitions) {
              sections.push([...section('PARTITIONS'), ...table(['partition', 'leader', 'epoch', 'replicas', 'isr', 'log-start-offset', 'high-watermark'],
                d.partitions.map((p) => [p.partition, p.leader, p.leaderEpoch, `[${p.replicas.join(',')}]`, `[${p.isr.join(',')}]`, p.logStartOffset, p.highWatermark]))]);
            }
            lines.push(...sections.flatMap((s, i) => (i === 0 ? s : ['', ...s])));
          }
          return lines;
        });
      }));

  topic
    .command('delete')
    .alias('rm')
    .description('delete topics')
    .argument('<topics...>', 'topic names')
    .addOption(formatOption())
    .action((topics: string[], o: { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const rows: Array<{ topic: string; status: string }> = [];
        let failed = false;
        for (const name of topics) {
          try {
            await ctx.admin.deleteTopics([name]);
            rows.push({ topic: name, status: 'OK' });
          } catch (e) {
            if (!(e instanceof KafkaError) || topics.length === 1) throw e;
            failed = true;
            rows.push({ topic: name, status: e.message });
          }
        }
        ctx.print(o.format, () => rows, () => table(['topic', 'status'], rows.map((r) => [r.topic, r.status])));
        if (failed) process.exitCode = 1;
      }));

  topic
    .command('alter-config')
    .description('change topic configs (incrementally: other configs are left as they are)')
    .argument('<topics...>', 'topic names')
    .option('-s, --set <key=value>', 'set a config, repeatable', collect)
    .option('-d, --delete <key>', 'remove a config (back to the default), repeatable', collect)
    .option('--append <key=value>', 'append to a list config, repeatable', collect)
    .option('--subtract <key=value>', 'remove from a list config, repeatable', collect)
    .option('--dry-run', 'validate only; change nothing')
    .addOption(formatOption())
    .action((topics: string[], o: { set?: string[]; delete?: string[]; append?: string[]; subtract?: string[]; dryRun?: boolean; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const ops = [
          ...keyValues(o.set, '--set').map(([name, value]) => ({ name, op: 'set' as const, value })),
          ...(o.delete ?? []).map((name) => ({ name, op: 'delete' as const, value: null })),
          ...keyValues(o.append, '--append').map(([name, value]) => ({ name, op: 'append' as const, value })),
          ...keyValues(o.subtract, '--subtract').map(([name, value]) => ({ name, op: 'subtract' as const, value })),
        ];
        if (ops.length === 0) throw new CliError('nothing to change: give --set KEY=VALUE, --delete KEY, --append or --subtract');
        await ctx.admin.incrementalAlterConfigs(topics.map((name) => ({ type: 'topic' as const, name, ops })), { validateOnly: o.dryRun === true });
        const status = o.dryRun === true ? 'OK (dry run)' : 'OK';
        const rows = topics.flatMap((t) => ops.map((op) => ({ topic: t, name: op.name, op: op.op, value: op.value, status })));
        ctx.print(o.format, () => rows, () => table(['topic', 'key', 'op', 'value', 'status'], rows.map((r) => [r.topic, r.name, r.op, r.value, r.status])));
      }));

  topic
    .command('add-partitions')
    .description('add partitions to topics (existing keys may then map to other partitions)')
    .argument('<topics...>', 'topic names')
    .requiredOption('-n, --num <n>', 'how many partitions to add', parseIntArg('--num', 1))
    .addOption(formatOption())
    .action((topics: string[], o: { num: number; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const described = await ctx.admin.describeTopics(topics);
        const changes = described.map((t) => ({ topic: t.name, from: t.partitions.length, count: t.partitions.length + o.num }));
        await ctx.admin.createPartitions(changes.map((c) => ({ topic: c.topic, count: c.count })));
        ctx.print(o.format, () => changes.map((c) => ({ topic: c.topic, partitions: c.count, status: 'OK' })),
          () => table(['topic', 'partitions', 'status'], changes.map((c) => [c.topic, `${c.from} -> ${c.count}`, 'OK'])));
      }));

  return topic;
}

function configRow(c: ConfigEntry): string[] {
  return [c.name, c.isSensitive ? '(sensitive)' : (c.value ?? '-'), c.source];
}

function jsonTopic(d: { name: string; topicId: string; internal: boolean; replicas: number; partitions: PartitionRow[]; configs: ConfigEntry[] }): unknown {
  return {
    name: d.name,
    topicId: d.topicId,
    internal: d.internal,
    replicationFactor: d.replicas,
    partitions: d.partitions,
    configs: Object.fromEntries(d.configs.map((c) => [c.name, { value: c.isSensitive ? null : c.value, source: c.source, readOnly: c.readOnly, sensitive: c.isSensitive }])),
  };
}
