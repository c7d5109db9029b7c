// Client quotas at run time (KIP-13, KIP-124, KIP-219, KIP-599): the durable quota table, one
// rate sensor per quota and matched (user, client-id) level, and the throttle time each request
// earns. Handlers record what a request used and put the throttle time in their response; the
// server then mutes the connection for that long (see server.ts). With no quota configured every
// entry point returns at its first check.
import type { ClientQuotaStore } from '@tideline/storage';
import type { Session } from '../security/types.js';
import { DEFAULT_QUOTA_WINDOWS, SampledRate, TokenBucket, type QuotaWindows } from './rate.js';
import { QuotaTable, type FilterComponent, type QuotaEntity, type QuotaKey, type QuotaOp } from './quota-table.js';

/** Sensors idle this long are dropped (Kafka: one hour). */
const SENSOR_EXPIRY_MS = 3_600_000;
/** How often idle sensors are looked for. */
const SWEEP_EVERY_MS = 60_000;
/** request_percentage counts 100 per second of handler time. */
const NANOS_TO_PERCENT = 100 / 1e9;

/** The user entity name of a principal: `User:alice` is user `alice`. */
export function quotaUser(principal: string): string {
  return principal.startsWith('User:') ? principal.slice(5) : principal;
}

/**
 * A controller-mutation quota for one request (CreateTopics, CreatePartitions, DeleteTopics).
 * Strict (CreateTopics v6+, CreatePartitions v3+, DeleteTopics v5+): once the bucket is empty
 * further mutations are refused with THROTTLING_QUOTA_EXCEEDED. Permissive (older versions):
 * everything is accepted and only the throttle time grows.
 */
export interface MutationQuota {
  /** False when this mutation must be refused (strict quota exhausted); otherwise records it. */
  tryRecord(mutations: number): boolean;
  /** The request's throttle time so far. */
  readonly throttleTimeMs: number;
}

const UNBOUNDED: MutationQuota = { tryRecord: () => true, throttleTimeMs: 0 };

export class QuotaManager {
  private table: QuotaTable;
  /** Per quota key: does any entity set it. The request path checks only these. */
  private enabled = { producer: false, consumer: false, request: false, mutation: false };
  private readonly rates = new Map<string, SampledRate>();
  private readonly buckets = new Map<string, TokenBucket>();
  private lastSweepMs = 0;
  /** Serialises alterations and their writes. */
  private writing: Promise<unknown> = Promise.resolve();
  /** Called with every throttle given: the quota key, the entity's user and client-id tags, milliseconds; set by the metrics. */
  onThrottle: ((quota: string, user: string, clientId: string, ms: number) => void) | null = null;

  private constructor(
    private readonly store: ClientQuotaStore,
    stored: Awaited<ReturnType<ClientQuotaStore['load']>>,
    private readonly now: () => number,
    private readonly windows: QuotaWindows,
  ) {
    this.table = new QuotaTable(stored);
    this.refresh();
  }

  static async open(store: ClientQuotaStore, now: () => number, windows: QuotaWindows = DEFAULT_QUOTA_WINDOWS): Promise<QuotaManager> {
    return new QuotaManager(store, await store.load(), now, windows);
  }

  /** True when any quota is configured: the one check the server makes per request. */
  get active(): boolean {
    const e = this.enabled;
    return e.producer || e.consumer || e.request || e.mutation;
  }

  get requestQuotaEnabled(): boolean {
    return this.enabled.request;
  }

  private refresh(): void {
    this.enabled = {
      producer: this.table.has('producer_byte_rate'),
      consumer: this.table.has('consumer_byte_rate'),
      request: this.table.has('request_percentage'),
      mutation: this.table.has('controller_mutation_rate'),
    };
  }

  describe(components: readonly FilterComponent[], strict: boolean): Array<{ entity: QuotaEntity; values: ReadonlyMap<string, number> }> {
    return this.table.describe(components, strict);
  }

  /** Applies an AlterClientQuotas request and persists the table before answering. */
  async alter(
    entries: ReadonlyArray<{ entity: ReadonlyArray<readonly [string, string | null]>; ops: readonly QuotaOp[] }>,
    validateOnly: boolean,
  ): Promise<Array<string | null>> {
    const run = this.writing.then(async () => {
      const before = this.table.toStored();
      const { results, changed } = this.table.alter(entries, validateOnly);
      if (changed) {
        try {
          await this.store.save(this.table.toStored());
        } catch (err) {
          this.table = new QuotaTable(before);
          throw err;
        } finally {
          this.refresh();
        }
      }
      return results;
    });
    this.writing = run.catch(() => {});
    return run;
  }

