// tide top: a live view of the cluster, refreshed every --interval (default 1s): rates in and
// out, the busiest topics, groups with lag and status, DLQ depth, disk. From the Kafka APIs (any
// Kafka cluster) and, with --metrics URL, a Tideline metrics endpoint. `--once` prints one view
// (two samples --interval apart, so rates are there); `--format json` prints it as JSON (one
// document per refresh, one a line, in live mode). Ends on SIGINT/SIGTERM.
import { scrape } from '@tideline/observability';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runAction, type Context } from '../context.js';
import { section, table, toJson, type Io, type OutputFormat } from '../output.js';
import { computeView, takeSample, type TopSample, type TopView } from '../top-view.js';
import { formatOption, parseIntArg } from './common.js';
import { parseDuration } from './group.js';

interface TopOptions {
  once?: boolean;
  interval: number;
  format: OutputFormat;
  top: number;
  metrics?: string;
  dlqPattern: string;
  window: number;
  statusAfter: number;
}

const bytes = (n: number | null): string => {
  if (n === null) return '-';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
};
const perSec = (n: number | null): string => (n === null ? '-' : String(n));

export function renderTop(v: TopView, intervalMs: number): string[] {
  const withMetrics = v.source === 'kafka+metrics';
  const t = v.totals;
  const head = [
    `tide top  ${v.time}  every ${intervalMs / 1000}s  source ${v.source}`,
    `IN ${perSec(t.inRecordsPerSec)} rec/s  CONSUMED ${perSec(t.consumedPerSec)} rec/s${withMetrics ? `  BYTES IN ${bytes(t.bytesInPerSec)}/s  BYTES OUT ${bytes(t.bytesOutPerSec)}/s` : ''}  TOPICS ${t.topics}  PARTITIONS ${t.partitions}  RECORDS ${t.records}`,
  ];
  if (v.broker !== null) head.push(`BROKER DISK USED ${bytes(v.broker.diskUsedBytes)}  FREE ${bytes(v.broker.diskFreeBytes)}  CONNECTIONS ${v.broker.connections}`);
  return [
    ...head,
    '',
    ...section('TOPICS'),
    ...table(withMetrics ? ['topic', 'partitions', 'records', 'in/s', 'size', 'bytes in/s', 'bytes out/s'] : ['topic', 'partitions', 'records', 'in/s', 'size'],
      v.topics.map((x) => [x.topic, x.partitions, x.records, perSec(x.inRecordsPerSec), bytes(x.sizeBytes), ...(withMetrics ? [bytes(x.bytesInPerSec), bytes(x.bytesOutPerSec)] : [])])),
    '',
    ...section('GROUPS'),
    ...table(withMetrics ? ['group', 'state', 'members', 'lag', 'consumed/s', 'status', 'lag s'] : ['group', 'state', 'members', 'lag', 'consumed/s', 'status'],
      v.groups.map((g) => [g.group, g.state, g.members, g.lag, perSec(g.consumedPerSec), g.status, ...(withMetrics ? [g.lagSeconds] : [])])),
    '',
    ...section('DLQ'),
    ...table(['topic', 'records', 'growth/s'], v.dlq.map((d) => [d.topic, d.records, perSec(d.growthPerSec)])),
    '',
    ...section('DISK'),
    ...table(['broker', 'log dir', 'used', 'total', 'usable'], v.disk.map((d) => [d.broker, d.logDir, bytes(d.usedBytes), bytes(d.totalBytes), bytes(d.usableBytes)])),
  ];
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> => new Promise((resolve) => {
  if (signal.aborted) return resolve();
  const t = setTimeout(done, ms);
  function done(): void {
    clearTimeout(t);
    signal.removeEventListener('abort', done);
    resolve();
  }
  signal.addEventListener('abort', done);
});

async function runTop(ctx: Context, io: Io, o: TopOptions): Promise<void> {
  let dlqPattern: RegExp;
  try {
    dlqPattern = new RegExp(o.dlqPattern);
  } catch (e) {
    throw new InvalidArgumentError(`--dlq-pattern: ${(e as Error).message}`);
  }
  const url = o.metrics;
  const metrics = url === undefined ? null : () => scrape(url);
  const history: TopSample[] = [];
  // Enough samples to span --status-after, and at least --window.
  const keep = Math.max(o.window, Math.ceil(o.statusAfter / o.interval) + 1);
  const sample = async (): Promise<void> => {
    history.push(await takeSample(ctx.admin, metrics));
    if (history.length > keep) history.shift();
  };
  if (o.interval < 100) throw new InvalidArgumentError('--interval: at least 100ms');
  const view = (): TopView => computeView(history, { top: o.top, dlqPattern, statusAfterMs: o.statusAfter });
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const tty = process.stdout.isTTY === true && o.format === 'table';
  try {
    await sample();
    if (o.once === true) {
      await sleep(o.interval, stop.signal);
      if (!stop.signal.aborted) await sample();
      const v = view();
      if (o.format === 'json') io.out(toJson(v, 2));
      else for (const l of renderTop(v, o.interval)) io.out(l);
      return;
    }
    while (!stop.signal.aborted) {
      const v = view();
      if (o.format === 'json') io.out(toJson(v));
      else if (tty) await io.write(`\x1b[H\x1b[2J${renderTop(v, o.interval).join('\n')}\n`);
      else for (const l of [...renderTop(v, o.interval), '']) io.out(l);
      await sleep(o.interval, stop.signal);
      if (stop.signal.aborted) break;
      await sample();
    }
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

export function topCommand(io: Io): Command {
  return new Command('top')
    .description('live view of the cluster: rates in/out, busiest topics, groups with lag and status, DLQ depth, disk (Ctrl-C to quit)')
    .option('--once', 'print one view (two samples --interval apart) and exit')
    .option('--interval <duration>', 'time between refreshes, e.g. 1s, 500ms', parseDuration, 1000)
    .option('--top <n>', 'topics shown, busiest first', parseIntArg('--top', 1), 10)
    .option('--metrics <url>', 'also read a Tideline metrics endpoint (e.g. http://127.0.0.1:9464/metrics): bytes in/out, lag in seconds, the broker\'s lag status, disk and connections')
    .option('--dlq-pattern <regex>', 'topics counted as dead-letter topics', '(\\.dlq|-late)$')
    .addOption(new Option('--window <n>', 'samples kept for the lag status (at least enough to span --status-after)').argParser(parseIntArg('--window', 2)).default(10))
    .option('--status-after <duration>', 'show the sampled lag status once the samples span this long (longer than the groups\' commit interval)', parseDuration, 10_000)
    .addOption(formatOption())
    .action((o: TopOptions, cmd: Command) => runAction(cmd, io, (ctx) => runTop(ctx, io, o)));
}
