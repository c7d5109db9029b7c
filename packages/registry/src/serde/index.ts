// The serdes' public surface (re-exported from the package entry).
export { RegistryClient, RegistryRequestError } from '../client.js';
export type { RegistryClientOptions, SchemaInfo, RegisteredSchema, Rule, RuleSet, SchemaMetadataProps } from '../client.js';
export { Serializer, Deserializer, topicNameStrategy, subjectFor } from './serde.js';
export type { SerializerOptions, DeserializerOptions, SubjectNameStrategy, SerdeCommonOptions } from './serde.js';
export { SerdeError, RuleViolationError, SERDE_ERROR_CODES } from './errors.js';
export type { SerdeErrorCode } from './errors.js';
export {
  MAGIC_BYTE_ID, MAGIC_BYTE_GUID, KEY_SCHEMA_ID_HEADER, VALUE_SCHEMA_ID_HEADER, WireFormatError,
  encodeMessageIndexes, decodeMessageIndexes, encodeIdPrefix, encodeGuidPrefix, decodePrefix, readWireHeader, frame, schemaIdOf,
} from './wire.js';
export type { SchemaRef, WireHeader, HeaderLike } from './wire.js';
export { Serdes, Serdes as RegistrySerdes, RegistrySerde } from './streams.js';
export type { RegistrySerdeOptions } from './streams.js';
