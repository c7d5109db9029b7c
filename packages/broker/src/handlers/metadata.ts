// Metadata v0-12. A single node: this broker is the controller, the leader of every partition
// (leader epoch 0) and its only replica and ISR member. Topics are listed by name or (v10+) by id;
// a null topic list (v1+) or an empty one (v0) means every topic. Unknown topics are created when
// the broker allows auto-creation and the request does (always true before v4), with the default
// partition count; the answer then describes the new topic directly (Kafka answers
// LEADER_NOT_AVAILABLE first and lets the client retry). Per-topic errors:
// UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID, INVALID_TOPIC_EXCEPTION.
// Skipped: racks, offline replicas, ACLs (authorized operations report everything allowed).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf } from '../errors.js';
import { advertisedEndpoint, type Broker, type TopicInfo } from '../broker-state.js';
import { ZERO_UUID } from '../topics.js';
import { validateTopicName } from '../topic-names.js';

/** Kafka AclOperation codes allowed on a topic / the cluster, as the bit fields Metadata reports. */
const bits = (ops: number[]): number => ops.reduce((n, op) => n | (1 << op), 0);
export const TOPIC_AUTHORIZED_OPERATIONS = bits([3, 4, 5, 6, 7, 8, 10, 11]);
export const CLUSTER_AUTHORIZED_OPERATIONS = bits([5, 7, 8, 9, 10, 11, 12, 13, 14]);
/** Kafka's "not requested" value for authorized operations. */
export const OPERATIONS_NOT_REQUESTED = -2147483648;

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
  maxVersion: 12,
  async handle(req, ctx) {
    const b = ctx.broker;
    const v = ctx.apiVersion;
    const ops = req.includeTopicAuthorizedOperations ? TOPIC_AUTHORIZED_OPERATIONS : OPERATIONS_NOT_REQUESTED;
    const allTopics = req.topics === null || (v === 0 && req.topics.length === 0);
    const allowCreate = b.config.autoCreateTopics && (v < 4 || req.allowAutoTopicCreation);
    const topics = [];
    if (allTopics) {
      for (const t of b.topics.list()) topics.push(describeTopic(b, t, ops));
    } else {
      const seen = new Set<string>();
      for (const rt of req.topics ?? []) {
        if (rt.name === null || rt.name === undefined) {
          if (seen.has(`id:${rt.topicId}`)) continue;
          seen.add(`id:${rt.topicId}`);
          const t = rt.topicId !== ZERO_UUID ? b.topics.getById(rt.topicId) : undefined;
          if (t !== undefined) topics.push(describeTopic(b, t, ops));
          else topics.push({ errorCode: ErrorCode.UNKNOWN_TOPIC_ID, name: null, topicId: rt.topicId, isInternal: false, partitions: [], topicAuthorizedOperations: ops });
          continue;
        }
        const name = rt.name;
        if (seen.has(`name:${name}`)) continue;
        seen.add(`name:${name}`);
        let t = b.topics.get(name);
        let errorCode: number = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
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
        if (t !== undefined) topics.push(describeTopic(b, t, ops));
        else topics.push({ errorCode, name, topicId: ZERO_UUID, isInternal: false, partitions: [], topicAuthorizedOperations: ops });
      }
    }
    return {
      throttleTimeMs: 0,
      brokers: brokerList(b, ctx.connection.session.listener),
      clusterId: b.config.clusterId,
      controllerId: b.config.nodeId,
      topics,
      clusterAuthorizedOperations: req.includeClusterAuthorizedOperations ? CLUSTER_AUTHORIZED_OPERATIONS : OPERATIONS_NOT_REQUESTED,
    };
  },
});
