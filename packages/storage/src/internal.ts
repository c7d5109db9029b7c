export * from './index.js';
export { FilePartitionLog } from './file/partition-log.js';
export { Segment, segmentFileName } from './file/segment.js';
export { OffsetIndex, TimeIndex } from './file/indexes.js';
export { GroupCommit } from './file/group-commit.js';
export { validateIncoming, checkBatchAt } from './batches.js';
export { forEachRecord } from './records.js';
export { cleanLog } from './file/cleaner.js';
