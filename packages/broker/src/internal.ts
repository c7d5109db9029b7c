export * from './index.js';
export * from './registry.js';
export * from './broker-state.js';
export * from './errors.js';
export { KafkaServer } from './server.js';
export { FrameBuffers, frameBuffers, type FrameBufferStats } from './frame-buffers.js';
export { GroupCoordinator, type Group, type ListedGroup } from './groups/coordinator.js';
export { consumerLag, type PartitionLag } from './groups/lag.js';
