// The `_schemas` topic: created if missing (one partition, compacted), read from the start by one
// reader that applies every record to the in-memory state, and written by the primary. A write is
// answered only once the reader has applied it (read-your-writes): `write` waits for the reader's
// position to pass the offset the broker assigned, as Confluent's KafkaStore does.
//
// Fencing: with several instances, the writer is a transactional producer whose transactional id is
// shared by every instance of the group. A new primary's initTransactions bumps the epoch, so a
// deposed primary that still believes it leads (a network partition shorter than its session
// timeout) can no longer commit: its write fails instead of handing out an id twice. The reader
// reads committed records only, so an aborted write never reaches the state.
import { Admin, Consumer, Producer, type ClusterOptions, type Logger } from '@tideline/client';
import { RegistryError } from './errors.js';
import { decodeKey, decodeValue, encodeKey, type RecordKey } from './records.js';
import type { RegistryState } from './state.js';

export interface KafkaStoreOptions {
  cluster: ClusterOptions;
  topic: string;
  /** Replication factor of a topic we create; capped at the number of brokers. Default 3. */
  replicationFactor: number;
  /** How long a write waits for the reader. */
  timeoutMs: number;
  /** Transactional id shared by the instances of one group (fencing); null: one idempotent writer. */
  fencingId: string | null;
  logger: Logger;
}

interface Waiter {
  offset: bigint;
  resolve(): void;
}

export class KafkaStore {
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  /** The transactional writer, once initialized (fencing mode). */
  private writer: Promise<Producer> | null = null;
  private admin: Admin | null = null;
  private poller: NodeJS.Timeout | null = null;
  /** The next offset the reader will apply. */
  private position = 0n;
  private waiters: Waiter[] = [];
  private reading: Promise<void> | null = null;
  private closed = false;
  private failure: unknown = null;

  constructor(private readonly opts: KafkaStoreOptions, private readonly state: RegistryState) {}

  async start(): Promise<void> {
    await this.ensureTopic();
    if (this.opts.fencingId === null) this.producer = new Producer({ ...this.opts.cluster, acks: 'all', lingerMs: 0, clientId: 'tideline-registry-writer' });
    this.admin = new Admin(this.opts.cluster);
    const c = (this.consumer = new Consumer({
      ...this.opts.cluster, maxWaitMs: 200, autoOffsetReset: 'earliest', isolationLevel: 'read_committed', clientId: 'tideline-registry-reader',
    }));
    c.assign([{ topic: this.opts.topic, partition: 0, offset: 'earliest' }]);
    this.reading = this.read(c);
    await this.catchUp();
  }

  private async ensureTopic(): Promise<void> {
    const admin = new Admin(this.opts.cluster);
    try {
      const topics = await admin.listTopics({ includeInternal: true });
      if (!topics.includes(this.opts.topic)) {
        const brokers = (await admin.describeCluster()).brokers.length;
        await admin.createTopics([{
          topic: this.opts.topic,
          numPartitions: 1,
          replicationFactor: Math.max(1, Math.min(this.opts.replicationFactor, brokers)),
          configs: { 'cleanup.policy': 'compact' },
        }], { ignoreExisting: true, waitForLeaders: true });
      }
      const [d] = await admin.describeTopics([this.opts.topic]);
      if (d !== undefined && d.partitions.length !== 1) {
        throw new Error(`the schemas topic ${this.opts.topic} has ${d.partitions.length} partitions; it must have exactly 1`);
      }
    } finally {
      await admin.close();
    }
  }

  private async read(c: Consumer): Promise<void> {
    try {
      for await (const r of c) {
        this.applyRecord(r.key, r.value, r.offset);
        this.position = r.offset + 1n;
        this.wake();
      }
    } catch (e) {
      if (!this.closed) {
        this.failure = e;
        this.opts.logger('error', `registry: the ${this.opts.topic} reader stopped`, e);
      }
    } finally {
      this.wake(true);
    }
  }

  private applyRecord(key: Buffer | null, value: Buffer | null, offset: bigint): void {
    const k = key === null ? null : decodeKey(key);
    if (k === null) {
      this.state.skipped++;
      return;
    }
    try {
      this.state.apply(k, decodeValue(value));
    } catch (e) {
      this.state.skipped++;
      this.opts.logger('warn', `registry: skipping the record at offset ${offset} of ${this.opts.topic}`, e);
    }
  }

  /**
   * The next offset to apply. The consumer's own position also moves past transaction markers,
   * which are never handed out as records; everything before it has been applied, because the
   * reader applies each record synchronously as it is handed out.
   */
  private applied(): bigint {
    const p = this.consumer?.position({ topic: this.opts.topic, partition: 0 }) ?? null;
    return p !== null && p > this.position ? p : this.position;
  }

  private wake(all = false): void {
    const keep: Waiter[] = [];
    const at = this.applied();
    for (const w of this.waiters) {
      if (all || at > w.offset) w.resolve();
      else keep.push(w);
    }
    this.waiters = keep;
    if (this.waiters.length === 0 && this.poller !== null) {
      clearInterval(this.poller);
      this.poller = null;
    } else if (this.waiters.length > 0 && this.poller === null) {
      // Transaction markers advance the position without a record: look again now and then.
      this.poller = setInterval(() => this.wake(), 50);
      this.poller.unref();
    }
  }

