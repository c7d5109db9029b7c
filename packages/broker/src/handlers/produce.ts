// Produce v3-13; v0-2 are advertised (librdkafka derives features from the advertised range, as
// Kafka 4 learned in KAFKA-18659) but answered with UNSUPPORTED_VERSION per partition.
// acks 0 (no response; an error closes the connection, as in Kafka), 1 (answer after the write),
// -1 (answer after fdatasync; concurrent appends share one fsync through the log's group commit).
// Each partition's records must be exactly one magic-v2 batch (Kafka: v3+ requests carry one
// batch per partition) and are checked before anything is written: CORRUPT_MESSAGE for a bad
// length or CRC, INVALID_RECORD for a wrong magic, more than one batch or a record count not
// matching lastOffsetDelta, MESSAGE_TOO_LARGE above max.message.bytes, UNSUPPORTED_COMPRESSION_TYPE
// for zstd before v7 or an unknown codec. Idempotent batches go through the partition's producer
// state (duplicates answer with the original offsets; see producer-state.ts). Batches stay opaque:
// the log rewrites offsets and, for LogAppendTime topics, the timestamp and CRC. Unknown topics are
// UNKNOWN_TOPIC_OR_PARTITION (Kafka auto-creates only from Metadata); storage failures map to
// their Kafka codes (KAFKA_STORAGE_ERROR for I/O).
// Transactional batches need the request's transactional id (else TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
// as Kafka answers) and, KIP-890 part 1, a partition the coordinator added to that transaction for
// this producer id and epoch: otherwise INVALID_TXN_STATE (TRANSACTION_ABORTABLE from v11),
// INVALID_PRODUCER_ID_MAPPING, INVALID_PRODUCER_EPOCH for a fenced epoch, NOT_ENOUGH_REPLICAS
// (retriable) while the transaction is being completed. From v12 (transaction version 2, KIP-890
// part 2) the client sends no AddPartitionsToTxn: a transactional batch for a partition not in the
// transaction adds it (one addition per request for all its partitions, before any is verified).
// v13 (KIP-516) names topics by id: an unknown id answers UNKNOWN_TOPIC_ID.
// Compacted topics (cleanup.policy contains compact) refuse records without a key, as Kafka's
// LogValidator does: INVALID_RECORD with one recordErrors entry (KIP-467) per keyless record and
// nothing of the batch written; only there is a compressed batch decompressed to look at its keys.
// Topics with confluent.value.schema.validation / confluent.key.schema.validation refuse records
// without a schema id registered under the topic's subject the same way (schema-validation.ts).
// Quotas (KIP-219): the records' bytes count against producer_byte_rate; over it, the answer
// carries the delay in throttleTimeMs and the server mutes the connection for it (acks=0 too).
// Skipped: timestamps vs message.timestamp.*.max.ms.
import {
  ApiKey, ErrorCode, type ProduceRequestPartitionProduceData,
} from '@tideline/protocol';
import {
  BATCH_OVERHEAD, CompressionType, LOG_OVERHEAD, Off, ProtocolError, batchSizeAt, compressionOf, isBatchCrcValid, isTransactional,
  keylessRecordIndexes, type ErrorName,
} from '@tideline/protocol/internal';
import { NO_RESPONSE, defineHandler, type ConnectionInfo } from '../registry.js';
import { BrokerError, errorCodeOf, errorMessageOf } from '../errors.js';
import type { Broker } from '../broker-state.js';
import { ZERO_UUID, type PartitionHandle } from '../topics.js';
import { batchIdentityAt, type BatchIdentity } from '../producer-state.js';
import { schemaIdRejections, schemaRejectionMessage } from '../schema-validation.js';
import { checkConditional, prepareConditional } from '../conditional-append.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTopic, allowedOnTxnId } from '../security/authorize.js';

interface PartitionResult {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTimeMs: bigint;
  logStartOffset: bigint;
  errorMessage: string | null;
  recordErrors?: Array<{ batchIndex: number; batchIndexErrorMessage: string | null }>;
}

