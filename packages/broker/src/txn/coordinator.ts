// TransactionCoordinator: every transactional id of this node (it coordinates all of them). State
// machine and error codes follow Kafka's TransactionCoordinator / TransactionMetadata.
// Transaction version 1: the epoch is bumped by InitProducerId and by fencing, never by EndTxn.
// Transaction version 2 (KIP-890 part 2, EndTxn v5+): every EndTxn that ends a transaction bumps
// the epoch first; the Prepare record carries the bumped epoch, the markers are written with it
// (so a late write of the finished transaction's epoch is refused by every partition), and the
// answer hands it to the producer for its next transaction. An epoch that would reach 32767 moves
// the id to a fresh producer id with epoch 0 once the markers are written. A retried EndTxn (the
// answer was lost) comes with the previous epoch and gets the current one. An abort with nothing
// open bumps the epoch as well (the client's way to get a clean epoch after an abortable error).
//
//   Empty/CompleteCommit/CompleteAbort ──AddPartitions/AddOffsets──▶ Ongoing ──EndTxn──▶ PrepareCommit|PrepareAbort
//        ▲                                                            │ InitProducerId or timeout:           │ markers written to
//        │                                                            │ fence (epoch+1), then PrepareAbort   │ every partition
//        └──────────────────────── CompleteCommit|CompleteAbort ◀─────┴──────────────────────────────────────┘
//
// Every transition is written to `__transaction_state` (fdatasync'ed) before it takes effect in
// memory; while one is being written the id answers CONCURRENT_TRANSACTIONS. Markers are control
// batches appended to each partition of the transaction (and to the __consumer_offsets partition
// of a transactional offset commit); EndTxn answers once the Prepare record is durable and the
// markers were attempted. Markers that could not be written are retried by a timer; a broker that
// restarts completes every Prepare* transaction it loads and aborts Ongoing ones on timeout.
import { controlBatch, type ErrorName } from '@tideline/protocol';
import { BrokerError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Purgatory } from '../purgatory.js';
import type { ProducerIdAllocator } from '../producer-ids.js';
import type { PartitionHandle, TopicManager } from '../topics.js';
import type { GroupCoordinator } from '../groups/coordinator.js';
import { CONSUMER_OFFSETS_TOPIC, TRANSACTION_STATE_TOPIC } from '../topic-names.js';
import { offsetsPartitionFor } from '../groups/offsets-format.js';
import {
  decodeTxnKey, decodeTxnValue, encodeTxnKey, encodeTxnValue, txnPartitionFor, type TxnLogValue, type TxnPartition, type TxnState,
} from './txn-log-format.js';
import { decodeBatches, encodeBatch } from '@tideline/protocol';
import { readForLoad, type SkippedOffset } from '../log-load.js';

export type { TxnState, TxnPartition } from './txn-log-format.js';

export interface TransactionConfig {
  /** transaction.max.timeout.ms */
  maxTimeoutMs: number;
  /** transaction.abort.timed.out.transaction.cleanup.interval.ms (also retries unwritten markers) */
  abortTimedOutIntervalMs: number;
  /** transactional.id.expiration.ms */
  transactionalIdExpirationMs: number;
  /** transaction.remove.expired.transaction.cleanup.interval.ms */
  removeExpiredIntervalMs: number;
  /** transaction.state.log.num.partitions (Kafka: 50; one is plenty for a single node). */
  stateTopicPartitions: number;
  /**
   * The finalized `transaction.version` feature advertised in ApiVersions (Kafka's
   * `kafka-features` level): 2 lets clients that know KIP-890 part 2 use it; 1 keeps them on
   * AddPartitionsToTxn and EndTxn v4. Requests of either kind are served whatever the level.
   */
  transactionVersion: 1 | 2;
}

export const DEFAULT_TRANSACTION_CONFIG: Readonly<TransactionConfig> = {
  maxTimeoutMs: 900_000,
  abortTimedOutIntervalMs: 10_000,
  transactionalIdExpirationMs: 7 * 24 * 3600 * 1000,
  removeExpiredIntervalMs: 3600 * 1000,
  stateTopicPartitions: 1,
  transactionVersion: 2,
};

/** Kafka never hands out the last epochs, so a producer can always be fenced once more. */
const EPOCH_EXHAUSTED = 32766;
const NO_EPOCH = -1;
const NO_PID = -1n;
/** One coordinator for the node's lifetime: markers carry this coordinator epoch. */
const COORDINATOR_EPOCH = 0;

