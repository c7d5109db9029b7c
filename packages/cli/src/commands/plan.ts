// tide plan: the capacity planner. The arithmetic is @tideline/observability's (computePlan);
// this file reads the options, optionally measures this machine (--calibrate) or today's rates
// from a broker's metrics endpoint (--from-metrics), and prints the plan.
import { writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  DEFAULT_LIMITS, computePlan, formatBytes, nodeCeilings, parseDuration, parsePrometheusText, parseRate, parseSize, ratesBetween, round,
  storageSeries, svgChart, terminalChart, type NodeLimits, type ObservedRates, type PlanInput, type PlanResult,
} from '@tideline/observability';
import { CliError, formatError } from '../errors.js';
import { keyValues, section, table, toJson, type Io, type OutputFormat } from '../output.js';
import { formatOption, parseIntArg } from './common.js';

interface PlanOptions {
  rate?: string;
  size: string;
  retention: string;
  replication: number;
  groups: number;
  peak: number;
  compression: number;
  partitions?: number;
  parallelism: number;
  producerPartitionMbps?: number;
  consumerPartitionMbps?: number;
  diskPerBroker?: string;
  diskMbps?: number;
  networkMbps?: number;
  vcpus?: number;
  utilization: number;
  diskFill: number;
  calibrate?: boolean;
  calibrateDir?: string;
  fromMetrics?: string;
  interval: number;
  svg?: string;
  format: OutputFormat;
}

const num = (name: string, min = 0, max = Infinity) => (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= min || n > max) throw new InvalidArgumentError(`${name} must be a number > ${min}${max < Infinity ? ` and <= ${max}` : ''}`);
  return n;
};

async function scrape(url: string): Promise<ReturnType<typeof parsePrometheusText>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'text/plain' }, signal: AbortSignal.timeout(10_000) });
  } catch (e) {
    const why = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
    throw new CliError(`cannot read ${url}: ${why}`, ['is the broker serving metrics? tide dev serves them on 127.0.0.1:9464; tide broker start needs --metrics-listen']);
  }
  if (!res.ok) throw new CliError(`GET ${url}: HTTP ${res.status}`, ['point --from-metrics at the broker\'s metrics endpoint, e.g. http://127.0.0.1:9464/metrics (tide dev prints it)']);
  return parsePrometheusText(await res.text());
}

/** Two scrapes `seconds` apart and the rates between them. */
export async function observeRates(url: string, seconds: number): Promise<ObservedRates> {
  const first = await scrape(url);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const second = await scrape(url);
  return ratesBetween(first, second, (performance.now() - t0) / 1000);
}

function limitsFrom(o: PlanOptions, base: NodeLimits): NodeLimits {
  const l: NodeLimits = { ...base };
  if (o.diskPerBroker !== undefined) l.diskBytes = parseSize(o.diskPerBroker);
  if (o.diskMbps !== undefined) l.diskWriteMBps = o.diskMbps;
  if (o.networkMbps !== undefined) l.networkMBps = o.networkMbps;
  if (o.vcpus !== undefined) l.vcpus = o.vcpus;
  if (o.producerPartitionMbps !== undefined) l.partitionProduceMBps = o.producerPartitionMbps;
  if (o.consumerPartitionMbps !== undefined) l.partitionConsumeMBps = o.consumerPartitionMbps;
  return l;
}

const mbps = (x: number): string => `${round(x)} MB/s`;

