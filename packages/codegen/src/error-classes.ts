// Facts about Kafka's errors that error-codes.tsv does not carry, kept by hand and keyed by name.
// The generator rejects a name missing from the table, so a rename there fails loudly.

/**
 * Errors whose Java exception extends `InvalidMetadataException` in Kafka's clients
 * (org.apache.kafka.common.errors): the client's metadata is stale and should be refreshed
 * before a retry. `NOT_LEADER_OR_FOLLOWER` counts through `NotLeaderForPartitionException`.
 */
export const INVALID_METADATA_ERRORS: readonly string[] = [
  'UNKNOWN_TOPIC_OR_PARTITION',
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_OR_FOLLOWER',
  'REPLICA_NOT_AVAILABLE',
  'NETWORK_EXCEPTION',
  'KAFKA_STORAGE_ERROR',
  'LISTENER_NOT_FOUND',
  'FENCED_LEADER_EPOCH',
  'PREFERRED_LEADER_NOT_AVAILABLE',
  'ELIGIBLE_LEADERS_NOT_AVAILABLE',
  'ELECTION_NOT_NEEDED',
  'UNKNOWN_TOPIC_ID',
  'INCONSISTENT_TOPIC_ID',
];
