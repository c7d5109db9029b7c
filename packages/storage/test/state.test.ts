// The broker-state stores (producer snapshots, aborted-transactions index, producer-id blocks, node
// metadata): the same contract checked against both engines, then the file engine's layout and
// its handling of damaged files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage, type BrokerStateStores, type ProducerSnapshot } from '../src/index.js';
import { tempDir } from './helpers.js';

const snapshot = (): ProducerSnapshot => ({
  offset: 42n,
  producers: [{ pid: '7', epoch: 2, lastUpdateMs: 1000, batches: [[0, 4, '10', '14', '999']], txnFirstOffset: '12', coordinatorEpoch: 3, lastTimestamp: '999' }],
  aborted: [['5', '1', '4']],
});

async function engines(t: { after: (fn: () => void) => void }): Promise<Array<[string, BrokerStateStores & { close(): Promise<void> }]>> {
  const file = await openStorage(tempDir(t), { maintenanceIntervalMs: 0 });
  const memory = await openStorage('memory://');
  return [['file', file], ['memory', memory]];
}

test('state stores, both engines: round trips, a snapshot is used once, missing state reads as empty', async (t) => {
  for (const [name, s] of await engines(t)) {
    assert.equal(await s.producerSnapshots.takeSnapshot('T', 0), null, `${name}: no snapshot yet`);
    const snap = snapshot();
    await s.producerSnapshots.saveSnapshot('T', 0, snap);
    snap.producers[0]!.epoch = 99; // the store holds its own copy
    assert.deepEqual(await s.producerSnapshots.takeSnapshot('T', 0), snapshot(), name);
    assert.equal(await s.producerSnapshots.takeSnapshot('T', 0), null, `${name}: taken once`);
    await s.producerSnapshots.saveSnapshot('T', 1, snapshot());
    await s.producerSnapshots.deleteSnapshot('T', 1);
    assert.equal(await s.producerSnapshots.takeSnapshot('T', 1), null, `${name}: deleted`);
    await s.producerSnapshots.deleteSnapshot('T', 9); // absent: no error

    assert.deepEqual(await s.abortedTxns.readAborted('T', 0), [], `${name}: no index yet`);
    await s.abortedTxns.appendAborted('T', 0, ['1', '0', '2']);
    await s.abortedTxns.appendAborted('T', 0, ['2', '3', '4']);
    assert.deepEqual(await s.abortedTxns.readAborted('T', 0), [['1', '0', '2'], ['2', '3', '4']], name);
    await s.abortedTxns.writeAborted('T', 0, [['2', '3', '4']]);
    assert.deepEqual(await s.abortedTxns.readAborted('T', 0), [['2', '3', '4']], `${name}: rewritten`);
    await s.abortedTxns.writeAborted('T', 0, []);
    assert.deepEqual(await s.abortedTxns.readAborted('T', 0), [], `${name}: an empty rewrite removes it`);
    await s.abortedTxns.appendAborted('T', 0, ['3', '5', '6']);
    await s.abortedTxns.deleteAborted('T', 0);
    assert.deepEqual(await s.abortedTxns.readAborted('T', 0), [], `${name}: deleted`);

    assert.equal(await s.producerIds.readBlockEnd(), null, `${name}: no block yet`);
    await s.producerIds.reserveBlock(1000n);
    await s.producerIds.reserveBlock(2000n);
    assert.equal(await s.producerIds.readBlockEnd(), 2000n, name);

    assert.equal(await s.node.readClusterId(), null, `${name}: no cluster id yet`);
    await s.node.writeClusterId('abcdefghijklmnopqrstuv');
    assert.equal(await s.node.readClusterId(), 'abcdefghijklmnopqrstuv', name);
    await s.close();
  }
});

test('file state stores keep the broker-state layout and survive a reopen; damaged files read as absent', async (t) => {
  const dir = tempDir(t);
  let s = await openStorage(dir, { maintenanceIntervalMs: 0 });
  await s.producerSnapshots.saveSnapshot('T', 0, snapshot());
  await s.abortedTxns.appendAborted('T', 0, ['1', '0', '2']);
  await s.producerIds.reserveBlock(1000n);
  await s.node.writeClusterId('abcdefghijklmnopqrstuv');
  await s.close();
  const state = join(dir, 'broker-state');
  assert.deepEqual(readdirSync(state).sort(), ['cluster-id', 'producer-ids', 'producer-snapshots']);
  assert.deepEqual(readdirSync(join(state, 'producer-snapshots')).sort(), ['T-0.aborted', 'T-0.json']);
  assert.equal(readFileSync(join(state, 'cluster-id'), 'utf8'), 'abcdefghijklmnopqrstuv\n');
  assert.equal(readFileSync(join(state, 'producer-ids'), 'utf8'), '1000\n');
  assert.equal(readFileSync(join(state, 'producer-snapshots', 'T-0.aborted'), 'utf8'), '["1","0","2"]\n');
  const json = JSON.parse(readFileSync(join(state, 'producer-snapshots', 'T-0.json'), 'utf8')) as { offset: unknown };
  assert.equal(json.offset, '42');

  // A torn appended line is skipped; an unparsable snapshot is dropped like a used one.
  appendFileSync(join(state, 'producer-snapshots', 'T-0.aborted'), '["2","3"');
  writeFileSync(join(state, 'producer-snapshots', 'T-1.json'), '{"offset":"12", garbage');
  // A snapshot written before transactions has no aborted list.
  writeFileSync(join(state, 'producer-snapshots', 'T-2.json'), '{"offset":"3","producers":[]}');
  writeFileSync(join(state, 'producer-ids'), 'not a number');
  s = await openStorage(dir, { maintenanceIntervalMs: 0 });
  assert.deepEqual(await s.producerSnapshots.takeSnapshot('T', 0), snapshot());
  assert.deepEqual(await s.abortedTxns.readAborted('T', 0), [['1', '0', '2']]);
  assert.equal(await s.producerSnapshots.takeSnapshot('T', 1), null);
  assert.equal(existsSync(join(state, 'producer-snapshots', 'T-1.json')), false, 'a bad snapshot is removed too');
  assert.deepEqual(await s.producerSnapshots.takeSnapshot('T', 2), { offset: 3n, producers: [], aborted: [] });
  assert.equal(await s.producerIds.readBlockEnd(), null);
  assert.equal(await s.node.readClusterId(), 'abcdefghijklmnopqrstuv');
  // A torn first write (what a crash may leave) is replaced whole by the next write.
  writeFileSync(join(state, 'cluster-id'), 'abc');
  await s.node.writeClusterId('ABCDEFGHIJKLMNOPQRSTUV');
  assert.equal(readFileSync(join(state, 'cluster-id'), 'utf8'), 'ABCDEFGHIJKLMNOPQRSTUV\n');
  assert.deepEqual(readdirSync(state).filter((f) => f.endsWith('.tmp')), []);
  await s.close();
});