  /** Resolves once the reader applied the record at `offset`. */
  waitFor(offset: bigint, timeoutMs = this.opts.timeoutMs): Promise<void> {
    if (this.applied() > offset) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new RegistryError('OPERATION_TIMEOUT', `Timed out waiting for the registry to read offset ${offset} of ${this.opts.topic}`));
      }, timeoutMs);
      const waiter: Waiter = {
        offset,
        resolve: () => {
          clearTimeout(timer);
          if (this.failure !== null || this.closed) reject(new RegistryError('STORE_ERROR', 'The schemas topic reader stopped', { cause: this.failure }));
          else resolve();
        },
      };
      this.waiters.push(waiter);
      this.wake();
    });
  }

  /** Waits until everything in the topic now has been applied. */
  async catchUp(): Promise<void> {
    if (this.admin === null) throw new RegistryError('STORE_ERROR', 'The registry is not started');
    let end: bigint;
    try {
      // The last stable offset: an open transaction of a deposed primary is not waited for.
      const [o] = await this.admin.listOffsets([{ topic: this.opts.topic, partition: 0, spec: 'latest' }], { isolationLevel: 'read_committed' });
      end = o?.offset ?? 0n;
    } catch (e) {
      throw new RegistryError('STORE_ERROR', `Cannot read the end of the schemas topic: ${(e as Error).message}`, { cause: e });
    }
    if (end > 0n) await this.waitFor(end - 1n);
  }

  /** The transactional writer (fencing mode), initialized once per term as primary. */
  private transactional(): Promise<Producer> {
    this.writer ??= (async () => {
      // The first transactional producer on a cluster makes the broker create its transaction state
      // topic, which can outlast the client's own retries: keep trying until the write timeout.
      const deadline = Date.now() + this.opts.timeoutMs;
      for (let attempt = 1; ; attempt++) {
        const p = new Producer({ ...this.opts.cluster, acks: 'all', lingerMs: 0, clientId: 'tideline-registry-writer', transactionalId: this.opts.fencingId! });
        try {
          await p.initTransactions();
          return p;
        } catch (e) {
          await p.close().catch(() => undefined);
          if (this.closed || Date.now() >= deadline) throw e;
          this.opts.logger('warn', `registry: starting the transactional writer failed (attempt ${attempt}); retrying`, e);
          await new Promise((r) => setTimeout(r, Math.min(1000, 100 * attempt)));
        }
      }
    })();
    const w = this.writer;
    w.catch(() => {
      if (this.writer === w) this.writer = null;
    });
    return w;
  }

  /** Starts the writer ahead of the first write (when this instance becomes the primary). */
  prepare(): void {
    if (this.opts.fencingId !== null && !this.closed) this.transactional().catch(() => undefined);
  }

  /** Drops the writer when this instance stops being the primary; the next term starts a new one (and fences this). */
  async retire(): Promise<void> {
    const w = this.writer;
    this.writer = null;
    if (w !== null) await (await w.catch(() => null))?.close().catch(() => undefined);
  }

  /** Appends records (in order, one request) and waits until the reader applied the last. */
  async write(records: ReadonlyArray<readonly [RecordKey, Buffer | null]>): Promise<void> {
    if (records.length === 0) return;
    const messages = records.map(([k, v]) => ({ key: encodeKey(k), value: v, partition: 0 }));
    let last = -1n;
    if (this.opts.fencingId === null) {
      if (this.producer === null) throw new RegistryError('STORE_ERROR', 'The registry is not started');
      try {
        for (const m of await this.producer.send({ topic: this.opts.topic, messages })) if (m.offset > last) last = m.offset;
      } catch (e) {
        throw new RegistryError('STORE_ERROR', `Error while writing to the schemas topic: ${(e as Error).message}`, { cause: e });
      }
    } else {
      let p: Producer | null = null;
      const w = this.transactional();
      try {
        p = await w;
        await p.beginTransaction();
        for (const m of await p.send({ topic: this.opts.topic, messages })) if (m.offset > last) last = m.offset;
        await p.commitTransaction();
      } catch (e) {
        // Fenced by a newer primary, or the transaction failed: nothing of it becomes visible.
        if (p !== null) await p.abortTransaction().catch(() => undefined);
        // Retire this writer, not one a new term started meanwhile.
        if (this.writer === w) await this.retire();
        throw new RegistryError('STORE_ERROR', `Error while writing to the schemas topic: ${(e as Error).message}`, { cause: e });
      }
    }
    await this.waitFor(last);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.poller !== null) clearInterval(this.poller);
    await this.retire();
    await this.consumer?.close().catch(() => undefined);
    await this.reading?.catch(() => undefined);
    await this.producer?.close().catch(() => undefined);
    await this.admin?.close().catch(() => undefined);
  }
}
