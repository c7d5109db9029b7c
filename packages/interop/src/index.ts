// @tideline/interop: the real-client harness. Provision with `bash .ci/provision.sh`.
export { startApacheKafka, randomKafkaUuid } from './apache-kafka.js';
export type { ApacheKafka, ApacheKafkaOptions } from './apache-kafka.js';
export { startCaptureProxy } from './capture-proxy.js';
export type { CaptureProxy, CaptureProxyOptions, CapturedFrame, CaptureExchange, FrameDirection } from './capture-proxy.js';
export { kcat, kcatEnv, runJavaClient, runKafkaStreams, runJavaSource, JAVA_BENCH_FLAGS, kafkaTools, KAFKA_TOOLS, python, confluentKafka } from './clients.js';
export type { JavaClientResult } from './clients.js';
export type * from './confluent-types.js';
export { brokerMatrix } from './matrix.js';
export type { BrokerKind, BrokerMatrix, BrokerMatrixOptions, TestBroker } from './matrix.js';
export { freePort } from './net.js';
export { cacheDir, librdkafkaPrefix, repoRoot } from './paths.js';
export type { JavaClientVersion } from './paths.js';
export { run, jsonLines, RunError } from './process.js';
export type { RunOptions, RunResult } from './process.js';
export { requireTool, toolOrSkip, missingReason, isCI, TOOL_NAMES, SYSTEM_PYTHON } from './tools.js';
export type { ToolName } from './tools.js';
export { makeTestCertificates } from './certs.js';
export type { TestCertificate, TestCertificates } from './certs.js';
