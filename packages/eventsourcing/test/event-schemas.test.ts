// Event schemas in the schema registry (Confluent-compatible HTTP API): each event type's JSON
// Schema is registered under `<topic>-<type>`, a compatible evolution passes the registry's check
// and an incompatible one is refused with the registry's messages. Runs against our registry
// service (@tideline/registry's startRegistry) on both brokers.
import assert from 'node:assert/strict';
import { EventSchemaRegistry, ReadSideError, assertCompatibleEvolution } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

interface RegistryHandle {
  url: string;
  close(): Promise<void>;
}
type StartRegistry = (opts: { cluster: { bootstrap: string }; port?: number; topic?: string; topicReplicationFactor?: number; leaderElection?: boolean }) => Promise<RegistryHandle>;

async function registryStarter(): Promise<StartRegistry | null> {
  // Resolved at run time (the workspace package), so this package does not depend on the registry's build.
  const specifier = '@tideline/registry';
  const mod = (await import(specifier).catch(() => ({}))) as { startRegistry?: StartRegistry };
  return typeof mod.startRegistry === 'function' ? mod.startRegistry : null;
}

const v1 = { type: 'object', properties: { cents: { type: 'integer' } }, required: ['cents'], additionalProperties: false };
// v2 adds an optional field to a closed content model: backward compatible (a v2 reader reads v1 data).
const v2 = { type: 'object', properties: { cents: { type: 'integer' }, currency: { type: 'string' } }, required: ['cents'], additionalProperties: false };
// v3 makes a new field required: a v3 reader cannot read v2 data.
const v3 = { type: 'object', properties: { cents: { type: 'integer' }, currency: { type: 'string' }, iban: { type: 'string' } }, required: ['cents', 'iban'], additionalProperties: false };

bothBrokers('event schemas: registered per event type; an evolution is checked against the registry', { timeout: 120_000 }, async (b) => {
  const start = await registryStarter();
  // The registry service is part of the workspace: a missing startRegistry is a failure, not a skip.
  assert.ok(start !== null, '@tideline/registry does not export startRegistry (is it built?)');
  const reg = await start({ cluster: { bootstrap: b.bootstrap }, port: 0, topic: uniqueTopic('_schemas-es'), topicReplicationFactor: 1, leaderElection: false });
  try {
    const client = new EventSchemaRegistry({ url: reg.url });
    const subject = EventSchemaRegistry.subject('bank.events', 'Deposited');
    assert.equal(subject, 'bank.events-Deposited');
    await assertCompatibleEvolution(client, subject, v1, v2);
    const id2 = await client.register(subject, v2);
    assert.ok(id2 > 0);
    const r = await client.checkCompatibility(subject, v3);
    assert.equal(r.isCompatible, false);
    await assert.rejects(assertCompatibleEvolution(client, subject, v2, v3), ReadSideError);
    assert.deepEqual(await client.checkCompatibility(EventSchemaRegistry.subject('bank.events', 'Unseen'), v1), { isCompatible: true, messages: [] });
  } finally {
    await reg.close();
  }
});
