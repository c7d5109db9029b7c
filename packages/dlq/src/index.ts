// @tideline/dlq: dead-letter toolkit for consumers and streams.
export {
  DLQ_HEADER_PREFIX, DLQ_HEADERS, ERROR_CLASSES, MAX_STACK_BYTES, isErrorClass, encodeEnvelope, decodeEnvelope,
  envelopeHeaderMap, stripEnvelope, withEnvelope, describeError, wireSchemaId,
} from './envelope.js';
export type { DlqHeaderName, ErrorClass, Envelope, LateInfo, ReplayInfo, HeaderLike, EncodedHeader } from './envelope.js';
export { DeadLetter, RetryLater, DLQ_ERROR_CODES, defaultClassify } from './classify.js';
export type { FailureClass, DlqErrorCode } from './classify.js';
export { DeadLetterConsumer, dlqDepth } from './consumer.js';
export { DlqDepthMonitor, UNKNOWN_ERROR_CLASS } from './depth-monitor.js';
export type { DlqDepthMonitorOptions } from './depth-monitor.js';
export type {
  DeadLetterConsumerOptions, DlqRecord, Handler, HandlerContext, DepthReport, DlqEvent, RetryOptions, PoisonOptions,
} from './consumer.js';
export { KafkaInflightStore, MemoryInflightStore, markerKey } from './poison.js';
export type { InflightStore, Marker } from './poison.js';
export { delayLabel, defaultRetryTopic, defaultDlqTopic, replayLedgerTopic, DEFAULT_INFLIGHT_TOPIC, ensureTopics } from './topics.js';
export { readToEnd, topicExtents } from './read.js';
export { scanDlq, readReplayLedger, inspectDlq, replayDlq, dlqDepthByClass, matches, replayIdOf } from './replay.js';
export type {
  DlqEntry, DlqFilter, InspectSample, InspectGroup, InspectReport, ReplayRecord, ReplayTransform, ReplayOptions, ReplayItem,
  ReplayReport, ClassDepth,
} from './replay.js';
export { handleShareRecord } from './share.js';
export type { ShareDeadLetterOptions, ShareOutcome } from './share.js';
