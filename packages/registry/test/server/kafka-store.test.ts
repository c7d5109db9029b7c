// The store's fencing: the instances of a group share one transactional id, so a primary that was
// deposed but still believes it leads cannot commit once the new primary has started writing, and
// what it tried to write never reaches any instance's state.
import assert from 'node:assert/strict';
import { KafkaStore } from '../../src/server/kafka-store.js';
import { RegistryError, RegistryErrorCode } from '../../src/server/errors.js';
import { encodeSchemaValue, schemaKey } from '../../src/server/records.js';
import { RegistryState } from '../../src/server/state.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from '../helpers.js';

useApacheKafka();

const value = (subject: string, id: number): Buffer => encodeSchemaValue({ subject, version: 1, id, schema: '{"type":"string"}', deleted: false });

bothBrokers('a deposed primary is fenced: its write fails and is never applied', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('_schemas');
  const opts = { cluster: { bootstrap: b.bootstrap }, topic, replicationFactor: 1, timeoutMs: 30_000, logger: () => undefined, fencingId: `${topic}-writer` };
  const [sa, sb, sc] = [new RegistryState(), new RegistryState(), new RegistryState()];
  const a = new KafkaStore(opts, sa);
  const bStore = new KafkaStore(opts, sb);
  let c: KafkaStore | null = null;
  try {
    await a.start();
    await bStore.start();
    await a.write([[schemaKey('old-primary', 1), value('old-primary', 1)]]);
    assert.equal(sa.versions('old-primary', false).length, 1);
    // The new primary's first write fences the old one.
    await bStore.write([[schemaKey('new-primary', 1), value('new-primary', 2)]]);
    await assert.rejects(a.write([[schemaKey('split-brain', 1), value('split-brain', 2)]]),
      (e: unknown) => e instanceof RegistryError && e.errorCode === RegistryErrorCode.STORE_ERROR);
    await bStore.write([[schemaKey('after', 1), value('after', 3)]]);
    c = new KafkaStore(opts, sc);
    await c.start();
    assert.deepEqual([...sc.subjects.keys()].sort(), ['after', 'new-primary', 'old-primary']);
    await a.catchUp();
    assert.deepEqual([...sa.subjects.keys()].sort(), ['after', 'new-primary', 'old-primary']);
  } finally {
    await a.close();
    await bStore.close();
    await c?.close();
  }
});
