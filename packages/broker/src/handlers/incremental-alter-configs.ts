// IncrementalAlterConfigs v0-1. TOPIC resources: each listed config is changed by its operation
// and the rest of the topic's overrides stay: SET (0) sets a value, DELETE (1) removes the
// override (a name that is not set, or unknown, is a no-op), APPEND (2) / SUBTRACT (3) add or
// remove items of a LIST config (e.g. cleanup.policy) starting from its current effective value,
// its default if not overridden. APPEND/SUBTRACT on a non-list config and bad resulting values are
// INVALID_CONFIG; a key listed twice, a null value for SET/APPEND/SUBTRACT or an unknown operation
// INVALID_REQUEST; an unknown topic UNKNOWN_TOPIC_OR_PARTITION. validateOnly checks without
// applying. BROKER (this broker's id or "" for the cluster-wide defaults): the same operations on
// that resource's dynamic set (dynamic-configs.ts; APPEND/SUBTRACT start from the effective
// value). BROKER_LOGGER: Tideline
// has no named loggers, so every logger name is INVALID_CONFIG (an empty change succeeds).
// GROUP: the share group configs (share.*) and the KIP-848 consumer group configs
// consumer.heartbeat.interval.ms / consumer.session.timeout.ms (bounded by the broker's
// group.consumer.min/max.* configs; the heartbeat interval below the session timeout); SET or
// DELETE, validated against their bounds, durable; other names are INVALID_CONFIG.
// Skipped: alter-config policies, CLIENT_METRICS resources, streams group configs.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { IncrementalAlterConfigsRequestAlterableConfig, IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf, errorMessageOf } from '../errors.js';
import {
  ConfigResourceType, brokerConfigDef, brokerLayerValue, brokerLayersOf, checkBrokerResourceName, duplicateResources, listItems,
  resolveTopicEntry, topicConfigDef, validateTopicConfigs, type BrokerConfigInput, type ConfigDef,
} from '../configs.js';
import { validateTopicName } from '../topic-names.js';
import type { Broker } from '../broker-state.js';
import type { GroupConfig } from '../groups/group-config.js';
import { AclOperation } from '../security/acl.js';
import { configResourceRefusal } from '../security/authorize.js';

export const OpType = { SET: 0, DELETE: 1, APPEND: 2, SUBTRACT: 3 } as const;
const OP_NAMES = ['SET', 'DELETE', 'APPEND', 'SUBTRACT'];

function checkOps(configs: readonly IncrementalAlterConfigsRequestAlterableConfig[]): void {
  const seen = new Set<string>();
  for (const c of configs) {
    if (seen.has(c.name)) throw new BrokerError('INVALID_REQUEST', 'Error due to duplicate config keys');
    seen.add(c.name);
    if (c.configOperation < 0 || c.configOperation > 3) throw new BrokerError('INVALID_REQUEST', `Unknown config operation ${c.configOperation} for ${c.name}`);
    if (c.configOperation !== OpType.DELETE && c.value === null) throw new BrokerError('INVALID_REQUEST', `Null value not supported for : ${c.name}`);
  }
}

/**
 * The override set after applying `configs` (exported for tests). `listBase` gives the current
 * effective value of a LIST config (APPEND/SUBTRACT start from it); default: a topic config's.
 */
export function applyIncremental(
  current: Readonly<Record<string, string>>,
  configs: readonly IncrementalAlterConfigsRequestAlterableConfig[],
  brokerConfigs: BrokerConfigInput = {},
  listBase: (name: string) => { def: ConfigDef | undefined; value: string } = (name) => {
    const def = topicConfigDef(name);
    return { def, value: def === undefined ? '' : resolveTopicEntry(def, current, brokerConfigs).value ?? '' };
  },
): Record<string, string> {
  checkOps(configs);
  const next: Record<string, string> = { ...current };
  for (const c of configs) {
    const value = c.value ?? '';
    switch (c.configOperation) {
      case OpType.SET:
        next[c.name] = value;
        break;
      case OpType.DELETE:
        delete next[c.name];
        break;
      default: {
        const { def, value: base } = listBase(c.name);
        if (def === undefined) throw new BrokerError('INVALID_CONFIG', `Unknown config name: ${c.name}`);
        if (def.type !== 'list') {
          throw new BrokerError('INVALID_CONFIG', `Can't ${OP_NAMES[c.configOperation]} to key ${c.name} because its type is not LIST.`);
        }
        const items = listItems(base);
        const given = listItems(value);
        const result = c.configOperation === OpType.APPEND
          ? [...items, ...given.filter((x, i) => !items.includes(x) && given.indexOf(x) === i)]
          : items.filter((x) => !given.includes(x));
        next[c.name] = result.join(',');
      }
    }
  }
  return next;
}

async function alterTopic(b: Broker, name: string, configs: readonly IncrementalAlterConfigsRequestAlterableConfig[], validateOnly: boolean): Promise<void> {
  validateTopicName(name);
  const t = b.topics.get(name);
  if (t === undefined) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${name}' does not exist.`);
  const next = applyIncremental(t.configs, configs, brokerLayersOf(b));
  validateTopicConfigs(next);
  await b.topics.alterConfigs(name, next, validateOnly);
}

/** KIP-848 consumer group configs (GROUP resources), bounded by the broker's group.consumer.min/max.* configs. */
const CONSUMER_GROUP_CONFIGS: ReadonlySet<string> = new Set(['consumer.heartbeat.interval.ms', 'consumer.session.timeout.ms']);

