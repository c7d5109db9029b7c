// CreatePartitions v0-3: grows a topic to `count` partitions (INVALID_PARTITIONS when not larger),
// with optional assignments that must list exactly the new partitions, each on this node only
// (INVALID_REPLICA_ASSIGNMENT); validateOnly; UNKNOWN_TOPIC_OR_PARTITION; INVALID_REQUEST for a
// topic listed twice. controller_mutation_rate counts the added partitions (THROTTLING_QUOTA_EXCEEDED
// from v3, a throttle time before). Skipped: timeouts (local and immediate).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { CreatePartitionsResponseCreatePartitionsTopicResultInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf, errorMessageOf } from '../errors.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTopic } from '../security/authorize.js';

export const createPartitionsHandler = defineHandler({
  apiKey: ApiKey.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  async handle(req, ctx) {
    const b = ctx.broker;
    const counts = new Map<string, number>();
    for (const t of req.topics) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
    const results: CreatePartitionsResponseCreatePartitionsTopicResultInput[] = [];
    const quota = b.quotas.mutationQuota(ctx.connection.session, ctx.header.clientId ?? '', ctx.apiVersion >= 3);
    for (const t of req.topics) {
      try {
        if (!allowedOnTopic(ctx, AclOperation.ALTER, t.name)) throw new BrokerError('TOPIC_AUTHORIZATION_FAILED', 'Authorization failed.');
        if ((counts.get(t.name) ?? 0) > 1) throw new BrokerError('INVALID_REQUEST', `Duplicate topic ${t.name} in request`);
        const info = b.topics.get(t.name);
        if (info === undefined) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${t.name}' does not exist.`);
        if (t.assignments !== null && t.count > info.partitions) {
          if (t.assignments.length !== t.count - info.partitions) {
            throw new BrokerError('INVALID_REPLICA_ASSIGNMENT', `Attempted to add ${t.count - info.partitions} additional partition(s), but only ${t.assignments.length} assignment(s) were specified.`);
          }
          for (const a of t.assignments) {
            if (a.brokerIds.length !== 1 || a.brokerIds[0] !== b.config.nodeId) {
              throw new BrokerError('INVALID_REPLICA_ASSIGNMENT', `Assignment [${a.brokerIds.join(', ')}] names brokers other than ${b.config.nodeId}.`);
            }
          }
        }
        if (!req.validateOnly && t.count > info.partitions && !quota.tryRecord(t.count - info.partitions)) {
          throw new BrokerError('THROTTLING_QUOTA_EXCEEDED', 'The throttling quota has been exceeded.');
        }
        await b.topics.addPartitions(t.name, t.count, req.validateOnly);
        results.push({ name: t.name, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        results.push({ name: t.name, errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err) });
      }
    }
    return { throttleTimeMs: quota.throttleTimeMs, results };
  },
});
