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
import { Admin, Consumer, Producer, type ConsumerBatch, type ConsumerRecord, type Logger, type OffsetToCommit, type TopicPartition } from '@tideline/client';
import { readToEnd } from '@tideline/dlq';
import { randomUUID } from 'node:crypto';
import { taskAssignor } from './assignor.js';
import { StreamsError } from './errors.js';
import { Task, type LateDataPolicy, type TaskMetrics } from './task.js';
import type { ProcessingMode } from './test-driver.js';
import type { Topology } from './topology.js';
import type { OutputRecord, RawRecord } from './types.js';
import type { WatermarkOptions } from './watermark.js';

export type ProcessingGuarantee = 'at-least-once' | 'exactly-once';

export interface StreamsConfig extends WatermarkOptions {
  applicationId: string;
  bootstrap: string;
  /** Default 'at-least-once'. */
  guarantee?: ProcessingGuarantee;
  /** Default 1000 (at-least-once) or 200 (exactly-once). */
  commitIntervalMs?: number;
  /** Default per-event. */
  mode?: ProcessingMode;
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
  heartbeatIntervalMs?: number;
  logger?: Logger;
  /** Called once when the application fails (it stops). */
  onError?: (error: Error) => void;
}

export type StreamsState = 'created' | 'starting' | 'running' | 'closing' | 'closed' | 'failed';

export interface StreamsMetrics {
  state: StreamsState;
  tasks: TaskMetrics[];
  commits: number;
}