function render(plan: PlanResult, extra: { observed?: ObservedRates; calibration?: unknown }): string[] {
  const lines: string[] = [];
  const i = plan.input;
  lines.push(...section('WORKLOAD'));
  lines.push(...keyValues([
    ['MESSAGES', `${round(plan.messagesPerSecond.average)}/s (peak ${round(plan.messagesPerSecond.peak)}/s)`],
    ['SIZE', `${i.messageBytes} B${i.compressionRatio !== 1 ? ` (${round(i.messageBytes / i.compressionRatio)} B compressed)` : ''}`],
    ['RETENTION', `${round(i.retentionSeconds / 86_400)} days`],
    ['REPLICATION', i.replicationFactor],
    ['CONSUMER GROUPS', i.consumerGroups],
  ]));
  lines.push('', ...section('THROUGHPUT'));
  lines.push(...table(['', 'average', 'peak'], [
    ['ingress', mbps(plan.ingressMBps.average), mbps(plan.ingressMBps.peak)],
    ['egress (consumers)', mbps(plan.egressMBps.average), mbps(plan.egressMBps.peak)],
    ['replication', mbps(plan.replicationMBps.average), mbps(plan.replicationMBps.peak)],
  ]));
  lines.push('', ...section('STORAGE'));
  lines.push(...keyValues([
    ['PER DAY (ONE COPY)', formatBytes(plan.storage.perDayBytes)],
    ['PER DAY (ALL REPLICAS)', formatBytes(plan.storage.perDayReplicatedBytes)],
    ['AT FULL RETENTION', formatBytes(plan.storage.retainedBytes)],
    ['TO PROVISION', `${formatBytes(plan.storage.provisionBytes)} (disks at most ${i.diskFillTarget * 100} % full)`],
  ]));
  const p = plan.partitions;
  lines.push('', ...section('PARTITIONS'));
  lines.push(...keyValues([
    ['NEEDED', `${p.needed} (producer ${p.byProducer}, consumer ${p.byConsumer}, parallelism ${p.byParallelism})`],
    ...(p.chosen === null ? [] : [['CHOSEN', `${p.chosen}: ${p.enough === true ? 'enough' : 'too few'}`] as [string, string]]),
  ]));
  lines.push('', ...section(`BROKERS (limits: ${plan.limits.source})`));
  lines.push(...table(['resource', 'brokers', 'arithmetic'], plan.brokers.by.map((b) => [b.resource === plan.brokers.binding ? `${b.resource} *` : b.resource, b.brokers, b.why])));
  lines.push(`=> ${plan.brokers.needed} broker(s); ${plan.brokers.binding} binds first`);
  lines.push('', ...section("ONE NODE'S THROUGHPUT CEILINGS (peak ingress, this workload)"));
  const ceilings = nodeCeilings(plan);
  lines.push(...table(['resource', 'ingress'], ceilings.map((c, k) => [k === 0 ? `${c.resource} (binds first of these)` : c.resource, mbps(c.ingressMBps)])));
  if (extra.observed !== undefined) lines.push('', ...section('FROM METRICS'), ...extra.observed.steps);
  lines.push('', ...section('ARITHMETIC'), ...plan.steps);
  lines.push('', terminalChart(storageSeries(plan, 48), { title: 'STORED BYTES OVER THE RETENTION WINDOW (all replicas)', limitBytes: plan.storage.provisionBytes }));
  return lines;
}

