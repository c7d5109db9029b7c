// Dead letters for share groups (KIP-932): a ShareConsumer handles each record with `handler`;
// success ACCEPTs it. A failure classified permanent (DeadLetter, or the classifier's verdict), or
// any failure on the record's last allowed delivery (deliveryCount >= maxDeliveries, the group's
// share.delivery.count.limit), writes the record with the DLQ envelope to the DLQ topic and then
// REJECTs it (archived: never delivered again). Other failures RELEASE it for another delivery,
// to this member or another. The DLQ write completes (acks=all) before the REJECT is queued, so a
// crash in between delivers the record again rather than losing it: at-least-once into the DLQ.
import type { Producer, ShareConsumer, ShareRecord } from '@tideline/client';
import { defaultClassify, type FailureClass } from './classify.js';
import { describeError, withEnvelope, wireSchemaId } from './envelope.js';
import { defaultDlqTopic } from './topics.js';

export interface ShareDeadLetterOptions {
  /** The share group (recorded in the envelope). */
  groupId: string;
  /** The group's share.delivery.count.limit (Kafka's default: 5). */
  maxDeliveries?: number;
  /** Default `<topic>.dlq`. */
  dlqTopic?: (topic: string) => string;
  classify?: (err: unknown) => FailureClass;
}

export type ShareOutcome = 'accepted' | 'released' | 'dead-lettered';

/** Handles one record of a share consumer's poll and acknowledges it (see the file comment). */
export async function handleShareRecord(
  consumer: ShareConsumer, producer: Producer, record: ShareRecord, handler: (r: ShareRecord) => Promise<void> | void, opts: ShareDeadLetterOptions,
): Promise<ShareOutcome> {
  try {
    await handler(record);
    consumer.acknowledge(record, 'accept');
    return 'accepted';
  } catch (err) {
    const last = record.deliveryCount >= (opts.maxDeliveries ?? 5);
    const permanent = (opts.classify ?? defaultClassify)(err) === 'permanent';
    if (!last && !permanent) {
      consumer.acknowledge(record, 'release');
      return 'released';
    }
    const now = Date.now();
    const keySchemaId = wireSchemaId(record.key);
    const valueSchemaId = wireSchemaId(record.value);
    await producer.send({
      topic: (opts.dlqTopic ?? defaultDlqTopic)(record.topic),
      messages: [{
        key: record.key, value: record.value,
        headers: withEnvelope(record.headers, {
          originalTopic: record.topic, originalPartition: record.partition, originalOffset: record.offset,
          originalTimestamp: Number(record.timestamp), group: opts.groupId,
          errorClass: permanent ? 'permanent' : 'poison', ...describeError(err),
          attempt: record.deliveryCount, lastFailureMs: now, source: 'share-group',
          ...(keySchemaId !== undefined ? { keySchemaId } : {}), ...(valueSchemaId !== undefined ? { valueSchemaId } : {}),
        }),
      }],
    });
    consumer.acknowledge(record, 'reject');
    return 'dead-lettered';
  }
}
