// tide share-group list | describe | reset-offsets: share groups (KIP-932, queues on a log).
import type { ShareGroupDescription, ShareGroupOffset, TopicPartition } from '@tideline/client';
import { Command } from 'commander';
import { runAction } from '../context.js';
import { CliError } from '../errors.js';
import { parseOffsetSpec, parseTopicPartitions, resolveOffset } from '../offsets.js';
import { keyValues, table, type Io, type OutputFormat } from '../output.js';
import { collect, formatOption } from './common.js';

export function shareGroupCommand(io: Io): Command {
  const sg = new Command('share-group').description('list, describe and reset share groups (queues: records acknowledged one by one)');

  sg.command('list')
    .alias('ls')
    .description('list share groups')
    .addOption(formatOption())
    .action((o: { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const list = await ctx.admin.listGroups({ types: ['share'] });
        ctx.print(o.format, () => list.map((g) => ({ groupId: g.groupId, state: g.state, coordinator: g.coordinator })),
          () => table(['group', 'state', 'coordinator'], list.map((g) => [g.groupId, g.state, g.coordinator])));
      }));

  sg.command('describe')
    .description('describe share groups: state, members, and per partition the start offset and lag (records not yet acknowledged)')
    .argument('<groups...>', 'group ids')
    .addOption(formatOption())
    .action((ids: string[], o: { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const docs: Array<{ group: ShareGroupDescription; offsets: ShareGroupOffset[] }> = [];
        for (const id of ids) {
          const [g] = await ctx.admin.describeShareGroups([id]);
          const offsets = g!.state === 'Dead' ? [] : await ctx.admin.describeShareGroupOffsets(id);
          docs.push({ group: g!, offsets });
        }
        ctx.print(o.format, () => docs.map(({ group, offsets }) => ({ ...group, partitions: offsets })), () => {
          const lines: string[] = [];
          for (const { group: g, offsets } of docs) {
            if (lines.length > 0) lines.push('');
            lines.push(...keyValues([['GROUP', g.groupId], ['STATE', g.state], ['EPOCH', String(g.groupEpoch)], ['MEMBERS', String(g.members.length)]]));
            if (offsets.length > 0) {
              lines.push('', ...table(['topic', 'partition', 'start-offset', 'lag'], offsets.map((r) => [r.topic, r.partition, r.startOffset < 0n ? '-' : String(r.startOffset), r.lag < 0n ? '-' : String(r.lag)])));
            }
            if (g.members.length > 0) {
              lines.push('', ...table(['member', 'client-id', 'host', 'epoch', 'topics'], g.members.map((m) => [m.memberId, m.clientId, m.clientHost, m.memberEpoch, m.subscribedTopics.join(',')])));
            }
          }
          return lines;
        });
      }));

  sg.command('reset-offsets')
    .description('set the share-partition start offsets of a group with no members (without --execute, only show them)')
    .argument('<group>', 'group id')
    .requiredOption('--to <where>', 'start, end, or an offset')
    .option('-t, --topic <topic[:partitions]>', 'topic (or topic:0,1), repeatable', collect)
    .option('--execute', 'set the offsets')
    .addOption(formatOption())
    .action((groupId: string, o: { to: string; topic?: string[]; execute?: boolean; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const spec = parseOffsetSpec(o.to);
        if (spec.kind === 'timestamp' || spec.kind === 'fromEnd') throw new CliError('--to takes start, end or an offset for share groups');
        const wanted = (o.topic ?? []).map(parseTopicPartitions);
        if (wanted.length === 0) throw new CliError('name the topics to reset with --topic');
        const parts: TopicPartition[] = [];
        for (const w of wanted) {
          const [t] = await ctx.admin.describeTopics([w.topic]);
          for (const p of w.partitions ?? t!.partitions.map((x) => x.partition)) parts.push({ topic: w.topic, partition: p });
        }
        const starts = await ctx.admin.listOffsets(parts.map((p) => ({ ...p, spec: 'earliest' as const })));
        const ends = await ctx.admin.listOffsets(parts.map((p) => ({ ...p, spec: 'latest' as const })));
        const rows = parts.map((p, i) => ({ ...p, offset: resolveOffset(spec, starts[i]!.offset, ends[i]!.offset) }));
        if (o.execute === true) await ctx.admin.alterShareGroupOffsets(groupId, rows);
        ctx.print(o.format, () => ({ groupId, executed: o.execute === true, partitions: rows }),
          () => table(['topic', 'partition', 'new-start-offset'], rows.map((r) => [r.topic, r.partition, String(r.offset)])));
        io.err(o.execute === true ? 'start offsets set' : 'dry run: add --execute to set these start offsets');
      }));

  return sg;
}
