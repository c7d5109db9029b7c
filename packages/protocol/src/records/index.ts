// Public surface of the record layer (magic v2 record batches, compression, control markers).
export {
  Attr,
  BATCH_OVERHEAD,
  LOG_OVERHEAD,
  Off,
  CompressionType,
  type BatchHeader,
  batchSizeAt,
  readBatchHeader,
  computeBatchCrc,
  isBatchCrcValid,
  writeBatchCrc,
  setBaseOffset,
  setPartitionLeaderEpoch,
  setMaxTimestampLogAppend,
  compressionOf,
  isTransactional,
  isControl,
  lastOffsetOf,
} from './batch-header.js';
export {
  encodeBatch,
  decodeBatch,
  decodeBatches,
  keylessRecordIndexes,
  iterateBatches,
  batchSlices,
  validateBatchForAppend,
  type EncodeBatchOptions,
  type DecodeOptions,
  type DecodedBatch,
} from './batch.js';
export type { RecordInput, DecodedRecord, RecordHeader } from './record.js';
export {
  controlBatch,
  parseControlRecord,
  controlRecordKey,
  endTxnMarkerValue,
  type ControlType,
  type ControlBatchOptions,
  type ControlRecord,
} from './control.js';
export { compress, decompress, DEFAULT_MAX_DECOMPRESSED_BYTES } from './compression.js';
