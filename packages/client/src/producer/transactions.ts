// The transactional producer's state machine (KIP-98 as the Java client does it with
// transaction.version 1): InitProducerId with the transactional id on the transaction
// coordinator, AddPartitionsToTxn before the first batch of each partition in a transaction,
// AddOffsetsToTxn + TxnOffsetCommit (to the group coordinator) for sendOffsetsToTransaction, and
// EndTxn to commit or abort. A failed send makes the transaction abortable (only abort is allowed);
// fencing errors are fatal (the producer can only be closed).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { Backoff, sleep } from '../backoff.js';
import type { Cluster } from '../cluster.js';
import type { Connection } from '../connection.js';
import { Coordinators, coordinatorMoved } from '../coordinator.js';
import { ClientError, ClientErrorCode, KafkaError, isRetriable } from '../errors.js';
import { tpKey, type TopicPartition } from '../partitions.js';
import type { ProducerIdentity } from './sender.js';

/** Who is committing offsets in a transaction (Consumer.groupMetadata()); KIP-447 fencing. */
export interface ConsumerGroupMetadata {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

export interface OffsetToCommit extends TopicPartition {
  /** The next offset to read (last processed + 1). */
  offset: bigint | number;
  metadata?: string | null;
}

type State = 'uninitialized' | 'initializing' | 'ready' | 'in-transaction' | 'ending' | 'abortable' | 'fatal';

/** Errors that end the producer: another instance took over the transactional id, or auth. */
const FATAL = new Set<number>([
  ErrorCode.INVALID_PRODUCER_EPOCH, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, ErrorCode.PRODUCER_FENCED,
  ErrorCode.TOPIC_AUTHORIZATION_FAILED, ErrorCode.GROUP_AUTHORIZATION_FAILED, ErrorCode.INVALID_TXN_STATE,
]);
/** Retried by the transaction calls themselves (besides the retriable codes). */
const RETRY_TXN = new Set<number>([ErrorCode.CONCURRENT_TRANSACTIONS, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, ErrorCode.COORDINATOR_NOT_AVAILABLE, ErrorCode.NOT_COORDINATOR]);

// Versions the client uses: AddPartitionsToTxn v4+ is broker-to-broker; EndTxn v5 belongs to
// transaction.version 2 (Produce v12), which this client does not speak.
const MAX_ADD_PARTITIONS = 3;
const MAX_END_TXN = 4;


export class TransactionManager {
  identity: ProducerIdentity | null = null;
  private state: State = 'uninitialized';
  private error: unknown = null;
  /** Partitions the coordinator knows are in the current transaction. */
  private readonly added = new Set<string>();
  /** Partitions waiting for AddPartitionsToTxn. */
  private readonly toAdd = new Map<string, TopicPartition>();
  private adding = false;
  private offsetsAdded = false;
  private initPromise: Promise<ProducerIdentity> | null = null;
  /** Called when partitions were added (the sender may send their batches). */
  onPartitionsAdded: () => void = () => undefined;

  constructor(
    private readonly cluster: Cluster,
    private readonly coordinators: Coordinators,
    readonly transactionalId: string,
    private readonly timeoutMs: number,
    private readonly retryBackoffMs: number,
  ) {}

  get inTransaction(): boolean {
    return this.state === 'in-transaction' || this.state === 'abortable';
  }

  private check(...allowed: State[]): void {
    if (this.state === 'fatal') throw new ClientError(ClientErrorCode.INVALID_STATE, `transactional producer ${this.transactionalId} failed and must be closed: ${(this.error as Error)?.message ?? 'fatal error'}`, { cause: this.error });
    if (!allowed.includes(this.state)) {
      const detail = this.state === 'abortable' ? `; the transaction must be aborted: ${(this.error as Error)?.message ?? ''}` : '';
      throw new ClientError(ClientErrorCode.INVALID_STATE, `transaction state is ${this.state}${detail}`, this.state === 'abortable' ? { cause: this.error } : {});
    }
  }

  /** InitProducerId for the transactional id (fences older instances, aborts their open transaction). */
  init(): Promise<ProducerIdentity> {
    if (this.initPromise !== null) return this.initPromise;
    this.check('uninitialized');
    this.state = 'initializing';
    this.initPromise = this.initProducerId().then(
      (id) => {
        this.identity = id;
        this.state = 'ready';
        return id;
      },
      (e: unknown) => {
        this.state = 'uninitialized';
        this.initPromise = null;
        throw e;
      },
    );
    return this.initPromise;
  }

