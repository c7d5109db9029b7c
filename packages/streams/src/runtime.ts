// KafkaStreams: runs a topology against Tideline or Apache Kafka. Instances with the same
// applicationId form one consumer group (groupId = applicationId) whose assignor hands out whole
// tasks; a task's stores are restored from their changelog topics before it processes, and its
// watermark from the max event times kept in the committed offsets' metadata.
//
// Guarantees. at-least-once: outputs are flushed, then the input offsets committed, every
// commitIntervalMs. exactly-once: one transaction per commit interval holds the outputs, the
// changelog and DLQ writes and the input offsets (sendOffsetsToTransaction); inputs and
// changelogs are read read_committed; the transactional id is `<applicationId>-<instanceId>`,
// so a restarted instance with the same instanceId fences its predecessor.
import { Admin, Consumer, KafkaError, Producer, type Message, type ConsumerBatch, type ConsumerRecord, type Logger, type OffsetToCommit, type SecurityOptions, type TopicPartition } from '@tideline/client';
import { ErrorCode } from '@tideline/protocol';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { taskAssignor } from './assignor.js';
import { StreamsError } from './errors.js';
import { checkpointTasks, restoreTask } from './restore.js';
import { Task, type LateDataPolicy, type TaskMetrics } from './task.js';
import type { AppMetrics, StreamsAppMetrics } from '@tideline/observability';
import type { ProcessingMode } from './test-driver.js';
import type { Topology } from './topology.js';
import type { OutputRecord, RawRecord } from './types.js';
import type { WatermarkOptions } from './watermark.js';

export type ProcessingGuarantee = 'at-least-once' | 'exactly-once';

export interface StreamsConfig extends WatermarkOptions {
  applicationId: string;
  bootstrap: string;
  /** TLS and SASL for every client the application opens (see @tideline/client). */
  security?: SecurityOptions;
  /** Default 'at-least-once'. */
  guarantee?: ProcessingGuarantee;
  /** Default 1000 (at-least-once) or 200 (exactly-once). */
  commitIntervalMs?: number;
  /** Default per-event. */
  mode?: ProcessingMode;
  /**
   * The output producer's linger (ms). Default 5. With `adaptiveLinger` (at-least-once's default) it applies
   * only while a produce request of the partition is out: outputs for a partition with nothing in
   * flight go at once. 0 sends each consumer batch's outputs at once (one send per topic and
   * batch) even while requests are out: more and smaller produce requests (one fsync'ed append
   * each), which cost more per event under load (docs/benchmarks.md, "Streams per-event latency").
   */
  lingerMs?: number;
  /**
   * The output producer's `adaptiveLinger` (see @tideline/client). Default true with
   * at-least-once, false with exactly-once (not yet measured there: two exactly-once bench runs
   * with it stalled, cause not found); false lingers every batch `lingerMs`.
   */
  adaptiveLinger?: boolean;
  lateData?: LateDataPolicy;
  /** Default `<applicationId>-late`. */
  lateTopic?: string;
  /** Stable id of this instance (the transactional id suffix). Default: random. */
  instanceId?: string;
  /** Join the group as a static member (group.instance.id = instanceId): a restarted instance takes its place at once. */
  staticMembership?: boolean;
  /** Partitions of repartition topics. Default: the most partitions of any source topic. */
  repartitionPartitions?: number;
  /** Replication factor of the internal topics. Default 1. */
  replicationFactor?: number;
  /** Wall-clock tick: idle partitions, wall-clock advance, timers, TTL. Default 100. */
  tickMs?: number;
  sessionTimeoutMs?: number;
  /**
   * How long a rebalance waits for the members to rejoin (JoinGroup's rebalance timeout; Kafka
   * Streams: max.poll.interval.ms). A member that dies with its JoinGroup parked holds the
   * rebalance up this long. Default 300000.
   */
  rebalanceTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  logger?: Logger;
  /** Directory of persistent stores: `<stateDir>/<applicationId>/<taskId>/<store>.db`. Default `<os.tmpdir()>/tideline-streams`. */
  stateDir?: string;
  /** Called once when the application fails (it stops). */
  onError?: (error: Error) => void;
  /**
   * Opt-in Prometheus metrics: `appMetrics(registry)` from @tideline/observability. Per task:
   * records processed, late records, window closings, restore progress; per input partition: the
   * watermark and its lag behind the wall clock (read at scrape time from metrics()); commit
   * latency; and the inner producer's and consumer's metrics.
   */
  metrics?: AppMetrics;
}

