// Several instances on one cluster: one primary elected through a consumer group; writes sent to
// another are forwarded; the same schema registered through two instances at once gets one id;
// when the primary dies (closed, or kill -9 of its process) writes resume on the other within the
// session timeout; kill -9 during registrations loses no acknowledged schema.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import type { RegistryHandle } from '../../src/index.js';
import { AVRO_V1, AVRO_V2, bothBrokers, call, idOf, registryOn, uniqueTopic, useApacheKafka, waitFor } from '../helpers.js';

useApacheKafka();

const SESSION_MS = 6000;
const WORKER = new URL('../registry-worker.js', import.meta.url).pathname;

function electing(bootstrap: string, topic: string): Promise<RegistryHandle> {
  return registryOn(bootstrap, { topic, groupId: `${topic}-g`, leaderElection: true, sessionTimeoutMs: SESSION_MS, heartbeatIntervalMs: 1000 });
}

const schemaN = (n: number): string => JSON.stringify({ type: 'record', name: `R${n}`, fields: [{ name: 'f', type: 'string' }] });

/** A registry in a child process; resolves with its URL. */
async function spawnRegistry(bootstrap: string, topic: string, election: boolean): Promise<{ child: ChildProcess; url: string; primary: () => boolean }> {
  const opts = { cluster: { bootstrap }, port: 0, topic, groupId: `${topic}-g`, leaderElection: election, sessionTimeoutMs: SESSION_MS, heartbeatIntervalMs: 1000 };
  const child = spawn(process.execPath, [WORKER, JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let primary = false;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('registry worker did not start in 30 s')), 30_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('PRIMARY')) primary = true;
      const m = /READY (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`registry worker exited with ${code}`)));
  });
  return { child, url, primary: () => primary };
}

function kill9(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(child.pid!, 'SIGKILL');
  return exited;
}

bothBrokers('two instances: one primary, writes forwarded, one id under concurrent registration, failover on close', { timeout: 180_000 }, async (b) => {
  const topic = uniqueTopic('_schemas');
  const r1 = await electing(b.bootstrap, topic);
  const r2 = await electing(b.bootstrap, topic);
  try {
    await waitFor('one primary, known to the other', () => (r1.isPrimary() !== r2.isPrimary()) && r1.primaryUrl() !== null && r1.primaryUrl() === r2.primaryUrl(), 60_000);
    const [primary, secondary] = r1.isPrimary() ? [r1, r2] : [r2, r1];
    assert.equal(secondary.primaryUrl(), primary.url);

    // A write through the secondary is forwarded, and answered once the secondary has read it too
    // (read-your-writes on the instance the client talks to).
    const forwarded = await call(secondary.url, 'POST', '/subjects/f-value/versions', { schema: AVRO_V1 });
    assert.equal(idOf(forwarded), 1, forwarded.text);
    assert.equal((await call(secondary.url, 'GET', '/subjects/f-value/versions/1')).status, 200);
    assert.equal((await call(primary.url, 'GET', '/schemas/ids/1')).status, 200);

    // The same new schema through both at once: one id, one version.
    const both = await Promise.all([primary, secondary, primary, secondary].map((r, i) => call(r.url, 'POST', `/subjects/${i % 2 === 0 ? 'x' : 'y'}-value/versions`, { schema: AVRO_V2 })));
    assert.deepEqual(new Set(both.map((a) => (a.body as { id: number }).id)), new Set([2]));
    assert.deepEqual((await call(primary.url, 'GET', '/subjects/x-value/versions')).body, [1]);

    // The primary leaves: the other takes over and accepts writes.
    await primary.close();
    await waitFor('the secondary to become primary', () => secondary.isPrimary(), 60_000);
    assert.equal(idOf(await call(secondary.url, 'POST', '/subjects/after-value/versions', { schema: schemaN(1) })), 3);
  } finally {
    await r1.close();
    await r2.close();
  }
});

