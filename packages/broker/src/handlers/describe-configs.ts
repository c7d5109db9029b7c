// DescribeConfigs v0-4. TOPIC resources: every topic config with its effective value, source
// (DYNAMIC_TOPIC_CONFIG for an override, STATIC_BROKER_CONFIG for a broker setting made at
// startup, DYNAMIC_BROKER_CONFIG / DYNAMIC_DEFAULT_BROKER_CONFIG for one altered at run time, else
// DEFAULT_CONFIG), synonyms (v1+, when asked) in precedence order, type and a short description
// (v3+, when asked); an unknown topic is UNKNOWN_TOPIC_OR_PARTITION, an illegal name
// INVALID_TOPIC_EXCEPTION. BROKER resources: named by this node's id, every broker config with its
// source and synonyms (readOnly for those fixed at startup; sensitive ones with a null value);
// "" (the cluster-wide dynamic defaults) lists only the defaults set, as Kafka does; any other id
// INVALID_REQUEST. BROKER_LOGGER: an empty list (no named loggers).
// Requested keys that do not exist are left out, as Kafka does.
// GROUP resources: the KIP-848 consumer group configs (consumer.heartbeat.interval.ms,
// consumer.session.timeout.ms; their defaults are the broker's group.consumer.* values) and the
// share group configs (share.*), with GROUP_CONFIG for those the group sets
// (IncrementalAlterConfigs), else DEFAULT_CONFIG; any group id may be described.
// Skipped: CLIENT_METRICS resources (INVALID_REQUEST), streams group configs, sensitive
// configs (there are none).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { DescribeConfigsResponseDescribeConfigsResourceResultInput, DescribeConfigsResponseDescribeConfigsResultInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf, errorMessageOf } from '../errors.js';
import {
  CONFIG_TYPE_CODE, ConfigResourceType, ConfigSource, TOPIC_CONFIG_DEFS, brokerLayersOf, checkBrokerResourceName, resolveBrokerConfigs,
  resolveClusterDefaults, resolveTopicEntry, type ResolvedConfig,
} from '../configs.js';
import { validateTopicName } from '../topic-names.js';
import type { Broker } from '../broker-state.js';
import { AclOperation } from '../security/acl.js';
import { configResourceRefusal } from '../security/authorize.js';

interface Options {
  keys: ReadonlySet<string> | null;
  synonyms: boolean;
  documentation: boolean;
}

function entry(r: ResolvedConfig, o: Options): DescribeConfigsResponseDescribeConfigsResourceResultInput {
  return {
    name: r.def.name,
    value: r.def.sensitive ? null : r.value,
    readOnly: r.def.readOnly,
    isDefault: r.source === ConfigSource.DEFAULT_CONFIG,
    configSource: r.source,
    isSensitive: r.def.sensitive,
    synonyms: o.synonyms ? r.synonyms.map((s) => ({ name: s.name, value: r.def.sensitive ? null : s.value, source: s.source })) : [],
    configType: CONFIG_TYPE_CODE[r.def.type],
    documentation: o.documentation ? r.def.doc : null,
  };
}

/** Group configs whose default is a broker config named `group.<name>`. */
const BROKER_SYNONYM: ReadonlySet<string> = new Set([
  'consumer.heartbeat.interval.ms', 'consumer.session.timeout.ms', 'share.record.lock.duration.ms', 'share.delivery.count.limit',
  'share.heartbeat.interval.ms', 'share.session.timeout.ms',
]);

/** The KIP-848 consumer group configs of a group id: its own value if set, else the broker's. */
function consumerGroupConfigs(b: Broker, groupId: string): Array<{ name: string; value: string; set: boolean; type: 'int' }> {
  const set = b.shares.groupConfig(groupId);
  const defaults: Array<[string, number]> = [
    ['consumer.heartbeat.interval.ms', b.groups.config.consumerHeartbeatIntervalMs],
    ['consumer.session.timeout.ms', b.groups.config.consumerSessionTimeoutMs],
  ];
  return defaults.map(([name, d]) => ({ name, value: set.get(name) ?? String(d), set: set.has(name), type: 'int' }));
}

