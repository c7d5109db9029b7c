// Client quotas, unit level: Kafka's precedence between the eight entity levels, the validation
// and filters of Alter/DescribeClientQuotas, and the rate and token-bucket arithmetic that gives
// the throttle times (checked against Kafka's formulas with a fake clock).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClientQuotaStore } from '@tideline/storage';
import { QuotaTable, type FilterComponent } from '../src/quotas/quota-table.js';
import { SampledRate, TokenBucket } from '../src/quotas/rate.js';
import { QuotaManager } from '../src/quotas/manager.js';
import { ANONYMOUS, type Session } from '../src/security/types.js';

type E = Array<[string, string | null]>;
const set = (t: QuotaTable, entity: E, value: number, key = 'producer_byte_rate'): void => {
  const r = t.alter([{ entity, ops: [{ key, value }] }], false);
  assert.deepEqual(r.results, [null]);
};

test('precedence: the eight levels in Kafka order, each shadowing the ones after it', () => {
  const levels: Array<[E, number, string]> = [
    [[['user', 'alice'], ['client-id', 'app']], 1, 'alice\u0000app'],
    [[['user', 'alice'], ['client-id', null]], 2, 'alice\u0000app'],
    [[['user', 'alice']], 3, 'alice\u0000'],
    [[['user', null], ['client-id', 'app']], 4, 'alice\u0000app'],
    [[['user', null], ['client-id', null]], 5, 'alice\u0000app'],
    [[['user', null]], 6, 'alice\u0000'],
    [[['client-id', 'app']], 7, '\u0000app'],
    [[['client-id', null]], 8, '\u0000app'],
  ];
  // Add them from the weakest up: each new, stronger level takes over.
  const t = new QuotaTable();
  assert.equal(t.resolve('producer_byte_rate', 'alice', 'app'), null);
  for (let i = levels.length - 1; i >= 0; i--) {
    const [entity, value, tags] = levels[i]!;
    set(t, entity, value);
    assert.deepEqual(t.resolve('producer_byte_rate', 'alice', 'app'), { bound: value, sensor: `producer_byte_rate\u0000${tags}` });
  }
  // Remove them from the strongest down: the next level shows through.
  for (let i = 0; i < levels.length - 1; i++) {
    t.alter([{ entity: levels[i]![0], ops: [{ key: 'producer_byte_rate', value: null }] }], false);
    assert.equal(t.resolve('producer_byte_rate', 'alice', 'app')?.bound, levels[i + 1]![1]);
  }
  // Other users and clients: only the levels that match them.
  const u = new QuotaTable();
  set(u, [['user', 'alice']], 10);
  set(u, [['client-id', 'app']], 20);
  set(u, [['client-id', null]], 30);
  assert.equal(u.resolve('producer_byte_rate', 'alice', 'other')?.bound, 10);
  assert.equal(u.resolve('producer_byte_rate', 'bob', 'app')?.bound, 20);
  assert.equal(u.resolve('producer_byte_rate', 'bob', 'x')?.bound, 30);
  // Each key resolves on its own: alice's entity has no consumer quota.
  set(u, [['client-id', 'app']], 99, 'consumer_byte_rate');
  assert.equal(u.resolve('consumer_byte_rate', 'alice', 'app')?.bound, 99);
  assert.equal(u.resolve('consumer_byte_rate', 'alice', 'other'), null);
});

