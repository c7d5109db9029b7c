// The capacity planner's arithmetic (`tide plan`), as pure functions: throughput, storage,
// partitions and, for a Kafka cluster, brokers by disk, network and CPU. Units are decimal
// (1 KB = 1000 bytes, 1 MB = 10^6, 1 TB = 10^12), as disk vendors and the sizing guides use them.
//
// Sources of the formulas (docs/operations.md, "Capacity planning", says more):
// - partitions: max(t/p, t/c) with p and c the per-partition producer and consumer rates
//   (Confluent, "How to choose the number of topics/partitions in a Kafka cluster");
// - disk and network: a cluster sustains at most min(disk × brokers / RF, network × brokers /
//   (consumer groups + RF − 1)) (AWS, "Best practices for right-sizing your Apache Kafka clusters");
// - CPU: write-equivalent rate = writes × RF + (reads + replication reads) / 4, and vCPUs =
//   write-equivalent / 20 MB/s / utilisation target (Google Cloud, "Plan the size of your
//   Managed Service for Apache Kafka cluster");
// - disks kept at most 70 % full (headroom for bursts, reassignments and a lost broker).

export const KB = 1000;
export const MB = 1_000_000;
export const GB = 1_000_000_000;
export const TB = 1_000_000_000_000;
export const DAY_S = 86_400;

export type RateUnit = 'second' | 'minute' | 'hour' | 'day';
const PER: Record<RateUnit, number> = { second: 1, minute: 60, hour: 3600, day: DAY_S };

/** What one broker (node) can do; the defaults are the guides' rules of thumb, `--calibrate` measures them. */
export interface NodeLimits {
  /** Disk space per broker, bytes. */
  diskBytes: number;
  /** Sustained (fsync'd) disk write rate, MB/s. */
  diskWriteMBps: number;
  /** Network throughput per direction, MB/s. */
  networkMBps: number;
  /** vCPUs per broker. */
  vcpus: number;
  /** Write-equivalent MB/s one vCPU handles (Google's 20). */
  mbpsPerVcpu: number;
  /**
   * Reads cost this fraction of a write (Google's 1/4). Calibrated: the measured produce rate
   * over the measured fetch rate.
   */
  readCost: number;
  /** Per-partition producer rate, MB/s. */
  partitionProduceMBps: number;
  /** Per-partition consumer rate, MB/s. */
  partitionConsumeMBps: number;
  /** Where the limits come from: 'rules of thumb' or 'measured on <host>'. */
  source: string;
}

export const DEFAULT_LIMITS: NodeLimits = {
  diskBytes: 2 * TB,
  diskWriteMBps: 250,
  networkMBps: 1250, // 10 Gbit/s
  vcpus: 8,
  mbpsPerVcpu: 20,
  readCost: 0.25,
  partitionProduceMBps: 10,
  partitionConsumeMBps: 20,
  source: 'rules of thumb',
};

export interface PlanInput {
  /** Messages per `per`. */
  messages: number;
  per: RateUnit;
  /** Average message size before compression, bytes. */
  messageBytes: number;
  retentionSeconds: number;
  /** Default 3. */
  replicationFactor?: number;
  /** Consumer groups reading everything (read fan-out). Default 1. */
  consumerGroups?: number;
  /** Peak rate over average rate. Default 1. */
  peakFactor?: number;
  /** Uncompressed size over compressed size (zstd on JSON is often 3–5). Default 1. */
  compressionRatio?: number;
  /** Partitions you intend to have (checked against the need), or... */
  partitions?: number;
  /** ...the consumers of one group that must work in parallel. Default 1. */
  parallelism?: number;
  /** Highest disk fill; default 0.7. */
  diskFillTarget?: number;
  /** Average utilisation target for disk throughput, network and CPU; default 0.5. */
  utilizationTarget?: number;
}

export type Resource = 'disk space' | 'disk throughput' | 'network' | 'cpu' | 'replication factor';

export interface BrokerNeed {
  resource: Resource;
  brokers: number;
  /** The arithmetic, in words and numbers. */
  why: string;
}

