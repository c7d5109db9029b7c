// The broker's metrics: registry, scrape-time collectors, the HTTP endpoint (see broker-metrics.ts).
export { BrokerMetrics, type BrokerMetricsOptions, type ScrapeSources } from './broker-metrics.js';
export { startMetricsServer, negotiateFormat, parseMetricsListen, type MetricsServer } from './http.js';
export type { BrokerMetricsHooks, RequestTiming } from './hooks.js';