test('alter: Kafka\'s validation messages, validateOnly, partial success, removal of an absent key', () => {
  const t = new QuotaTable();
  const cases: Array<[E, Array<{ key: string; value: number | null }>, string]> = [
    [[], [{ key: 'producer_byte_rate', value: 1 }], 'Invalid empty client quota entity'],
    [[['user', 'a'], ['user', 'b']], [{ key: 'producer_byte_rate', value: 1 }], 'Invalid client quota entity, duplicate entity entry user'],
    [[['group', 'g']], [{ key: 'producer_byte_rate', value: 1 }], 'Unhandled client quota entity type: group'],
    [[['user', '']], [{ key: 'producer_byte_rate', value: 1 }], 'Empty user not supported'],
    [[['user', 'a']], [{ key: 'bogus', value: 1 }], 'Invalid configuration key bogus'],
    [[['user', 'a']], [{ key: 'producer_byte_rate', value: 0 }], 'Quota producer_byte_rate must be greater than 0'],
    [[['user', 'a']], [{ key: 'consumer_byte_rate', value: 1.5 }], 'consumer_byte_rate cannot be a fractional value.'],
    [[['ip', '1.2.3.4'], ['user', 'a']], [{ key: 'connection_creation_rate', value: 1 }], 'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId'],
    [[['ip', '1.2.3.4']], [{ key: 'producer_byte_rate', value: 1 }], 'Invalid configuration key producer_byte_rate'],
  ];
  for (const [entity, ops, msg] of cases) assert.deepEqual(t.alter([{ entity, ops }], false).results, [msg], msg);
  const dup = t.alter([{ entity: [['user', 'a']], ops: [{ key: 'request_percentage', value: 1 }, { key: 'request_percentage', value: 2 }] }], false);
  assert.match(dup.results[0]!, /^Duplicate quota key request_percentage/);
  assert.deepEqual(t.toStored(), []);
  // validateOnly checks but keeps nothing.
  assert.deepEqual(t.alter([{ entity: [['user', 'a']], ops: [{ key: 'request_percentage', value: 12.5 }] }], true), { results: [null], changed: false });
  assert.deepEqual(t.toStored(), []);
  // A valid entry is applied next to an invalid one; the same entity twice is refused the second time.
  const r = t.alter([
    { entity: [['client-id', 'c'], ['user', 'a']], ops: [{ key: 'request_percentage', value: 12.5 }] },
    { entity: [['user', 'a']], ops: [{ key: 'bogus', value: 1 }] },
    { entity: [['user', 'a'], ['client-id', 'c']], ops: [{ key: 'producer_byte_rate', value: 5 }] },
  ], false);
  assert.equal(r.results[0], null);
  assert.equal(r.results[1], 'Invalid configuration key bogus');
  assert.match(r.results[2]!, /^Ignoring duplicate entity/);
  assert.deepEqual(t.toStored(), [{ entity: [['client-id', 'c'], ['user', 'a']], values: { request_percentage: 12.5 } }]);
  // Removing a key that is not set is fine; removing the last key removes the entity.
  assert.deepEqual(t.alter([{ entity: [['user', 'a'], ['client-id', 'c']], ops: [{ key: 'producer_byte_rate', value: null }, { key: 'request_percentage', value: null }] }], false),
    { results: [null], changed: true });
  assert.deepEqual(t.toStored(), []);
});

test('describe: exact / default / any matches, strict, and filter errors', () => {
  const t = new QuotaTable();
  set(t, [['user', 'alice']], 1);
  set(t, [['user', null]], 2);
  set(t, [['user', 'alice'], ['client-id', 'app']], 3);
  set(t, [['client-id', 'app']], 4);
  set(t, [['client-id', null]], 5);
  const values = (components: FilterComponent[], strict = false): number[] =>
    t.describe(components, strict).map((e) => e.values.get('producer_byte_rate')!).sort((a, b) => a - b);
  assert.deepEqual(values([]), [1, 2, 3, 4, 5]);
  assert.deepEqual(values([], true), []);
  assert.deepEqual(values([{ entityType: 'user', match: { kind: 'exact', name: 'alice' } }]), [1, 3]);
  assert.deepEqual(values([{ entityType: 'user', match: { kind: 'exact', name: 'alice' } }], true), [1]);
  assert.deepEqual(values([{ entityType: 'user', match: { kind: 'default' } }]), [2]);
  assert.deepEqual(values([{ entityType: 'user', match: { kind: 'any' } }]), [1, 2, 3]);
  assert.deepEqual(values([{ entityType: 'client-id', match: { kind: 'any' } }], true), [4, 5]);
  assert.deepEqual(values([{ entityType: 'user', match: { kind: 'any' } }, { entityType: 'client-id', match: { kind: 'exact', name: 'app' } }]), [3]);
  assert.throws(() => t.describe([{ entityType: 'user', match: { kind: 'any' } }, { entityType: 'user', match: { kind: 'default' } }], false),
    { message: 'Entity type user cannot appear more than once in the filter.' });
  assert.throws(() => t.describe([{ entityType: 'group', match: { kind: 'any' } }], false), { code: 'UNSUPPORTED_VERSION' });
  assert.throws(() => t.describe([{ entityType: 'ip', match: { kind: 'any' } }, { entityType: 'user', match: { kind: 'any' } }], false), { code: 'INVALID_REQUEST' });
});

