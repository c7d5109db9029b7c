// Topic name rules, as Kafka applies them: ASCII letters, digits, '.', '_' and '-'; 1 to 249
// characters; never "." or "..". Names that differ only by '.' versus '_' collide (they map to
// the same metric names), so a new topic may not collide with an existing one.
import { BrokerError } from './errors.js';

export const MAX_TOPIC_NAME_LENGTH = 249;

/** Topics the broker itself owns; clients see them with `isInternal` set. */
export const INTERNAL_TOPICS: readonly string[] = ['__consumer_offsets', '__transaction_state', '__share_group_state'];

export const CONSUMER_OFFSETS_TOPIC = '__consumer_offsets';
export const TRANSACTION_STATE_TOPIC = '__transaction_state';

const LEGAL = /^[a-zA-Z0-9._-]+$/;

export function isInternalTopic(name: string): boolean {
  return INTERNAL_TOPICS.includes(name);
}

/** Why `name` is not a legal topic name, or undefined when it is. */
export function topicNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Topic name is illegal, it can\'t be empty';
  if (name === '.' || name === '..') return 'Topic name cannot be "." or ".."';
  if (name.length > MAX_TOPIC_NAME_LENGTH) {
    return `Topic name is illegal, it can't be longer than ${MAX_TOPIC_NAME_LENGTH} characters, topic name: ${name}`;
  }
  if (!LEGAL.test(name)) {
    return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  }
  return undefined;
}

/** Throws BrokerError('INVALID_TOPIC_EXCEPTION') unless `name` is a legal topic name. */
export function validateTopicName(name: string): void {
  const why = topicNameProblem(name);
  if (why !== undefined) throw new BrokerError('INVALID_TOPIC_EXCEPTION', why);
}

/** '.' and '_' are interchangeable for collision purposes. */
export function unifyCollisionChars(name: string): string {
  return name.replaceAll('.', '_');
}

/**
 * The existing topic that `name` collides with ('.' vs '_'), or undefined. A topic with exactly
 * the same name is not a collision (that is TOPIC_ALREADY_EXISTS).
 */
export function collidingTopic(name: string, existing: Iterable<string>): string | undefined {
  if (!name.includes('.') && !name.includes('_')) return undefined;
  const key = unifyCollisionChars(name);
  for (const other of existing) {
    if (other !== name && unifyCollisionChars(other) === key) return other;
  }
  return undefined;
}

/** Throws INVALID_TOPIC_EXCEPTION (as Kafka answers) when `name` collides with an existing topic. */
export function checkNoCollision(name: string, existing: Iterable<string>): void {
  const other = collidingTopic(name, existing);
  if (other !== undefined) throw new BrokerError('INVALID_TOPIC_EXCEPTION', `Topic '${name}' collides with existing topic: ${other}`);
}
