// tide consume: read records from partitions (no group: from --offset; with --group: as a group
// member, from the committed offsets) until the end of every partition, --num records, or (with
// --follow) until interrupted.
import { Consumer, ShareConsumer, type ConsumerRecord, type TopicPartition } from '@tideline/client';
import { Command, Option } from 'commander';
import { runAction, type Context } from '../context.js';
import { CliError } from '../errors.js';
import { parseOffsetSpec, resolveOffset, type OffsetSpec } from '../offsets.js';
import { Progress, rate, toJson, type Io } from '../output.js';
import { tpKey, watermarks } from '../watermarks.js';
import { parseIntArg } from './common.js';

export type RecordFormat = 'text' | 'kv' | 'json';
export type Encoding = 'utf8' | 'base64' | 'hex';

export interface ConsumeOptions {
  partitions?: string;
  offset?: string;
  group?: string;
  shareGroup?: string;
  groupProtocol: 'classic' | 'consumer';
  commit: boolean;
  num?: number;
  follow?: boolean;
  format: RecordFormat;
  separator: string;
  encoding: Encoding;
  readCommitted?: boolean;
  progress?: boolean;
  quiet?: boolean;
}

const decode = (b: Buffer | null, enc: Encoding): string | null => (b === null ? null : b.toString(enc));

/** One output line for a record. */
export function formatRecord(r: ConsumerRecord, format: RecordFormat, enc: Encoding, separator: string): string {
  switch (format) {
    case 'json':
      return toJson({
        topic: r.topic, partition: r.partition, offset: r.offset, timestamp: r.timestamp,
        key: decode(r.key, enc), value: decode(r.value, enc),
        headers: r.headers.map((h) => ({ key: h.key, value: decode(h.value, enc) })),
      });
    case 'kv':
      return `${decode(r.key, enc) ?? ''}${separator}${decode(r.value, enc) ?? ''}`;
    case 'text':
      return decode(r.value, enc) ?? '';
  }
}

function parsePartitionList(s: string): number[] {
  const parts = s.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0 || parts.some((p) => !/^\d+$/.test(p))) throw new CliError(`--partitions ${JSON.stringify(s)} is not a comma-separated list of partition numbers`);
  return parts.map(Number);
}

/** Partitions of the topics (all, or the listed ones, checked to exist). */
async function topicPartitions(ctx: Context, topics: readonly string[], only: number[] | null): Promise<TopicPartition[]> {
  const described = await ctx.admin.describeTopics(topics);
  const out: TopicPartition[] = [];
  for (const t of described) {
    const n = t.partitions.length;
    for (const p of only ?? t.partitions.map((x) => x.partition)) {
      if (p >= n) throw new CliError(`partition ${p} does not exist: ${t.name} has ${n} partitions (0..${n - 1})`);
      out.push({ topic: t.name, partition: p });
    }
  }
  return out;
}

/** Start offsets for a consume without a group. */
async function startOffsets(ctx: Context, parts: readonly TopicPartition[], spec: OffsetSpec, readCommitted: boolean): Promise<Map<string, bigint>> {
  const marks = await watermarks(ctx.admin, parts);
  const atTime = new Map<string, bigint>();
  if (spec.kind === 'timestamp') {
    for (const r of await ctx.admin.listOffsets(parts.map((p) => ({ ...p, spec: spec.timestamp })))) atTime.set(tpKey(r), r.offset);
  }
  let ends = new Map<string, bigint>();
  if (readCommitted) ends = new Map((await ctx.admin.listOffsets(parts.map((p) => ({ ...p, spec: 'latest' as const })), { isolationLevel: 'read_committed' })).map((r) => [tpKey(r), r.offset]));
  const out = new Map<string, bigint>();
  for (const p of parts) {
    const w = marks.get(tpKey(p))!;
    out.set(tpKey(p), resolveOffset(spec, w.start, ends.get(tpKey(p)) ?? w.end, atTime.get(tpKey(p))));
  }
  return out;
}

/** Idle time after which a share-group consume without --follow stops. */
const SHARE_IDLE_MS = 2000;

