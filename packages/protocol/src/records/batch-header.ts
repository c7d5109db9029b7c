// Record batch (magic v2) header as a view over opaque bytes.
// The broker's per-byte path (header read, CRC check, offset rewrite) uses only this file:
// batches stay opaque from socket to disk to socket.
import { crc32c } from '@node-rs/crc32';
import { ProtocolError } from '../codec/errors.js';

export const BATCH_OVERHEAD = 61; // bytes before the first record
export const LOG_OVERHEAD = 12; // baseOffset + batchLength
export const Off = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordsCount: 57,
} as const;

export const Attr = {
  compressionMask: 0x07,
  timestampTypeLogAppend: 0x08,
  transactional: 0x10,
  control: 0x20,
  deleteHorizon: 0x40,
} as const;

export enum CompressionType {
  None = 0,
  Gzip = 1,
  Snappy = 2,
  Lz4 = 3,
  Zstd = 4,
}

export interface BatchHeader {
  baseOffset: bigint;
  /** Bytes after the batchLength field; the whole batch is batchLength + 12 bytes. */
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordsCount: number;
}

/** Total size in bytes of the batch starting at `pos`, or -1 if fewer than 12 bytes remain. */
export function batchSizeAt(buf: Buffer, pos = 0): number {
  if (buf.length - pos < LOG_OVERHEAD) return -1;
  return buf.readInt32BE(pos + Off.batchLength) + LOG_OVERHEAD;
}

export function readBatchHeader(buf: Buffer, pos = 0): BatchHeader {
  if (buf.length - pos < BATCH_OVERHEAD) {
    throw new ProtocolError('CORRUPT_MESSAGE', `record batch header truncated: ${buf.length - pos} bytes`);
  }
  return {
    baseOffset: buf.readBigInt64BE(pos + Off.baseOffset),
    batchLength: buf.readInt32BE(pos + Off.batchLength),
    partitionLeaderEpoch: buf.readInt32BE(pos + Off.partitionLeaderEpoch),
    magic: buf.readInt8(pos + Off.magic),
    crc: buf.readUInt32BE(pos + Off.crc),
    attributes: buf.readInt16BE(pos + Off.attributes),
    lastOffsetDelta: buf.readInt32BE(pos + Off.lastOffsetDelta),
    baseTimestamp: buf.readBigInt64BE(pos + Off.baseTimestamp),
    maxTimestamp: buf.readBigInt64BE(pos + Off.maxTimestamp),
    producerId: buf.readBigInt64BE(pos + Off.producerId),
    producerEpoch: buf.readInt16BE(pos + Off.producerEpoch),
    baseSequence: buf.readInt32BE(pos + Off.baseSequence),
    recordsCount: buf.readInt32BE(pos + Off.recordsCount),
  };
}

/** CRC32C of the bytes from `attributes` to the end of the batch. */
export function computeBatchCrc(buf: Buffer, pos = 0, size = batchSizeAt(buf, pos)): number {
  return crc32c(buf.subarray(pos + Off.attributes, pos + size)) >>> 0;
}

export function isBatchCrcValid(buf: Buffer, pos = 0, size = batchSizeAt(buf, pos)): boolean {
  return computeBatchCrc(buf, pos, size) === buf.readUInt32BE(pos + Off.crc);
}

export function writeBatchCrc(buf: Buffer, pos = 0, size = batchSizeAt(buf, pos)): void {
  buf.writeUInt32BE(computeBatchCrc(buf, pos, size), pos + Off.crc);
}

/** Rewrite fields outside the CRC'd range: the CRC stays valid. */
export function setBaseOffset(buf: Buffer, baseOffset: bigint, pos = 0): void {
  buf.writeBigInt64BE(baseOffset, pos + Off.baseOffset);
}

export function setPartitionLeaderEpoch(buf: Buffer, epoch: number, pos = 0): void {
  buf.writeInt32BE(epoch, pos + Off.partitionLeaderEpoch);
}

/** Rewrites inside the CRC'd range (LogAppendTime); the caller must rewrite the CRC afterwards. */
export function setMaxTimestampLogAppend(buf: Buffer, timestamp: bigint, pos = 0): void {
  buf.writeInt16BE((buf.readInt16BE(pos + Off.attributes) | Attr.timestampTypeLogAppend), pos + Off.attributes);
  buf.writeBigInt64BE(timestamp, pos + Off.maxTimestamp);
}

export const compressionOf = (attributes: number): CompressionType => (attributes & Attr.compressionMask) as CompressionType;
export const isTransactional = (attributes: number): boolean => (attributes & Attr.transactional) !== 0;
export const isControl = (attributes: number): boolean => (attributes & Attr.control) !== 0;
export const lastOffsetOf = (h: Pick<BatchHeader, 'baseOffset' | 'lastOffsetDelta'>): bigint =>
  h.baseOffset + BigInt(h.lastOffsetDelta);