function describe(b: Broker, type: number, name: string, o: Options): DescribeConfigsResponseDescribeConfigsResourceResultInput[] {
  const wanted = (n: string): boolean => o.keys === null || o.keys.has(n);
  switch (type) {
    case ConfigResourceType.TOPIC: {
      if (name === '') throw new BrokerError('INVALID_TOPIC_EXCEPTION', 'Topic name is invalid: the empty string is not allowed');
      validateTopicName(name);
      const t = b.topics.get(name);
      if (t === undefined) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${name}' does not exist.`);
      const brokerConfigs = brokerLayersOf(b);
      return TOPIC_CONFIG_DEFS.filter((d) => wanted(d.name)).map((d) => entry(resolveTopicEntry(d, t.configs, brokerConfigs), o));
    }
    case ConfigResourceType.BROKER:
      checkBrokerResourceName(name, b.config.nodeId);
      if (name === '') return resolveClusterDefaults(b.brokerConfigs.configsOf('')).filter((r) => wanted(r.def.name)).map((r) => entry(r, o));
      return resolveBrokerConfigs(brokerLayersOf(b)).filter((r) => wanted(r.def.name)).map((r) => entry(r, o));
    case ConfigResourceType.BROKER_LOGGER:
      checkBrokerResourceName(name, b.config.nodeId);
      return [];
    case ConfigResourceType.GROUP:
      if (name === '') throw new BrokerError('INVALID_GROUP_ID', 'the group id is empty');
    {
      // Synonyms as Kafka: the group's own value, then the broker config it defaults to (group.<name>).
      const defaults = new Map([...consumerGroupConfigs(b, ''), ...b.shares.describeGroupConfigs('')].map((c) => [c.name, c.value]));
      return [...consumerGroupConfigs(b, name), ...b.shares.describeGroupConfigs(name)].filter((c) => wanted(c.name)).map((c) => ({
        name: c.name, value: c.value, readOnly: false, isDefault: !c.set, configSource: c.set ? ConfigSource.GROUP_CONFIG : ConfigSource.DEFAULT_CONFIG,
        isSensitive: false,
        synonyms: !o.synonyms ? [] : [
          ...(c.set ? [{ name: c.name, value: c.value, source: ConfigSource.GROUP_CONFIG }] : []),
          ...(BROKER_SYNONYM.has(c.name) ? [{ name: `group.${c.name}`, value: defaults.get(c.name) ?? null, source: ConfigSource.DEFAULT_CONFIG }] : []),
        ],
        configType: CONFIG_TYPE_CODE[c.type], documentation: null,
      }));
    }
    default:
      throw new BrokerError('INVALID_REQUEST', `Unsupported resource type ${type} in DescribeConfigs`);
  }
}

export const describeConfigsHandler = defineHandler({
  apiKey: ApiKey.DescribeConfigs,
  minVersion: 0,
  maxVersion: 4,
  handle(req, ctx) {
    // v0 has no includeSynonyms field; Kafka answers v0 without synonyms.
    const synonyms = ctx.apiVersion >= 1 && req.includeSynonyms;
    const documentation = ctx.apiVersion >= 3 && req.includeDocumentation;
    const results: DescribeConfigsResponseDescribeConfigsResultInput[] = req.resources.map((r) => {
      const o: Options = { keys: r.configurationKeys === null ? null : new Set(r.configurationKeys), synonyms, documentation };
      try {
        const refused = configResourceRefusal(ctx, AclOperation.DESCRIBE_CONFIGS, r.resourceType, r.resourceName);
        if (refused !== null) throw refused;
        return {
          errorCode: ErrorCode.NONE, errorMessage: null, resourceType: r.resourceType, resourceName: r.resourceName,
          configs: describe(ctx.broker, r.resourceType, r.resourceName, o),
        };
      } catch (err) {
        return { errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err), resourceType: r.resourceType, resourceName: r.resourceName, configs: [] };
      }
    });
    return { throttleTimeMs: 0, results };
  },
});
