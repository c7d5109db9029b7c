// Client quotas over the wire: Alter/DescribeClientQuotas (v0 and v1) including validateOnly and
// Kafka's errors, quotas surviving a restart, and KIP-219 throttling: a Produce or Fetch over its
// byte rate answers throttleTimeMs > 0 at once and the connection is muted for that long (the
// next request's answer comes no earlier than the delay after the throttled request was sent: a
// lower bound, so load cannot break it); a throttled Fetch returns no data; CreateTopics over
// controller_mutation_rate answers THROTTLING_QUOTA_EXCEEDED from v6 and a throttle time before.
// The wire client's client id is 'wire-client'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { WireClient, batch, withBroker } from './wire-client.js';

const CLIENT = 'wire-client';

async function alter(c: WireClient, entity: Array<[string, string | null]>, ops: Array<{ key: string; value?: number; remove?: boolean }>, validateOnly = false, v = 1) {
  const r = await c.send(ApiKey.AlterClientQuotas, v, {
    validateOnly,
    entries: [{ entity: entity.map(([entityType, entityName]) => ({ entityType, entityName })), ops: ops.map((o) => ({ key: o.key, value: o.value ?? 0, remove: o.remove ?? false })) }],
  });
  return r.entries[0]!;
}

async function describeAll(c: WireClient, v = 1) {
  const r = await c.send(ApiKey.DescribeClientQuotas, v, { components: [], strict: false });
  assert.equal(r.errorCode, ErrorCode.NONE, r.errorMessage ?? '');
  return (r.entries ?? []).map((e) => ({
    entity: Object.fromEntries(e.entity.map((x) => [x.entityType, x.entityName])),
    values: Object.fromEntries(e.values.map((x) => [x.key, x.value])),
  }));
}

async function createTopic(c: WireClient, name: string, numPartitions = 1, v = 7) {
  const r = await c.send(ApiKey.CreateTopics, v, { topics: [{ name, numPartitions, replicationFactor: 1 }], timeoutMs: 1000 });
  return { topic: r.topics[0]!, throttleTimeMs: r.throttleTimeMs };
}

/** A batch of `count` records of `size` bytes each. */
const bytes = (count: number, size: number): Buffer => batch(Array.from({ length: count }, (_, i) => ({ key: null, value: Buffer.alloc(size, i) })));

test('Alter/DescribeClientQuotas: set, filters, validateOnly, errors, remove, and the table survives a restart', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    assert.deepEqual(await describeAll(c), []);
    assert.equal((await alter(c, [['client-id', 'app']], [{ key: 'producer_byte_rate', value: 1024 }, { key: 'consumer_byte_rate', value: 2048 }])).errorCode, ErrorCode.NONE);
    assert.equal((await alter(c, [['user', null]], [{ key: 'request_percentage', value: 50.5 }], false, 0)).errorCode, ErrorCode.NONE);
    assert.equal((await alter(c, [['user', 'alice'], ['client-id', null]], [{ key: 'controller_mutation_rate', value: 2 }])).errorCode, ErrorCode.NONE);
    const dry = await alter(c, [['client-id', 'dry']], [{ key: 'producer_byte_rate', value: 1 }], true);
    assert.equal(dry.errorCode, ErrorCode.NONE);
    const bad = await alter(c, [['client-id', 'x']], [{ key: 'bogus_rate', value: 1 }]);
    assert.deepEqual([bad.errorCode, bad.errorMessage], [ErrorCode.INVALID_REQUEST, 'Invalid configuration key bogus_rate']);
    const neg = await alter(c, [['client-id', 'x']], [{ key: 'producer_byte_rate', value: -5 }]);
    assert.deepEqual([neg.errorCode, neg.errorMessage], [ErrorCode.INVALID_REQUEST, 'Quota producer_byte_rate must be greater than 0']);
    const expected = [
      { entity: { 'client-id': 'app' }, values: { producer_byte_rate: 1024, consumer_byte_rate: 2048 } },
      { entity: { user: null }, values: { request_percentage: 50.5 } },
      { entity: { user: 'alice', 'client-id': null }, values: { controller_mutation_rate: 2 } },
    ];
    assert.deepEqual(await describeAll(c, 0), expected);

    // Filters: exact, default, any, strict.
    const filter = async (components: Array<{ entityType: string; matchType: number; match: string | null }>, strict = false) => {
      const r = await c.send(ApiKey.DescribeClientQuotas, 1, { components, strict });
      return { code: r.errorCode, message: r.errorMessage, n: r.entries?.length ?? -1 };
    };
    assert.equal((await filter([{ entityType: 'client-id', matchType: 0, match: 'app' }])).n, 1);
    assert.equal((await filter([{ entityType: 'client-id', matchType: 1, match: null }])).n, 1);
    assert.equal((await filter([{ entityType: 'client-id', matchType: 2, match: null }])).n, 2);
    assert.equal((await filter([{ entityType: 'client-id', matchType: 2, match: null }], true)).n, 1);
    assert.equal((await filter([{ entityType: 'user', matchType: 2, match: null }], true)).n, 1);
    assert.equal((await filter([{ entityType: 'user', matchType: 9, match: null }])).code, ErrorCode.INVALID_REQUEST);
    assert.equal((await filter([{ entityType: 'group', matchType: 2, match: null }])).code, ErrorCode.UNSUPPORTED_VERSION);

    await t.restart();
    assert.deepEqual(await describeAll(t.client), expected);
    assert.equal((await alter(t.client, [['client-id', 'app']], [{ key: 'producer_byte_rate', remove: true }, { key: 'consumer_byte_rate', remove: true }])).errorCode, ErrorCode.NONE);
    await t.restart();
    assert.deepEqual(await describeAll(t.client), expected.slice(1));
  });
});

