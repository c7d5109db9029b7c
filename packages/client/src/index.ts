// @tideline/client: a Kafka client for Tideline and Apache Kafka.
export { ErrorCode, TidelineError } from '@tideline/protocol';
export type { ErrorName } from '@tideline/protocol';
export { KafkaError, ClientError, ClientErrorCode, isRetriable } from './errors.js';
export type { KafkaErrorContext } from './errors.js';
export { Admin } from './admin.js';
export type {
  NewTopic, TopicDescription, ConfigResourceType, ConfigEntry, ConfigResourceResult, ConfigSource,
  AlterConfigOp, ConfigAlteration, OffsetSpec, PartitionOffset, ClusterDescription, ResetTarget, OffsetReset, LogDirDescription,
} from './admin.js';
export type {
  AclBinding, AclFilter, AclResourceType, AclPatternType, AclOperation, AclPermissionType, ScramCredentialInfo, UserScramCredentials,
  ScramAlteration, QuotaEntityType, QuotaEntity, QuotaKey, QuotaFilterComponent, ClientQuotaEntry, QuotaAlteration,
} from './security-admin.js';
export type { GroupListing, GroupDescription, GroupMemberDescription, PartitionLag } from './group-admin.js';
export { ScramClient, scramCredential, scramSaltedPassword, unsecuredJwt, oauthBearerInitial, SCRAM_MIN_ITERATIONS, SCRAM_MAX_ITERATIONS } from './security.js';
export type { SecurityOptions, SecurityProtocol, SaslMechanism, ScramMechanism, SaslOptions, TlsOptions, OAuthBearerToken } from './security.js';
export type { ClusterOptions, BrokerInfo, PartitionInfo, TopicInfo, Logger, LogLevel } from './cluster.js';
export type { ThrottleStats } from './connection.js';
export type { TopicPartition } from './partitions.js';
export { Producer } from './producer/producer.js';
export type {
  Message, ProducerRecord, RecordMetadata, ProducerOptions, Partitioner, PartitionerArgs, CompressionName, Acks, Bytes,
} from './producer/types.js';
export type { ConsumerGroupMetadata, OffsetToCommit } from './producer/transactions.js';
export { Consumer } from './consumer/consumer.js';
export { ShareConsumer } from './share/share-consumer.js';
export type { ShareConsumerOptions, ShareRecord, AcknowledgeType } from './share/share-consumer.js';
export type { ShareGroupDescription, ShareGroupMember, ShareGroupOffset } from './share/share-admin.js';
export type {
  ConsumerRecord, ConsumerBatch, ConsumerOptions, Assignment, StartOffset, RebalanceListener, CommittedOffset,
} from './consumer/types.js';
export { rangeAssignor, roundRobinAssignor, cooperativeStickyAssignor } from './consumer/assignors.js';
export type { Assignor, GroupMember, RebalanceProtocol } from './consumer/assignors.js';