const key = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

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
  private inflight: Array<Promise<unknown>> = [];
  private admin: Admin | null = null;
  private producer: Producer | null = null;
  private consumer: Consumer | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private inTxn = false;
  private lastCommit = Date.now();
  private lastTrigger = Date.now();
  private commits = 0;
  private failedCommits = 0;
  private error: Error | null = null;
  state: StreamsState = 'created';

  constructor(readonly topology: Topology, config: StreamsConfig) {
    const eos = config.guarantee === 'exactly-once';
    this.config = { ...config, commitIntervalMs: config.commitIntervalMs ?? (eos ? 200 : 1000), tickMs: config.tickMs ?? 100 };
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
    const cluster = { bootstrap: cfg.bootstrap, logger: cfg.logger };
    this.admin = new Admin(cluster);
    await this.createTopics();
    const instance = cfg.instanceId ?? randomUUID();
    this.producer = new Producer({ ...cluster, lingerMs: 5, ...(this.eos ? { transactionalId: `${cfg.applicationId}-${instance}`, transactionTimeoutMs: 30_000 } : {}) });
    if (this.eos) await this.producer.initTransactions();
    this.consumer = new Consumer({
      ...cluster,
      groupId: cfg.applicationId,
      ...(cfg.staticMembership === true ? { groupInstanceId: instance } : {}),
      autoCommit: false,
      assignors: [taskAssignor((t, p) => this.taskId(t, p))],
      isolationLevel: this.eos ? 'read_committed' : 'read_uncommitted',
      autoOffsetReset: 'earliest',
      maxWaitMs: 100,
      sessionTimeoutMs: cfg.sessionTimeoutMs ?? 10_000,
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
      await this.serial(() => this.onBatch(batch));
    }
  }

  private collect = (r: OutputRecord): void => {
    const p = this.producer!.send({ topic: r.topic, messages: [{ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, ...(r.partition === undefined ? {} : { partition: r.partition }) }] });
    p.catch(() => undefined);
    this.inflight.push(p);
  };

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
    if (this.config.mode?.type === 'micro-batch') {
      this.pending.push(...raws);
      return;
    }
    await this.ensureTxn();
    for (const r of raws) {
      task.process(r);
      task.advance();
      this.next.set(key(r.topic, r.partition), { topic: r.topic, partition: r.partition, offset: r.offset + 1n });
    }
    if (Date.now() - this.lastCommit >= this.config.commitIntervalMs) await this.commit();
  }

  private async tick(): Promise<void> {
    if (this.state !== 'running') return;
    await this.ensureTxn();
    const mode = this.config.mode;
    if (mode?.type === 'micro-batch' && Date.now() - this.lastTrigger >= mode.triggerMs) {
      this.lastTrigger = Date.now();
      for (const r of this.pending.splice(0)) {
        const task = this.tasks.get(this.taskId(r.topic, r.partition) ?? '');
        if (task === undefined) continue;
        task.process(r);
        this.next.set(key(r.topic, r.partition), { topic: r.topic, partition: r.partition, offset: r.offset + 1n });
      }
      for (const t of this.tasks.values()) t.advance();
    }
    for (const t of this.tasks.values()) t.tick();
    if (Date.now() - this.lastCommit >= this.config.commitIntervalMs) await this.commit();
  }

  private offsets(only?: ReadonlySet<string>): OffsetToCommit[] {
    const out: OffsetToCommit[] = [];
    for (const [k, o] of this.next) {
      if (only !== undefined && !only.has(k)) continue;
      const task = this.tasks.get(this.taskId(o.topic, o.partition) ?? '');
      const meta: Meta = {};
      const t = task?.maxEventTime(o.topic);
      if (t !== null && t !== undefined) meta.t = t;
      out.push({ topic: o.topic, partition: o.partition, offset: o.offset, metadata: JSON.stringify(meta) });
    }
    return out;
  }

  /** Commits outputs, state and input offsets (one transaction with exactly-once). */
  private async commit(): Promise<void> {
    this.lastCommit = Date.now();
    const offsets = this.offsets();
    const sends = this.inflight;
    this.inflight = [];
    if (this.eos) {
      if (!this.inTxn) return;
      try {
        if (offsets.length > 0) await this.producer!.sendOffsetsToTransaction(offsets, this.consumer!.groupMetadata());
        await this.producer!.commitTransaction();
        this.inTxn = false;
        await Promise.all(sends);
      } catch (e) {
        // Typically a rebalance (ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS): the transaction is
        // aborted and the tasks start again from their committed state. Fencing is fatal (abort throws).
        this.config.logger?.('warn', 'streams commit failed; aborting the transaction and restoring the tasks', { error: (e as Error).message });
        if (++this.failedCommits >= 10) throw new StreamsError('PROCESSING', `${this.failedCommits} commits in a row failed`, { cause: e });
        await this.abortAndRebuild([]);
        return;
      }
    } else {
      await this.producer!.flush();
      await Promise.all(sends);
      if (offsets.length > 0) {
        try {
          await this.consumer!.commit(offsets);
        } catch (e) {
          // At-least-once: the records after the last successful commit will be processed again.
          this.config.logger?.('warn', 'streams offset commit failed', { error: (e as Error).message });
          return;
        }
      }
    }
    this.next.clear();
    this.commits++;
    this.failedCommits = 0;
  }

  /** Exactly-once: aborts the open transaction and rebuilds every task (except `drop`) from the changelogs and committed offsets. */
  private async abortAndRebuild(drop: readonly string[]): Promise<void> {
    if (this.inTxn) await this.producer!.abortTransaction();
    this.inTxn = false;
    this.inflight = [];
    this.pending.length = 0;
    const keep = [...this.tasks.keys()].filter((id) => !drop.includes(id));
    const inputs = keep.flatMap((id) => this.tasks.get(id)!.inputs);
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
    await this.assigned(inputs);
  }

  private async assigned(tps: TopicPartition[]): Promise<void> {
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
      // Restore the stores before the task processes anything.
      const logs = task.changelogs();
      if (logs.length > 0) {
        const byTopic = new Map(logs.map((l) => [l.topic, task.stores.get(l.store)!]));
        await readToEnd({ bootstrap: cfg.bootstrap }, [...byTopic.keys()], (r) => {
          if (r.key !== null) byTopic.get(r.topic)!.restore(r.key, r.value, Number(r.timestamp));
        }, { partitions: logs.map((l) => ({ topic: l.topic, partition })), isolationLevel: this.eos ? 'read_committed' : 'read_uncommitted', timeoutMs: 120_000 });
      }
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

  private async revoked(tps: TopicPartition[], lost: boolean): Promise<void> {
    const ids = new Set(tps.map((tp) => this.taskId(tp.topic, tp.partition)).filter((x): x is string => x !== null));
    if (ids.size === 0) return;
    if (!lost && this.state !== 'failed') {
      // Process what is pending for these tasks, then commit everything.
      await this.commit();
    } else if (this.eos && this.inTxn) {
      // The uncommitted work of every task is in the aborted transaction: rebuild the others.
      await this.abortAndRebuild([...ids]);
      return;
    }
    for (const id of ids) this.tasks.delete(id);
    for (const [k, o] of [...this.next]) if (!this.tasks.has(this.taskId(o.topic, o.partition) ?? '')) this.next.delete(k);
    for (let i = this.pending.length - 1; i >= 0; i--) if (ids.has(this.taskId(this.pending[i]!.topic, this.pending[i]!.partition) ?? '')) this.pending.splice(i, 1);
  }

  metrics(): StreamsMetrics {
    return { state: this.state, tasks: [...this.tasks.values()].map((t) => t.metrics()), commits: this.commits };
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
    if (commit && wasRunning) await this.serial(() => this.commit()).catch((e: unknown) => (this.error ??= e instanceof Error ? e : new Error(String(e))));
    await this.consumer?.close().catch(() => undefined);
    await this.loop?.catch(() => undefined);
    await this.producer?.close().catch(() => undefined);
    await this.admin?.close().catch(() => undefined);
    if (this.state !== 'failed') this.state = 'closed';
  }
}
