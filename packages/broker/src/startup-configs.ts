// What Kafka-named broker configs given at startup (BrokerOptions.configs, the properties file of
// `tide broker start --config`) mean for the broker's typed settings. Pure: validates and maps.
import { BrokerError } from './errors.js';
import { brokerConfigDef, checkValue, listItems } from './configs.js';
import type { GroupConfig } from './groups/group-config.js';
import type { TransactionConfig } from './txn/coordinator.js';

export interface StartupSettings {
  defaultPartitions?: number;
  autoCreateTopics?: boolean;
  maxRequestSize?: number;
  logRetentionCheckIntervalMs?: number;
  cleanerEnabled?: boolean;
  producerIdExpirationMs?: number;
  groups: Partial<GroupConfig>;
  transactions: Partial<TransactionConfig>;
}

const GROUP_KEYS: ReadonlyArray<readonly [string, keyof GroupConfig, number]> = [
  ['group.initial.rebalance.delay.ms', 'initialRebalanceDelayMs', 1],
  ['group.min.session.timeout.ms', 'minSessionTimeoutMs', 1],
  ['group.max.session.timeout.ms', 'maxSessionTimeoutMs', 1],
  ['offsets.retention.minutes', 'offsetsRetentionMs', 60_000],
  ['offsets.retention.check.interval.ms', 'offsetsRetentionCheckIntervalMs', 1],
  ['offset.metadata.max.bytes', 'offsetMetadataMaxBytes', 1],
  ['offsets.topic.num.partitions', 'offsetsTopicPartitions', 1],
  ['group.consumer.heartbeat.interval.ms', 'consumerHeartbeatIntervalMs', 1],
  ['group.consumer.session.timeout.ms', 'consumerSessionTimeoutMs', 1],
  ['group.consumer.min.heartbeat.interval.ms', 'consumerMinHeartbeatIntervalMs', 1],
  ['group.consumer.max.heartbeat.interval.ms', 'consumerMaxHeartbeatIntervalMs', 1],
  ['group.consumer.min.session.timeout.ms', 'consumerMinSessionTimeoutMs', 1],
  ['group.consumer.max.session.timeout.ms', 'consumerMaxSessionTimeoutMs', 1],
];

const TXN_KEYS: ReadonlyArray<readonly [string, Exclude<keyof TransactionConfig, 'transactionVersion'>]> = [
  ['transaction.max.timeout.ms', 'maxTimeoutMs'],
  ['transaction.abort.timed.out.transaction.cleanup.interval.ms', 'abortTimedOutIntervalMs'],
  ['transactional.id.expiration.ms', 'transactionalIdExpirationMs'],
  ['transaction.remove.expired.transaction.cleanup.interval.ms', 'removeExpiredIntervalMs'],
  ['transaction.state.log.num.partitions', 'stateTopicPartitions'],
];

/** Validates every config (unknown name or bad value: BrokerError INVALID_CONFIG) and maps those with a typed setting. */
export function startupSettingsOf(configs: Readonly<Record<string, string>>): StartupSettings {
  for (const [name, value] of Object.entries(configs)) {
    const def = brokerConfigDef(name);
    if (def === undefined) throw new BrokerError('INVALID_CONFIG', `Unknown broker config name: ${name}`);
    checkValue(def, value);
  }
  const n = (k: string): number | undefined => (configs[k] === undefined ? undefined : Number(configs[k]!.trim()));
  const b = (k: string): boolean | undefined => (configs[k] === undefined ? undefined : configs[k]!.trim().toLowerCase() === 'true');
  const groups: Partial<GroupConfig> = {};
  for (const [k, field, scale] of GROUP_KEYS) {
    const v = n(k);
    if (v !== undefined) (groups as Record<string, number>)[field] = v * scale;
  }
  if (configs['group.consumer.assignors'] !== undefined) groups.consumerAssignors = listItems(configs['group.consumer.assignors']);
  const transactions: Partial<TransactionConfig> = {};
  for (const [k, field] of TXN_KEYS) {
    const v = n(k);
    if (v !== undefined) transactions[field] = v;
  }
  const out: StartupSettings = { groups, transactions };
  const set = <K extends keyof StartupSettings>(key: K, v: StartupSettings[K] | undefined): void => {
    if (v !== undefined) out[key] = v;
  };
  set('defaultPartitions', n('num.partitions'));
  set('autoCreateTopics', b('auto.create.topics.enable'));
  set('maxRequestSize', n('socket.request.max.bytes'));
  set('logRetentionCheckIntervalMs', n('log.retention.check.interval.ms'));
  set('cleanerEnabled', b('log.cleaner.enable'));
  set('producerIdExpirationMs', n('producer.id.expiration.ms'));
  return out;
}