test('Produce over producer_byte_rate: throttleTimeMs at once, then the connection is muted for the delay', async () => {
  await withBroker(async ({ client: c }) => {
    assert.equal((await createTopic(c, 'p')).topic.errorCode, ErrorCode.NONE);
    assert.equal((await alter(c, [['client-id', CLIENT]], [{ key: 'producer_byte_rate', value: 10_000 }])).errorCode, ErrorCode.NONE);
    // 10 kB within quota (1 kB/s over the 10 s minimum window): no throttle.
    const first = await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, topicData: [{ name: 'p', partitionData: [{ index: 0, records: bytes(10, 1000) }] }] });
    assert.equal(first.throttleTimeMs, 0);
    // 95 kB more: 105 kB / 10 s is 5% over 10 kB/s, so about 500 ms.
    const sent = Date.now();
    const r = await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, topicData: [{ name: 'p', partitionData: [{ index: 0, records: bytes(95, 1000) }] }] });
    assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE, 'the records are written: only the next request waits');
    assert.ok(r.throttleTimeMs >= 400 && r.throttleTimeMs <= 700, `throttle ${r.throttleTimeMs}`);
    await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
    assert.ok(Date.now() - sent >= r.throttleTimeMs - 5, `next answer after ${Date.now() - sent} ms, throttle ${r.throttleTimeMs}`);
    // Another client id is not affected.
    assert.equal((await alter(c, [['client-id', CLIENT]], [{ key: 'producer_byte_rate', remove: true }])).errorCode, ErrorCode.NONE);
    const free = await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, topicData: [{ name: 'p', partitionData: [{ index: 0, records: bytes(200, 1000) }] }] });
    assert.equal(free.throttleTimeMs, 0);
  });
});

test('Fetch over consumer_byte_rate: max bytes capped to the quota window, then an empty throttled answer', async () => {
  await withBroker(async ({ client: c }) => {
    assert.equal((await createTopic(c, 'f')).topic.errorCode, ErrorCode.NONE);
    for (let i = 0; i < 21; i++) {
      const r = await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, topicData: [{ name: 'f', partitionData: [{ index: 0, records: bytes(5, 950) }] }] });
      assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    }
    assert.equal((await alter(c, [['client-id', CLIENT]], [{ key: 'consumer_byte_rate', value: 10_000 }])).errorCode, ErrorCode.NONE);
    const fetch = (offset: bigint) => c.send(ApiKey.Fetch, 12, {
      maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionEpoch: -1, sessionId: 0,
      topics: [{ topic: 'f', partitions: [{ partition: 0, fetchOffset: offset, partitionMaxBytes: 1 << 20 }] }],
    });
    const first = await fetch(0n);
    assert.equal(first.throttleTimeMs, 0);
    const got = first.responses[0]!.partitions[0]!.records!.length;
    assert.ok(got > 0 && got <= 100_000, `first fetch returned ${got} bytes; the quota window allows 100000`);
    const sent = Date.now();
    const second = await fetch(BigInt(Math.floor(got / (5 * 950 + 100)) * 5));
    assert.ok(second.throttleTimeMs > 0, 'the second fetch goes over the quota');
    assert.deepEqual(second.responses, [], 'a throttled fetch returns no data');
    await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
    assert.ok(Date.now() - sent >= second.throttleTimeMs - 5);
  });
});