export interface PlanResult {
  input: Required<Omit<PlanInput, 'partitions'>> & { partitions: number | null };
  limits: NodeLimits;
  messagesPerSecond: { average: number; peak: number };
  /** Produced bytes on the wire and on disk (compressed), MB/s. */
  ingressMBps: { average: number; peak: number };
  /** Bytes to consumers (all groups), MB/s. */
  egressMBps: { average: number; peak: number };
  /** Follower fetches, MB/s. */
  replicationMBps: { average: number; peak: number };
  storage: {
    /** One copy, per day. */
    perDayBytes: number;
    /** All replicas, per day. */
    perDayReplicatedBytes: number;
    /** All replicas, at full retention. */
    retainedBytes: number;
    /** retainedBytes over the disk fill target: the disk to provision. */
    provisionBytes: number;
  };
  partitions: { needed: number; byProducer: number; byConsumer: number; byParallelism: number; chosen: number | null; enough: boolean | null };
  brokers: { needed: number; binding: Resource; by: BrokerNeed[] };
  /** Every derivation, in order, with its numbers. */
  steps: string[];
}

const ceil = (x: number): number => Math.max(0, Math.ceil(x - 1e-9));

/** A short human number: 1.44 TB, 16.7 MB/s. */
export function formatBytes(bytes: number): string {
  const units: Array<[number, string]> = [[TB * 1000, 'PB'], [TB, 'TB'], [GB, 'GB'], [MB, 'MB'], [KB, 'KB']];
  for (const [size, name] of units) if (Math.abs(bytes) >= size) return `${round(bytes / size)} ${name}`;
  return `${round(bytes)} B`;
}

export function round(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const d = Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x))));
  return Number(x.toFixed(Math.min(d, 6)));
}

