// @tideline/observability: pieces shared by the broker, the client, streams, the DLQ and the CLI.
export {
  LAG_STATUSES, DEFAULT_LAG_WINDOW, CommitWindow, evaluatePartitionLag, groupLagStatus, lagStatusCode, worseLagStatus, sampledLagStatus,
  type CommitSample, type LagStatus,
} from './lag-status.js';
export {
  TRACEPARENT, TRACESTATE, headerGetter, tracingEnabled, traceHeaders, injectTraceContext, withActiveTraceContext, mergeTraceHeaders, extractTraceContext,
  hasTraceContext, startSendSpan, startProcessSpan, withSpanContext, processRecord,
} from './trace.js';
export type { HeaderLike, TraceHeader, SentRecord, SendSpan, TracedRecord, ProcessSpanOptions, ProcessSpan } from './trace.js';
export {
  KB, MB, GB, TB, DAY_S, DEFAULT_LIMITS, computePlan, storageSeries, nodeCeilings, formatBytes, round, parseSize, parseDuration, parseRate,
} from './plan.js';
export type { RateUnit, NodeLimits, PlanInput, PlanResult, BrokerNeed, Resource } from './plan.js';
export { terminalChart, svgChart } from './plan-chart.js';
export type { SeriesPoint } from './plan-chart.js';
export { parsePrometheusText, sumMetric, ratesBetween, BYTES_IN_METRIC, MESSAGES_IN_METRIC, BYTES_OUT_METRIC } from './prom-text.js';
export type { Sample, ObservedRates } from './prom-text.js';
export { AppMetrics, appMetrics } from './app-metrics.js';
export type {
  ProducerMetrics, ConsumerMetrics, ConsumerPartitionLag, StreamsAppMetrics, StreamsSnapshot, StreamsTaskSnapshot, DlqMetrics, DlqDepthSnapshot,
} from './app-metrics.js';
export { sumSamples, scrape } from './exposition.js';
export type { MetricSample } from './exposition.js';