test('controller_mutation_rate: THROTTLING_QUOTA_EXCEEDED from CreateTopics v6, a throttle time before', async () => {
  await withBroker(async ({ client: c, broker }) => {
    assert.equal((await alter(c, [['client-id', CLIENT]], [{ key: 'controller_mutation_rate', value: 1 }])).errorCode, ErrorCode.NONE);
    // A second connection of the same client id: not muted by the first one's delays.
    const c2 = await WireClient.connect(broker.port);
    // The bucket holds 11 partitions; the request that empties it passes.
    assert.equal((await createTopic(c, 'a', 8)).topic.errorCode, ErrorCode.NONE);
    const b = await createTopic(c, 'b', 5);
    assert.deepEqual([b.topic.errorCode, b.throttleTimeMs], [ErrorCode.NONE, 0]);
    const refused = await createTopic(c, 'c', 1);
    assert.equal(refused.topic.errorCode, ErrorCode.THROTTLING_QUOTA_EXCEEDED);
    assert.equal(refused.topic.errorMessage, 'The throttling quota has been exceeded.');
    assert.ok(refused.throttleTimeMs > 0 && refused.throttleTimeMs <= 2000, `throttle ${refused.throttleTimeMs}`);
    // CreatePartitions v3 and DeleteTopics v6 are strict too (the quota is the client id's, shared by its connections).
    const cp = await c2.send(ApiKey.CreatePartitions, 3, { topics: [{ name: 'a', count: 9, assignments: null }], timeoutMs: 1000, validateOnly: false });
    assert.equal(cp.results[0]!.errorCode, ErrorCode.THROTTLING_QUOTA_EXCEEDED);
    // A refusal mutes its connection for the delay too: ask on a third one.
    const c3 = await WireClient.connect(broker.port);
    const dt = await c3.send(ApiKey.DeleteTopics, 6, { topics: [{ name: 'a', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }], timeoutMs: 1000 });
    assert.equal(dt.responses[0]!.errorCode, ErrorCode.THROTTLING_QUOTA_EXCEEDED);
    // v5 is permissive: created, with the delay it caused.
    const c4 = await WireClient.connect(broker.port);
    const old = await createTopic(c4, 'd', 1, 5);
    assert.equal(old.topic.errorCode, ErrorCode.NONE);
    assert.ok(old.throttleTimeMs > 0);
    for (const x of [c2, c3, c4]) x.close();
  });
});

test('request_percentage: handler time over the quota answers a throttle time, bounded by one window', async () => {
  await withBroker(async ({ client: c }) => {
    assert.equal((await alter(c, [['client-id', CLIENT]], [{ key: 'request_percentage', value: 0.001 }])).errorCode, ErrorCode.NONE);
    // 0.001% of a second is 10 microseconds of handler time per second; a few Metadata requests exceed it.
    let throttled = 0;
    for (let i = 0; i < 20 && throttled === 0; i++) {
      const r = await c.send(ApiKey.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      throttled = r.throttleTimeMs;
    }
    assert.ok(throttled > 0 && throttled <= 1000, `throttle ${throttled}`);
    // Removing the quota ends the throttling.
    assert.equal((await alter(c, [['client-id', CLIENT]], [{ key: 'request_percentage', remove: true }])).errorCode, ErrorCode.NONE);
    const r = await c.send(ApiKey.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(r.throttleTimeMs, 0);
  });
});
