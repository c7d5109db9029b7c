// tide group list | describe | seek | delete-offsets | delete
import { KafkaError, type Admin, type GroupDescription, type ResetTarget, type TopicPartition } from '@tideline/client';
import { groupLagStatus, sampledLagStatus, type LagStatus } from '@tideline/observability';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runAction, type Context } from '../context.js';
import { CliError } from '../errors.js';
import { parseOffsetSpec, parseTopicPartitions } from '../offsets.js';
import { keyValues, table, type Io, type OutputFormat } from '../output.js';
import { tpKey } from '../watermarks.js';
import { collect, formatOption } from './common.js';

const INACTIVE = new Set(['empty', 'dead']);

/** 10s, 2m, 500ms, or plain seconds: milliseconds. */
export function parseDuration(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(v.trim());
  if (m === null) throw new InvalidArgumentError('expected a duration such as 10s, 1m or 500ms');
  const n = Number(m[1]);
  const ms = m[2] === 'ms' ? n : m[2] === 'm' ? n * 60_000 : n * 1000;
  if (ms > 600_000) throw new InvalidArgumentError('at most 10m');
  return Math.round(ms);
}

function parseSignedInt(v: string): bigint {
  if (!/^[+-]?\d+$/.test(v.trim())) throw new InvalidArgumentError('--shift-by must be an integer');
  return BigInt(v.trim());
}

interface LagRow extends TopicPartition {
  committedOffset: bigint | null;
  logStartOffset: bigint | null;
  logEndOffset: bigint | null;
  lag: bigint | null;
  /** Lag status over --status-window (null without one). */
  status: LagStatus | null;
  memberId: string | null;
  clientId: string | null;
  host: string | null;
}

export const compareTp = (a: TopicPartition, b: TopicPartition): number => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition);

/** Log start offsets per topic, leaving out topics whose offsets cannot be listed (e.g. deleted since the commit). */
async function logStarts(admin: Admin, parts: readonly TopicPartition[]): Promise<Map<string, bigint>> {
  const byTopic = new Map<string, TopicPartition[]>();
  for (const p of parts) byTopic.set(p.topic, [...(byTopic.get(p.topic) ?? []), p]);
  const out = new Map<string, bigint>();
  for (const list of byTopic.values()) {
    try {
      for (const r of await admin.listOffsets(list.map((p) => ({ ...p, spec: 'earliest' as const })))) out.set(tpKey(r), r.offset);
    } catch (e) {
      if (!(e instanceof KafkaError)) throw e;
    }
  }
  return out;
}

/** Seconds between two samples of committed and end offsets for the lag status. */
const STATUS_SAMPLE_MS = 1000;

// Moved to @tideline/observability (the console's group page uses it too); re-exported for the CLI's callers.
export { sampledLagStatus };

type GroupLag = Awaited<ReturnType<Admin['groupLag']>>;

async function describeWithLag(ctx: Context, groupId: string, readCommitted: boolean, statusWindowMs: number): Promise<{ group: GroupDescription; rows: LagRow[]; totalLag: bigint; status: LagStatus | null }> {
  const admin = ctx.admin;
  const [group] = await admin.describeGroups([groupId]);
  const lagNow = (): Promise<GroupLag> => admin.groupLag(groupId, { isolationLevel: readCommitted ? 'read_committed' : 'read_uncommitted' });
  const history: Array<{ atMs: number; lag: GroupLag }> = [];
  let lag = await lagNow();
  history.push({ atMs: Date.now(), lag });
  if (statusWindowMs > 0) {
    const until = Date.now() + statusWindowMs;
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, Math.min(STATUS_SAMPLE_MS, Math.max(0, until - Date.now()))));
      lag = await lagNow();
      history.push({ atMs: Date.now(), lag });
    }
  }
  const statusOf = (l: GroupLag[number]): LagStatus | null => {
    if (statusWindowMs <= 0) return null;
    const samples = history.flatMap((h) => h.lag.filter((x) => x.topic === l.topic && x.partition === l.partition)
      .map((x) => ({ atMs: h.atMs, committed: x.committed, lag: x.lag ?? 0n })));
    return sampledLagStatus(samples, Date.now());
  };
  const members = new Map(group!.members.map((m) => [m.memberId, m]));
  const starts = await logStarts(admin, lag);
  let totalLag = 0n;
  const rows = lag.map((l): LagRow => {
    const m = l.memberId === null ? undefined : members.get(l.memberId);
    if (l.lag !== null) totalLag += l.lag;
    return {
      topic: l.topic, partition: l.partition,
      committedOffset: l.committed < 0n ? null : l.committed,
      logStartOffset: starts.get(tpKey(l)) ?? null,
      logEndOffset: l.logEnd < 0n ? null : l.logEnd,
      lag: l.lag,
      status: statusOf(l),
      memberId: l.memberId, clientId: m?.clientId ?? null, host: m?.clientHost ?? null,
    };
  });
  const status = statusWindowMs <= 0 ? null : groupLagStatus(rows.map((r) => r.status ?? 'OK'));
  return { group: group!, rows, totalLag, status };
}

