// @tideline/client: a Kafka client for Tideline and Apache Kafka.
export { KafkaError, ClientError, ClientErrorCode, isRetriable } from './errors.js';
export type { KafkaErrorContext } from './errors.js';
export { Admin } from './admin.js';
export type {
  NewTopic, TopicDescription, ConfigResourceType, ConfigEntry, ConfigResourceResult, ConfigSource,
  AlterConfigOp, ConfigAlteration, OffsetSpec, PartitionOffset, ClusterDescription,
} from './admin.js';
export type { ClusterOptions, BrokerInfo, PartitionInfo, TopicInfo } from './cluster.js';
export type { TopicPartition } from './partitions.js';
