// Internal surface for sibling packages and tests: everything in the public entry plus lower layers.
export * from './index.js';
export * from './records/batch-header.js';
export * from './records/batch.js';
export { SCHEMAS, type MessageSchema, type FieldSchema } from './generated/schemas.js';