export function planCommand(io: Io): Command {
  return new Command('plan')
    .description('capacity planner: throughput, storage, partitions and brokers for a workload (--calibrate measures this machine)')
    .option('--rate <n/unit>', 'messages per second, minute, hour or day: 1000000/min, 5000/s (or --from-metrics)')
    .option('--size <bytes>', 'average message size before compression: 512, 1KB, 1.5MiB', '1KB')
    .option('--retention <duration>', 'retention: 7d, 12h, 3600', '7d')
    .option('--replication <n>', 'replication factor', parseIntArg('--replication', 1), 3)
    .option('--groups <n>', 'consumer groups reading everything (read fan-out)', parseIntArg('--groups', 0), 1)
    .option('--peak <factor>', 'peak rate over average rate', num('--peak'), 1)
    .option('--compression <ratio>', 'uncompressed over compressed size', num('--compression'), 1)
    .option('--partitions <n>', 'partitions you intend to have (checked against the need)', parseIntArg('--partitions', 1))
    .option('--parallelism <n>', 'consumers of one group that must work in parallel', parseIntArg('--parallelism', 1), 1)
    .option('--producer-partition-mbps <n>', `per-partition producer rate (default ${DEFAULT_LIMITS.partitionProduceMBps})`, num('--producer-partition-mbps'))
    .option('--consumer-partition-mbps <n>', `per-partition consumer rate (default ${DEFAULT_LIMITS.partitionConsumeMBps})`, num('--consumer-partition-mbps'))
    .option('--disk-per-broker <size>', 'disk space per broker (default 2TB; calibrated: the free space measured)')
    .option('--disk-mbps <n>', `sustained disk write MB/s per broker (default ${DEFAULT_LIMITS.diskWriteMBps})`, num('--disk-mbps'))
    .option('--network-mbps <n>', `network MB/s per broker and direction (default ${DEFAULT_LIMITS.networkMBps})`, num('--network-mbps'))
    .option('--vcpus <n>', `vCPUs per broker (default ${DEFAULT_LIMITS.vcpus})`, parseIntArg('--vcpus', 1))
    .option('--utilization <x>', 'average utilisation target of disk, network and CPU', num('--utilization', 0, 1), 0.5)
    .option('--disk-fill <x>', 'highest disk fill', num('--disk-fill', 0, 1), 0.7)
    .option('--calibrate', 'measure this machine (fsync\'d writes, loopback, a broker burst) and use the measured per-node limits')
    .option('--calibrate-dir <dir>', 'directory on the disk to measure (default: the temp dir)')
    .option('--from-metrics <url>', "take today's rates from a broker's metrics endpoint (two scrapes --interval apart)")
    .option('--interval <seconds>', 'seconds between the two scrapes of --from-metrics', num('--interval', 0, 3600), 5)
    .option('--svg <file>', 'also write the storage chart as SVG')
    .addOption(formatOption())
    .addOption(new Option('--chart-points <n>').hideHelp().default(48))
    .action(async (o: PlanOptions, cmd: Command) => {
      try {
        let observed: ObservedRates | undefined;
        let rate: { messages: number; per: PlanInput['per'] };
        let size = parseSize(o.size);
        let groups = o.groups;
        if (o.fromMetrics !== undefined) {
          observed = await observeRates(o.fromMetrics, o.interval);
          if (observed.messagesPerSecond <= 0) throw new CliError(`no messages came in during the ${round(observed.seconds)} s between the scrapes of ${o.fromMetrics}`, ['produce some traffic, or lengthen --interval']);
          rate = { messages: observed.messagesPerSecond, per: 'second' };
          if (cmd.getOptionValueSource('size') !== 'cli') size = observed.averageMessageBytes;
          if (cmd.getOptionValueSource('groups') !== 'cli' && observed.fanOut > 0) groups = Math.max(1, Math.round(observed.fanOut));
        } else if (o.rate !== undefined) {
          rate = parseRate(o.rate);
        } else {
          throw new CliError('give the message rate with --rate (e.g. --rate 1000000/min) or read it with --from-metrics URL');
        }
        let calibration: Awaited<ReturnType<typeof import('../plan-calibrate.js').calibrate>> | undefined;
        let base = DEFAULT_LIMITS;
        if (o.calibrate === true) {
          const { calibrate, limitsFromCalibration } = await import('../plan-calibrate.js');
          if (o.format === 'table') io.err('calibrating: fsync\'d writes, loopback, a produce/fetch burst (a few seconds)...');
          calibration = await calibrate({ ...(o.calibrateDir !== undefined ? { dir: o.calibrateDir } : {}), messageBytes: Math.round(size) });
          base = limitsFromCalibration(calibration);
        }
        const input: PlanInput = {
          ...rate, messageBytes: size, retentionSeconds: parseDuration(o.retention), replicationFactor: o.replication, consumerGroups: groups,
          peakFactor: o.peak, compressionRatio: o.compression, parallelism: o.parallelism, utilizationTarget: o.utilization, diskFillTarget: o.diskFill,
          ...(o.partitions !== undefined ? { partitions: o.partitions } : {}),
        };
        const plan = computePlan(input, limitsFrom(o, base));
        const series = storageSeries(plan, Number(cmd.getOptionValue('chartPoints')));
        if (o.svg !== undefined) await writeFile(o.svg, svgChart(series, { limitBytes: plan.storage.provisionBytes }));
        if (o.format === 'json') {
          io.out(toJson({ ...plan, nodeCeilings: nodeCeilings(plan), series, ...(observed !== undefined ? { observed } : {}), ...(calibration !== undefined ? { calibration } : {}) }, 2));
          return;
        }
        if (calibration !== undefined) {
          const c = calibration;
          io.out(section('CALIBRATION').join('\n'));
          for (const l of keyValues([
            ['DISK (fdatasync per MiB)', `${mbps(c.disk.mbps)} in ${formatBytes(c.disk.bytes)}; ${formatBytes(c.disk.freeBytes)} free in ${c.dir}`],
            ['LOOPBACK', `${mbps(c.loopback.mbps)} (an upper bound for a NIC: set --network-mbps)`],
            ['BROKER PRODUCE', `${mbps(c.broker.produce.mbps)}, ${round(c.broker.produce.mbPerCpuSecond)} MB per CPU-second (${c.broker.records} × ${c.broker.recordBytes} B, one partition)`],
            ['BROKER FETCH', `${mbps(c.broker.fetch.mbps)}, ${round(c.broker.fetch.mbPerCpuSecond)} MB per CPU-second`],
          ])) io.out(l);
          io.out('');
        }
        for (const l of render(plan, observed !== undefined ? { observed } : {})) io.out(l);
      } catch (e) {
        for (const line of formatError(e)) io.err(line);
        process.exitCode = 1;
      }
    });
}