interface TxnMeta {
  readonly transactionalId: string;
  producerId: bigint;
  previousProducerId: bigint;
  producerEpoch: number;
  lastProducerEpoch: number;
  timeoutMs: number;
  state: TxnState;
  partitions: Map<string, TxnPartition>;
  startMs: number;
  lastUpdateMs: number;
  /** The state being written (a transition in progress), else null. */
  pending: TxnState | null;
  /** TV2: the producer id the id moves to when this transaction completes (epoch exhausted), else -1. */
  nextProducerId: bigint;
}

type Fields = Omit<TxnMeta, 'transactionalId' | 'pending'>;

export interface EndTxnResult {
  error: ErrorName;
  /** The producer id and epoch for the next transaction (TV2), else -1. */
  producerId: bigint;
  producerEpoch: number;
}

export interface InitResult {
  error: ErrorName;
  producerId: bigint;
  producerEpoch: number;
}

export interface TransactionDescription {
  transactionalId: string;
  state: TxnState;
  producerId: bigint;
  producerEpoch: number;
  timeoutMs: number;
  startMs: number;
  partitions: TxnPartition[];
}

export interface TransactionCoordinatorOptions {
  topics: TopicManager;
  groups: GroupCoordinator;
  fetchWaiters: Purgatory;
  producerIds: ProducerIdAllocator;
  log: Logger;
  now: () => number;
  config?: Partial<TransactionConfig>;
}

const tpKey = (topic: string, partition: number): string => `${topic}\u0000${partition}`;

function fieldsOf(m: TxnMeta): Fields {
  return {
    producerId: m.producerId, previousProducerId: m.previousProducerId, producerEpoch: m.producerEpoch, lastProducerEpoch: m.lastProducerEpoch,
    timeoutMs: m.timeoutMs, state: m.state, partitions: new Map(m.partitions), startMs: m.startMs, lastUpdateMs: m.lastUpdateMs,
    nextProducerId: m.nextProducerId,
  };
}

