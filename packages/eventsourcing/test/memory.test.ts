// The in-memory store: the semantics every store shares (versions, dedup, command ids, metadata,
// bad input, categories, subscriptions with checkpoints), without a broker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventStoreError, ExpectedVersionConflict, InMemoryTidelineEventStore, checkpointToString, parseCheckpoint, categoryOf, encodeGlobalPosition, decodeGlobalPosition, type Checkpoint } from '../src/index.js';

const ev = (n: number): { type: string; data: { n: number } } => ({ type: 'E', data: { n } });

test('expected versions: number, bigint, no_stream, stream_exists, any, and the Emmett constants', async () => {
  const s = new InMemoryTidelineEventStore();
  await assert.rejects(s.appendToStream('a-1', [ev(1)], { expectedVersion: 'stream_exists' }), (e: unknown) => e instanceof ExpectedVersionConflict && e.actualVersion === 0n);
  assert.equal((await s.appendToStream('a-1', [ev(1)], { expectedVersion: 'no_stream' })).nextExpectedStreamVersion, 1n);
  await assert.rejects(s.appendToStream('a-1', [ev(2)], { expectedStreamVersion: 'STREAM_DOES_NOT_EXIST' }), ExpectedVersionConflict);
  assert.equal((await s.appendToStream('a-1', [ev(2)], { expectedVersion: 1 })).nextExpectedStreamVersion, 2n);
  assert.equal((await s.appendToStream('a-1', [ev(3)], { expectedStreamVersion: 2n })).nextExpectedStreamVersion, 3n);
  assert.equal((await s.appendToStream('a-1', [ev(4)], { expectedVersion: 'any' })).nextExpectedStreamVersion, 4n);
  assert.equal((await s.appendToStream('a-1', [ev(5)], { expectedStreamVersion: 'STREAM_EXISTS' })).nextExpectedStreamVersion, 5n);
  await assert.rejects(s.appendToStream('a-1', [ev(6)], { expectedVersion: 3 }), (e: unknown) => e instanceof ExpectedVersionConflict && e.actualVersion === 5n && e.streamName === 'a-1');
  assert.equal((await s.readStream('a-1')).currentStreamVersion, 5n);
});

test('event ids and command ids deduplicate a retried append', async () => {
  const s = new InMemoryTidelineEventStore();
  const r1 = await s.appendToStream('a-1', [ev(1), ev(2)], { eventIds: ['x', 'y'] });
  const r2 = await s.appendToStream('a-1', [ev(1), ev(2)], { eventIds: ['x', 'y'], expectedVersion: 0 });
  assert.equal(r2.deduplicated, true);
  assert.equal(r2.nextExpectedStreamVersion, r1.nextExpectedStreamVersion);
  const c1 = await s.appendToStream('a-1', [ev(3)], { commandId: 'cmd-1' });
  const c2 = await s.appendToStream('a-1', [ev(3)], { commandId: 'cmd-1' });
  assert.equal(c2.deduplicated, true);
  assert.equal(c2.nextExpectedStreamVersion, c1.nextExpectedStreamVersion);
  assert.equal((await s.readStream('a-1')).events.length, 3);
});

