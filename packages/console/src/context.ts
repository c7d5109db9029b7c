// What every API handler shares: the cluster options, one Admin and a lazily created Producer
// (both from @tideline/client), and the optional registry/metrics URLs.
import { Admin, Producer, type ClusterOptions, type TopicPartition } from '@tideline/client';

export interface ConsoleContext {
  cluster: ClusterOptions;
  admin: Admin;
  producer(): Producer;
  registryUrl: string | null;
  metricsUrl: string | null;
  /** Prometheus endpoints of applications (streams, DLQ) read by the operations pages. */
  appMetricsUrls: readonly string[];
  /** Runs `fn` when the console closes (background samplers). */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

export function createContext(cluster: ClusterOptions, opts: { registryUrl?: string | null; metricsUrl?: string | null; appMetricsUrls?: readonly string[] }): ConsoleContext {
  const admin = new Admin({ ...cluster, allowAutoTopicCreation: false });
  let producer: Producer | null = null;
  const closers: Array<() => Promise<void>> = [];
  return {
    cluster,
    admin,
    producer: () => (producer ??= new Producer({ ...cluster, allowAutoTopicCreation: false })),
    registryUrl: opts.registryUrl ?? null,
    metricsUrl: opts.metricsUrl ?? null,
    appMetricsUrls: opts.appMetricsUrls ?? [],
    onClose: (fn) => void closers.push(fn),
    async close() {
      await Promise.allSettled(closers.map((fn) => fn()));
      await Promise.allSettled([admin.close(), producer?.close()]);
    },
  };
}

export interface Watermarks {
  start: bigint;
  end: bigint;
}

/** Log start and high watermark of each partition, keyed `topic\0partition`. */
export async function watermarks(admin: Admin, parts: readonly TopicPartition[]): Promise<Map<string, Watermarks>> {
  const out = new Map<string, Watermarks>();
  if (parts.length === 0) return out;
  const [starts, ends] = await Promise.all([
    admin.listOffsets(parts.map((p) => ({ ...p, spec: 'earliest' as const }))),
    admin.listOffsets(parts.map((p) => ({ ...p, spec: 'latest' as const }))),
  ]);
  for (const s of starts) out.set(`${s.topic}\0${s.partition}`, { start: s.offset, end: s.offset });
  for (const e of ends) {
    const w = out.get(`${e.topic}\0${e.partition}`);
    if (w !== undefined) w.end = e.offset;
    else out.set(`${e.topic}\0${e.partition}`, { start: 0n, end: e.offset });
  }
  return out;
}