export type StreamsState = 'created' | 'starting' | 'running' | 'closing' | 'closed' | 'failed';

export interface StreamsMetrics {
  state: StreamsState;
  tasks: TaskMetrics[];
  commits: number;
  /** Records processed since start, over every task this instance ran (`tasks` covers current tasks only); reprocessing after an abort counts again. */
  processedTotal: number;
}

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

/** Outputs held while a commit is in flight before processing waits for it. */
const MAX_HELD_RECORDS = 50_000;

/** Commit errors that mean the member's generation ended (Kafka Streams' "tasks migrated"). */
const TASKS_MIGRATED = new Set<number>([ErrorCode.ILLEGAL_GENERATION, ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.REBALANCE_IN_PROGRESS]);

/** Micro-batch mode: records waiting for their trigger before a batch is processed at once. */
const MAX_PENDING_RECORDS = 100_000;

/** A batch gives the event loop a turn after this long, so the consumer's heartbeats go out while it is processed. */
const BATCH_SLICE_MS = 50;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Counts sends until they settle and keeps the first failure. */
class SendEpoch {
  /** Sends tracked so far. */
  tracked = 0;
  private pending = 0;
  private failure: { error: unknown } | null = null;
  private waiter: (() => void) | null = null;

  track(p: Promise<unknown>): void {
    this.tracked++;
    this.pending++;
    p.then(
      () => this.done(),
      (error: unknown) => {
        this.failure ??= { error };
        this.done();
      },
    );
  }

  private done(): void {
    if (--this.pending === 0 && this.waiter !== null) {
      this.waiter();
      this.waiter = null;
    }
  }

  /** Resolves once every tracked send settled; rejects with the first failure. */
  async settled(): Promise<void> {
    if (this.pending > 0) await new Promise<void>((resolve) => (this.waiter = resolve));
    if (this.failure !== null) throw this.failure.error;
  }
}

interface Meta {
  /** Max event time of the partition when committed. */
  t?: number;
}

export class KafkaStreams {
  private readonly config: StreamsConfig & { commitIntervalMs: number; tickMs: number };
  private readonly subs;
  private readonly subOfTopic = new Map<string, number>();
  private readonly tasks = new Map<string, Task>();
  private readonly next = new Map<string, { topic: string; partition: number; offset: bigint }>();
  private readonly pending: RawRecord[] = [];
  /** The sends since the last commit started (counted, not kept: kept promises would outlive young-generation GCs). */
  private sends = new SendEpoch();
  private readonly outgoing = new Map<string, Message[]>();
  /** Records in `outgoing`. */
  private held = 0;
  /** The commit in flight. Processing goes on meanwhile; with exactly-once its outputs wait in `outgoing` for the next transaction. */
  private committing: Promise<void> | null = null;
  /** Why the commit in flight failed; handled by the next serial step. */
  private commitFailure: { error: unknown } | null = null;
  private admin: Admin | null = null;
  private producer: Producer | null = null;
  private consumer: Consumer | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  /**
   * Per input partition, bumped when an exactly-once abort sends the consumer back to the committed
   * offset: a batch taken from the consumer before that, still waiting in the serial chain behind
   * the step that aborted, is stale when its turn comes (the consumer delivers those records
   * again). Processing it on the restored state counted its records twice.
   */
  private readonly moved = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private inTxn = false;
  private lastCommit = Date.now();
  private lastTrigger = Date.now();
  private commits = 0;
  /** Records processed by tasks no longer held (for `processedTotal`). */
  private retiredProcessed = 0;
  private failedCommits = 0;
  private error: Error | null = null;
  private metricHooks: StreamsAppMetrics | null = null;
  state: StreamsState = 'created';

  constructor(readonly topology: Topology, config: StreamsConfig) {
    const eos = config.guarantee === 'exactly-once';
    this.config = { ...config, commitIntervalMs: config.commitIntervalMs ?? (eos ? 200 : 1000), tickMs: config.tickMs ?? 100, stateDir: config.stateDir ?? join(tmpdir(), 'tideline-streams') };
    this.subs = topology.subtopologies();
    for (const s of this.subs) for (const src of s.sources) for (const t of src.topics) this.subOfTopic.set(src.internal ? `${config.applicationId}-${t}` : t, s.id);
  }

