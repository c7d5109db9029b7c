// User quotas with real SASL users: KafkaJS logs in with SASL/PLAIN as alice and as bob on a
// SASL_PLAINTEXT listener. A producer_byte_rate on user alice applies to every client id alice
// uses and to no one else; a <default> user quota applies to bob; user + client-id takes
// precedence over the user's own quota. What applies is read from the broker's sensors, and
// alice's throttling is seen as time: her next send cannot complete before the delay the broker
// computed (a lower bound, which machine load cannot break). Under CI=true a missing KafkaJS fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toolOrSkip } from '@tideline/interop';
import { startBroker, type RunningBroker } from '../src/index.js';

const TIMEOUT = 60_000;
const USERS = { alice: 'alice-secret', bob: 'bob-secret' };

async function producer(b: RunningBroker, user: keyof typeof USERS, clientId: string) {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({
    brokers: [b.bootstrap], clientId, logLevel: logLevel.NOTHING,
    sasl: { mechanism: 'plain', username: user, password: USERS[user] },
  });
  const p = kafka.producer({ allowAutoTopicCreation: true });
  await p.connect();
  return p;
}

test('user quotas with SASL/PLAIN users (KafkaJS): user, <default> user and user + client-id entities', { timeout: TIMEOUT }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs')) return;
  const b = await startBroker({
    storage: 'memory://', port: 0, defaultPartitions: 1,
    security: {
      listeners: [{ name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' }],
      sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { sasl_plaintext: USERS } },
    },
  });
  try {
    const q = b.broker.quotas;
    assert.deepEqual(await q.alter([
      { entity: [['user', 'alice']], ops: [{ key: 'producer_byte_rate', value: 10_000 }] },
      { entity: [['user', null]], ops: [{ key: 'producer_byte_rate', value: 50_000 }] },
      { entity: [['user', 'alice'], ['client-id', 'alice-special']], ops: [{ key: 'producer_byte_rate', value: 1_000_000 }] },
    ], false), [null, null, null]);
    const rate = (principal: string, clientId: string) => q.measuredRate('producer_byte_rate', principal, clientId);

    const alice = await producer(b, 'alice', 'app-1');
    const value = Buffer.alloc(1000, 1);
    // 110 records of 1000 B: 110 kB over Kafka's 10 s minimum window is 10% over alice's 10 kB/s.
    const sent = Date.now();
    await alice.send({ topic: 'q', acks: 1, messages: Array.from({ length: 110 }, () => ({ value })) });
    const measured = rate('User:alice', 'app-1')!;
    assert.ok(measured > 10_000, `alice's sensor measured ${measured} B/s`);
    const throttleMs = Math.round(((measured - 10_000) / 10_000) * 10_000);
    // The connection is muted for the delay: the next send's answer cannot come sooner.
    await alice.send({ topic: 'q', acks: 1, messages: [{ value: Buffer.from('x') }] });
    assert.ok(Date.now() - sent >= throttleMs * 0.9, `second send after ${Date.now() - sent} ms, expected >= ~${throttleMs}`);
    // The same user with another client id shares the user's sensor...
    assert.equal(rate('User:alice', 'app-2'), rate('User:alice', 'app-1'));
    // ...except where user + client-id is set; bob falls under the <default> user quota with his own sensor.
    assert.equal(rate('User:alice', 'alice-special'), 0);
    const bob = await producer(b, 'bob', 'app-1');
    await bob.send({ topic: 'q', acks: 1, messages: [{ value }] });
    assert.ok(rate('User:bob', 'app-1')! > 0);
    assert.equal(rate('User:carol', 'app-1'), 0, 'a default quota gives each user a sensor of its own');
    await alice.disconnect();
    await bob.disconnect();
  } finally {
    await b.close();
  }
});
