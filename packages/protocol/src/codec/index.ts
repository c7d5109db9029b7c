export { Reader, type TaggedField } from './reader.js';
export { Writer } from './writer.js';
export { TidelineError, ProtocolError } from './errors.js';