  private get eos(): boolean {
    return this.config.guarantee === 'exactly-once';
  }

  private taskId(topic: string, partition: number): string | null {
    const s = this.subOfTopic.get(topic);
    return s === undefined ? null : `${s}_${partition}`;
  }

  /** Creates internal topics, joins the group and starts processing. */
  async start(): Promise<void> {
    if (this.state !== 'created') throw new StreamsError('INVALID_STATE', `cannot start in state ${this.state}`);
    this.state = 'starting';
    const cfg = this.config;
    const cluster = { bootstrap: cfg.bootstrap, logger: cfg.logger, ...(cfg.security !== undefined ? { security: cfg.security } : {}) };
    this.admin = new Admin(cluster);
    const clients = cfg.metrics !== undefined ? { ...cluster, metrics: cfg.metrics } : cluster;
    this.metricHooks = cfg.metrics?.streams(cfg.applicationId, () => this.metrics()) ?? null;
    await this.createTopics();
    const instance = cfg.instanceId ?? randomUUID();
    const lingerMs = cfg.lingerMs ?? 5;
    this.producer = new Producer({ ...clients, lingerMs, adaptiveLinger: cfg.adaptiveLinger ?? !this.eos, ...(this.eos ? { transactionalId: `${cfg.applicationId}-${instance}`, transactionTimeoutMs: 30_000 } : {}) });
    if (this.eos) await this.producer.initTransactions();
    this.consumer = new Consumer({
      ...clients,
      groupId: cfg.applicationId,
      ...(cfg.staticMembership === true ? { groupInstanceId: instance } : {}),
      autoCommit: false,
      assignors: [taskAssignor((t, p) => this.taskId(t, p))],
      isolationLevel: this.eos ? 'read_committed' : 'read_uncommitted',
      autoOffsetReset: 'earliest',
      maxWaitMs: 100,
      sessionTimeoutMs: cfg.sessionTimeoutMs ?? 10_000,
      ...(cfg.rebalanceTimeoutMs !== undefined ? { rebalanceTimeoutMs: cfg.rebalanceTimeoutMs } : {}),
      heartbeatIntervalMs: cfg.heartbeatIntervalMs ?? 500,
    });
    this.consumer.subscribe(this.topology.sourceTopics(cfg.applicationId), {
      onAssigned: (tps) => this.serial(() => this.assigned(tps)),
      onRevoked: (tps) => this.serial(() => this.revoked(tps, false)),
      onLost: (tps) => this.serial(() => this.revoked(tps, true)),
    });
    this.state = 'running';
    this.timer = setInterval(() => void this.serial(() => this.tick()).catch((e: unknown) => this.fail(e)), cfg.tickMs);
    this.loop = this.run().catch((e: unknown) => this.fail(e));
  }

  private async createTopics(): Promise<void> {
    const admin = this.admin!;
    const app = this.config.applicationId;
    const user = [...new Set(this.topology.sources.filter((s) => !s.internal).flatMap((s) => s.topics))];
    const existing = new Set(await admin.listTopics());
    const missing = user.filter((t) => !existing.has(t));
    if (missing.length > 0) throw new StreamsError('MISSING_TOPIC', `source topics do not exist: ${missing.join(', ')}`);
    const counts = new Map((await admin.describeTopics(user)).map((d) => [d.name, d.partitions.length]));
    const repartitions = this.config.repartitionPartitions ?? Math.max(...counts.values());
    for (const t of this.topology.repartitionTopics) counts.set(`${app}-${t}`, repartitions);
    const rf = this.config.replicationFactor ?? 1;
    const create: Array<{ topic: string; numPartitions: number; replicationFactor: number; configs?: Record<string, string> }> = [];
    for (const t of this.topology.repartitionTopics) create.push({ topic: `${app}-${t}`, numPartitions: repartitions, replicationFactor: rf });
    for (const sub of this.subs) {
      const topics = sub.sources.flatMap((s) => s.topics.map((t) => (s.internal ? `${app}-${t}` : t)));
      const n = new Set(topics.map((t) => counts.get(t)!));
      if (n.size > 1) throw new StreamsError('COPARTITIONING', `topics ${topics.join(', ')} are joined or merged but have different partition counts (${[...n].join(', ')})`);
      for (const s of sub.stores) create.push({ topic: `${app}-${s.name}-changelog`, numPartitions: [...n][0]!, replicationFactor: rf, configs: { 'cleanup.policy': 'compact' } });
    }
    if ((this.config.lateData ?? 'dlq') === 'dlq') create.push({ topic: this.config.lateTopic ?? `${app}-late`, numPartitions: Math.max(...counts.values()), replicationFactor: rf });
    await admin.createTopics(create, { ignoreExisting: true });
  }

