// AlterConfigs v0-2 (the legacy, replace-everything API). TOPIC resources: the listed configs
// become the topic's whole override set (anything not listed returns to its default), validated
// first (unknown name or bad value: INVALID_CONFIG; a key listed twice or a null value:
// INVALID_REQUEST; unknown topic: UNKNOWN_TOPIC_OR_PARTITION); validateOnly checks without
// applying. BROKER resources (this broker's id, or "" for the cluster-wide defaults): the listed
// configs become that resource's whole dynamic set (dynamic-configs.ts: durable, applied at once);
// a startup-only config is INVALID_REQUEST ("cannot update dynamically", as Kafka says), an
// unknown name or bad value INVALID_CONFIG, a null value or a key listed twice INVALID_REQUEST;
// names Kafka treats as dynamic that Tideline does not use are stored and reported. A resource listed twice is
// INVALID_REQUEST. BROKER_LOGGER is not an AlterConfigs resource (INVALID_REQUEST, as in Kafka).
// Skipped: alter-config policies (no POLICY_VIOLATION), GROUP and CLIENT_METRICS resources.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { AlterConfigsResponseAlterConfigsResourceResponseInput } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { BrokerError, errorCodeOf, errorMessageOf } from '../errors.js';
import { ConfigResourceType, duplicateResources, validateTopicConfigs } from '../configs.js';
import { validateTopicName } from '../topic-names.js';
import type { Broker } from '../broker-state.js';
import { AclOperation } from '../security/acl.js';
import { configResourceRefusal } from '../security/authorize.js';

/** Replaces a BROKER resource's dynamic set by `configs`. */
async function alterBroker(b: Broker, resourceName: string, configs: ReadonlyArray<{ name: string; value: string | null }>, validateOnly: boolean): Promise<void> {
  const next: Record<string, string> = {};
  for (const c of configs) {
    if (c.name in next) throw new BrokerError('INVALID_REQUEST', 'Error due to duplicate config keys');
    if (c.value === null) throw new BrokerError('INVALID_REQUEST', `Null value not supported for : ${c.name}`);
    next[c.name] = c.value;
  }
  await b.brokerConfigs.replace(resourceName, next, validateOnly);
}

async function alterTopic(b: Broker, name: string, configs: ReadonlyArray<{ name: string; value: string | null }>, validateOnly: boolean): Promise<void> {
  validateTopicName(name);
  if (b.topics.get(name) === undefined) throw new BrokerError('UNKNOWN_TOPIC_OR_PARTITION', `The topic '${name}' does not exist.`);
  const next: Record<string, string> = {};
  for (const c of configs) {
    if (c.name in next) throw new BrokerError('INVALID_REQUEST', 'Error due to duplicate config keys');
    if (c.value === null) throw new BrokerError('INVALID_REQUEST', `Null value not supported for : ${c.name}`);
    next[c.name] = c.value;
  }
  validateTopicConfigs(next);
  await b.topics.alterConfigs(name, next, validateOnly);
}

export const alterConfigsHandler = defineHandler({
  apiKey: ApiKey.AlterConfigs,
  minVersion: 0,
  maxVersion: 2,
  async handle(req, ctx) {
    const dups = duplicateResources(req.resources);
    const responses: AlterConfigsResponseAlterConfigsResourceResponseInput[] = [];
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
          default:
            throw new BrokerError('INVALID_REQUEST', `Unsupported resource type ${r.resourceType} in AlterConfigs`);
        }
        responses.push({ ...base, errorCode: ErrorCode.NONE, errorMessage: null });
      } catch (err) {
        responses.push({ ...base, errorCode: errorCodeOf(err), errorMessage: errorMessageOf(err) });
      }
    }
    return { throttleTimeMs: 0, responses };
  },
});
