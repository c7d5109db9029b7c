export * from './types.js';
export * from './config.js';
export { StorageError, type StorageErrorKind } from './errors.js';
export { nodeFileIo, type FileIo } from './file/io.js';
export type { RecoveryReport } from './file/recovery.js';