  /** Runs `fn` after everything queued before it (processing, ticks and rebalance callbacks never overlap). */
  private serial<T>(fn: () => Promise<T> | T): Promise<T> {
    const p = this.chain.then(fn);
    this.chain = p.catch(() => undefined);
    return p;
  }

  private fail(e: unknown): void {
    if (this.error !== null || this.state === 'closing' || this.state === 'closed') return;
    this.error = e instanceof Error ? e : new Error(String(e));
    this.state = 'failed';
    this.config.logger?.('error', 'streams application failed', { error: this.error.message });
    this.config.onError?.(this.error);
    void this.shutdown(false);
  }

  private async run(): Promise<void> {
    for await (const batch of this.consumer!.batches()) {
      if (this.state !== 'running') break;
      const k = key(batch.topic, batch.partition);
      const moves = this.moved.get(k) ?? 0;
      await this.serial(() => ((this.moved.get(k) ?? 0) === moves ? this.onBatch(batch) : undefined));
      // Let timers (heartbeats, ticks) and I/O run between batches even when the next one is buffered.
      await nextTurn();
    }
  }

  /** Outputs, changelog and DLQ records are gathered per topic and handed to the producer in one send per topic and batch. */
  private collect = (r: OutputRecord): void => {
    let list = this.outgoing.get(r.topic);
    if (list === undefined) this.outgoing.set(r.topic, (list = []));
    this.held++;
    list.push(r.partition === undefined ? { key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp } : { key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, partition: r.partition });
  };

  private sendOutgoing(): void {
    // Exactly-once: the transaction is being committed; these records belong to the next one.
    if (this.outgoing.size === 0 || (this.eos && this.committing !== null)) return;
    for (const [topic, messages] of this.outgoing) {
      this.sends.track(this.producer!.send({ topic, messages }));
    }
    this.outgoing.clear();
    this.held = 0;
  }

  /**
   * Before processing: handles a failed background commit (false: the tasks were rebuilt and the
   * consumer moved back, so the caller's records must not be processed), waits for the commit in
   * flight if too much output is held, and once no commit is in flight opens the transaction and
   * sends what was held.
   */
  private async prepare(): Promise<boolean> {
    if (this.committing !== null && this.held >= MAX_HELD_RECORDS) await this.committing;
    if (this.commitFailure !== null) {
      await this.settle();
      return false;
    }
    if (this.committing === null) {
      await this.ensureTxn();
      this.sendOutgoing();
    }
    return true;
  }

  /** Waits for the commit in flight and handles its failure. */
  private async settle(): Promise<void> {
    while (this.committing !== null) await this.committing;
    const failure = this.commitFailure;
    if (failure === null) return;
    this.commitFailure = null;
    if (!this.eos) throw failure.error;
    // Typically a rebalance (ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS): the transaction is
    // aborted and the tasks start again from their committed state. Fencing is fatal (abort throws).
    this.config.logger?.('warn', 'streams commit failed; aborting the transaction and restoring the tasks', { error: (failure.error as Error).message });
    // A rebalance under way (this member's generation is over) is not a broken commit path: it
    // does not count towards the failures that stop the application.
    const migrated = failure.error instanceof KafkaError && TASKS_MIGRATED.has(failure.error.errorCode);
    if (!migrated && ++this.failedCommits >= 10) throw new StreamsError('PROCESSING', `${this.failedCommits} commits in a row failed`, { cause: failure.error });
    await this.abortAndRebuild([]);
  }

  private async ensureTxn(): Promise<void> {
    if (this.eos && !this.inTxn) {
      await this.producer!.beginTransaction();
      this.inTxn = true;
    }
  }