  private initProducerId(): Promise<ProducerIdentity> {
    return this.coordinatorCall('InitProducerId', async (conn) => {
      const res = await conn.request(ApiKey.InitProducerId, { transactionalId: this.transactionalId, transactionTimeoutMs: this.timeoutMs, producerId: -1n, producerEpoch: -1 });
      if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
      return { producerId: res.producerId, producerEpoch: res.producerEpoch };
    });
  }

  /**
   * Between transactions: InitProducerId again, which bumps the epoch (the coordinator treats it as
   * a new instance of this transactional id). Used after a failed batch left a sequence gap.
   */
  async renew(): Promise<ProducerIdentity> {
    this.check('ready');
    this.state = 'initializing';
    try {
      this.identity = await this.initProducerId();
    } catch (e) {
      this.fail(e);
      throw e;
    }
    this.state = 'ready';
    return this.identity;
  }

  begin(): void {
    this.check('ready');
    this.state = 'in-transaction';
    this.added.clear();
    this.toAdd.clear();
    this.offsetsAdded = false;
  }

  /** Throws unless a send is allowed now. */
  checkSend(): void {
    if (this.state === 'abortable') return; // batches will fail; the caller learns on commit
    if (this.state === 'uninitialized' || this.state === 'initializing' || this.state === 'ready') {
      throw new ClientError(ClientErrorCode.INVALID_STATE, `transactional producer ${this.transactionalId}: send() outside a transaction; call beginTransaction() first`);
    }
    this.check('in-transaction');
  }

  /**
   * Whether a batch of this partition may go out: true once the coordinator added it; otherwise
   * the partition is queued for AddPartitionsToTxn and false is returned. Throws the abortable or
   * fatal error when the transaction cannot go on.
   */
  partitionReady(topic: string, partition: number): boolean {
    if (this.state === 'fatal' || this.state === 'abortable') throw this.error;
    const k = tpKey(topic, partition);
    if (this.added.has(k)) return true;
    if (!this.toAdd.has(k)) {
      this.toAdd.set(k, { topic, partition });
      if (!this.adding) void this.addPartitions();
    }
    return false;
  }

  /** A batch of the transaction failed: only abort is possible now (fatal for fencing errors). */
  batchFailed(e: unknown): void {
    if (e instanceof KafkaError && FATAL.has(e.errorCode)) this.fail(e);
    else if (this.state === 'in-transaction' || this.state === 'ending') {
      this.state = 'abortable';
      this.error = e;
    }
  }

  private fail(e: unknown): void {
    this.state = 'fatal';
    this.error = e;
  }

