// Control batches: transactional markers written by the transaction coordinator.
// A control batch has the transactional and control attribute bits set and holds one record:
//   key   = version int16 (0) | type int16 (0 = abort, 1 = commit; Kafka uses higher types for KRaft)
//   value = version int16 (0) | coordinatorEpoch int32   (for abort/commit markers)
import { encodeBatch } from './batch.js';
import { corrupt } from './varint.js';

export type ControlType = 'abort' | 'commit';

export interface ControlBatchOptions {
  type: ControlType;
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
  baseOffset?: bigint;
  partitionLeaderEpoch?: number;
  timestamp?: bigint;
}

export interface ControlRecord {
  version: number;
  /** Kafka's control record type id: 0 abort, 1 commit, others are not transaction markers. */
  typeId: number;
  type: ControlType | 'other';
  /** Present for abort/commit markers. */
  coordinatorEpoch?: number;
}

export function controlRecordKey(type: ControlType): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(0, 0);
  key.writeInt16BE(type === 'commit' ? 1 : 0, 2);
  return key;
}

export function endTxnMarkerValue(coordinatorEpoch: number): Buffer {
  const value = Buffer.alloc(6);
  value.writeInt16BE(0, 0);
  value.writeInt32BE(coordinatorEpoch, 2);
  return value;
}

export function controlBatch(opts: ControlBatchOptions): Buffer {
  const batch: Parameters<typeof encodeBatch>[0] = {
    transactional: true,
    control: true,
    producerId: opts.producerId,
    producerEpoch: opts.producerEpoch,
    baseSequence: -1,
    records: [{ key: controlRecordKey(opts.type), value: endTxnMarkerValue(opts.coordinatorEpoch) }],
  };
  if (opts.baseOffset !== undefined) batch.baseOffset = opts.baseOffset;
  if (opts.partitionLeaderEpoch !== undefined) batch.partitionLeaderEpoch = opts.partitionLeaderEpoch;
  if (opts.timestamp !== undefined) batch.baseTimestamp = opts.timestamp;
  return encodeBatch(batch);
}

/** Parses the key (and, for markers, the value) of a record from a control batch. */
export function parseControlRecord(record: { key: Buffer | null; value: Buffer | null }): ControlRecord {
  const key = record.key;
  if (key === null || key.length < 4) throw corrupt(`control record key must be at least 4 bytes, got ${key?.length ?? 'null'}`);
  const version = key.readInt16BE(0);
  if (version < 0) throw corrupt(`invalid control record key version ${version}`);
  const typeId = key.readInt16BE(2);
  if (typeId !== 0 && typeId !== 1) return { version, typeId, type: 'other' };
  const value = record.value;
  if (value === null || value.length < 6) throw corrupt('end transaction marker value must be at least 6 bytes');
  const valueVersion = value.readInt16BE(0);
  if (valueVersion < 0) throw corrupt(`invalid end transaction marker version ${valueVersion}`);
  return { version, typeId, type: typeId === 1 ? 'commit' : 'abort', coordinatorEpoch: value.readInt32BE(2) };
}