const failed = (index: number, code: number, message: string | null): PartitionResult =>
  ({ index, errorCode: code, baseOffset: -1n, logAppendTimeMs: -1n, logStartOffset: -1n, errorMessage: message });

/** Checks the bytes of one partition's records; returns the batch's identity or throws BrokerError. */
export function validateProduceRecords(records: Buffer, apiVersion: number, maxMessageBytes: number): BatchIdentity {
  const reject = (code: ErrorName, msg: string): never => {
    throw new BrokerError(code, msg);
  };
  if (records.length < LOG_OVERHEAD) reject('CORRUPT_MESSAGE', `record data of ${records.length} bytes is shorter than a batch header`);
  const size = batchSizeAt(records, 0);
  if (size < BATCH_OVERHEAD || size > records.length) reject('CORRUPT_MESSAGE', `record batch length ${size} does not match the ${records.length} bytes sent`);
  if (records.readInt8(Off.magic) !== 2) reject('INVALID_RECORD', `Produce requests with version ${apiVersion} are only allowed to contain record batches with magic version 2`);
  if (size !== records.length) reject('INVALID_RECORD', `Produce requests with version ${apiVersion} are only allowed to contain exactly one record batch`);
  if (!isBatchCrcValid(records, 0, size)) reject('CORRUPT_MESSAGE', 'record batch CRC mismatch');
  const id = batchIdentityAt(records, 0);
  const count = records.readInt32BE(Off.recordsCount);
  if (id.lastOffsetDelta < 0) reject('INVALID_RECORD', 'Batch has an invalid offset range');
  if (count <= 0) reject('INVALID_RECORD', `Invalid reported count for record batch: ${count}`);
  if (count !== id.lastOffsetDelta + 1) reject('INVALID_RECORD', `Inconsistent batch offset range [0, ${id.lastOffsetDelta}] and record count ${count}`);
  const codec = compressionOf(id.attributes);
  if (codec > CompressionType.Zstd) reject('UNSUPPORTED_COMPRESSION_TYPE', `unknown compression type ${codec}`);
  if (codec === CompressionType.Zstd && apiVersion < 7) reject('UNSUPPORTED_COMPRESSION_TYPE', 'Produce requests with version < 7 cannot use zstd');
  if (size > maxMessageBytes) reject('MESSAGE_TOO_LARGE', `The batch size ${size} is larger than max.message.bytes ${maxMessageBytes}`);
  return id;
}

/** A compacted topic's answer to a batch holding records without a key; null when every record has one. */
function keylessRejection(records: Buffer, index: number, topic: string): PartitionResult | null {
  let keyless: number[];
  try {
    keyless = keylessRecordIndexes(records);
  } catch (err) {
    if (err instanceof ProtocolError) throw new BrokerError('CORRUPT_MESSAGE', err.message);
    throw err;
  }
  if (keyless.length === 0) return null;
  const where = `${topic}-${index}`;
  return {
    ...failed(index, ErrorCode.INVALID_RECORD,
      `${keyless.length} of the batch's records have no key; compacted topic ${where} keeps the latest record per key, so nothing of the batch was written`),
    recordErrors: keyless.map((batchIndex) => ({ batchIndex, batchIndexErrorMessage: `compacted topic ${where} cannot accept a record without a key` })),
  };
}

/** Kafka's mapping of a failed transaction verification to the produce error a client understands. */
function verificationError(err: ErrorName, apiVersion: number): { code: ErrorName; message: string } {
  switch (err) {
    case 'TRANSACTION_ABORTABLE':
      return { code: apiVersion >= 11 ? 'TRANSACTION_ABORTABLE' : 'INVALID_TXN_STATE', message: 'Partition was not added to the transaction' };
    case 'PRODUCER_FENCED':
      return { code: 'INVALID_PRODUCER_EPOCH', message: 'the producer epoch is not the transaction\'s current epoch' };
    case 'CONCURRENT_TRANSACTIONS':
      return { code: 'NOT_ENOUGH_REPLICAS', message: `Unable to verify the partition has been added to the transaction. Underlying error: ${err}` };
    default:
      return { code: err, message: `transaction verification failed: ${err}` };
  }
}