const coordinatorText = (ctx: Context, nodeId: number): string => {
  const b = ctx.admin.cluster.brokers.get(nodeId);
  return b === undefined ? String(nodeId) : `${nodeId} (${b.host}:${b.port})`;
};

export function groupCommand(io: Io): Command {
  const group = new Command('group').description('list, describe, seek and delete consumer groups');

  group
    .command('list')
    .alias('ls')
    .description('list consumer groups')
    .option('--state <states>', 'only groups in these states (comma-separated, e.g. Stable,Empty)')
    .addOption(new Option('--type <type>', 'only classic or KIP-848 consumer groups').choices(['classic', 'consumer']))
    .addOption(formatOption())
    .action((o: { state?: string; type?: string; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const states = o.state?.split(',').map((s) => s.trim()).filter((s) => s !== '');
        const list = await ctx.admin.listGroups({ ...(states !== undefined ? { states } : {}), ...(o.type !== undefined ? { types: [o.type] } : {}) });
        ctx.print(o.format, () => list, () => table(['group', 'type', 'state', 'protocol-type', 'coordinator'], list.map((g) => [g.groupId, g.type, g.state, g.protocolType === '' ? '(simple)' : g.protocolType, g.coordinator])));
      }));

  group
    .command('describe')
    .description('describe groups: state, members, and per partition the committed offset, log end and lag')
    .argument('<groups...>', 'group ids')
    .option('-s, --summary', 'only the summary')
    .option('--read-committed', 'lag against the last stable offset (transactions) instead of the high watermark')
    .option('--status-window <duration>', 'sample committed and end offsets every second for this long (e.g. 10s, 1m) and show the lag status: OK, WARN, STALL, STOP, REWIND', parseDuration, 0)
    .addOption(formatOption())
    .action((ids: string[], o: { summary?: boolean; readCommitted?: boolean; statusWindow: number; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const docs: Array<Awaited<ReturnType<typeof describeWithLag>>> = [];
        for (const id of ids) docs.push(await describeWithLag(ctx, id, o.readCommitted === true, o.statusWindow));
        ctx.print(o.format, () => docs.map(({ group: g, rows, totalLag, status }) => ({
          groupId: g.groupId, state: g.state, type: g.type, protocolType: g.protocolType, assignor: g.assignor,
          coordinator: { nodeId: g.coordinator, host: ctx.admin.cluster.brokers.get(g.coordinator)?.host ?? null, port: ctx.admin.cluster.brokers.get(g.coordinator)?.port ?? null },
          members: g.members, totalLag, status, partitions: rows,
        })), () => {
          const lines: string[] = [];
          for (const { group: g, rows, totalLag, status } of docs) {
            if (lines.length > 0) lines.push('');
            lines.push(...keyValues([
              ['GROUP', g.groupId],
              ['COORDINATOR', coordinatorText(ctx, g.coordinator)],
              ['STATE', g.state],
              ['TYPE', g.type === 'classic' && g.protocolType === '' && g.state.toLowerCase() !== 'dead' ? 'classic (simple: offsets only)' : g.type],
              ['ASSIGNOR', g.assignor === '' ? null : g.assignor],
              ['MEMBERS', g.members.length],
              ['TOTAL-LAG', totalLag],
              ['STATUS', status ?? '- (give --status-window to evaluate)'],
            ]));
            if (o.summary !== true) {
              lines.push('');
              lines.push(...(rows.length === 0
                ? [g.state.toLowerCase() === 'dead' ? '(no such group)' : '(no committed offsets and no assigned partitions)']
                : table(['topic', 'partition', 'current-offset', 'log-start-offset', 'log-end-offset', 'lag', 'status', 'member-id', 'client-id', 'host'],
                  rows.map((r) => [r.topic, r.partition, r.committedOffset, r.logStartOffset, r.logEndOffset, r.lag, r.status ?? '-', r.memberId, r.clientId, r.host]))));
            }
          }
          return lines;
        });
      }));

  group
    .command('seek')
    .description('reset a group\'s committed offsets (the group must have no members); a dry run unless --execute')
    .argument('<group>', 'group id')
    .option('--to <where>', 'start, end, an offset, or @TIME (ms since the epoch, ISO 8601 date, or -15m / -2h ago)')
    .option('--shift-by <n>', 'move each committed offset by N (negative: back)', parseSignedInt)
    .option('-t, --topic <topic[:partitions]>', 'topic (or topic:0,1) to reset, repeatable (default: every partition the group committed)', collect)
    .option('--execute', 'commit the new offsets (without it, only show them)')
    .addOption(formatOption())
    .action((groupId: string, o: { to?: string; shiftBy?: bigint; topic?: string[]; execute?: boolean; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        if ((o.to === undefined) === (o.shiftBy === undefined)) throw new CliError('give one of --to WHERE or --shift-by N');
        const spec = o.to === undefined ? null : parseOffsetSpec(o.to);
        const [g] = (await ctx.admin.describeGroups([groupId])) as [GroupDescription];
        if (!INACTIVE.has(g.state.toLowerCase())) {
          const msg = `group ${groupId} is active (state ${g.state}, ${g.members.length} member${g.members.length === 1 ? '' : 's'}): offsets can be reset only while the group has no members`;
          if (o.execute === true) throw new CliError(msg, ['stop the group\'s consumers, then run the seek again']);
          io.err(`warning: ${msg}; --execute would fail`);
        }
        let topics: Array<string | TopicPartition> | undefined;
        if (o.topic !== undefined && o.topic.length > 0) {
          // Whole topics, then the partitions named of other topics, each once.
          const wanted = o.topic.map(parseTopicPartitions);
          const whole = new Set(wanted.filter((w) => w.partitions === null).map((w) => w.topic));
          const single = new Map<string, TopicPartition>();
          for (const w of wanted) {
            if (whole.has(w.topic)) continue;
            for (const partition of w.partitions ?? []) single.set(tpKey({ topic: w.topic, partition }), { topic: w.topic, partition });
          }
          topics = [...whole, ...single.values()];
        }
        const to: ResetTarget = spec === null
          ? { shiftBy: o.shiftBy! }
          : spec.kind === 'start' ? 'earliest'
            : spec.kind === 'end' ? 'latest'
              : spec.kind === 'timestamp' ? { timestamp: spec.timestamp }
                : { offset: spec.kind === 'offset' ? spec.offset : 0n };
        const plan = await ctx.admin.resetGroupOffsets(groupId, { to, ...(topics !== undefined ? { topics } : {}), execute: o.execute === true });
        if (plan.length === 0) throw new CliError(`group ${groupId} has no committed offsets`, ['name the partitions to set with --topic TOPIC or --topic TOPIC:0,1']);
        const rows = [...plan]
          .sort(compareTp)
          .map((p) => ({ topic: p.topic, partition: p.partition, currentOffset: p.current < 0n ? null : p.current, newOffset: p.target }));
        const status = o.execute === true ? 'committed' : 'dry run';
        ctx.print(o.format, () => ({ groupId, executed: o.execute === true, partitions: rows }), () => [
          ...table(['topic', 'partition', 'current-offset', 'new-offset'], rows.map((r) => [r.topic, r.partition, r.currentOffset, r.newOffset])),
        ]);
        io.err(o.execute === true
          ? `${rows.length} partition${rows.length === 1 ? '' : 's'} of group ${groupId} ${status}`
          : `dry run: nothing committed; add --execute to commit these offsets`);
      }));

  group
    .command('delete-offsets')
    .description('delete a group\'s committed offsets of topics (or partitions) it no longer consumes')
    .argument('<group>', 'group id')
    .requiredOption('-t, --topic <topic[:partitions]>', 'topic (or topic:0,1) whose offsets to delete, repeatable', collect)
    .addOption(formatOption())
    .action((groupId: string, o: { topic: string[]; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const parts = new Map<string, TopicPartition>();
        const wanted = o.topic.map(parseTopicPartitions);
        // A whole topic: every partition the group has an offset for (deleted topics included).
        const committed = wanted.some((w) => w.partitions === null) ? await ctx.admin.listGroupOffsets(groupId) : [];
        for (const w of wanted) {
          const list = w.partitions === null
            ? committed.filter((c) => c.topic === w.topic && c.offset >= 0n).map((c) => c.partition)
            : w.partitions;
          for (const partition of list) parts.set(tpKey({ topic: w.topic, partition }), { topic: w.topic, partition });
        }
        if (parts.size === 0) throw new CliError(`group ${groupId} has no committed offsets for ${o.topic.join(', ')}`);
        const rows = [...parts.values()].sort(compareTp);
        await ctx.admin.deleteGroupOffsets(groupId, rows);
        ctx.print(o.format, () => ({ groupId, deleted: rows }), () => table(['topic', 'partition', 'status'], rows.map((r) => [r.topic, r.partition, 'DELETED'])));
      }));

  group
    .command('delete')
    .alias('rm')
    .description('delete groups (each must have no members) and their committed offsets')
    .argument('<groups...>', 'group ids')
    .addOption(formatOption())
    .action((ids: string[], o: { format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const results = await ctx.admin.deleteGroups(ids);
        if (ids.length === 1 && results[0]!.error !== null) throw results[0]!.error;
        const rows = results.map((r) => ({ groupId: r.groupId, status: r.error === null ? 'OK' : r.error.code, error: r.error?.message ?? null }));
        ctx.print(o.format, () => rows, () => table(['group', 'status'], rows.map((r) => [r.groupId, r.status])));
        if (results.some((r) => r.error !== null)) process.exitCode = 1;
      }));

  return group;
}
