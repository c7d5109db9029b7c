// @tideline/registry: a Confluent-compatible schema registry and its serdes.
export * from './formats/types.js';
export { startRegistry } from './server/start.js';
export type { RegistryOptions, RegistryHandle } from './server/start.js';
export type { RegistryAuthOptions, SubjectAcl, SubjectOperation } from './server/auth.js';
export { RegistryError, RegistryErrorCode } from './server/errors.js';
export type { RegistryErrorName } from './server/errors.js';
export type { RegistryMode } from './server/service.js';
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