  private sweep(nowMs: number): void {
    if (nowMs - this.lastSweepMs < SWEEP_EVERY_MS) return;
    this.lastSweepMs = nowMs;
    for (const [k, r] of this.rates) if (nowMs - r.lastRecordMs > SENSOR_EXPIRY_MS) this.rates.delete(k);
    for (const [k, b] of this.buckets) if (nowMs - b.lastRecordMs > SENSOR_EXPIRY_MS) this.buckets.delete(k);
  }

  private rate(sensor: string): SampledRate {
    let r = this.rates.get(sensor);
    if (r === undefined) {
      r = new SampledRate(this.windows);
      this.rates.set(sensor, r);
    }
    return r;
  }

  private record(key: QuotaKey, session: Session, clientId: string, value: number, nowMs: number): number {
    const q = this.table.resolve(key, quotaUser(session.principal), clientId);
    if (q === null) return 0;
    this.sweep(nowMs);
    const t = this.rate(q.sensor).recordAndThrottle(value, q.bound, nowMs);
    if (t > 0 && this.onThrottle !== null) this.throttled(q.sensor, t);
    return t;
  }

  /** The sensor's parts (quota key, user tag, client-id tag) to the throttle listener. */
  private throttled(sensor: string, ms: number): void {
    const [quota = '', user = '', clientId = ''] = sensor.split('\u0000');
    this.onThrottle?.(quota, user, clientId, ms);
  }

  /** Produce: the request's bytes against producer_byte_rate; the throttle time (0: within quota). */
  recordProduce(session: Session, clientId: string, bytes: number): number {
    if (!this.enabled.producer) return 0;
    return this.record('producer_byte_rate', session, clientId, bytes, this.now());
  }

  /**
   * Fetch: the response's bytes against consumer_byte_rate. A throttled fetch answers no data, so
   * its bytes are taken back out of the rate (Kafka's unrecord) and only the delay remains.
   */
  recordFetch(session: Session, clientId: string, bytes: number): number {
    if (!this.enabled.consumer) return 0;
    const nowMs = this.now();
    const q = this.table.resolve('consumer_byte_rate', quotaUser(session.principal), clientId);
    if (q === null) return 0;
    this.sweep(nowMs);
    const r = this.rate(q.sensor);
    const t = r.recordAndThrottle(bytes, q.bound, nowMs);
    if (t > 0) r.record(-bytes, nowMs);
    if (t > 0 && this.onThrottle !== null) this.throttled(q.sensor, t);
    return t;
  }

  /** The most a fetch may return without certainly being throttled: quota x (samples - 1) windows. */
  maxFetchBytes(session: Session, clientId: string): number {
    if (!this.enabled.consumer) return Number.MAX_SAFE_INTEGER;
    const q = this.table.resolve('consumer_byte_rate', quotaUser(session.principal), clientId);
    if (q === null) return Number.MAX_SAFE_INTEGER;
    return Math.max(1, Math.floor((q.bound * (this.windows.samples - 1) * this.windows.windowMs) / 1000));
  }

  /** request_percentage: handler time as a share of one second; the throttle is bounded by one window. */
  recordRequestTime(session: Session, clientId: string, nanos: number): number {
    if (!this.enabled.request) return 0;
    const t = this.record('request_percentage', session, clientId, nanos * NANOS_TO_PERCENT, this.now());
    return Math.min(t, this.windows.windowMs);
  }

  /**
   * The rate the broker measures now for the sensor that applies to (principal, client id) under
   * `key` (Kafka's per-client byte-rate / request-time metric); null when no quota applies.
   */
  measuredRate(key: Exclude<QuotaKey, 'controller_mutation_rate'>, principal: string, clientId: string): number | null {
    const q = this.table.resolve(key, quotaUser(principal), clientId);
    if (q === null) return null;
    return this.rates.get(q.sensor)?.measure(this.now()) ?? 0;
  }

  /** The controller-mutation quota of one request; `strict` by the request's version. */
  mutationQuota(session: Session, clientId: string, strict: boolean): MutationQuota {
    if (!this.enabled.mutation) return UNBOUNDED;
    const q = this.table.resolve('controller_mutation_rate', quotaUser(session.principal), clientId);
    if (q === null) return UNBOUNDED;
    this.sweep(this.now());
    let bucket = this.buckets.get(q.sensor);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.windows);
      this.buckets.set(q.sensor, bucket);
    }
    const b = bucket;
    const now = this.now;
    let throttle = 0;
    return {
      tryRecord(mutations: number): boolean {
        const t = now();
        if (strict && b.measure(q.bound, t) < 0) {
          throttle = Math.max(throttle, b.throttleMs(q.bound, t));
          return false;
        }
        b.record(mutations, q.bound, t);
        // Kafka's strict quota lets the mutation that empties the bucket through without a delay;
        // the permissive one answers the delay it caused.
        if (!strict) throttle = Math.max(throttle, b.throttleMs(q.bound, t));
        return true;
      },
      get throttleTimeMs() {
        return throttle;
      },
    };
  }
}