  private async onBatch(batch: ConsumerBatch): Promise<void> {
    if (this.state !== 'running' || batch.records.length === 0) return;
    const id = this.taskId(batch.topic, batch.partition);
    const task = id === null ? undefined : this.tasks.get(id);
    if (task === undefined) return; // revoked meanwhile
    const raws = batch.records.map((r: ConsumerRecord): RawRecord => ({ topic: r.topic, partition: r.partition, offset: r.offset, timestamp: Number(r.timestamp), key: r.key, value: r.value, headers: r.headers }));
    if (!(await this.prepare())) return;
    // Serdes with an async step (registry serdes loading a new schema id) finish it first.
    const serdesReady = task.prepare(raws);
    if (serdesReady !== null) {
      await serdesReady;
      if (this.state !== 'running' || this.tasks.get(id!) !== task) return;
    }
    if (this.config.mode?.type === 'micro-batch') {
      for (const r of raws) this.pending.push(r);
      // A size trigger: a batch this large is processed now rather than held until the next tick.
      if (this.pending.length >= MAX_PENDING_RECORDS) {
        this.trigger();
        this.sendOutgoing();
      }
      return;
    }
    const position = key(batch.topic, batch.partition);
    let sliceStart = Date.now();
    let n = 0;
    for (const r of raws) {
      task.process(r);
      task.advance();
      // A long batch (slow records) would otherwise starve the heartbeats past the session timeout.
      if ((++n & 15) === 0 && Date.now() - sliceStart >= BATCH_SLICE_MS) {
        this.next.set(position, { topic: r.topic, partition: r.partition, offset: r.offset + 1n });
        // Hand over what this slice produced and start a commit when one is due, then give the
        // event loop a turn (heartbeats, the commit's I/O). A commit that failed meanwhile has
        // rebuilt the tasks and moved the consumer back: the rest of this batch is stale.
        this.sendOutgoing();
        if (Date.now() - this.lastCommit >= this.config.commitIntervalMs) this.startCommit();
        await nextTurn();
        if (this.state !== 'running' || !(await this.prepare())) return;
        sliceStart = Date.now();
      }
    }
    const last = raws[raws.length - 1]!;
    this.next.set(position, { topic: last.topic, partition: last.partition, offset: last.offset + 1n });
    this.sendOutgoing();
    if (Date.now() - this.lastCommit >= this.config.commitIntervalMs) this.startCommit();
  }

  private async tick(): Promise<void> {
    if (this.state !== 'running') return;
    if (!(await this.prepare())) return;
    const mode = this.config.mode;
    if (mode?.type === 'micro-batch' && Date.now() - this.lastTrigger >= mode.triggerMs) this.trigger();
    for (const t of this.tasks.values()) t.tick();
    this.sendOutgoing();
    if (Date.now() - this.lastCommit >= this.config.commitIntervalMs) this.startCommit();
  }

  /** Micro-batch mode: processes the records collected since the last trigger, then moves the watermarks once. */
  private trigger(): void {
    this.lastTrigger = Date.now();
    for (const r of this.pending.splice(0)) {
      const task = this.tasks.get(this.taskId(r.topic, r.partition) ?? '');
      if (task === undefined) continue;
      task.process(r);
      this.next.set(key(r.topic, r.partition), { topic: r.topic, partition: r.partition, offset: r.offset + 1n });
    }
    for (const t of this.tasks.values()) t.advance();
  }

  private offsets(): OffsetToCommit[] {
    const out: OffsetToCommit[] = [];
    for (const o of this.next.values()) {
      const task = this.tasks.get(this.taskId(o.topic, o.partition) ?? '');
      const meta: Meta = {};
      const t = task?.maxEventTime(o.topic);
      if (t !== null && t !== undefined) meta.t = t;
      out.push({ topic: o.topic, partition: o.partition, offset: o.offset, metadata: JSON.stringify(meta) });
    }
    return out;
  }

  /** Commits outputs, state and input offsets (one transaction with exactly-once) and waits for it. */
  private async commit(): Promise<void> {
    await this.settle();
    await this.ensureTxn();
    this.sendOutgoing();
    this.startCommit();
    await this.settle();
  }

