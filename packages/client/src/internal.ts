// For sibling packages and tests: the building blocks behind the public API.
export * from './index.js';
export { Connection, type ConnectionOptions, type FrameCallback } from './connection.js';
export { Cluster, parseHostPort } from './cluster.js';
export { VersionTable, intersect, clientRange, CLIENT_MAX, type VersionRange } from './versions.js';
export { checkError, needsMetadataRefresh, kafkaErrorInfo } from './errors.js';
export { groupByLeader, tpKey } from './partitions.js';