function positive(name: string, v: number): number {
  if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${name} must be a positive number, not ${v}`);
  return v;
}

/** The plan: every number derived from the input and the node limits, with the arithmetic in `steps`. */
export function computePlan(input: PlanInput, limits: NodeLimits = DEFAULT_LIMITS): PlanResult {
  const rf = Math.round(positive('replication factor', input.replicationFactor ?? 3));
  const groups = Math.max(0, Math.round(input.consumerGroups ?? 1));
  const peakFactor = positive('peak factor', input.peakFactor ?? 1);
  const compression = positive('compression ratio', input.compressionRatio ?? 1);
  const parallelism = Math.max(1, Math.round(input.parallelism ?? 1));
  const fill = positive('disk fill target', input.diskFillTarget ?? 0.7);
  const util = positive('utilisation target', input.utilizationTarget ?? 0.5);
  positive('message size', input.messageBytes);
  positive('retention', input.retentionSeconds);
  positive('message rate', input.messages);
  const steps: string[] = [];
  const f = (x: number): string => String(round(x));

  const mps = input.messages / PER[input.per];
  const peakMps = mps * peakFactor;
  steps.push(`messages/s = ${input.messages} per ${input.per} / ${PER[input.per]} s = ${f(mps)} (peak × ${peakFactor} = ${f(peakMps)})`);
  const wireBytes = input.messageBytes / compression;
  const inAvg = (mps * wireBytes) / MB;
  const inPeak = inAvg * peakFactor;
  steps.push(`ingress = ${f(mps)} msg/s × ${input.messageBytes} B${compression !== 1 ? ` / ${compression} (compression)` : ''} = ${f(inAvg)} MB/s (peak ${f(inPeak)} MB/s)`);
  const egress = { average: inAvg * groups, peak: inPeak * groups };
  steps.push(`egress to consumers = ingress × ${groups} group(s) = ${f(egress.average)} MB/s (peak ${f(egress.peak)} MB/s)`);
  const replication = { average: inAvg * (rf - 1), peak: inPeak * (rf - 1) };
  steps.push(`replication = ingress × (RF ${rf} − 1) = ${f(replication.average)} MB/s (peak ${f(replication.peak)} MB/s)`);

  const perDay = inAvg * MB * DAY_S;
  const perDayRep = perDay * rf;
  const retentionDays = input.retentionSeconds / DAY_S;
  const retained = perDayRep * retentionDays;
  const provision = retained / fill;
  steps.push(`storage per day = ${f(inAvg)} MB/s × 86,400 s = ${formatBytes(perDay)} (one copy); × RF ${rf} = ${formatBytes(perDayRep)}`);
  steps.push(`at full retention = ${formatBytes(perDayRep)} × ${f(retentionDays)} days = ${formatBytes(retained)}; at most ${fill * 100} % full → provision ${formatBytes(provision)}`);

  const byProducer = ceil(inPeak / limits.partitionProduceMBps);
  const byConsumer = ceil(inPeak / limits.partitionConsumeMBps);
  const needed = Math.max(1, byProducer, byConsumer, parallelism);
  const chosen = input.partitions ?? null;
  steps.push(`partitions = max(⌈${f(inPeak)} / ${f(limits.partitionProduceMBps)} MB/s per partition (produce)⌉ = ${byProducer}, ⌈${f(inPeak)} / ${f(limits.partitionConsumeMBps)} (consume)⌉ = ${byConsumer}, parallelism ${parallelism}) = ${needed}${chosen !== null ? `; ${chosen} chosen: ${chosen >= needed ? 'enough' : 'too few'}` : ''}`);

  const by: BrokerNeed[] = [];
  const diskSpace = ceil(provision / limits.diskBytes);
  by.push({ resource: 'disk space', brokers: diskSpace, why: `${formatBytes(provision)} / ${formatBytes(limits.diskBytes)} per broker = ${f(provision / limits.diskBytes)}` });
  const writes = inPeak * rf;
  const diskTp = ceil(writes / (limits.diskWriteMBps * util));
  by.push({ resource: 'disk throughput', brokers: diskTp, why: `peak ${f(inPeak)} MB/s × RF ${rf} = ${f(writes)} MB/s written / (${f(limits.diskWriteMBps)} MB/s × ${util} utilisation) = ${f(writes / (limits.diskWriteMBps * util))}` });
  const out = inPeak * (groups + rf - 1);
  const netIn = inPeak * rf;
  const net = ceil(Math.max(out, netIn) / (limits.networkMBps * util));
  by.push({ resource: 'network', brokers: net, why: `out: peak × (${groups} groups + RF ${rf} − 1) = ${f(out)} MB/s, in: peak × RF = ${f(netIn)} MB/s; ${f(Math.max(out, netIn))} / (${f(limits.networkMBps)} MB/s × ${util}) = ${f(Math.max(out, netIn) / (limits.networkMBps * util))}` });
  const reads = inPeak * groups + inPeak * (rf - 1);
  const we = writes + reads * limits.readCost;
  const vcpus = we / limits.mbpsPerVcpu / util;
  const cpu = ceil(vcpus / limits.vcpus);
  by.push({ resource: 'cpu', brokers: cpu, why: `write-equivalent = ${f(writes)} + ${f(reads)} × ${f(limits.readCost)} = ${f(we)} MB/s; / ${f(limits.mbpsPerVcpu)} MB/s per vCPU / ${util} = ${f(vcpus)} vCPUs / ${limits.vcpus} per broker = ${f(vcpus / limits.vcpus)}` });
  by.push({ resource: 'replication factor', brokers: rf, why: `RF ${rf} needs ${rf} brokers` });
  let binding = by[0]!;
  for (const b of by) if (b.brokers > binding.brokers) binding = b;
  steps.push(`brokers = max(${by.map((b) => `${b.resource} ${b.brokers}`).join(', ')}) = ${binding.brokers} (${binding.resource} binds first; limits: ${limits.source})`);
  for (const b of by) steps.push(`  ${b.resource}: ${b.why}`);

  return {
    input: {
      messages: input.messages, per: input.per, messageBytes: input.messageBytes, retentionSeconds: input.retentionSeconds, replicationFactor: rf,
      consumerGroups: groups, peakFactor, compressionRatio: compression, partitions: chosen, parallelism, diskFillTarget: fill, utilizationTarget: util,
    },
    limits,
    messagesPerSecond: { average: mps, peak: peakMps },
    ingressMBps: { average: inAvg, peak: inPeak },
    egressMBps: egress,
    replicationMBps: replication,
    storage: { perDayBytes: perDay, perDayReplicatedBytes: perDayRep, retainedBytes: retained, provisionBytes: provision },
    partitions: { needed, byProducer, byConsumer, byParallelism: parallelism, chosen, enough: chosen === null ? null : chosen >= needed },
    brokers: { needed: binding.brokers, binding: binding.resource, by },
    steps,
  };
}

/** Stored bytes (all replicas) from day 0 to the end of the retention window, `points` samples. */
export function storageSeries(plan: PlanResult, points = 30): Array<{ day: number; bytes: number }> {
  const days = plan.input.retentionSeconds / DAY_S;
  const out: Array<{ day: number; bytes: number }> = [];
  for (let i = 0; i <= points; i++) {
    const day = (days * i) / points;
    out.push({ day, bytes: plan.storage.perDayReplicatedBytes * day });
  }
  return out;
}

// ---- parsing the command line's units ------------------------------------------------------

const SIZE_UNITS: Record<string, number> = { b: 1, kb: KB, mb: MB, gb: GB, tb: TB, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3, tib: 1024 ** 4 };

/** "1KB", "1.5 MiB", "512" (bytes). */
export function parseSize(s: string): number {
  const m = /^\s*([0-9]*\.?[0-9]+(?:e[0-9]+)?)\s*([a-z]*)\s*$/i.exec(s);
  const unit = SIZE_UNITS[(m?.[2] ?? '').toLowerCase() || 'b'];
  if (m === null || unit === undefined) throw new RangeError(`not a size: "${s}" (use e.g. 512, 1KB, 1.5MiB)`);
  return positive('size', Number(m[1]) * unit);
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, min: 60, h: 3600, d: DAY_S, w: 7 * DAY_S };

/** "7d", "168h", "30m", "3600" (seconds). */
export function parseDuration(s: string): number {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*([a-z]*)\s*$/i.exec(s);
  const unit = DURATION_UNITS[(m?.[2] ?? '').toLowerCase() || 's'];
  if (m === null || unit === undefined) throw new RangeError(`not a duration: "${s}" (use e.g. 7d, 12h, 3600)`);
  return positive('duration', Number(m[1]) * unit);
}

const RATE_UNITS: Record<string, RateUnit> = { s: 'second', sec: 'second', second: 'second', m: 'minute', min: 'minute', minute: 'minute', h: 'hour', hour: 'hour', d: 'day', day: 'day' };

/** "1000000/min", "5000/s", "2e9/day", "1,000,000/minute". */
export function parseRate(s: string): { messages: number; per: RateUnit } {
  const m = /^\s*([0-9][0-9,_]*\.?[0-9]*(?:e[0-9]+)?)\s*(?:\/\s*([a-z]+))?\s*$/i.exec(s);
  const per = RATE_UNITS[(m?.[2] ?? 's').toLowerCase()];
  if (m === null || per === undefined) throw new RangeError(`not a rate: "${s}" (use e.g. 1000000/min, 5000/s, 2e9/day)`);
  return { messages: positive('message rate', Number(m[1]!.replace(/[,_]/g, ''))), per };
}

/**
 * The highest peak ingress (MB/s) one node sustains for this workload's replication factor and
 * fan-out, by resource, at the utilisation target; the smallest binds first.
 */
export function nodeCeilings(plan: PlanResult): Array<{ resource: Exclude<Resource, 'replication factor' | 'disk space'>; ingressMBps: number }> {
  const { replicationFactor: rf, consumerGroups: groups, utilizationTarget: util } = plan.input;
  const l = plan.limits;
  const out = [
    { resource: 'disk throughput' as const, ingressMBps: (l.diskWriteMBps * util) / rf },
    { resource: 'network' as const, ingressMBps: (l.networkMBps * util) / Math.max(groups + rf - 1, rf) },
    { resource: 'cpu' as const, ingressMBps: (l.vcpus * l.mbpsPerVcpu * util) / (rf + (groups + rf - 1) * l.readCost) },
  ];
  return out.sort((a, b) => a.ingressMBps - b.ingressMBps);
}
