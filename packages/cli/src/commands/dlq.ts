// tide dlq inspect | replay | depth: dead-letter topics written by @tideline/dlq (or anything using
// its tide.dlq.* envelope headers).
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ERROR_CLASSES, dlqDepthByClass, inspectDlq, isErrorClass, replayDlq, type ClassDepth, type DlqFilter, type ErrorClass, type ReplayTransform,
} from '@tideline/dlq';
import { Command, InvalidArgumentError } from 'commander';
import { runAction, type Context } from '../context.js';
import { CliError } from '../errors.js';
import { parseTime } from '../offsets.js';
import { section, table, type Io, type OutputFormat } from '../output.js';
import { collect, formatOption, parseIntArg } from './common.js';

const when = (ms: number | null): string => (ms === null ? '-' : new Date(ms).toISOString());

function parseClasses(list: readonly string[] | undefined): ErrorClass[] | undefined {
  if (list === undefined) return undefined;
  const out: ErrorClass[] = [];
  for (const item of list.flatMap((s) => s.split(','))) {
    const c = item.trim();
    if (c === '') continue;
    if (!isErrorClass(c)) throw new InvalidArgumentError(`error class ${JSON.stringify(c)} is not one of ${ERROR_CLASSES.join(', ')}`);
    out.push(c);
  }
  return out;
}

const names = (list: readonly string[] | undefined): string[] | undefined => list?.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');

interface FilterOptions {
  errorClass?: string[];
  errorName?: string[];
  since?: string;
  until?: string;
  originalTopic?: string;
}

function filterOf(o: FilterOptions): DlqFilter {
  const f: DlqFilter = {};
  const cls = parseClasses(o.errorClass);
  if (cls !== undefined) f.errorClass = cls;
  const n = names(o.errorName);
  if (n !== undefined) f.errorName = n;
  if (o.since !== undefined) f.since = parseTime(o.since);
  if (o.until !== undefined) f.until = parseTime(o.until);
  if (o.originalTopic !== undefined) f.originalTopic = o.originalTopic;
  return f;
}

const withFilterOptions = (c: Command): Command =>
  c
    .option('--error-class <class>', `only this error class (${ERROR_CLASSES.join('|')}); repeatable or comma-separated`, collect)
    .option('--error-name <name>', 'only this error name (e.g. TimeoutError); repeatable or comma-separated', collect)
    .option('--since <time>', 'failed at or after: ms since the epoch, an ISO 8601 date or a duration ago (-2h)')
    .option('--until <time>', 'failed before (same forms as --since)')
    .option('--original-topic <topic>', 'only records that failed on this topic');

/** `orders` means `orders.dlq` when that exists; else the topic itself (a DLQ named otherwise). */
async function dlqTopicName(ctx: Context, name: string): Promise<string> {
  const topics = new Set(await ctx.admin.listTopics());
  if (topics.has(`${name}.dlq`)) return `${name}.dlq`;
  if (topics.has(name)) return name;
  throw new CliError(`no topic ${name} (nor ${name}.dlq)`, ['list topics with `tide topic list`']);
}

async function loadTransform(file: string): Promise<ReplayTransform> {
  const url = pathToFileURL(isAbsolute(file) ? file : resolve(process.cwd(), file)).href;
  const mod = (await import(url)) as { default?: unknown; transform?: unknown };
  const fn = mod.default ?? mod.transform;
  if (typeof fn !== 'function') throw new CliError(`${file} exports no function (export default (record) => record | null)`);
  return fn as ReplayTransform;
}

