// @tideline/dlq: dead-letter toolkit for consumers and streams.
export {
  DLQ_HEADER_PREFIX, DLQ_HEADERS, ERROR_CLASSES, MAX_STACK_BYTES, isErrorClass, encodeEnvelope, decodeEnvelope,
  envelopeHeaderMap, stripEnvelope, withEnvelope, describeError,
} from './envelope.js';
export type { DlqHeaderName, ErrorClass, Envelope, LateInfo, ReplayInfo, HeaderLike, EncodedHeader } from './envelope.js';
