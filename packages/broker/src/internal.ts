export * from './index.js';
export * from './registry.js';
export * from './broker-state.js';
export * from './errors.js';
export { KafkaServer } from './server.js';