/** Storage errors of the state topic, as Kafka's TransactionStateManager reports them to clients. */
function appendError(err: unknown): BrokerError {
  const name = err instanceof BrokerError ? err.kafkaError : (err as { kafkaError?: string }).kafkaError;
  if (name === 'UNKNOWN_TOPIC_OR_PARTITION') return new BrokerError('COORDINATOR_NOT_AVAILABLE', 'the transaction state topic is not available', { cause: err });
  if (name === 'MESSAGE_TOO_LARGE' || name === 'RECORD_LIST_TOO_LARGE') return new BrokerError('UNKNOWN_SERVER_ERROR', 'transaction state record too large', { cause: err });
  return new BrokerError('NOT_COORDINATOR', `the transaction state could not be written: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}

export class TransactionCoordinator {
  readonly config: TransactionConfig;
  private readonly txns = new Map<string, TxnMeta>();
  /** Called when a transaction completes (true: committed); set by the metrics. */
  onComplete: ((committed: boolean) => void) | null = null;
  private creating: Promise<void> | null = null;
  /** Implicit partition additions (Produce v12, TxnOffsetCommit v5) run one at a time per id. */
  private readonly adding = new Map<string, Promise<ErrorName>>();
  private timers: NodeJS.Timeout[] = [];
  private closed = false;

  private constructor(private readonly opts: TransactionCoordinatorOptions) {
    this.config = { ...DEFAULT_TRANSACTION_CONFIG, ...opts.config };
  }

  /**
   * Rebuilds every transactional id from `__transaction_state`, then completes the transactions
   * that were being committed or aborted (their markers may be missing). Call after the group
   * coordinator is open (it holds the pending transactional offsets the markers complete).
   */
  static async open(opts: TransactionCoordinatorOptions): Promise<TransactionCoordinator> {
    const c = new TransactionCoordinator(opts);
    const records = await c.load();
    if (records > 0) opts.log.info({ transactionalIds: c.txns.size, records }, 'transactions loaded');
    c.reconcileWithData();
    for (const m of c.txns.values()) {
      if (m.state === 'PrepareCommit' || m.state === 'PrepareAbort') await c.tryComplete(m);
    }
    const every = Math.max(10, c.config.abortTimedOutIntervalMs);
    c.timers.push(setInterval(() => void c.abortTimedOut(), every));
    c.timers.push(setInterval(() => void c.expireTransactionalIds(), Math.max(10, c.config.removeExpiredIntervalMs)));
    for (const t of c.timers) t.unref();
    return c;
  }

  // ---- the state topic ----------------------------------------------------------------

  private ensureTopic(): Promise<void> {
    if (this.opts.topics.get(TRANSACTION_STATE_TOPIC) !== undefined) return Promise.resolve();
    this.creating ??= this.opts.topics.create(TRANSACTION_STATE_TOPIC, {
      partitions: this.config.stateTopicPartitions,
      configs: { 'cleanup.policy': 'compact', 'segment.bytes': String(100 * 1024 * 1024) },
    }).then(() => undefined).finally(() => { this.creating = null; });
    return this.creating;
  }

  private async load(): Promise<number> {
    const info = this.opts.topics.get(TRANSACTION_STATE_TOPIC);
    if (info === undefined) return 0;
    let records = 0;
    for (let p = 0; p < info.partitions; p++) {
      const log = this.opts.topics.partitionLog(TRANSACTION_STATE_TOPIC, p);
      if (log === undefined) continue;
      const skipped: SkippedOffset[] = [];
      for await (const chunk of readForLoad(log, log.logStartOffset, log.logEndOffset, 8 * 1024 * 1024, skipped)) {
        for (const batch of decodeBatches(chunk)) {
          for (const rec of batch.records) {
            records++;
            if (rec.key === null) continue;
            try {
              const id = decodeTxnKey(rec.key);
              if (id === undefined) continue;
              if (rec.value === null) {
                this.txns.delete(id);
                continue;
              }
              const v = decodeTxnValue(rec.value);
              if (v !== undefined) this.txns.set(id, metaFromValue(id, v));
            } catch (err) {
              this.opts.log.warn({ err, partition: p, offset: String(rec.offset) }, 'unreadable transaction state record skipped');
            }
          }
        }
      }
      for (const x of skipped) {
        this.opts.log.warn({ topic: TRANSACTION_STATE_TOPIC, partition: p, offset: String(x.offset), reason: x.reason }, 'corrupt batch skipped while loading transaction state');
      }
    }
    return records;
  }

  /**
   * A torn or corrupt `__transaction_state` (its tail cut by recovery, or a batch skipped) can leave
   * a transactional id at an older state than the data partitions have seen: its producer already
   * wrote with a higher epoch. Bumping from the stale epoch would hand out an epoch the partitions
   * reject (INVALID_PRODUCER_EPOCH on every Produce and marker, the id stuck until it catches up).
   * The partitions' producer state is authoritative for epochs: raise the id to the highest epoch
   * seen. A stale state's transaction is then known to be finished (the producer could not move to
   * a later epoch before it was), so the id becomes CompleteAbort, or Ongoing over the partitions
   * where the producer still has an open transaction (aborted with a fence by the next
   * InitProducerId or by the timeout, as Kafka does with a transaction of unknown outcome).
   */
  private reconcileWithData(): void {
    const seen = new Map<bigint, { epoch: number; open: TxnPartition[] }>();
    for (const t of this.opts.topics.list()) {
      for (let p = 0; p < t.partitions; p++) {
        const h = this.opts.topics.partition(t.name, p);
        if (h === undefined) continue;
        for (const d of h.producers.describe()) {
          let s = seen.get(d.producerId);
          if (s === undefined) seen.set(d.producerId, s = { epoch: d.producerEpoch, open: [] });
          s.epoch = Math.max(s.epoch, d.producerEpoch);
          if (d.currentTxnStartOffset >= 0n) s.open.push({ topic: t.name, partition: p });
        }
      }
    }
    const now = this.opts.now();
    for (const m of this.txns.values()) {
      const s = seen.get(m.producerId);
      if (s === undefined || s.epoch <= m.producerEpoch) continue;
      this.opts.log.warn({
        transactionalId: m.transactionalId, producerId: String(m.producerId), stateEpoch: m.producerEpoch, dataEpoch: s.epoch, state: m.state, openPartitions: s.open.length,
      }, 'transaction state older than the data partitions (torn or corrupt __transaction_state); epoch raised to the partitions\' one');
      m.producerEpoch = s.epoch;
      m.lastProducerEpoch = NO_EPOCH;
      m.partitions = new Map(s.open.map((x) => [tpKey(x.topic, x.partition), x]));
      m.state = s.open.length > 0 ? 'Ongoing' : 'CompleteAbort';
      m.startMs = s.open.length > 0 ? now : -1;
      m.lastUpdateMs = now;
    }
  }

  private async write(id: string, value: TxnLogValue | null): Promise<void> {
    await this.ensureTopic();
    const info = this.opts.topics.get(TRANSACTION_STATE_TOPIC);
    const p = info === undefined ? undefined : this.opts.topics.partition(TRANSACTION_STATE_TOPIC, txnPartitionFor(id, info.partitions));
    if (p === undefined) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `${TRANSACTION_STATE_TOPIC} does not exist`);
    const r = await p.log.append(encodeBatch({ records: [{ key: encodeTxnKey(id), value: value === null ? null : encodeTxnValue(value) }] }), { durable: true });
    this.opts.fetchWaiters.afterAppend(p, r.lastOffset);
  }

  /**
   * Writes `next` and applies it once durable. The caller has set `m.pending` (it holds the id);
   * `keepPending` leaves it set for a follow-up step.
   */
  private async transit(m: TxnMeta, next: Fields, keepPending = false): Promise<void> {
    m.pending = next.state;
    try {
      await this.write(m.transactionalId, {
        producerId: next.producerId, producerEpoch: next.producerEpoch, timeoutMs: next.timeoutMs, state: next.state,
        partitions: [...next.partitions.values()], lastUpdateMs: next.lastUpdateMs, startMs: next.startMs,
        lastProducerEpoch: next.lastProducerEpoch, nextProducerId: next.nextProducerId,
      });
    } catch (err) {
      m.pending = null;
      throw appendError(err);
    }
    const was = m.state;
    Object.assign(m, next);
    m.pending = keepPending ? next.state : null;
    if (this.onComplete !== null && was !== next.state && (next.state === 'CompleteCommit' || next.state === 'CompleteAbort')) this.onComplete(next.state === 'CompleteCommit');
  }

  // ---- InitProducerId -----------------------------------------------------------------

  async initProducerId(transactionalId: string, timeoutMs: number, expected: { producerId: bigint; producerEpoch: number } | null): Promise<InitResult> {
    const fail = (error: ErrorName): InitResult => ({ error, producerId: NO_PID, producerEpoch: NO_EPOCH });
    if (this.closed) return fail('COORDINATOR_NOT_AVAILABLE');
    if (transactionalId === '') return fail('INVALID_REQUEST');
    if (timeoutMs <= 0 || timeoutMs > this.config.maxTimeoutMs) return fail('INVALID_TRANSACTION_TIMEOUT');
    let m = this.txns.get(transactionalId);
    if (m === undefined) {
      const producerId = await this.opts.producerIds.allocate();
      m = this.txns.get(transactionalId);
      if (m === undefined) {
        const now = this.opts.now();
        m = {
          transactionalId, producerId, previousProducerId: NO_PID, producerEpoch: NO_EPOCH, lastProducerEpoch: NO_EPOCH, timeoutMs,
          state: 'Empty', partitions: new Map(), startMs: -1, lastUpdateMs: now, pending: null, nextProducerId: NO_PID,
        };
        this.txns.set(transactionalId, m);
      }
    }
    if (m.pending !== null) return fail('CONCURRENT_TRANSACTIONS');
    if (expected !== null && !(m.producerEpoch === NO_EPOCH || expected.producerId === m.producerId
      || (expected.producerId === m.previousProducerId && expected.producerEpoch >= EPOCH_EXHAUSTED))) {
      return fail('PRODUCER_FENCED');
    }
    const now = this.opts.now();
    switch (m.state) {
      case 'PrepareCommit':
      case 'PrepareAbort':
        return fail('CONCURRENT_TRANSACTIONS');
      case 'Ongoing': {
        // Fence the current producer and abort its transaction, then let the client retry (it
        // gets a second epoch bump, or a new producer id if fencing exhausted the epochs).
        m.pending = 'PrepareEpochFence';
        try {
          await this.abortWithFence(m);
        } catch (err) {
          return fail(err instanceof BrokerError ? err.kafkaError : 'UNKNOWN_SERVER_ERROR');
        }
        return fail('CONCURRENT_TRANSACTIONS');
      }
      case 'Empty':
      case 'CompleteCommit':
      case 'CompleteAbort': {
        const next = fieldsOf(m);
        m.pending = 'Empty';
        if (m.producerEpoch >= EPOCH_EXHAUSTED && (expected === null || expected.producerEpoch === m.producerEpoch)) {
          let producerId: bigint;
          try {
            producerId = await this.opts.producerIds.allocate();
          } catch (err) {
            m.pending = null;
            this.opts.log.error({ err }, 'producer id allocation failed');
            return fail('KAFKA_STORAGE_ERROR');
          }
          Object.assign(next, {
            producerId, previousProducerId: m.producerId, producerEpoch: 0,
            lastProducerEpoch: expected !== null ? m.producerEpoch : NO_EPOCH,
          });
        } else if (expected === null || m.producerEpoch === NO_EPOCH || expected.producerEpoch === m.producerEpoch) {
          next.lastProducerEpoch = expected === null ? NO_EPOCH : m.producerEpoch;
          next.producerEpoch = m.producerEpoch + 1;
        } else if (expected.producerEpoch !== m.lastProducerEpoch) {
          // A retry of a successful bump keeps the current epoch; anything else is fenced.
          m.pending = null;
          return fail('PRODUCER_FENCED');
        }
        Object.assign(next, { timeoutMs, state: 'Empty', partitions: new Map(), startMs: -1, lastUpdateMs: now });
        try {
          await this.transit(m, next);
        } catch (err) {
          return fail(err instanceof BrokerError ? err.kafkaError : 'UNKNOWN_SERVER_ERROR');
        }
        this.opts.log.info({ transactionalId, producerId: String(m.producerId), producerEpoch: m.producerEpoch }, 'transactional producer initialized');
        return { error: 'NONE', producerId: m.producerId, producerEpoch: m.producerEpoch };
      }
      default:
        return fail('UNKNOWN_SERVER_ERROR');
    }
  }

  /** Bumps the epoch and aborts the open transaction with it (the caller set m.pending). */
  private async abortWithFence(m: TxnMeta): Promise<void> {
    const next = fieldsOf(m);
    Object.assign(next, { producerEpoch: m.producerEpoch + 1, lastProducerEpoch: NO_EPOCH, state: 'PrepareAbort', lastUpdateMs: this.opts.now() });
    await this.transit(m, next, true);
    await this.complete(m);
  }

  // ---- AddPartitionsToTxn / AddOffsetsToTxn -------------------------------------------

  /** Checks shared by AddPartitions, EndTxn (from clients) and verification; null when they pass. */
  private checkProducer(m: TxnMeta | undefined, producerId: bigint, producerEpoch: number): ErrorName | null {
    if (m === undefined || m.producerId !== producerId) return 'INVALID_PRODUCER_ID_MAPPING';
    if (m.producerEpoch !== producerEpoch) return 'PRODUCER_FENCED';
    return null;
  }

  /** Adds partitions to the transaction (Kafka's handleAddPartitionsToTransaction). Partitions must exist. */
  async addPartitions(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: readonly TxnPartition[]): Promise<ErrorName> {
    if (this.closed) return 'COORDINATOR_NOT_AVAILABLE';
    if (transactionalId === '') return 'INVALID_REQUEST';
    const m = this.txns.get(transactionalId);
    const bad = this.checkProducer(m, producerId, producerEpoch);
    if (bad !== null || m === undefined) return bad ?? 'INVALID_PRODUCER_ID_MAPPING';
    if (m.pending !== null || m.state === 'PrepareCommit' || m.state === 'PrepareAbort') return 'CONCURRENT_TRANSACTIONS';
    if (m.state === 'Ongoing' && partitions.every((p) => m.partitions.has(tpKey(p.topic, p.partition)))) return 'NONE';
    if (m.state !== 'Ongoing' && m.state !== 'Empty' && m.state !== 'CompleteCommit' && m.state !== 'CompleteAbort') return 'INVALID_TXN_STATE';
    const now = this.opts.now();
    const next = fieldsOf(m);
    if (m.state !== 'Ongoing') {
      next.partitions = new Map();
      next.startMs = now;
    }
    for (const p of partitions) next.partitions.set(tpKey(p.topic, p.partition), { topic: p.topic, partition: p.partition });
    next.state = 'Ongoing';
    next.lastUpdateMs = now;
    try {
      await this.transit(m, next);
    } catch (err) {
      return err instanceof BrokerError ? err.kafkaError : 'UNKNOWN_SERVER_ERROR';
    }
    return 'NONE';
  }

  /**
   * KIP-890 part 2: a transactional write to a partition not yet in the transaction adds it (the
   * client sends no AddPartitionsToTxn). Additions for one id are queued, so a producer's
   * pipelined requests to several partitions do not collide as CONCURRENT_TRANSACTIONS.
   */
  addPartitionsImplicitly(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: readonly TxnPartition[]): Promise<ErrorName> {
    const prev = this.adding.get(transactionalId) ?? Promise.resolve<ErrorName>('NONE');
    const next = prev.catch(() => 'NONE' as const).then(() => this.addPartitions(transactionalId, producerId, producerEpoch, partitions));
    this.adding.set(transactionalId, next);
    void next.finally(() => {
      if (this.adding.get(transactionalId) === next) this.adding.delete(transactionalId);
    });
    return next;
  }

  /** The __consumer_offsets partition of a group (created with the offsets topic when absent). */
  async offsetsPartitionOf(groupId: string): Promise<TxnPartition> {
    await this.opts.groups.offsets.ensureTopic();
    const info = this.opts.topics.get(CONSUMER_OFFSETS_TOPIC);
    return { topic: CONSUMER_OFFSETS_TOPIC, partition: offsetsPartitionFor(groupId, info?.partitions ?? 1) };
  }

  /**
   * KIP-890 part 1: may this transactional producer write to this partition? null when yes; else
   * Kafka's verification answer (the caller maps it to the produce error of its version).
   */
  verify(transactionalId: string, producerId: bigint, producerEpoch: number, topic: string, partition: number): ErrorName | null {
    const m = this.txns.get(transactionalId);
    const bad = this.checkProducer(m, producerId, producerEpoch);
    if (bad !== null || m === undefined) return bad ?? 'INVALID_PRODUCER_ID_MAPPING';
    if (m.state === 'PrepareCommit' || m.state === 'PrepareAbort' || m.pending === 'PrepareCommit' || m.pending === 'PrepareAbort') return 'CONCURRENT_TRANSACTIONS';
    if (m.state !== 'Ongoing' || !m.partitions.has(tpKey(topic, partition))) return 'TRANSACTION_ABORTABLE';
    return null;
  }

  // ---- EndTxn -------------------------------------------------------------------------

  /**
   * EndTxn. `tv2` (EndTxn v5+) bumps the epoch for the next transaction and returns it; a TV1
   * EndTxn keeps the epoch (the result's producer id and epoch are then -1). The answer comes once
   * the markers are written: when they could not be, it is CONCURRENT_TRANSACTIONS and the client
   * retries until the timer has written them.
   */
  async endTxn(transactionalId: string, producerId: bigint, producerEpoch: number, commit: boolean, tv2 = false): Promise<EndTxnResult> {
    const fail = (error: ErrorName): EndTxnResult => ({ error, producerId: NO_PID, producerEpoch: NO_EPOCH });
    const ok = (m: TxnMeta): EndTxnResult => (tv2 ? { error: 'NONE', producerId: m.producerId, producerEpoch: m.producerEpoch } : fail('NONE'));
    if (this.closed) return fail('COORDINATOR_NOT_AVAILABLE');
    if (transactionalId === '') return fail('INVALID_REQUEST');
    const m = this.txns.get(transactionalId);
    if (m === undefined) return fail('INVALID_PRODUCER_ID_MAPPING');
    // TV2 retry: the answer with the bumped epoch was lost, the client still has the previous one
    // (or, after the move to a new producer id, the previous id and its last epoch).
    const retry = tv2 && (
      (producerId === m.producerId && producerEpoch === m.producerEpoch - 1)
      || (producerId === m.previousProducerId && m.producerEpoch === 0 && producerEpoch === m.lastProducerEpoch));
    if (!retry) {
      const bad = this.checkProducer(m, producerId, producerEpoch);
      if (bad !== null) return fail(bad);
    }
    if (m.pending !== null) return fail('CONCURRENT_TRANSACTIONS');
    const end = async (): Promise<EndTxnResult> => {
      const next = fieldsOf(m);
      next.state = commit ? 'PrepareCommit' : 'PrepareAbort';
      next.lastUpdateMs = this.opts.now();
      if (tv2) {
        next.lastProducerEpoch = m.producerEpoch;
        next.producerEpoch = m.producerEpoch + 1;
        if (m.producerEpoch >= EPOCH_EXHAUSTED - 1) {
          try {
            next.nextProducerId = await this.opts.producerIds.allocate();
          } catch (err) {
            this.opts.log.error({ err }, 'producer id allocation failed');
            return fail('KAFKA_STORAGE_ERROR');
          }
        }
      }
      m.pending = next.state;
      try {
        await this.transit(m, next, true);
      } catch (err) {
        return fail(err instanceof BrokerError ? err.kafkaError : 'UNKNOWN_SERVER_ERROR');
      }
      // The outcome is decided (durable): markers that fail now are retried by the timer, and the
      // client's retry is answered once they are written.
      try {
        await this.complete(m);
      } catch (err) {
        this.opts.log.warn({ err, transactionalId }, 'transaction markers not written yet; will retry');
        return fail('CONCURRENT_TRANSACTIONS');
      }
      return ok(m);
    };
    switch (m.state) {
      case 'Ongoing':
        return retry ? fail('PRODUCER_FENCED') : end();
      case 'CompleteCommit':
        if (commit) return retry || !tv2 ? ok(m) : fail('INVALID_TXN_STATE');
        return tv2 && !retry ? end() : fail('INVALID_TXN_STATE');
      case 'CompleteAbort':
        if (!commit) return retry || !tv2 ? ok(m) : end();
        return fail('INVALID_TXN_STATE');
      case 'Empty':
        return tv2 && !commit && !retry ? end() : fail('INVALID_TXN_STATE');
      case 'PrepareCommit':
        return fail(commit ? 'CONCURRENT_TRANSACTIONS' : 'INVALID_TXN_STATE');
      case 'PrepareAbort':
        return fail(commit ? 'INVALID_TXN_STATE' : 'CONCURRENT_TRANSACTIONS');
      default:
        return fail('INVALID_TXN_STATE');
    }
  }

  /**
   * Writes the markers of a Prepare* transaction to all its partitions, then its Complete* state.
   * The caller holds m.pending; it is cleared whatever happens (the retry timer picks up failures).
   */
  private async complete(m: TxnMeta): Promise<void> {
    try {
      const commit = m.state === 'PrepareCommit';
      const results = await Promise.all([...m.partitions.values()].map(async (p) => ({
        p, error: await this.writeMarker(p.topic, p.partition, m.producerId, m.producerEpoch, commit, COORDINATOR_EPOCH),
      })));
      const failed = results.filter((r) => r.error !== null && r.error !== 'UNKNOWN_TOPIC_OR_PARTITION' && r.error !== 'INVALID_PRODUCER_EPOCH');
      for (const r of results) {
        if (r.error === 'INVALID_PRODUCER_EPOCH') {
          this.opts.log.error({ transactionalId: m.transactionalId, topic: r.p.topic, partition: r.p.partition }, 'marker refused: the partition knows a newer producer epoch');
        }
      }
      if (failed.length > 0) {
        throw new BrokerError('KAFKA_STORAGE_ERROR', `markers not written to ${failed.map((f) => `${f.p.topic}-${f.p.partition} (${f.error})`).join(', ')}`);
      }
      const next = fieldsOf(m);
      Object.assign(next, { state: commit ? 'CompleteCommit' : 'CompleteAbort', partitions: new Map(), lastUpdateMs: this.opts.now() });
      if (m.nextProducerId >= 0n) {
        // TV2 with the epoch exhausted: the next transaction runs under a fresh producer id.
        Object.assign(next, { previousProducerId: m.producerId, producerId: m.nextProducerId, lastProducerEpoch: m.producerEpoch - 1, producerEpoch: 0, nextProducerId: NO_PID });
      }
      await this.transit(m, next);
    } finally {
      m.pending = null;
    }
  }

  /** Completes a Prepare* transaction if nothing else holds it; failures are logged (retried later). */
  private async tryComplete(m: TxnMeta): Promise<void> {
    if (m.pending !== null || (m.state !== 'PrepareCommit' && m.state !== 'PrepareAbort')) return;
    m.pending = m.state === 'PrepareCommit' ? 'CompleteCommit' : 'CompleteAbort';
    await this.complete(m).catch((err: unknown) => {
      this.opts.log.warn({ err, transactionalId: m.transactionalId }, 'transaction markers not written yet; will retry');
    });
  }

  /**
   * Appends an end-transaction marker for `producerId` to one partition (also WriteTxnMarkers).
   * Returns null once it is durable, else the error. Completes pending transactional offsets on
   * __consumer_offsets partitions.
   */
  async writeMarker(topic: string, partition: number, producerId: bigint, producerEpoch: number, commit: boolean, coordinatorEpoch: number): Promise<ErrorName | null> {
    const h: PartitionHandle | undefined = this.opts.topics.partition(topic, partition);
    if (h === undefined) return 'UNKNOWN_TOPIC_OR_PARTITION';
    const now = this.opts.now();
    // Producer-state check and append with no await in between (see producer-state.ts).
    const check = h.producers.checkMarker(producerId, producerEpoch, coordinatorEpoch, !commit, now);
    if (check.kind === 'error') return check.error;
    let appended;
    try {
      appended = h.log.append(controlBatch({ type: commit ? 'commit' : 'abort', producerId, producerEpoch, coordinatorEpoch, timestamp: BigInt(now) }), { durable: true });
    } catch (err) {
      return storageErrorName(err);
    }
    check.apply(appended);
    try {
      const r = await appended;
      this.opts.fetchWaiters.afterAppend(h, r.lastOffset);
    } catch (err) {
      this.opts.log.warn({ err, topic, partition }, 'transaction marker not written');
      return storageErrorName(err);
    }
    if (topic === CONSUMER_OFFSETS_TOPIC) this.opts.groups.offsets.completeTxn(producerId, partition, commit);
    return null;
  }

  // ---- timers -------------------------------------------------------------------------

  /** Aborts (with a fencing epoch bump) every Ongoing transaction past its timeout; retries unwritten markers. */
  async abortTimedOut(): Promise<void> {
    if (this.closed) return;
    const now = this.opts.now();
    const work: Array<Promise<void>> = [];
    for (const m of this.txns.values()) {
      if (m.pending !== null) continue;
      if (m.state === 'Ongoing' && m.startMs + m.timeoutMs < now) {
        this.opts.log.info({ transactionalId: m.transactionalId, producerId: String(m.producerId), timeoutMs: m.timeoutMs }, 'aborting a timed-out transaction');
        m.pending = 'PrepareEpochFence';
        work.push(this.abortWithFence(m).catch((err: unknown) => {
          this.opts.log.warn({ err, transactionalId: m.transactionalId }, 'timed-out transaction not aborted yet; will retry');
        }));
      } else if (m.state === 'PrepareCommit' || m.state === 'PrepareAbort') {
        work.push(this.tryComplete(m));
      }
    }
    await Promise.all(work);
  }

  /** Forgets transactional ids idle for transactional.id.expiration.ms (a tombstone in the state topic). */
  async expireTransactionalIds(): Promise<number> {
    if (this.closed) return 0;
    const now = this.opts.now();
    let n = 0;
    for (const m of [...this.txns.values()]) {
      if (m.pending !== null || (m.state !== 'Empty' && m.state !== 'CompleteCommit' && m.state !== 'CompleteAbort')) continue;
      if (m.lastUpdateMs + this.config.transactionalIdExpirationMs > now) continue;
      m.pending = 'Dead';
      try {
        await this.write(m.transactionalId, null);
        if (this.txns.get(m.transactionalId) === m) this.txns.delete(m.transactionalId);
        n++;
      } catch (err) {
        this.opts.log.warn({ err, transactionalId: m.transactionalId }, 'transactional id expiry failed');
      } finally {
        m.pending = null;
      }
    }
    return n;
  }

  // ---- administration -----------------------------------------------------------------

  describe(transactionalId: string): TransactionDescription | undefined {
    const m = this.txns.get(transactionalId);
    if (m === undefined || m.state === 'Dead') return undefined;
    return {
      transactionalId, state: m.state, producerId: m.producerId, producerEpoch: m.producerEpoch, timeoutMs: m.timeoutMs,
      startMs: m.startMs, partitions: [...m.partitions.values()],
    };
  }

  list(): TransactionDescription[] {
    return [...this.txns.keys()].map((id) => this.describe(id)).filter((d): d is TransactionDescription => d !== undefined);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}

function metaFromValue(transactionalId: string, v: TxnLogValue): TxnMeta {
  const partitions = new Map<string, TxnPartition>();
  for (const p of v.partitions) partitions.set(tpKey(p.topic, p.partition), p);
  return {
    transactionalId, producerId: v.producerId, previousProducerId: NO_PID, producerEpoch: v.producerEpoch, lastProducerEpoch: v.lastProducerEpoch ?? NO_EPOCH,
    timeoutMs: v.timeoutMs, state: v.state, partitions, startMs: v.startMs, lastUpdateMs: v.lastUpdateMs, pending: null,
    nextProducerId: v.nextProducerId ?? NO_PID,
  };
}

function storageErrorName(err: unknown): ErrorName {
  if (err instanceof BrokerError) return err.kafkaError;
  const name = (err as { kafkaError?: unknown }).kafkaError;
  return typeof name === 'string' ? name as ErrorName : 'KAFKA_STORAGE_ERROR';
}
