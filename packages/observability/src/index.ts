// @tideline/observability: pieces shared by the broker, the client, streams, the DLQ and the CLI.
export {
  LAG_STATUSES, DEFAULT_LAG_WINDOW, CommitWindow, evaluatePartitionLag, groupLagStatus, lagStatusCode, worseLagStatus,
  type CommitSample, type LagStatus,
} from './lag-status.js';
export {
  TRACEPARENT, TRACESTATE, headerGetter, tracingEnabled, traceHeaders, injectTraceContext, mergeTraceHeaders, extractTraceContext,
  hasTraceContext, startSendSpan, startProcessSpan, withSpanContext, processRecord,
} from './trace.js';
export type { HeaderLike, TraceHeader, SentRecord, SendSpan, TracedRecord, ProcessSpanOptions, ProcessSpan } from './trace.js';