async function producePartition(
  b: Broker,
  topic: string,
  pd: ProduceRequestPartitionProduceData,
  acks: number,
  apiVersion: number,
  transactionalId: string | null,
  implicitAdd: ErrorName | undefined,
): Promise<PartitionResult> {
  const handle: PartitionHandle | undefined = b.topics.partition(topic, pd.index);
  if (handle === undefined) return failed(pd.index, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.');
  const records = pd.records;
  // Kafka answers an empty record set with no error and no offset.
  if (records === null || records.length === 0) return { ...failed(pd.index, ErrorCode.NONE, null), logStartOffset: handle.log.logStartOffset };
  // `records` is a view of the request frame, which goes back to a pool when the handler resolves
  // (frame-buffers.ts): this function never settles while the append it started is pending, even
  // when something after the append throws.
  let appending: Promise<unknown> | null = null;
  try {
    const applied = handle.log.currentConfig;
    const id = validateProduceRecords(records, apiVersion, applied.maxMessageBytes);
    if (applied.cleanupCompact) {
      const rejected = keylessRejection(records, pd.index, topic);
      if (rejected !== null) return rejected;
    }
    const tc = b.topics.config(topic);
    if (tc !== undefined && (tc.keySchemaValidation || tc.valueSchemaValidation) && b.schemaValidation !== undefined) {
      // Awaits the registry (cached): the chain keeps this partition's validated batches in order.
      const sv = b.schemaValidation;
      const refused = await sv.chains.run(handle, () => schemaIdRejections(records, topic, { key: tc.keySchemaValidation, value: tc.valueSchemaValidation }, sv.validator));
      if (refused.length > 0) return { ...failed(pd.index, ErrorCode.INVALID_RECORD, schemaRejectionMessage(topic, pd.index, refused)), recordErrors: refused };
    }
    const conditional = tc?.conditionalAppend === true;
    if (conditional) await prepareConditional(handle);
    // From here to log.append() nothing awaits: transaction verification, producer checks and
    // offset assignment happen in the same order for every request (the log's append queue is FIFO).
    if (isTransactional(id.attributes)) {
      if (transactionalId === null || id.producerId < 0n) throw new BrokerError('TRANSACTIONAL_ID_AUTHORIZATION_FAILED', 'transactional records need a transactional id and a producer id');
      const err = b.transactions.verify(transactionalId, id.producerId, id.producerEpoch, topic, pd.index);
      if (err !== null) {
        // A failed implicit addition says why better than the verification after it.
        const e = verificationError(implicitAdd !== undefined && implicitAdd !== 'NONE' ? implicitAdd : err, apiVersion);
        throw new BrokerError(e.code, e.message);
      }
    }
    const check = handle.producers.check([id], b.now(), { nextOffset: handle.log.logEndOffset });
    if (check.kind === 'error') throw new BrokerError(check.error, check.message);
    if (check.kind === 'duplicate') {
      await check.batch.done;
      if (check.batch.firstOffset < 0n) throw new BrokerError('KAFKA_STORAGE_ERROR', 'the original append of this batch failed');
      return {
        index: pd.index, errorCode: ErrorCode.NONE, baseOffset: check.batch.firstOffset,
        logAppendTimeMs: check.batch.timestamp, logStartOffset: handle.log.logStartOffset, errorMessage: null,
      };
    }
    const counted = conditional ? checkConditional(handle, records) : null;
    // The log writes offsets into the frame in place and keeps no view of it once the append settled.
    const appended = handle.log.append(records, { durable: acks === -1 });
    appending = appended;
    counted?.(appended);
    check.apply(appended);
    const m = b.metrics;
    let r: Awaited<typeof appended>;
    if (m === undefined) {
      r = await appended;
    } else {
      // Counted once the append succeeded; acks=-1 appends wait in the produce purgatory (the group commit) meanwhile.
      if (acks === -1) m.durableProduceWaiting(1);
      try {
        r = await appended;
      } finally {
        if (acks === -1) m.durableProduceWaiting(-1);
      }
      m.produced(topic, records.length, Number(r.lastOffset - r.baseOffset) + 1);
    }
    b.fetchWaiters.afterAppend(handle, r.lastOffset);
    return { index: pd.index, errorCode: ErrorCode.NONE, baseOffset: r.baseOffset, logAppendTimeMs: r.logAppendTime, logStartOffset: r.logStartOffset, errorMessage: null };
  } catch (err) {
    if (appending !== null) await appending.catch(() => {});
    if (!(err instanceof BrokerError)) b.log.warn({ err, topic, partition: pd.index }, 'produce failed');
    return failed(pd.index, errorCodeOf(err), errorMessageOf(err));
  }
}

/** The partitions of a request to add to its transaction (KIP-890 part 2), and for which producer. */
interface ImplicitAddition {
  producer: { producerId: bigint; producerEpoch: number };
  wanted: Array<{ topic: string; partition: number }>;
}

/**
 * KIP-890 part 2: every partition of the request that holds a transactional batch and is not in
 * the transaction yet; null when there is none (nothing to await).
 */
function implicitAdditions(b: Broker, transactionalId: string, topicData: ReadonlyArray<{ name: string; partitionData: ReadonlyArray<ProduceRequestPartitionProduceData> }>): ImplicitAddition | null {
  const wanted: Array<{ topic: string; partition: number }> = [];
  let producer: { producerId: bigint; producerEpoch: number } | null = null;
  for (const td of topicData) {
    for (const pd of td.partitionData) {
      const records = pd.records;
      if (records === null || records.length < BATCH_OVERHEAD || b.topics.partition(td.name, pd.index) === undefined) continue;
      let id: BatchIdentity;
      try {
        id = batchIdentityAt(records, 0);
      } catch {
        continue; // validateProduceRecords reports it
      }
      if (!isTransactional(id.attributes) || id.producerId < 0n) continue;
      if (producer !== null && (producer.producerId !== id.producerId || producer.producerEpoch !== id.producerEpoch)) continue;
      producer = { producerId: id.producerId, producerEpoch: id.producerEpoch };
      if (b.transactions.verify(transactionalId, id.producerId, id.producerEpoch, td.name, pd.index) === 'TRANSACTION_ABORTABLE') {
        wanted.push({ topic: td.name, partition: pd.index });
      }
    }
  }
  return producer === null || wanted.length === 0 ? null : { producer, wanted };
}

/** Adds the partitions in one coordinator call; each one's result keyed topic NUL partition (they are verified again before their append). */
async function addImplicitly(b: Broker, transactionalId: string, add: ImplicitAddition): Promise<Map<string, ErrorName>> {
  const err = await b.transactions.addPartitionsImplicitly(transactionalId, add.producer.producerId, add.producer.producerEpoch, add.wanted);
  return new Map(add.wanted.map((w) => [`${w.topic}\u0000${w.partition}`, err]));
}

/**
 * Produce requests of one connection reach their appends in the order they arrived, as Kafka's
 * one-request-at-a-time connections give: a pipelining client (max in-flight > 1) relies on it for
 * its sequence numbers. Handling is synchronous from a request's start to its appends being queued
 * unless it must await something first (adding partitions to a transaction): such a request leaves
 * here a promise that resolves once its partitions have started, and the connection's next Produce
 * requests wait for it before starting theirs.
 */
const startsAhead = new WeakMap<ConnectionInfo, Promise<void>>();

export const produceHandler = defineHandler({
  apiKey: ApiKey.Produce,
  minVersion: 0,
  maxVersion: 13,
  async handle(req, ctx) {
    const b = ctx.broker;
    const v = ctx.apiVersion;
    let fixed: { code: number; message: string } | null = null;
    if (v < 3) fixed = { code: ErrorCode.UNSUPPORTED_VERSION, message: `Produce v${v} is not supported; use v3 or later` };
    else if (req.acks !== 0 && req.acks !== 1 && req.acks !== -1) fixed = { code: ErrorCode.INVALID_REQUIRED_ACKS, message: `invalid acks ${req.acks}` };
    else if (req.transactionalId !== null && !allowedOnTxnId(ctx, AclOperation.WRITE, req.transactionalId)) {
      fixed = { code: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, message: `not authorized to write with transactional id ${req.transactionalId}` };
    }
    // Counted before anything is written, and the connection muted at once: a client pipelining
    // Produce requests gets no further one handled until the delay is over (Kafka handles one
    // request per connection at a time, so it never counts the requests behind a throttled one).
    let bytes = 0;
    if (b.quotas.active) for (const td of req.topicData) for (const pd of td.partitionData) bytes += pd.records?.length ?? 0;
    const throttleTimeMs = bytes === 0 ? 0 : b.quotas.recordProduce(ctx.connection.session, ctx.header.clientId ?? '', bytes);
    ctx.connection.throttle(throttleTimeMs);
    // v13 names topics by id; the rest works on names.
    const topicData = req.topicData.map((td) => {
      if (v < 13) return { ...td, unknownId: false };
      const info = td.topicId === ZERO_UUID ? undefined : b.topics.getById(td.topicId);
      return { ...td, name: info?.name ?? '', unknownId: info === undefined };
    });
    const txnId = fixed === null && v >= 12 ? req.transactionalId : null;
    const known = topicData.filter((td) => !td.unknownId);
    const conn = ctx.connection;
    const ahead = startsAhead.get(conn);
    let addition = txnId !== null && ahead === undefined ? implicitAdditions(b, txnId, known) : null;
    let started: (() => void) | null = null;
    let gate: Promise<void> | null = null;
    if (ahead !== undefined || addition !== null) {
      gate = new Promise<void>((r) => (started = r));
      startsAhead.set(conn, gate);
    }
    let responsesStarted: ReturnType<typeof startPartitions>;
    try {
      if (ahead !== undefined) {
        await ahead;
        // The requests ahead may have added some of these partitions meanwhile.
        if (txnId !== null) addition = implicitAdditions(b, txnId, known);
      }
      const added = addition !== null ? await addImplicitly(b, txnId!, addition) : undefined;
      responsesStarted = startPartitions(added);
    } finally {
      if (gate !== null) {
        started!();
        if (startsAhead.get(conn) === gate) startsAhead.delete(conn);
      }
    }
    const responses = await responsesStarted;
    if (req.acks === 0) {
      // acks=0 has no response to carry errors: like Kafka, close the connection so the client
      // refreshes its metadata.
      const bad = responses.flatMap((t) => t.partitionResponses).find((p) => p.errorCode !== ErrorCode.NONE);
      if (bad !== undefined) throw new BrokerError('UNKNOWN_SERVER_ERROR', `acks=0 produce failed (error ${bad.errorCode}); closing the connection`);
      return NO_RESPONSE;
    }
    return { responses, throttleTimeMs };

    /** Starts every partition's produce: each runs synchronously up to its append being queued (or its first await). */
    function startPartitions(added: Map<string, ErrorName> | undefined) {
      return Promise.all(topicData.map(async (td) => {
      const refused = fixed
        ?? (td.unknownId ? { code: ErrorCode.UNKNOWN_TOPIC_ID, message: 'This server does not host this topic ID.' } : null)
        ?? (allowedOnTopic(ctx, AclOperation.WRITE, td.name) ? null : { code: ErrorCode.TOPIC_AUTHORIZATION_FAILED, message: `not authorized to write to topic ${td.name}` });
      return {
        name: td.name,
        topicId: td.topicId,
        partitionResponses: await Promise.all(td.partitionData.map((pd) => (refused !== null
          ? Promise.resolve(failed(pd.index, refused.code, refused.message))
          : producePartition(b, td.name, pd, req.acks, v, req.transactionalId, added?.get(`${td.name}\u0000${pd.index}`))))),
        };
      }));
    }
  },
});