  private async addPartitions(): Promise<void> {
    this.adding = true;
    try {
      while (this.toAdd.size > 0 && (this.state === 'in-transaction' || this.state === 'ending')) {
        const batch = [...this.toAdd.values()];
        const id = this.identity!;
        try {
          await this.coordinatorCall('AddPartitionsToTxn', async (conn) => {
            const version = Math.min(conn.versionFor(ApiKey.AddPartitionsToTxn), MAX_ADD_PARTITIONS);
            const topics = new Map<string, number[]>();
            for (const p of batch) {
              let l = topics.get(p.topic);
              if (l === undefined) topics.set(p.topic, (l = []));
              l.push(p.partition);
            }
            const res = await conn.request(ApiKey.AddPartitionsToTxn, {
              v3AndBelowTransactionalId: this.transactionalId,
              v3AndBelowProducerId: id.producerId,
              v3AndBelowProducerEpoch: id.producerEpoch,
              v3AndBelowTopics: [...topics].map(([name, partitions]) => ({ name, partitions })),
            }, { version });
            if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
            // OPERATION_NOT_ATTEMPTED marks partitions skipped because another one failed.
            let first: KafkaError | null = null;
            for (const t of res.resultsByTopicV3AndBelow) for (const p of t.resultsByPartition) {
              if (p.partitionErrorCode === ErrorCode.NONE) continue;
              const e = new KafkaError(p.partitionErrorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
              if (first === null || first.errorCode === ErrorCode.OPERATION_NOT_ATTEMPTED) first = e;
            }
            if (first !== null) throw first;
          });
          for (const p of batch) {
            const k = tpKey(p.topic, p.partition);
            this.added.add(k);
            this.toAdd.delete(k);
          }
        } catch (e) {
          if (e instanceof KafkaError && FATAL.has(e.errorCode)) this.fail(e);
          else this.batchFailed(e);
        }
        this.onPartitionsAdded();
      }
    } finally {
      this.adding = false;
    }
  }

  /** AddOffsetsToTxn then TxnOffsetCommit to the group coordinator. */
  async sendOffsets(offsets: readonly OffsetToCommit[], group: ConsumerGroupMetadata): Promise<void> {
    this.check('in-transaction');
    const id = this.identity!;
    try {
      if (!this.offsetsAdded) {
        await this.coordinatorCall('AddOffsetsToTxn', async (conn) => {
          const res = await conn.request(ApiKey.AddOffsetsToTxn, { transactionalId: this.transactionalId, producerId: id.producerId, producerEpoch: id.producerEpoch, groupId: group.groupId });
          if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
        });
        this.offsetsAdded = true;
      }
      const topics = new Map<string, OffsetToCommit[]>();
      for (const o of offsets) {
        let l = topics.get(o.topic);
        if (l === undefined) topics.set(o.topic, (l = []));
        l.push(o);
      }
      await this.retryLoop('TxnOffsetCommit', 'group', group.groupId, async (conn) => {
        const res = await conn.request(ApiKey.TxnOffsetCommit, {
          transactionalId: this.transactionalId,
          groupId: group.groupId,
          producerId: id.producerId,
          producerEpoch: id.producerEpoch,
          generationIdOrMemberEpoch: group.generationId,
          memberId: group.memberId,
          groupInstanceId: group.groupInstanceId,
          topics: [...topics].map(([name, ps]) => ({
            name,
            partitions: ps.map((p) => ({ partitionIndex: p.partition, committedOffset: BigInt(p.offset), committedLeaderEpoch: -1, committedMetadata: p.metadata ?? '' })),
          })),
        });
        for (const t of res.topics) for (const p of t.partitions) {
          if (p.errorCode !== ErrorCode.NONE) throw new KafkaError(p.errorCode, { topic: t.name, partition: p.partitionIndex, broker: conn.label });
        }
      });
    } catch (e) {
      this.batchFailed(e);
      throw e;
    }
  }

  /**
   * Ends the transaction. `flush` completes (commit) or settles (abort) the transaction's batches
   * first; a commit after a failed send throws and leaves the transaction abortable.
   */
  async end(commit: boolean, flush: () => Promise<void>): Promise<void> {
    if (commit) this.check('in-transaction');
    else this.check('in-transaction', 'abortable');
    this.state = 'ending';
    await flush();
    if (this.isFatal()) throw this.error;
    if (commit && (this.state as State) === 'abortable') throw new ClientError(ClientErrorCode.INVALID_STATE, `cannot commit: a send in the transaction failed (${(this.error as Error).message}); abort it`, { cause: this.error });
    const id = this.identity!;
    if (this.added.size > 0 || this.offsetsAdded || this.adding) {
      while (this.adding) await sleep(5);
      try {
        await this.coordinatorCall('EndTxn', async (conn) => {
          const version = Math.min(conn.versionFor(ApiKey.EndTxn), MAX_END_TXN);
          const res = await conn.request(ApiKey.EndTxn, { transactionalId: this.transactionalId, producerId: id.producerId, producerEpoch: id.producerEpoch, committed: commit }, { version });
          if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: conn.label });
        });
      } catch (e) {
        if (e instanceof KafkaError && FATAL.has(e.errorCode)) this.fail(e);
        else if (!this.isFatal()) {
          this.state = 'abortable';
          this.error = e;
        }
        throw e;
      }
    }
    this.state = 'ready';
    this.error = null;
    this.added.clear();
    this.toAdd.clear();
    this.offsetsAdded = false;
  }

  private isFatal(): boolean {
    return this.state === 'fatal';
  }

  private coordinatorCall<T>(what: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
    return this.retryLoop(what, 'transaction', this.transactionalId, fn);
  }

  /**
   * Runs `fn` on the coordinator until it succeeds: retriable errors and CONCURRENT_TRANSACTIONS
   * are retried with backoff (a moved coordinator is looked up again); others are thrown.
   */
  private async retryLoop<T>(what: string, type: 'transaction' | 'group', key: string, fn: (conn: Connection) => Promise<T>): Promise<T> {
    const deadline = Date.now() + Math.max(this.timeoutMs, 30_000);
    const backoff = new Backoff({ initialMs: this.retryBackoffMs, maxMs: 1000 });
    for (;;) {
      try {
        const conn = await this.coordinators.connection(type, key);
        return await fn(conn);
      } catch (e) {
        this.coordinators.onError(type, key, e);
        const again = isRetriable(e) || (e instanceof KafkaError && RETRY_TXN.has(e.errorCode)) || coordinatorMoved(e);
        if (!again || Date.now() > deadline) throw e;
        // CONCURRENT_TRANSACTIONS clears quickly (the previous EndTxn's markers being written).
        const ms = backoff.next();
        await sleep(e instanceof KafkaError && e.errorCode === ErrorCode.CONCURRENT_TRANSACTIONS ? Math.min(ms, 20) : ms);
        void what;
      }
    }
  }
}
