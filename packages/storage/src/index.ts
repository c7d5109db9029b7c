export * from './types.js';
export * from './config.js';
export { StorageError, type StorageErrorKind } from './errors.js';
export { nodeFileIo, type FileIo } from './file/io.js';
export type { RecoveryReport } from './file/recovery.js';
export { FileLogManager, type FileLogManagerOptions, type StorageEvent } from './file/log-manager.js';
export { FileMetadataStore } from './metadata/file-metadata-store.js';
export { MemoryMetadataStore } from './metadata/memory-metadata-store.js';
export { MemoryLogManager, MemoryPartitionLog } from './memory/memory-log.js';
export { newTopicId } from './metadata/topics.js';
export {
  FileAbortedTxnIndexStore, FileNodeMetadataStore, FileProducerIdBlockStore, FileProducerSnapshotStore, openFileStateStores, BROKER_STATE_DIR,
} from './state/file-state.js';
export {
  MemoryAbortedTxnIndexStore, MemoryNodeMetadataStore, MemoryProducerIdBlockStore, MemoryProducerSnapshotStore, memoryStateStores,
} from './state/memory-state.js';
export * from './state/scram-credentials.js';
export { FileClientQuotaStore, MemoryClientQuotaStore, type ClientQuotaStore, type StoredClientQuota } from './state/client-quotas.js';
export { FileBrokerConfigStore, MemoryBrokerConfigStore, type BrokerConfigStore, type StoredBrokerConfigs } from './state/broker-configs.js';
export { openStorage, type Storage, type StorageOptions } from './open-storage.js';
export { FileAclStore, MemoryAclStore, type AclStore, type StoredAcl } from './state/acls.js';
export {
  FileShareStateStore, MemoryShareStateStore, type ShareStateKey, type ShareStateRange, type ShareStateSnapshot, type ShareStateStore, type StoredShareState,
} from './state/share-state.js';
