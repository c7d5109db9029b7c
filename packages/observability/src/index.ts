// @tideline/observability: pieces shared by the broker, the client, streams, the DLQ and the CLI.
export {
  LAG_STATUSES, DEFAULT_LAG_WINDOW, CommitWindow, evaluatePartitionLag, groupLagStatus, lagStatusCode, worseLagStatus,
  type CommitSample, type LagStatus,
} from './lag-status.js';
export { AppMetrics, appMetrics } from './app-metrics.js';
export type {
  ProducerMetrics, ConsumerMetrics, ConsumerPartitionLag, StreamsAppMetrics, StreamsSnapshot, StreamsTaskSnapshot, DlqMetrics, DlqDepthSnapshot,
} from './app-metrics.js';
export { parseExposition, parseSampleLine, sumSamples, scrape } from './exposition.js';
export type { MetricSample } from './exposition.js';
