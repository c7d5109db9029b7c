// Group coordinator settings, named after the Kafka broker configs they mirror.

export interface GroupConfig {
  /** group.initial.rebalance.delay.ms (Kafka: 3000; ours is short so dev loops stay fast). */
  initialRebalanceDelayMs: number;
  /**
   * How long a new member's first JoinGroup may stay parked before the member is removed (Kafka's
   * fixed CLASSIC_GROUP_NEW_MEMBER_JOIN_TIMEOUT_MS, 5 min): a new member has no session yet, and a
   * client that died or gave up on a long rebalance must not stay in it.
   */
  newMemberJoinTimeoutMs: number;
  /** group.min.session.timeout.ms / group.max.session.timeout.ms */
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  /** offsets.retention.minutes, in milliseconds (7 days). */
  offsetsRetentionMs: number;
  /** offsets.retention.check.interval.ms */
  offsetsRetentionCheckIntervalMs: number;
  /** offset.metadata.max.bytes */
  offsetMetadataMaxBytes: number;
  /** offsets.topic.num.partitions (Kafka: 50; one is plenty for a single node). */
  offsetsTopicPartitions: number;
  /** group.consumer.heartbeat.interval.ms (KIP-848 groups) */
  consumerHeartbeatIntervalMs: number;
  /** group.consumer.session.timeout.ms (KIP-848 groups) */
  consumerSessionTimeoutMs: number;
  /** group.consumer.min/max.heartbeat.interval.ms: bounds of the group config consumer.heartbeat.interval.ms. */
  consumerMinHeartbeatIntervalMs: number;
  consumerMaxHeartbeatIntervalMs: number;
  /** group.consumer.min/max.session.timeout.ms: bounds of the group config consumer.session.timeout.ms. */
  consumerMinSessionTimeoutMs: number;
  consumerMaxSessionTimeoutMs: number;
  /** group.consumer.assignors, the first being the default */
  consumerAssignors: readonly string[];
}

export const DEFAULT_GROUP_CONFIG: Readonly<GroupConfig> = {
  initialRebalanceDelayMs: 300,
  newMemberJoinTimeoutMs: 300_000,
  minSessionTimeoutMs: 6000,
  maxSessionTimeoutMs: 1_800_000,
  offsetsRetentionMs: 7 * 24 * 3600 * 1000,
  offsetsRetentionCheckIntervalMs: 600_000,
  offsetMetadataMaxBytes: 4096,
  offsetsTopicPartitions: 1,
  consumerHeartbeatIntervalMs: 5000,
  consumerSessionTimeoutMs: 45_000,
  consumerMinHeartbeatIntervalMs: 5000,
  consumerMaxHeartbeatIntervalMs: 15_000,
  consumerMinSessionTimeoutMs: 45_000,
  consumerMaxSessionTimeoutMs: 60_000,
  consumerAssignors: ['uniform', 'range'],
};
