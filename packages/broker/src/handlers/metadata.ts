// Metadata v0-13 (v13 adds a top-level error code: always NONE here). A single node: this broker
// is the controller, the leader of every partition (leader epoch 0) and its only replica and ISR member. Topics are listed by name or (v10+) by id;
// a null topic list (v1+) or an empty one (v0) means every topic. Unknown topics are created when
// the broker allows auto-creation and the request does (always true before v4), with the default
// partition count; the answer then describes the new topic directly (Kafka answers
// LEADER_NOT_AVAILABLE first and lets the client retry). Per-topic errors:
// UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID, INVALID_TOPIC_EXCEPTION.
// With ACLs: the all-topics answer leaves out the topics the principal may not DESCRIBE; a named
// topic it may not DESCRIBE answers TOPIC_AUTHORIZATION_FAILED whether or not it exists, and so does
// a missing topic auto-creation would create without CREATE on the cluster or the topic.
// Authorized operations (v8+) are the principal's real bit fields.
// Skipped: racks, offline replicas.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf } from '../errors.js';
import { advertisedEndpoint, type Broker, type TopicInfo } from '../broker-state.js';
import { ZERO_UUID } from '../topics.js';
import { validateTopicName } from '../topic-names.js';
import { AclOperation } from '../security/acl.js';
import { OPERATIONS_NOT_REQUESTED, allowedOnCluster, allowedOnTopic, allowedToCreateTopic, authorizedOperations } from '../security/authorize.js';


/** This node as seen from `listener` (the requesting connection's listener). */
export function brokerList(b: Broker, listener?: string): Array<{ nodeId: number; host: string; port: number; rack: null }> {
  const { host, port } = advertisedEndpoint(b.config, listener);
  return [{ nodeId: b.config.nodeId, host, port, rack: null }];
}

function describeTopic(b: Broker, t: TopicInfo, ops: number) {
  const node = b.config.nodeId;
  const partitions = [];
  for (let p = 0; p < t.partitions; p++) {
    partitions.push({
      errorCode: ErrorCode.NONE, partitionIndex: p, leaderId: node, leaderEpoch: 0,
      replicaNodes: [node], isrNodes: [node], offlineReplicas: [],
    });
  }
  return { errorCode: ErrorCode.NONE, name: t.name, topicId: t.topicId, isInternal: t.internal, partitions, topicAuthorizedOperations: ops };
}

export const metadataHandler = defineHandler({
  apiKey: ApiKey.Metadata,
  minVersion: 0,
  maxVersion: 13,
  async handle(req, ctx) {
    const b = ctx.broker;
    const v = ctx.apiVersion;
    const opsOf = (name: string): number => (req.includeTopicAuthorizedOperations ? authorizedOperations(ctx, 'topic', name) : OPERATIONS_NOT_REQUESTED);
    const ops = OPERATIONS_NOT_REQUESTED;
    const describable = (name: string): boolean => allowedOnTopic(ctx, AclOperation.DESCRIBE, name);
    const refused = (name: string | null, topicId: string) => ({
      errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, name, topicId, isInternal: false, partitions: [], topicAuthorizedOperations: ops,
    });
    const allTopics = req.topics === null || (v === 0 && req.topics.length === 0);
    const allowCreate = b.config.autoCreateTopics && (v < 4 || req.allowAutoTopicCreation);
    const topics = [];
    if (allTopics) {
      for (const t of b.topics.list()) if (describable(t.name)) topics.push(describeTopic(b, t, opsOf(t.name)));
    } else {
      const seen = new Set<string>();
      for (const rt of req.topics ?? []) {
        if (rt.name === null || rt.name === undefined) {
          if (seen.has(`id:${rt.topicId}`)) continue;
          seen.add(`id:${rt.topicId}`);
          const t = rt.topicId !== ZERO_UUID ? b.topics.getById(rt.topicId) : undefined;
          if (t !== undefined && !describable(t.name)) topics.push(refused(null, rt.topicId));
          else if (t !== undefined) topics.push(describeTopic(b, t, opsOf(t.name)));
          else topics.push({ errorCode: ErrorCode.UNKNOWN_TOPIC_ID, name: null, topicId: rt.topicId, isInternal: false, partitions: [], topicAuthorizedOperations: ops });
          continue;
        }
        const name = rt.name;
        if (seen.has(`name:${name}`)) continue;
        seen.add(`name:${name}`);
        if (!describable(name)) {
          topics.push(refused(name, ZERO_UUID));
          continue;
        }
        let t = b.topics.get(name);
        let errorCode: number = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        if (t === undefined && allowCreate && !allowedToCreateTopic(ctx, name)) {
          topics.push(refused(name, ZERO_UUID));
          continue;
        }
        if (t === undefined) {
          try {
            validateTopicName(name);
            if (allowCreate) t = await b.topics.create(name, {});
          } catch (err) {
            // A concurrent creation of the same name is not an error for the asker.
            t = b.topics.get(name);
            errorCode = err instanceof BrokerError && err.kafkaError === 'TOPIC_ALREADY_EXISTS' ? ErrorCode.LEADER_NOT_AVAILABLE : errorCodeOf(err);
          }
        }
        if (t !== undefined) topics.push(describeTopic(b, t, opsOf(t.name)));
        else topics.push({ errorCode, name, topicId: ZERO_UUID, isInternal: false, partitions: [], topicAuthorizedOperations: ops });
      }
    }
    return {
      throttleTimeMs: 0,
      brokers: brokerList(b, ctx.connection.session.listener),
      clusterId: b.config.clusterId,
      controllerId: b.config.nodeId,
      topics,
      // As Kafka: 0 without DESCRIBE on the cluster, whatever else the principal may do there.
      clusterAuthorizedOperations: !req.includeClusterAuthorizedOperations ? OPERATIONS_NOT_REQUESTED
        : allowedOnCluster(ctx, AclOperation.DESCRIBE) ? authorizedOperations(ctx, 'cluster', '') : 0,
    };
  },
});