test('SampledRate: Kafka\'s rate over 11 x 1 s windows and its throttle time', () => {
  const r = new SampledRate();
  // A first burst is spread over at least 10 whole windows: 5000 bytes at t=0 is 500 B/s.
  assert.equal(r.recordAndThrottle(5000, 1000, 0), 0);
  assert.equal(r.measure(0), 500);
  // 20000 more bytes: 25000 / 10 s = 2500 B/s against 1000: (2500 - 1000) / 1000 x 10000 ms.
  assert.equal(r.recordAndThrottle(20000, 1000, 0), 15000);
  // Past 11 windows everything has expired.
  assert.equal(r.measure(11_000), 0);
  // Steady traffic at 90% of the bound stays unthrottled.
  const s = new SampledRate();
  for (let t = 0; t < 30_000; t += 100) assert.equal(s.recordAndThrottle(90, 1000, t), 0, `at ${t}`);
  // Over the bound: the delay that brings the rate back to it over the measured window.
  const t = s.recordAndThrottle(2000, 1000, 30_000);
  assert.ok(t > 0);
  assert.equal(t, Math.round(((s.measure(30_000) - 1000) / 1000) * s.windowSizeMs(30_000)));
});

test('TokenBucket: burst of quota x 11 s, refill at the quota, throttle = deficit / rate', () => {
  const b = new TokenBucket();
  assert.equal(b.measure(2, 0), 22);
  b.record(30, 2, 0);
  assert.equal(b.measure(2, 0), -8);
  assert.equal(b.throttleMs(2, 0), 4000);
  assert.equal(b.measure(2, 4000), 0);
  assert.equal(b.throttleMs(2, 4000), 0);
});

test('QuotaManager: mutation quotas strict and permissive; the table persists through the store', async () => {
  let now = 1_000_000;
  const store = new MemoryClientQuotaStore();
  const m = await QuotaManager.open(store, () => now);
  const session: Session = { listener: 'PLAINTEXT', securityProtocol: 'PLAINTEXT', principal: ANONYMOUS, authenticated: true };
  assert.equal(m.active, false);
  assert.deepEqual(await m.alter([{ entity: [['user', 'ANONYMOUS']], ops: [{ key: 'controller_mutation_rate', value: 1 }] }], false), [null]);
  assert.equal(m.active, true);
  const strict = m.mutationQuota(session, 'c', true);
  assert.equal(strict.tryRecord(10), true); // 11 tokens -> 1
  assert.equal(strict.tryRecord(5), true); // 1 -> -4: the request that empties the bucket passes
  assert.equal(strict.throttleTimeMs, 0);
  assert.equal(strict.tryRecord(1), false);
  assert.equal(strict.throttleTimeMs, 4000);
  const permissive = m.mutationQuota(session, 'c', false);
  assert.equal(permissive.tryRecord(1), true);
  assert.equal(permissive.throttleTimeMs, 5000);
  now += 5000;
  assert.equal(m.mutationQuota(session, 'c', true).tryRecord(1), true);
  // A new manager on the same store sees the quota; a user quota does not apply to other users.
  const again = await QuotaManager.open(store, () => now);
  assert.equal(again.describe([], false).length, 1);
  const bob: Session = { ...session, principal: 'User:bob' };
  assert.equal(again.mutationQuota(bob, 'c', true).tryRecord(100), true);
  assert.equal(again.mutationQuota(bob, 'c', true).tryRecord(100), true);
});
