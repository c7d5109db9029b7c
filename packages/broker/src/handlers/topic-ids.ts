// Topic ids in requests (KIP-516): OffsetCommit v10, OffsetFetch v10 and TxnOffsetCommit v6 name
// topics by id; the group coordinator works on names. Unknown ids are UNKNOWN_TOPIC_ID.
import type { Broker } from '../broker-state.js';
import { ZERO_UUID } from '../topics.js';

/** The topic's name, or undefined for the zero id or an id no topic has. */
export function topicNameOf(b: Broker, topicId: string): string | undefined {
  return topicId === ZERO_UUID ? undefined : b.topics.getById(topicId)?.name;
}

/** The topic's id, or the zero id for a topic that no longer exists. */
export function topicIdOf(b: Broker, name: string): string {
  return b.topics.get(name)?.topicId ?? ZERO_UUID;
}

export { ZERO_UUID };