function validateConsumerGroupConfig(g: GroupConfig, name: string, value: string): string | null {
  if (!/^-?\d+$/.test(value.trim())) return `${name} must be an integer`;
  const n = Number(value);
  const [min, max] = name === 'consumer.heartbeat.interval.ms'
    ? [g.consumerMinHeartbeatIntervalMs, g.consumerMaxHeartbeatIntervalMs]
    : [g.consumerMinSessionTimeoutMs, g.consumerMaxSessionTimeoutMs];
  return n < min || n > max ? `${name} must be between ${min} and ${max} (the broker's group.consumer.min/max.* configs)` : null;
}

async function alterGroup(b: Broker, groupId: string, configs: readonly IncrementalAlterConfigsRequestAlterableConfig[], validateOnly: boolean): Promise<void> {
  if (groupId === '') throw new BrokerError('INVALID_GROUP_ID', 'the group id is empty');
  checkOps(configs);
  const next = new Map(b.shares.groupConfig(groupId));
  for (const c of configs) {
    if (c.configOperation === OpType.DELETE) {
      next.delete(c.name);
      continue;
    }
    if (c.configOperation !== OpType.SET) throw new BrokerError('INVALID_CONFIG', `${OP_NAMES[c.configOperation]} is not allowed for group config ${c.name}`);
    const err = CONSUMER_GROUP_CONFIGS.has(c.name) ? validateConsumerGroupConfig(b.groups.config, c.name, c.value ?? '') : b.shares.validateGroupConfig(c.name, c.value ?? '');
    if (err !== null) throw new BrokerError('INVALID_CONFIG', err);
    next.set(c.name, c.value ?? '');
  }
  // As Kafka: the group's heartbeat interval stays below its session timeout (either may be the broker's default).
  const hb = Number(next.get('consumer.heartbeat.interval.ms') ?? b.groups.config.consumerHeartbeatIntervalMs);
  const session = Number(next.get('consumer.session.timeout.ms') ?? b.groups.config.consumerSessionTimeoutMs);
  if ((next.has('consumer.heartbeat.interval.ms') || next.has('consumer.session.timeout.ms')) && hb >= session) throw new BrokerError('INVALID_CONFIG', `consumer.heartbeat.interval.ms (${hb}) must be less than consumer.session.timeout.ms (${session})`);
  if (!validateOnly) await b.shares.setGroupConfigs(groupId, next);
}

async function alterBroker(b: Broker, resourceName: string, configs: readonly IncrementalAlterConfigsRequestAlterableConfig[], validateOnly: boolean): Promise<void> {
  const current = b.brokerConfigs.configsOf(resourceName);
  const layers = brokerLayersOf(b);
  const next = applyIncremental(current, configs, {}, (name) => {
    const def = brokerConfigDef(name);
    return { def, value: current[name] ?? brokerLayerValue(layers, name) ?? def?.default ?? '' };
  });
  await b.brokerConfigs.replace(resourceName, next, validateOnly);
}

function alterLoggers(b: Broker, resourceName: string, configs: readonly IncrementalAlterConfigsRequestAlterableConfig[]): void {
  checkBrokerResourceName(resourceName, b.config.nodeId);
  checkOps(configs);
  for (const c of configs) {
    if (c.configOperation !== OpType.SET && c.configOperation !== OpType.DELETE) {
      throw new BrokerError('INVALID_REQUEST', `${OP_NAMES[c.configOperation]} operation is not allowed for the BROKER_LOGGER resource`);
    }
    throw new BrokerError('INVALID_CONFIG', `Logger ${c.name} does not exist (Tideline has no named loggers)`);
  }
}

export const incrementalAlterConfigsHandler = defineHandler({
  apiKey: ApiKey.IncrementalAlterConfigs,
  minVersion: 0,
  maxVersion: 1,
  async handle(req, ctx) {
    const dups = duplicateResources(req.resources);
    const responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput[] = [];
    for (const r of req.resources) {
      const base = { resourceType: r.resourceType, resourceName: r.resourceName };
      try {
        if (dups.has(`${r.resourceType}:${r.resourceName}`)) throw new BrokerError('INVALID_REQUEST', 'Duplicate resource in the request');
        const refused = configResourceRefusal(ctx, AclOperation.ALTER_CONFIGS, r.resourceType, r.resourceName);
        if (refused !== null) throw refused;
        switch (r.resourceType) {
          case ConfigResourceType.TOPIC:
            await alterTopic(ctx.broker, r.resourceName, r.configs, req.validateOnly);
            break;
          case ConfigResourceType.BROKER:
            await alterBroker(ctx.broker, r.resourceName, r.configs, req.validateOnly);
            break;
          case ConfigResourceType.BROKER_LOGGER:
            alterLoggers(ctx.broker, r.resourceName, r.configs);
            break;
          case ConfigResourceType.GROUP:
            await alterGroup(ctx.broker, r.resourceName, r.configs, req.validateOnly);
            break;
          default:
            throw new BrokerError('INVALID_REQUEST', `Unsupported resource type ${r.resourceType} in IncrementalAlterConfigs`);
        }
        responses.push({ ...base, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        responses.push({ ...base, errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err) });
      }
    }
    return { throttleTimeMs: 0, responses };
  },
});