bothBrokers('kill -9 of the primary process: writes through the survivor resume within the session timeout', { timeout: 180_000 }, async (b, t) => {
  const topic = uniqueTopic('_schemas');
  const first = await spawnRegistry(b.bootstrap, topic, true);
  let survivor: RegistryHandle | null = null;
  try {
    await waitFor('the child to become primary', () => first.primary(), 60_000);
    survivor = await electing(b.bootstrap, topic);
    await waitFor('the survivor to know the primary', () => survivor!.primaryUrl() !== null, 60_000);
    // Writes through the survivor while the child is primary are forwarded to it.
    assert.equal(idOf(await call(survivor.url, 'POST', '/subjects/k-value/versions', { schema: schemaN(1) })), 1);
    const killedAt = Date.now();
    await kill9(first.child);
    // The write waits (forwarding fails over) until the group gives the survivor the primary role.
    const after = await call(survivor.url, 'POST', '/subjects/k-value/versions', { schema: JSON.stringify({ type: 'record', name: 'R1', fields: [{ name: 'f', type: 'string' }, { name: 'g', type: 'int', default: 0 }] }) });
    const tookMs = Date.now() - killedAt;
    assert.equal(after.status, 200, after.text);
    assert.equal(idOf(after), 2);
    assert.ok(survivor.isPrimary());
    // The write itself waited for the failover (no retry by the caller); how long is reported,
    // not asserted (it depends on the machine's load): about the session timeout plus a rebalance.
    t.diagnostic(`writes resumed ${tookMs} ms after kill -9 (session timeout ${SESSION_MS} ms)`);
  } finally {
    await kill9(first.child);
    await survivor?.close();
  }
});

bothBrokers('kill -9 during registrations loses no acknowledged schema', { timeout: 180_000 }, async (b) => {
  const topic = uniqueTopic('_schemas');
  const w = await spawnRegistry(b.bootstrap, topic, false);
  const acked = new Map<string, number>();
  let stop = false;
  const writer = async (lane: number): Promise<void> => {
    for (let i = 0; !stop; i++) {
      const subject = `kill-${lane}-${i}`;
      try {
        const a = await call(w.url, 'POST', `/subjects/${subject}/versions`, { schema: schemaN(lane * 100_000 + i) });
        if (a.status === 200) acked.set(subject, (a.body as { id: number }).id);
      } catch {
        return; // the process is gone
      }
    }
  };
  const lanes = [0, 1, 2].map(writer);
  try {
    await waitFor('some acknowledged registrations', () => acked.size >= 20, 60_000);
    await kill9(w.child);
    stop = true;
    await Promise.all(lanes);
    const r = await registryOn(b.bootstrap, { topic });
    try {
      for (const [subject, id] of acked) {
        const a = await call(r.url, 'GET', `/subjects/${subject}/versions/1`);
        assert.equal(a.status, 200, `${subject} acknowledged with id ${id} but lost: ${a.text}`);
        assert.equal((a.body as { id: number }).id, id);
      }
      // Ids stay unique after the restart.
      const ids = [...acked.values()];
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      await r.close();
    }
  } finally {
    stop = true;
    await kill9(w.child);
  }
});

bothBrokers('an instance that may not be primary: 50004 while no primary exists, forwards once one does', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('_schemas');
  const follower = await registryOn(b.bootstrap, {
    topic, groupId: `${topic}-g`, leaderElection: true, leaderEligible: false, sessionTimeoutMs: SESSION_MS, heartbeatIntervalMs: 1000, forwardWaitMs: 1500,
  });
  let primary: RegistryHandle | null = null;
  try {
    const none = await call(follower.url, 'POST', '/subjects/e-value/versions', { schema: AVRO_V1 });
    assert.deepEqual([none.status, (none.body as { error_code: number }).error_code], [500, 50004]);
    // Reads do not need a primary.
    assert.deepEqual((await call(follower.url, 'GET', '/subjects')).body, []);
    primary = await electing(b.bootstrap, topic);
    await waitFor('the eligible instance to become primary', () => primary!.isPrimary() && follower.primaryUrl() === primary!.url, 60_000);
    assert.equal(follower.isPrimary(), false);
    assert.equal(idOf(await call(follower.url, 'POST', '/subjects/e-value/versions', { schema: AVRO_V1 })), 1);
  } finally {
    await follower.close();
    await primary?.close();
  }
});
