// Conditional append (conditional-append.ts) through real third-party clients: KafkaJS and kcat
// produce with the tl-expected-version header to a topic with tideline.conditional.append=true.
// Matching versions are appended, others are refused with INVALID_RECORD and nothing written;
// of 12 producers racing on one key with the same expected version exactly one wins; after a
// kill -9 and a restart on the same data dir the versions are rebuilt from the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { kcat, toolOrSkip } from '@tideline/interop';
import { startCliBroker } from './helpers/cli-broker.js';

const TOPIC = 'cond';
const H = 'tl-expected-version';

async function send(p: Producer, key: string, expected: string | null, n = 1): Promise<'ok' | string> {
  try {
    await p.send({ topic: TOPIC, acks: -1, messages: Array.from({ length: n }, (_, i) => ({ key, value: `v${i}`, partition: 0, headers: i === 0 && expected !== null ? { [H]: expected } : {} })) });
    return 'ok';
  } catch (e) {
    return (e as { type?: string }).type ?? String(e);
  }
}

/** Records per key in partition 0, read by kcat. */
async function counts(bootstrap: string): Promise<Map<string, number>> {
  const out = await kcat(['-b', bootstrap, '-C', '-t', TOPIC, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%k\n'], { timeoutMs: 60_000 });
  const m = new Map<string, number>();
  for (const k of out.stdout.split('\n').filter((l) => l !== '')) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

test('conditional append: KafkaJS and kcat, conflicts write nothing, a race has one winner, versions survive kill -9', { timeout: 180_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs')) return;
  const dir = mkdtempSync(join(os.tmpdir(), 'tideline-cond-'));
  let broker = await startCliBroker(dir);
  const clients: Producer[] = [];
  const kafka = (): Kafka => new Kafka({ clientId: 'cond-test', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const producer = async (): Promise<Producer> => {
    const p = kafka().producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await p.connect();
    clients.push(p);
    return p;
  };
  try {
    const admin = kafka().admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, configEntries: [{ name: 'tideline.conditional.append', value: 'true' }] }, { topic: 'plain', numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const p = await producer();
    assert.equal(await send(p, 's1', '0'), 'ok');
    assert.equal(await send(p, 's1', '0'), 'INVALID_RECORD', 'a stale expected version is refused');
    assert.equal(await send(p, 's1', '1', 2), 'ok', 'two records at version 1');
    assert.equal(await send(p, 'new', '-1'), 'INVALID_RECORD', '-1 (exists) on a new key');
    assert.equal(await send(p, 's1', '-1'), 'ok', '-1 (exists) on s1');
    assert.equal(await send(p, 's1', null), 'ok', 'no header: appended unchecked, still counted');
    assert.equal(await send(p, 's1', 'abc'), 'INVALID_RECORD', 'a malformed header');
    assert.equal(await send(p, 's1', '99999999999999999'), 'INVALID_RECORD', 'an absurd version');
    // A checked batch holds one key only.
    const mixed = await p.send({ topic: TOPIC, messages: [{ key: 's1', value: 'a', partition: 0, headers: { [H]: '5' } }, { key: 's2', value: 'b', partition: 0 }] }).then(() => 'ok', (e: { type?: string }) => e.type);
    assert.equal(mixed, 'INVALID_RECORD');
    // kcat (librdkafka) with the header: 5 matches, the same again does not.
    await kcat(['-b', broker.bootstrap, '-P', '-t', TOPIC, '-p', '0', '-k', 's1', '-H', `${H}=5`, '-X', 'acks=all'], { input: 'from kcat\n' });
    await kcat(['-b', broker.bootstrap, '-P', '-t', TOPIC, '-p', '0', '-k', 's1', '-H', `${H}=5`, '-X', 'acks=all'], { input: 'refused\n' }).catch(() => undefined);
    let c = await counts(broker.bootstrap);
    assert.equal(c.get('s1'), 6, 'conflicting batches wrote nothing');
    assert.equal(c.get('new'), undefined);
    assert.equal(c.get('s2'), undefined);

    // The race: 12 producers, each with the expected version 0 on one new key.
    const racers = await Promise.all(Array.from({ length: 12 }, () => producer()));
    const results = await Promise.all(racers.map((r) => send(r, 'race', '0')));
    assert.equal(results.filter((r) => r === 'ok').length, 1, `one winner: ${results.join(',')}`);
    assert.equal(results.filter((r) => r === 'INVALID_RECORD').length, 11);

    // A topic without the config ignores the header.
    assert.equal(await p.send({ topic: 'plain', messages: [{ key: 'k', value: 'x', headers: { [H]: '7' } }] }).then(() => 'ok'), 'ok');

    // kill -9, restart on the same data dir: the versions are rebuilt from the log.
    for (const x of clients.splice(0)) await x.disconnect().catch(() => undefined);
    await broker.kill9();
    broker = await startCliBroker(dir);
    const p2 = await producer();
    assert.equal(await send(p2, 's1', '5'), 'INVALID_RECORD', 'after the restart s1 is at 6');
    assert.equal(await send(p2, 's1', '6'), 'ok');
    assert.equal(await send(p2, 'race', '0'), 'INVALID_RECORD');
    assert.equal(await send(p2, 'race', '1'), 'ok');
    c = await counts(broker.bootstrap);
    assert.equal(c.get('s1'), 7);
    assert.equal(c.get('race'), 2);
  } finally {
    for (const x of clients) await x.disconnect().catch(() => undefined);
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
