// CreateTopics v0-7. Per topic: name checks (INVALID_TOPIC_EXCEPTION, including names colliding
// with an existing topic once '.' and '_' are equated), TOPIC_ALREADY_EXISTS, partitions (-1 = the
// broker default, else >= 1: INVALID_PARTITIONS), replication factor -1 or 1 (anything else
// INVALID_REPLICATION_FACTOR: there is one broker), manual assignments (only with partitions and
// replication factor -1, every partition on this node, indexes 0..n-1: INVALID_REQUEST /
// INVALID_REPLICA_ASSIGNMENT), configs (INVALID_CONFIG), validateOnly, and INVALID_REQUEST for a
// name listed twice. v5+ answers the partition count, replication factor and every topic config
// with its source; v7+ the topic id.
// controller_mutation_rate (KIP-599): each created topic counts its partitions; from v6 a topic
// asked for once the quota is exhausted is refused with THROTTLING_QUOTA_EXCEEDED, before v6 the
// request only answers a throttle time. validateOnly counts nothing.
// Skipped: timeouts (creation is local and immediate), create-topic policies.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf, errorMessageOf } from '../errors.js';
import { ZERO_UUID } from '../topics.js';
import type { CreateTopicsRequestCreatableTopic, CreateTopicsResponseCreatableTopicResultInput } from '@tideline/protocol';
import type { Broker } from '../broker-state.js';
import { TOPIC_CONFIG_DEFS, resolveTopicEntry } from '../configs.js';
import { AclOperation } from '../security/acl.js';
import { allowedToCreateTopic, allowedOnTopic } from '../security/authorize.js';

function partitionCountOf(b: Broker, t: CreateTopicsRequestCreatableTopic): number {
  if (t.assignments.length > 0) {
    if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
      throw new BrokerError('INVALID_REQUEST', 'Both numPartitions or replicationFactor and replicasAssignments were set. Both cannot be used at the same time.');
    }
    const indexes = t.assignments.map((a) => a.partitionIndex).sort((x, y) => x - y);
    if (indexes.some((p, i) => p !== i)) throw new BrokerError('INVALID_REPLICA_ASSIGNMENT', 'Partitions should be numbered consecutively from 0.');
    for (const a of t.assignments) {
      if (a.brokerIds.length === 0 || a.brokerIds.some((id) => id !== b.config.nodeId) || a.brokerIds.length > 1) {
        throw new BrokerError('INVALID_REPLICA_ASSIGNMENT', `Partition ${a.partitionIndex} is assigned to brokers [${a.brokerIds.join(', ')}]; only broker ${b.config.nodeId} exists.`);
      }
    }
    return t.assignments.length;
  }
  if (t.numPartitions === 0 || t.numPartitions < -1) throw new BrokerError('INVALID_PARTITIONS', 'Number of partitions was set to an invalid non-positive value.');
  if (t.replicationFactor === 0 || t.replicationFactor < -1) {
    throw new BrokerError('INVALID_REPLICATION_FACTOR', 'Replication factor must be larger than 0, or -1 to use the default value.');
  }
  if (t.replicationFactor > 1) {
    throw new BrokerError('INVALID_REPLICATION_FACTOR', `Unable to replicate the partition ${t.replicationFactor} time(s): The target replication factor of ${t.replicationFactor} cannot be reached because only 1 broker(s) are registered.`);
  }
  return t.numPartitions;
}

export const createTopicsHandler = defineHandler({
  apiKey: ApiKey.CreateTopics,
  minVersion: 0,
  maxVersion: 7,
  async handle(req, ctx) {
    const b = ctx.broker;
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const topics: CreateTopicsResponseCreatableTopicResultInput[] = [];
    const quota = b.quotas.mutationQuota(ctx.connection.session, ctx.header.clientId ?? '', ctx.apiVersion >= 6);
    for (const t of req.topics) {
      const failed = (err: unknown): CreateTopicsResponseCreatableTopicResultInput => ({
        name: t.name, topicId: ZERO_UUID, errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err),
        numPartitions: -1, replicationFactor: -1, configs: null,
      });
      if (!allowedToCreateTopic(ctx, t.name)) {
        topics.push(failed(new BrokerError('TOPIC_AUTHORIZATION_FAILED', 'Authorization failed.')));
        continue;
      }
      if ((counts.get(t.name) ?? 0) > 1) {
        topics.push(failed(new BrokerError('INVALID_REQUEST', `Create topics request contains multiple entries for the topic ${t.name}`)));
        continue;
      }
      try {
        const partitions = partitionCountOf(b, t);
        if (!req.validateOnly && b.topics.get(t.name) === undefined && !quota.tryRecord(partitions === -1 ? b.config.defaultPartitions : partitions)) {
          throw new BrokerError('THROTTLING_QUOTA_EXCEEDED', 'The throttling quota has been exceeded.');
        }
        const configs: Record<string, string | null> = {};
        for (const c of t.configs) {
          if (c.name in configs) throw new BrokerError('INVALID_CONFIG', `Duplicate config key '${c.name}'`);
          configs[c.name] = c.value;
        }
        const info = await b.topics.create(t.name, { partitions, configs, validateOnly: req.validateOnly });
        topics.push({
          name: info.name,
          topicId: req.validateOnly ? ZERO_UUID : info.topicId,
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          // The created topic's configs are shown only to who may DESCRIBE_CONFIGS it (Kafka's rule).
          ...(allowedOnTopic(ctx, AclOperation.DESCRIBE_CONFIGS, info.name) ? {} : { topicConfigErrorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, configs: null }),
          numPartitions: info.partitions,
          replicationFactor: 1,
          configs: !allowedOnTopic(ctx, AclOperation.DESCRIBE_CONFIGS, info.name) ? null : TOPIC_CONFIG_DEFS.map((def) => {
            const r = resolveTopicEntry(def, info.configs);
            return { name: def.name, value: r.value, readOnly: def.readOnly, configSource: r.source, isSensitive: def.sensitive };
          }),
        });
      } catch (err) {
        if (!(err instanceof BrokerError)) b.log.warn({ err, topic: t.name }, 'create topic failed');
        topics.push(failed(err));
      }
    }
    return { throttleTimeMs: quota.throttleTimeMs, topics };
  },
});
