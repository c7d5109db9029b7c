export * from './codec/index.js';
export * from './generated/apis.js';
export * from './generated/errors.js';
export * from './generated/messages/index.js';
export * from './frame.js';
export * from './frame-decoder.js';
export * from './records/index.js';
export * from './partitioner.js';
