// DeleteTopics v0-6: by name (v0-5 topicNames, v6 topics[].name) or by topic id (v6, name null).
// Errors per topic: UNKNOWN_TOPIC_OR_PARTITION, UNKNOWN_TOPIC_ID, INVALID_REQUEST for a topic named
// twice. The topic's logs are deleted before its definition (see TopicManager.delete).
// controller_mutation_rate counts the deleted topic's partitions (THROTTLING_QUOTA_EXCEEDED from v5,
// a throttle time before).
// Skipped: timeouts (deletion is local), delete.topic.enable (always enabled).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { DeleteTopicsResponseDeletableTopicResultInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { errorCodeOf, errorMessageOf } from '../errors.js';
import { ZERO_UUID } from '../topics.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnTopic } from '../security/authorize.js';

export const deleteTopicsHandler = defineHandler({
  apiKey: ApiKey.DeleteTopics,
  minVersion: 0,
  maxVersion: 6,
  async handle(req, ctx) {
    const b = ctx.broker;
    const wanted: Array<{ name: string | null; topicId: string }> = ctx.apiVersion >= 6
      ? req.topics.map((t) => ({ name: t.name, topicId: t.topicId }))
      : req.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
    const seen = new Map<string, number>();
    for (const w of wanted) {
      const k = w.name ?? `id:${w.topicId}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    const responses: DeleteTopicsResponseDeletableTopicResultInput[] = [];
    const quota = b.quotas.mutationQuota(ctx.connection.session, ctx.header.clientId ?? '', ctx.apiVersion >= 5);
    for (const w of wanted) {
      const info = w.name !== null ? b.topics.get(w.name) : b.topics.getById(w.topicId);
      const base = { name: info?.name ?? w.name, topicId: info?.topicId ?? w.topicId };
      // A named topic the principal may not DELETE is refused whether or not it exists; by id, an
      // existing topic it may not DESCRIBE is refused and one it may describe but not delete too.
      const name = info?.name ?? w.name;
      if (name !== null && !allowedOnTopic(ctx, AclOperation.DELETE, name)) {
        responses.push({ name: w.name, topicId: w.topicId, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: 'Authorization failed.' });
        continue;
      }
      if ((seen.get(w.name ?? `id:${w.topicId}`) ?? 0) > 1) {
        responses.push({ ...base, errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Duplicate topic in request' });
        continue;
      }
      if (info === undefined) {
        responses.push(w.name !== null
          ? { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: 'This server does not host this topic-partition.' }
          : { ...base, errorCode: ErrorCode.UNKNOWN_TOPIC_ID, errorMessage: 'This server does not host this topic ID.' });
        continue;
      }
      if (!quota.tryRecord(info.partitions)) {
        responses.push({ ...base, errorCode: ErrorCode.THROTTLING_QUOTA_EXCEEDED, errorMessage: 'The throttling quota has been exceeded.' });
        continue;
      }
      try {
        await b.topics.delete(info.name);
        responses.push({ ...base, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        responses.push({ ...base, errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err) });
      }
    }
    return { throttleTimeMs: quota.throttleTimeMs, responses };
  },
});