test('bad input: typed errors, nothing written', async () => {
  const s = new InMemoryTidelineEventStore({ limits: { maxEventBytes: 1000, maxEventsPerAppend: 5 } });
  const code = (c: string) => (e: unknown) => e instanceof EventStoreError && e.code === c;
  await assert.rejects(s.appendToStream('', [ev(1)]), code('INVALID_STREAM_NAME'));
  await assert.rejects(s.appendToStream('a\u0000b', [ev(1)]), code('INVALID_STREAM_NAME'));
  await assert.rejects(s.appendToStream('x'.repeat(600), [ev(1)]), code('INVALID_STREAM_NAME'));
  await assert.rejects(s.readStream(''), code('INVALID_STREAM_NAME'));
  await assert.rejects(s.appendToStream('a-1', []), code('INVALID_EVENT'));
  await assert.rejects(s.appendToStream('a-1', [{ type: '', data: {} }]), code('INVALID_EVENT'));
  await assert.rejects(s.appendToStream('a-1', [{ type: 'E', data: null } as never]), code('INVALID_EVENT'));
  await assert.rejects(s.appendToStream('a-1', [ev(1), ev(2), ev(3), ev(4), ev(5), ev(6)]), code('TOO_MANY_EVENTS'));
  await assert.rejects(s.appendToStream('a-1', [ev(1), { type: 'E', data: { big: 'x'.repeat(2000) } }]), code('EVENT_TOO_LARGE'));
  await assert.rejects(s.appendToStream('a-1', [ev(1)], { expectedVersion: -1 }), code('INVALID_EXPECTED_VERSION'));
  await assert.rejects(s.appendToStream('a-1', [ev(1)], { expectedVersion: 1.5 }), code('INVALID_EXPECTED_VERSION'));
  await assert.rejects(s.appendToStream('a-1', [ev(1)], { expectedVersion: 2n ** 64n }), code('INVALID_EXPECTED_VERSION'));
  await assert.rejects(s.appendToStream('a-1', [ev(1)], { expectedVersion: 'later' as never }), code('INVALID_EXPECTED_VERSION'));
  await assert.rejects(s.appendToStream('a-1', [ev(1)], { eventIds: ['a', 'b'] }), code('INVALID_EVENT'));
  await assert.rejects(s.appendToStream('a-1', [ev(1), ev(2)], { eventIds: ['a', 'a'] }), code('INVALID_EVENT'));
  await assert.rejects(s.appendToStream('a-1', [{ type: 'E', data: { n: 1n } }]), code('INVALID_EVENT'));
  await assert.rejects(s.readStream('a-1', { from: -1n }), code('INVALID_READ_RANGE'));
  await assert.rejects(s.readStream('a-1', { to: 2n ** 60n }), code('INVALID_READ_RANGE'));
  assert.equal(await s.streamExists('a-1'), false, 'nothing was written');
  assert.equal((await s.readStream('unknown-stream')).streamExists, false);
  assert.equal((await s.readStream('unknown-stream')).currentStreamVersion, 0n);
});

test('metadata, categories, global positions and subscriptions from a checkpoint', async () => {
  const s = new InMemoryTidelineEventStore({ partitions: 3 });
  await s.appendToStream('order-1', [{ type: 'Placed', data: {}, metadata: { source: 'web' } }], { correlationId: 'c', causationId: 'k', tenant: 't' });
  await s.appendToStream('account-1', [ev(1)]);
  await s.appendToStream('account-2', [ev(2)]);
  const [e] = (await s.readStream('order-1')).events;
  assert.equal(e!.metadata.correlationId, 'c');
  assert.equal(e!.metadata.causationId, 'k');
  assert.equal(e!.metadata.tenant, 't');
  assert.equal((e!.metadata as unknown as Record<string, unknown>)['source'], 'web');
  assert.deepEqual(decodeGlobalPosition(e!.metadata.globalPosition), { partition: e!.metadata.partition, offset: e!.metadata.offset });
  assert.equal(encodeGlobalPosition(2, 5n), (2n << 48n) | 5n);
  assert.equal(categoryOf('account-1-x'), 'account');
  const ac = new AbortController();
  const seen: string[] = [];
  let cp: Checkpoint = {};
  const it = s.subscribe({ categories: ['account'], signal: ac.signal });
  for await (const b of it) {
    for (const x of b.events) seen.push(x.metadata.streamName);
    cp = { ...cp, ...b.checkpoint };
    if (seen.length === 2) break;
  }
  assert.deepEqual(seen.sort(), ['account-1', 'account-2']);
  assert.deepEqual(parseCheckpoint(checkpointToString(cp)), cp);
  await s.appendToStream('account-3', [ev(3)]);
  const after: string[] = [];
  for await (const b of s.subscribe({ from: cp, categories: ['account'] })) {
    for (const x of b.events) after.push(x.metadata.streamName);
    if (after.length === 1) break;
  }
  assert.deepEqual(after, ['account-3'], 'a checkpoint resumes after what was seen');
});
