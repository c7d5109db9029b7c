export { generate, type GenerateOptions } from './generate.js';
export { loadMessages, loadErrors, parseMessage, type MessageSpec, type FieldSpec } from './spec.js';
