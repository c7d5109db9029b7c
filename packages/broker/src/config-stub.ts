// TEMPORARY stand-in for ./configs.js and ./topic-names.js (written concurrently by another
// engineer); same names and signatures. Deleted once those modules land.
import { BrokerError } from './errors.js';

export interface TopicConfig {
  maxMessageBytes: number;
  messageTimestampType: 'CreateTime' | 'LogAppendTime';
}

export function validateTopicConfigs(configs: Record<string, string | null>): void {
  for (const [k, v] of Object.entries(configs)) {
    if (k === 'max.message.bytes' && v !== null && !(Number(v) >= 0)) throw new BrokerError('INVALID_CONFIG', `invalid ${k}: ${v}`);
    if (k === 'message.timestamp.type' && v !== null && v !== 'CreateTime' && v !== 'LogAppendTime') {
      throw new BrokerError('INVALID_CONFIG', `invalid ${k}: ${v}`);
    }
  }
}

export function resolveTopicConfig(overrides: Record<string, string>): TopicConfig {
  const ts = overrides['message.timestamp.type'];
  return {
    maxMessageBytes: overrides['max.message.bytes'] !== undefined ? Number(overrides['max.message.bytes']) : 1048588,
    messageTimestampType: ts === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime',
  };
}

const LEGAL = /^[a-zA-Z0-9._-]+$/;

export function validateTopicName(name: string): void {
  if (name.length === 0 || name === '.' || name === '..' || name.length > 249 || !LEGAL.test(name)) {
    throw new BrokerError('INVALID_TOPIC_EXCEPTION', `invalid topic name '${name}'`);
  }
}

export function collidingTopic(name: string, existing: Iterable<string>): string | undefined {
  const norm = name.replace(/\./g, '_');
  for (const e of existing) if (e !== name && e.replace(/\./g, '_') === norm) return e;
  return undefined;
}