/** `tide consume --share-group`: records acquired for this member, printed, then accepted. */
async function consumeShared(ctx: Context, io: Io, topics: readonly string[], groupId: string, o: ConsumeOptions): Promise<void> {
  await ctx.admin.describeTopics(topics); // unknown topics fail here, not in the group
  const c = new ShareConsumer({ ...ctx.clusterOptions(), groupId, maxWaitMs: 500, ...(o.num !== undefined ? { maxRecords: Math.min(o.num, 500) } : {}) });
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => (closing ??= c.close());
  ctx.onClose(close);
  let stopping = false;
  const onSignal = (): void => {
    stopping = true;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let count = 0;
  let lastRecordAt = Date.now();
  try {
    await c.subscribe(topics);
    while (!stopping) {
      const records = await c.poll();
      for (const r of records) {
        if (o.num !== undefined && count >= o.num) {
          c.acknowledge(r, 'release'); // not printed: back to the group
          continue;
        }
        await io.write(`${formatRecord(r, o.format, o.encoding, o.separator)}\n`);
        c.acknowledge(r, 'accept');
        count++;
      }
      if (records.length > 0) lastRecordAt = Date.now();
      if (o.num !== undefined && count >= o.num) break;
      if (o.follow !== true && Date.now() - lastRecordAt > SHARE_IDLE_MS) break;
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await close();
  }
  if (o.quiet !== true) io.err(`consumed ${count} record${count === 1 ? '' : 's'} (share group ${groupId}, acknowledged)`);
}

export function consumeCommand(io: Io): Command {
  return new Command('consume')
    .description('consume records and print them (until the end of the partitions, --num records, or with --follow until interrupted)')
    .argument('<topics...>', 'topics to read')
    .option('-p, --partitions <list>', 'only these partitions (comma-separated; no group)')
    .option('-o, --offset <where>', 'where to start: start, end, OFFSET, -N (N before the end) or @TIME (ms, ISO 8601, or -15m ago); with --group: start or end, for partitions without a committed offset (default: start)')
    .option('-g, --group <id>', 'consume as a member of this group: start at its committed offsets and commit what was printed')
    .addOption(new Option('--group-protocol <protocol>', 'group protocol: classic or consumer (KIP-848)').choices(['classic', 'consumer']).default('classic'))
    .option('--share-group <id>', 'consume as a member of this share group (a queue): each printed record is acknowledged (ACCEPT); without --follow, stop after 2 s without records')
    .option('--no-commit', 'with --group: do not commit offsets')
    .option('-n, --num <n>', 'stop after N records', parseIntArg('--num', 1))
    .option('-f, --follow', 'keep waiting for new records after reaching the end')
    .addOption(new Option('--format <format>', 'record output: text (the value), kv (key, separator, value) or json (one JSON object per line)').choices(['text', 'kv', 'json']).default('text'))
    .option('-s, --separator <sep>', 'separator between key and value with --format kv', '\t')
    .addOption(new Option('--encoding <enc>', 'how keys, values and header values are printed').choices(['utf8', 'base64', 'hex']).default('utf8'))
    .option('--read-committed', 'skip records of aborted transactions and stop at the last stable offset')
    .option('--progress', 'print progress on stderr every second even when it is not a terminal')
    .option('-q, --quiet', 'no summary or progress on stderr')
    .action((topics: string[], o: ConsumeOptions, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        if (o.shareGroup !== undefined) {
          if (o.group !== undefined || o.partitions !== undefined || o.offset !== undefined) throw new CliError('--share-group cannot be used with --group, --partitions or --offset', ['set where a share group starts with `tide share-group reset-offsets`']);
          await consumeShared(ctx, io, topics, o.shareGroup, o);
          return;
        }
        const spec = parseOffsetSpec(o.offset ?? 'start', { allowFromEnd: true });
        if (o.group !== undefined) {
          if (o.partitions !== undefined) throw new CliError('--partitions cannot be used with --group (the group assigns partitions)');
          if (spec.kind !== 'start' && spec.kind !== 'end') throw new CliError('with --group, --offset is start or end (where to begin on partitions without a committed offset)', ['move a group\'s offsets with `tide group seek`']);
        }
        const readCommitted = o.readCommitted === true;
        const all = await topicPartitions(ctx, topics, o.partitions === undefined ? null : parsePartitionList(o.partitions));
        const consumer = new Consumer({
          ...ctx.clusterOptions(),
          isolationLevel: readCommitted ? 'read_committed' : 'read_uncommitted',
          ...(o.group !== undefined
            ? { groupId: o.group, groupProtocol: o.groupProtocol, autoCommit: o.commit, autoOffsetReset: spec.kind === 'end' ? 'latest' as const : 'earliest' as const }
            : {}),
        });
        let closing: Promise<void> | null = null;
        const closeConsumer = (): Promise<void> => (closing ??= consumer.close());
        ctx.onClose(closeConsumer);

        // Where each partition ends (for stopping without --follow), learned when it is assigned.
        const ends = new Map<string, bigint>();
        const done = new Set<string>();
        const endOf = async (tps: readonly TopicPartition[]): Promise<void> => {
          const list = await ctx.admin.listOffsets(tps.map((p) => ({ ...p, spec: 'latest' as const })), { isolationLevel: readCommitted ? 'read_committed' : 'read_uncommitted' });
          for (const r of list) ends.set(tpKey(r), r.offset);
        };
        if (o.group === undefined) {
          const starts = await startOffsets(ctx, all, spec, readCommitted);
          if (o.follow !== true) await endOf(all);
          consumer.assign(all.map((p) => ({ ...p, offset: starts.get(tpKey(p))! })));
        } else {
          consumer.subscribe([...new Set(all.map((p) => p.topic))], {
            onAssigned: async (tps) => {
              if (o.follow !== true) await endOf(tps);
              if (o.quiet !== true) io.err(`group ${o.group}: assigned ${tps.map((t) => `${t.topic}/${t.partition}`).join(', ')}`);
            },
          });
        }
        const caughtUp = (): boolean => {
          if (o.follow === true) return false;
          const assigned = consumer.assignment();
          if (assigned.length === 0) return false;
          return assigned.every((tp) => {
            const k = tpKey(tp);
            if (done.has(k)) return true;
            const end = ends.get(k);
            const pos = consumer.position(tp);
            return end !== undefined && pos !== null && pos >= end;
          });
        };

        let count = 0;
        let stopping = false;
        const stop = (): void => {
          stopping = true;
          void closeConsumer();
        };
        const onSignal = (): void => stop();
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        const waitingSince = Date.now();
        let waitNoted = false;
        const checker = setInterval(() => {
          if (!stopping && caughtUp()) stop();
          if (o.group !== undefined && !waitNoted && o.quiet !== true && Date.now() - waitingSince > 10_000 && consumer.assignment().length === 0) {
            waitNoted = true;
            io.err(`group ${o.group}: no partitions assigned after 10 s (the group may be rebalancing, or other members hold every partition)`);
          }
        }, 100);
        const progress: Progress = new Progress(io, o.quiet !== true && (o.progress === true || io.errIsTty), (): string => `consumed ${count} records (${rate(count, progress.elapsed())})`);
        try {
          if (!caughtUp()) {
            for await (const r of consumer) {
              await io.write(`${formatRecord(r, o.format, o.encoding, o.separator)}\n`);
              count++;
              if (o.num !== undefined && count >= o.num) break;
              const k = tpKey(r);
              const end = ends.get(k);
              if (end !== undefined && r.offset + 1n >= end) done.add(k);
              if (caughtUp()) break;
            }
          }
        } finally {
          clearInterval(checker);
          process.removeListener('SIGINT', onSignal);
          process.removeListener('SIGTERM', onSignal);
          progress.done();
        }
        await closeConsumer();
        if (o.quiet !== true) io.err(`consumed ${count} record${count === 1 ? '' : 's'}${o.group !== undefined && o.commit ? ` (group ${o.group}, offsets committed)` : ''}`);
      }));
}
