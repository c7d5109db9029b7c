// What an API handler works with (RequestContext.ctx): the cluster options, one Admin and a lazily
// created Producer (both from @tideline/client), and the optional registry/metrics/app-metrics URLs. Without
// sign-in the console has one context; with sign-in each session has its own, whose cluster
// options carry the user's SASL credentials, so every call runs as that user's principal.
import { Admin, Producer, type ClusterOptions, type TopicPartition } from '@tideline/client';
import { ApiError } from './errors.js';

export interface ConsoleContext {
  cluster: ClusterOptions;
  admin: Admin;
  producer(): Producer;
  registryUrl: string | null;
  metricsUrl: string | null;
  /** The signed-in user's principal (`User:alice`); null without sign-in. */
  principal: string | null;
  /** Prometheus endpoints of applications (streams, DLQ) read by the operations pages. */
  appMetricsUrls: readonly string[];
  /** Runs `fn` when this context closes (the console stops, or the session ends): background samplers. */
  onClose(fn: () => Promise<void>): void;
  close(): Promise<void>;
}

export function createContext(cluster: ClusterOptions, opts: { registryUrl?: string | null; metricsUrl?: string | null; appMetricsUrls?: readonly string[]; principal?: string | null }): ConsoleContext {
  const admin = new Admin({ ...cluster, allowAutoTopicCreation: false });
  let producer: Producer | null = null;
  const closers: Array<() => Promise<void>> = [];
  return {
    cluster,
    admin,
    producer: () => (producer ??= new Producer({ ...cluster, allowAutoTopicCreation: false })),
    registryUrl: opts.registryUrl ?? null,
    metricsUrl: opts.metricsUrl ?? null,
    principal: opts.principal ?? null,
    appMetricsUrls: opts.appMetricsUrls ?? [],
    onClose: (fn) => void closers.push(fn),
    async close() {
      await Promise.allSettled(closers.map((fn) => fn()));
      await Promise.allSettled([admin.close(), producer?.close()]);
    },
  };
}

/** The context of a public route's request without a session (sign-in on): using its clients throws SIGN_IN_REQUIRED. */
export function signedOutContext(opts: { registryUrl: string | null; metricsUrl: string | null; appMetricsUrls?: readonly string[] }): ConsoleContext {
  const refuse = (): never => {
    throw new ApiError('SIGN_IN_REQUIRED');
  };
  return {
    get cluster(): ClusterOptions {
      return refuse();
    },
    get admin(): Admin {
      return refuse();
    },
    producer: refuse,
    registryUrl: opts.registryUrl,
    metricsUrl: opts.metricsUrl,
    principal: null,
    appMetricsUrls: opts.appMetricsUrls ?? [],
    onClose: () => undefined,
    close: async () => undefined,
  };
}

/**
 * One `T` per context, made on first use: state that samples the cluster in the background (a
 * lag history) must belong to a context, so that with sign-in it samples as that session's user
 * and stops when the session ends. `make` registers its cleanup with `ctx.onClose`.
 */
export function perContext<T>(make: (ctx: ConsoleContext) => T): (ctx: ConsoleContext) => T {
  const made = new WeakMap<ConsoleContext, T>();
  return (ctx) => {
    let v = made.get(ctx);
    if (v === undefined) {
      v = make(ctx);
      made.set(ctx, v);
    }
    return v;
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
