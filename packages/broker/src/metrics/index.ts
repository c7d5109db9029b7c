// The broker's metrics: registry, scrape-time collectors, the HTTP endpoint (see broker-metrics.ts).
// The broker itself imports broker-metrics.ts only when metrics are on (it loads prom-client).
export { BrokerMetrics, type BrokerMetricsOptions, type ScrapeSources } from './broker-metrics.js';
export { startMetricsServer, negotiateFormat, parseMetricsListen, OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE, type MetricsServer } from './http.js';
export type { BrokerMetricsHooks, RequestTiming } from './hooks.js';