  /**
   * Starts a commit unless one is in flight: flushes the stores' record caches, hands every
   * output to the producer and commits in the background (`committing`) while processing goes on.
   */
  private startCommit(): void {
    if (this.committing !== null || this.commitFailure !== null) return;
    this.lastCommit = Date.now();
    if (this.eos && !this.inTxn) return;
    // The record cache: each store entry changed since the last commit is logged once, now.
    for (const t of this.tasks.values()) t.flush();
    this.sendOutgoing();
    const offsets = this.offsets();
    // Nothing processed or written since the last commit: nothing to commit.
    if (offsets.length === 0 && this.sends.tracked === 0) return;
    const sends = this.sends;
    this.sends = new SendEpoch();
    this.committing = this.finishCommit(offsets, sends).finally(() => {
      this.committing = null;
    });
  }

  private async finishCommit(offsets: OffsetToCommit[], sends: SendEpoch): Promise<void> {
    const startedAt = this.metricHooks === null ? 0 : performance.now();
    try {
      if (this.eos) {
        if (offsets.length > 0) await this.producer!.sendOffsetsToTransaction(offsets, this.consumer!.groupMetadata());
        await this.producer!.commitTransaction();
        this.inTxn = false;
        await sends.settled();
      } else {
        await this.producer!.flush();
        await sends.settled();
        if (offsets.length > 0) {
          try {
            await this.consumer!.commit(offsets);
          } catch (e) {
            // At-least-once: the records after the last successful commit will be processed again.
            this.config.logger?.('warn', 'streams offset commit failed', { error: (e as Error).message });
            return;
          }
        }
        // Persistent stores now reflect their changelogs up to the end: a crash restores only what follows.
        await checkpointTasks(this.tasks.values(), this.admin!, 'read_uncommitted').catch(() => undefined);
      }
    } catch (e) {
      this.commitFailure = { error: e };
      return;
    }
    // Positions that moved on since the snapshot stay for the next commit.
    for (const o of offsets) {
      const k = key(o.topic, o.partition);
      if (this.next.get(k)?.offset === o.offset) this.next.delete(k);
    }
    this.commits++;
    this.failedCommits = 0;
    this.metricHooks?.commitLatency((performance.now() - startedAt) / 1000);
  }

  /** Exactly-once: aborts the open transaction and rebuilds every task (except `drop`) from the changelogs and committed offsets. */
  private async abortAndRebuild(drop: readonly string[]): Promise<void> {
    if (this.inTxn) await this.producer!.abortTransaction();
    this.inTxn = false;
    this.sends = new SendEpoch();
    this.outgoing.clear();
    this.held = 0;
    this.pending.length = 0;
    const keep = [...this.tasks.keys()].filter((id) => !drop.includes(id));
    const inputs = keep.flatMap((id) => this.tasks.get(id)!.inputs);
    for (const t of this.tasks.values()) {
      this.retiredProcessed += t.metrics().processed;
      t.close(); // no checkpoint: persistent stores are rebuilt from the changelogs
    }
    this.tasks.clear();
    this.next.clear();
    if (inputs.length === 0) return;
    const committed = await this.consumer!.committed(inputs);
    for (const c of committed) {
      try {
        this.consumer!.seek({ topic: c.topic, partition: c.partition, offset: c.offset >= 0n ? c.offset : 'earliest' });
      } catch {
        // no longer assigned: the rebalance in progress takes it away
      }
    }
    // After the seeks (which empty the consumer's buffer): batches taken before are stale.
    for (const tp of inputs) this.bump(tp);
    await this.assigned(inputs);
  }

