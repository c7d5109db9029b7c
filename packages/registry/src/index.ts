// @tideline/registry: a Confluent-compatible schema registry and its serdes.
export * from './formats/types.js';
export {
  formatOf,
  parseSchema,
  checkCompatibility,
  avroType,
  avroFingerprint,
  parsingCanonicalForm,
  avroReadable,
  jsonValidator,
  draftOf,
  protobufRoot,
  protobufMessageType,
  protobufMessageIndexes,
  protobufFirstMessage,
  protobufDescriptor,
} from './formats/index.js';
export type {
  AvroType,
  AvroIncompatibility,
  AvroIncompatibilityType,
  JsonDraft,
  ProtobufFileDescriptor,
} from './formats/index.js';
export * from './serde/index.js';
