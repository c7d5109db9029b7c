// The race of 50 writers on 100 streams while owners (child processes) are killed with SIGKILL at
// random points, and while a rebalance moves ownership: still every version exactly one event, no
// gaps, no duplicates, every loser told ExpectedVersionConflict, no write of a loser visible.
//
// Kills: 10 on Tideline, 3 on Apache Kafka (each kill costs a session timeout before the
// partitions move: 3 s here, the brokers' minimum lowered for these tests; Apache Kafka's broker
// also waits for the group to settle, so fewer keep the test bounded).
import assert from 'node:assert/strict';
import { EventStoreOwner, KafkaEventStore } from '../src/index.js';
import { bothBrokers, makeStore, race, startOwnerProcess, useApacheKafka, verifyRace, type OwnerProcess } from './brokers.js';

useApacheKafka();

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

bothBrokers('owners killed -9 at random points during the race: every version exactly one event', { timeout: 600_000 }, async (b, t) => {
  const name = await makeStore(b.bootstrap, 'es-kill');
  const cfg = { bootstrap: b.bootstrap, name, sessionTimeoutMs: 3000 };
  const owners: OwnerProcess[] = [startOwnerProcess(cfg), startOwnerProcess(cfg)];
  const store = new KafkaEventStore({ bootstrap: b.bootstrap, name, attemptTimeoutMs: 10_000, appendTimeoutMs: 120_000 });
  const kills = b.kind === 'tideline' ? 10 : 3;
  let killed = 0;
  let stop = false;
  try {
    const res = await race(store, {
      writers: 50, streams: 100, attempts: 1_000_000, prefix: 'acct', until: () => stop,
      during: async (progress) => {
        for (let k = 0; k < kills; k++) {
          // Let the writers get going after the last failover, then kill at a random moment.
          const base = progress();
          const deadline = Date.now() + 60_000;
          while (progress() < base + 30 && Date.now() < deadline) await sleep(50);
          await sleep(Math.floor(Math.random() * 1000));
          const i = Math.floor(Math.random() * owners.length);
          const victim = owners[i]!;
          victim.kill('SIGKILL');
          const r = await victim.exit;
          if (r.signal === 'SIGKILL') killed++;
          owners[i] = startOwnerProcess(cfg);
        }
        const base = progress();
        const deadline = Date.now() + 60_000;
        while (progress() < base + 30 && Date.now() < deadline) await sleep(50);
        stop = true;
      },
    });
    assert.equal(killed, kills, 'every kill landed');
    assert.deepEqual(res.otherErrors, []);
    const { events } = await verifyRace(store, res);
    assert.equal(events, res.appends);
    t.diagnostic(`${killed} kills; ${res.appends} appends won, ${res.conflicts} conflicts`);
  } finally {
    stop = true;
    await store.close();
    for (const o of owners) o.kill('SIGKILL');
    await Promise.all(owners.map((o) => o.exit));
  }
});

bothBrokers('a rebalance moves ownership mid-race (an owner joins, then the first leaves)', { timeout: 300_000 }, async (b, t) => {
  const name = await makeStore(b.bootstrap, 'es-rebalance');
  const first = new EventStoreOwner({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 3000, heartbeatIntervalMs: 500 });
  first.start();
  const store = new KafkaEventStore({ bootstrap: b.bootstrap, name });
  let second: OwnerProcess | null = null;
  let stop = false;
  let moved = 0;
  try {
    const res = await race(store, {
      writers: 50, streams: 100, attempts: 1_000_000, prefix: 'acct', until: () => stop,
      during: async (progress) => {
        const wait = async (n: number): Promise<void> => {
          const base = progress();
          const deadline = Date.now() + 60_000;
          while (progress() < base + n && Date.now() < deadline) await sleep(50);
        };
        await wait(100);
        second = startOwnerProcess({ bootstrap: b.bootstrap, name, sessionTimeoutMs: 3000 });
        // The join moves some partitions to the second owner while the writers run.
        const deadline = Date.now() + 90_000;
        while (first.owned().length === 4 && Date.now() < deadline) await sleep(50);
        await wait(100);
        const before = first.owned();
        moved = 4 - before.length;
        await first.close();
        t.diagnostic(`the first owner served partitions [${before.join(',')}] when it left`);
        await wait(100);
        stop = true;
      },
    });
    assert.ok(moved > 0, 'the join moved partitions to the second owner');
    assert.deepEqual(res.otherErrors, []);
    const { events } = await verifyRace(store, res);
    assert.equal(events, res.appends);
    t.diagnostic(`${moved} partitions moved at the join; ${res.appends} appends won, ${res.conflicts} conflicts`);
  } finally {
    stop = true;
    await store.close();
    await first.close();
    const s = second as OwnerProcess | null;
    if (s !== null) {
      s.kill('SIGKILL');
      await s.exit;
    }
  }
});