export function dlqCommand(io: Io): Command {
  const dlq = new Command('dlq').description('inspect, replay and measure dead-letter topics');

  withFilterOptions(
    dlq
      .command('inspect')
      .description('dead-letter records grouped by error class and error name, with samples')
      .argument('<topic>', 'the dead-letter topic, or its source topic (<topic>.dlq is used when it exists)'),
  )
    .option('--samples <n>', 'samples per group', parseIntArg('--samples', 0), 3)
    .addOption(formatOption())
    .action((name: string, o: FilterOptions & { samples: number; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const topic = await dlqTopicName(ctx, name);
        const r = await inspectDlq(ctx.clusterOptions(), topic, { samples: o.samples, filter: filterOf(o) });
        ctx.print(o.format, () => r, () => {
          const lines = [`${topic}: ${r.total} records, ${r.pending} pending, ${r.replayed} replayed`, ''];
          lines.push(...table(['class', 'error', 'count', 'replayed', 'first-failure', 'last-failure'],
            r.groups.map((g) => [g.errorClass, g.errorName, g.count, g.replayed, when(g.firstFailureMs), when(g.lastFailureMs)])));
          for (const g of r.groups) {
            if (g.samples.length === 0) continue;
            lines.push('', ...section(`${g.errorClass} / ${g.errorName}`));
            lines.push(...table(['partition', 'offset', 'original', 'key', 'attempt', 'replayed', 'message'],
              g.samples.map((s) => [s.partition, s.offset, s.originalTopic === null ? null : `${s.originalTopic}/${s.originalPartition}@${s.originalOffset}`, s.key, s.attempt, s.replayed, s.errorMessage?.split('\n')[0]])));
          }
          return lines;
        });
      }));

  withFilterOptions(
    dlq
      .command('replay')
      .description('republish matching dead-letter records to their original topic (dry run unless --execute)')
      .argument('<topic>', 'the dead-letter topic, or its source topic (<topic>.dlq is used when it exists)'),
  )
    .option('--to <topic>', 'republish to this topic instead of the original')
    .option('--transform <file.js>', 'a module whose default export maps a record to a record, or null to leave it out')
    .option('--dry-run', 'show what would move (the default)')
    .option('--execute', 'move the records')
    .option('--run-id <id>', 'id of this replay run (default: random), written as tide.dlq.replay.run')
    .addOption(formatOption())
    .action((name: string, o: FilterOptions & { to?: string; transform?: string; dryRun?: boolean; execute?: boolean; runId?: string; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        if (o.execute === true && o.dryRun === true) throw new CliError('--dry-run and --execute exclude each other');
        const topic = await dlqTopicName(ctx, name);
        const r = await replayDlq(ctx.clusterOptions(), topic, {
          filter: filterOf(o),
          dryRun: o.execute !== true,
          ...(o.to !== undefined ? { to: o.to } : {}),
          ...(o.transform !== undefined ? { transform: await loadTransform(o.transform) } : {}),
          ...(o.runId !== undefined ? { runId: o.runId } : {}),
        });
        ctx.print(o.format, () => r, () => {
          const verb = r.dryRun ? 'would move' : 'moved';
          const lines = [`${topic}: ${r.matched} matching, ${r.alreadyReplayed} already replayed, ${r.dropped} dropped by the transform, ${verb} ${r.moved}${r.dryRun ? ' (dry run: add --execute to move them)' : ` (run ${r.runId})`}`];
          if (r.items.length > 0) {
            lines.push('', ...table(['dlq-record', 'to', 'key', 'class', 'error'], r.items.map((i) => [i.replayId, i.to, i.key, i.errorClass, i.errorName])));
          }
          return lines;
        });
      }));

  dlq
    .command('depth')
    .description('records in dead-letter topics, by error class, pending and replayed')
    .argument('<topics...>', 'dead-letter topics (or their source topics)')
    .option('--threshold <n>', 'exit with code 2 when a topic has at least this many pending records', parseIntArg('--threshold', 1))
    .addOption(formatOption())
    .action((list: string[], o: { threshold?: number; format: OutputFormat }, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const rows: ClassDepth[] = [];
        for (const name of list) rows.push(await dlqDepthByClass(ctx.clusterOptions(), await dlqTopicName(ctx, name)));
        ctx.print(o.format, () => rows, () => table(['topic', 'records', 'pending', 'replayed', ...ERROR_CLASSES],
          rows.map((r) => [r.topic, r.records, r.pending, r.replayed, ...ERROR_CLASSES.map((c) => r.byClass[c] ?? 0)])));
        if (o.threshold !== undefined && rows.some((r) => r.pending >= o.threshold!)) {
          io.err(`tide: dead-letter depth at or above ${o.threshold}`);
          process.exitCode = 2;
        }
      }));

  return dlq;
}