  private async assigned(tps: TopicPartition[]): Promise<void> {
    // No commit starts while this runs (commits start in serial steps only).
    await this.settle();
    const cfg = this.config;
    const byTask = new Map<string, number>();
    for (const tp of tps) {
      const s = this.subOfTopic.get(tp.topic);
      if (s !== undefined) byTask.set(`${s}_${tp.partition}`, s);
    }
    const created: Task[] = [];
    for (const [id, s] of byTask) {
      if (this.tasks.has(id)) continue;
      const partition = Number(id.slice(id.indexOf('_') + 1));
      const task = new Task(this.subs[s]!, partition, { ...cfg, applicationId: cfg.applicationId }, this.collect, Date.now);
      // Restore the stores before the task processes anything (persistent ones from their checkpoint).
      await restoreTask(task, { bootstrap: cfg.bootstrap, ...(cfg.security !== undefined ? { security: cfg.security } : {}) }, this.admin!, this.eos ? 'read_committed' : 'read_uncommitted');
      this.tasks.set(id, task);
      created.push(task);
    }
    if (created.length === 0) return;
    const committed = await this.consumer!.committed(created.flatMap((t) => t.inputs));
    for (const c of committed) {
      if (c.metadata === null || c.metadata === '') continue;
      try {
        const meta = JSON.parse(c.metadata) as Meta;
        if (typeof meta.t === 'number') this.tasks.get(this.taskId(c.topic, c.partition) ?? '')?.restoreMaxEventTime(c.topic, meta.t);
      } catch {
        // metadata written by someone else: ignore
      }
    }
    await this.ensureTxn();
    for (const t of created) t.advance();
  }

  /** Marks the batches of this partition taken from the consumer so far as stale (see `moved`). */
  private bump(tp: TopicPartition): void {
    const k = key(tp.topic, tp.partition);
    this.moved.set(k, (this.moved.get(k) ?? 0) + 1);
  }

  private async revoked(tps: TopicPartition[], lost: boolean): Promise<void> {
    const ids = new Set(tps.map((tp) => this.taskId(tp.topic, tp.partition)).filter((x): x is string => x !== null));
    if (ids.size === 0) return;
    while (this.committing !== null) await this.committing;
    // Lost: a failed commit's transaction is aborted below with everything else uncommitted.
    if (lost && this.eos) this.commitFailure = null;
    let clean = false;
    if (!lost && this.state !== 'failed') {
      // Process what is pending for these tasks, then commit everything.
      await this.commit();
      clean = true;
    } else if (this.eos && (this.inTxn || this.held > 0 || this.next.size > 0)) {
      // The uncommitted work of every task is in the aborted transaction (or held for the next one): rebuild the others.
      await this.abortAndRebuild([...ids]);
      return;
    }
    for (const id of ids) {
      const t = this.tasks.get(id);
      if (t === undefined) continue;
      this.retiredProcessed += t.metrics().processed;
      if (clean) await checkpointTasks([t], this.admin!, this.eos ? 'read_committed' : 'read_uncommitted').catch(() => undefined);
      t.close();
      this.tasks.delete(id);
    }
    for (const [k, o] of [...this.next]) if (!this.tasks.has(this.taskId(o.topic, o.partition) ?? '')) this.next.delete(k);
    for (let i = this.pending.length - 1; i >= 0; i--) if (ids.has(this.taskId(this.pending[i]!.topic, this.pending[i]!.partition) ?? '')) this.pending.splice(i, 1);
  }

  metrics(): StreamsMetrics {
    const tasks = [...this.tasks.values()].map((t) => t.metrics());
    return { state: this.state, tasks, commits: this.commits, processedTotal: tasks.reduce((s, t) => s + t.processed, this.retiredProcessed) };
  }

  /** Ids of the tasks this instance runs. */
  assignedTasks(): string[] {
    return [...this.tasks.keys()].sort();
  }

  /** Commits and leaves the group. */
  async close(): Promise<void> {
    if (this.state === 'closed') return;
    await this.shutdown(true);
    if (this.error !== null) throw this.error;
  }

  private async shutdown(commit: boolean): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    const wasRunning = this.state === 'running';
    if (this.state !== 'failed') this.state = 'closing';
    let committed = false;
    if (commit && wasRunning) await this.serial(() => this.commit()).then(() => (committed = true), (e: unknown) => (this.error ??= e instanceof Error ? e : new Error(String(e))));
    await this.consumer?.close().catch(() => undefined);
    await this.loop?.catch(() => undefined);
    // Persistent stores: a clean close records the changelog offsets their databases reflect.
    for (const t of this.tasks.values()) {
      if (committed && this.state !== 'failed') await checkpointTasks([t], this.admin!, this.eos ? 'read_committed' : 'read_uncommitted').catch(() => undefined);
      t.close();
    }
    await this.producer?.close().catch(() => undefined);
    await this.admin?.close().catch(() => undefined);
    if (this.state !== 'failed') this.state = 'closed';
    this.metricHooks?.close();
  }
}
