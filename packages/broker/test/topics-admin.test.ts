import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { batch, withBroker, type WireClient } from './wire-client.js';

const produce = (c: WireClient, topic: string, partition: number, values: string[], timestamp?: bigint) =>
  c.send(ApiKey.Produce, 9, {
    acks: -1, timeoutMs: 1000,
    topicData: [{ name: topic, partitionData: [{ index: partition, records: batch(values.map((v) => ({ value: Buffer.from(v), ...(timestamp !== undefined ? { timestamp } : {}) }))) }] }],
  }).then((r) => r.responses[0]!.partitionResponses[0]!);

test('CreateTopics: defaults, replication factor, assignments, configs, validateOnly, duplicates', async () => {
  await withBroker(async ({ client: c, broker }) => {
    const r = await c.send(ApiKey.CreateTopics, 7, {
      timeoutMs: 1000,
      topics: [
        { name: 'dflt', numPartitions: -1, replicationFactor: -1 },
        { name: 'three', numPartitions: 3, replicationFactor: 1, configs: [{ name: 'retention.ms', value: '1000' }] },
        { name: 'rf3', numPartitions: 1, replicationFactor: 3 },
        { name: 'zero', numPartitions: 0, replicationFactor: 1 },
        { name: 'bad/name', numPartitions: 1, replicationFactor: 1 },
        { name: 'assigned', numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [1] }, { partitionIndex: 1, brokerIds: [1] }] },
        { name: 'badassign', numPartitions: -1, replicationFactor: -1, assignments: [{ partitionIndex: 0, brokerIds: [2] }] },
        { name: 'badcfg', numPartitions: 1, replicationFactor: 1, configs: [{ name: 'cleanup.policy', value: 'shred' }] },
        { name: 'twice', numPartitions: 1, replicationFactor: 1 },
        { name: 'twice', numPartitions: 1, replicationFactor: 1 },
      ],
    });
    const codes = Object.fromEntries(r.topics.map((t, i) => [`${t.name}#${i}`, t.errorCode]));
    assert.deepEqual(codes, {
      'dflt#0': ErrorCode.NONE,
      'three#1': ErrorCode.NONE,
      'rf3#2': ErrorCode.INVALID_REPLICATION_FACTOR,
      'zero#3': ErrorCode.INVALID_PARTITIONS,
      'bad/name#4': ErrorCode.INVALID_TOPIC_EXCEPTION,
      'assigned#5': ErrorCode.NONE,
      'badassign#6': ErrorCode.INVALID_REPLICA_ASSIGNMENT,
      'badcfg#7': ErrorCode.INVALID_CONFIG,
      'twice#8': ErrorCode.INVALID_REQUEST,
      'twice#9': ErrorCode.INVALID_REQUEST,
    });
    assert.equal(r.topics[1]!.numPartitions, 3);
    assert.equal(r.topics[1]!.replicationFactor, 1);
    assert.notEqual(r.topics[1]!.topicId, 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(broker.broker.topics.get('assigned')!.partitions, 2);
    assert.equal(broker.broker.topics.get('dflt')!.partitions, 1);
    const again = await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'three', numPartitions: 1, replicationFactor: 1 }] });
    assert.equal(again.topics[0]!.errorCode, ErrorCode.TOPIC_ALREADY_EXISTS);
    const dry = await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, validateOnly: true, topics: [{ name: 'dry', numPartitions: 4, replicationFactor: 1 }] });
    assert.equal(dry.topics[0]!.errorCode, ErrorCode.NONE);
    assert.equal(dry.topics[0]!.numPartitions, 4);
    assert.equal(broker.broker.topics.get('dry'), undefined);
  });
});

test('Metadata: all topics, by name, by id, auto-creation on request only, invalid names; DescribeCluster', async () => {
  await withBroker(async ({ client: c, broker }) => {
    const all0 = await c.send(ApiKey.Metadata, 12, { topics: null });
    assert.equal(all0.controllerId, 1);
    assert.equal(all0.clusterId, broker.broker.config.clusterId);
    assert.deepEqual(all0.brokers.map((b) => [b.nodeId, b.host, b.port]), [[1, '127.0.0.1', broker.port]]);
    const noCreate = await c.send(ApiKey.Metadata, 12, { topics: [{ name: 'auto' }], allowAutoTopicCreation: false });
    assert.equal(noCreate.topics[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    const created = await c.send(ApiKey.Metadata, 12, { topics: [{ name: 'auto' }, { name: 'in valid' }], allowAutoTopicCreation: true });
    assert.equal(created.topics[0]!.errorCode, ErrorCode.NONE);
    const p = created.topics[0]!.partitions[0]!;
    assert.deepEqual([p.leaderId, p.leaderEpoch, p.replicaNodes, p.isrNodes], [1, 0, [1], [1]]);
    assert.equal(created.topics[1]!.errorCode, ErrorCode.INVALID_TOPIC_EXCEPTION);
    const id = created.topics[0]!.topicId;
    const byId = await c.send(ApiKey.Metadata, 12, { topics: [{ topicId: id, name: null }, { topicId: 'AAAAAAAAAAAAAAAAAAAAAQ', name: null }] });
    assert.equal(byId.topics[0]!.name, 'auto');
    assert.equal(byId.topics[1]!.errorCode, ErrorCode.UNKNOWN_TOPIC_ID);
    const v0 = await c.send(ApiKey.Metadata, 0, { topics: [] });
    assert.deepEqual(v0.topics.map((t) => t.name), ['auto']);
    const dc = await c.send(ApiKey.DescribeCluster, 1, { endpointType: 1 });
    assert.equal(dc.errorCode, ErrorCode.NONE);
    assert.equal(dc.controllerId, 1);
    assert.equal(dc.brokers[0]!.port, broker.port);
  }, { autoCreateTopics: true });
});

test('DeleteTopics by name and by id; CreatePartitions; DeleteRecords; ListOffsets', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: ['d1', 'd2', 'lo'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1 })) });
    const d2 = broker.broker.topics.get('d2')!.topicId;
    const del = await c.send(ApiKey.DeleteTopics, 6, { timeoutMs: 1000, topics: [{ name: 'd1', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }, { name: null, topicId: d2 }, { name: 'd3', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }] });
    assert.deepEqual(del.responses.map((r) => [r.name, r.errorCode]), [['d1', 0], ['d2', 0], ['d3', ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]]);
    assert.equal(broker.broker.topics.get('d1'), undefined);
    const delOld = await c.send(ApiKey.DeleteTopics, 5, { timeoutMs: 1000, topicNames: ['d1'] });
    assert.equal(delOld.responses[0]!.errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);

    const cp = await c.send(ApiKey.CreatePartitions, 3, { timeoutMs: 1000, topics: [{ name: 'lo', count: 3, assignments: null }, { name: 'nope', count: 2, assignments: null }] });
    assert.deepEqual(cp.results.map((r) => r.errorCode), [ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    const shrink = await c.send(ApiKey.CreatePartitions, 3, { timeoutMs: 1000, topics: [{ name: 'lo', count: 2, assignments: null }] });
    assert.equal(shrink.results[0]!.errorCode, ErrorCode.INVALID_PARTITIONS);
    assert.equal(broker.broker.topics.get('lo')!.partitions, 3);
    assert.equal((await produce(c, 'lo', 2, ['p2'])).errorCode, ErrorCode.NONE);

    await produce(c, 'lo', 0, ['a', 'b'], 1000n);
    await produce(c, 'lo', 0, ['c'], 2000n);
    await produce(c, 'lo', 0, ['d', 'e'], 3000n);
    const lo = async (timestamp: bigint, v = 9) =>
      (await c.send(ApiKey.ListOffsets, v, { replicaId: -1, topics: [{ name: 'lo', partitions: [{ partitionIndex: 0, timestamp }] }] })).topics[0]!.partitions[0]!;
    assert.equal((await lo(-2n)).offset, 0n);
    assert.equal((await lo(-1n)).offset, 5n);
    assert.deepEqual([(await lo(1500n)).offset, (await lo(1500n)).timestamp], [2n, 2000n]);
    assert.equal((await lo(3001n)).offset, -1n);
    assert.deepEqual([(await lo(-3n)).timestamp, (await lo(-3n)).offset >= 3n], [3000n, true]);
    assert.equal((await lo(-3n, 6)).errorCode, ErrorCode.UNSUPPORTED_VERSION);
    assert.equal((await lo(-1n, 1)).offset, 5n);
    // -6, earliest pending upload (v11, KIP-1023): nothing is tiered, so -1/-1 as Kafka without remote storage.
    assert.deepEqual([(await lo(-6n, 11)).errorCode, (await lo(-6n, 11)).offset, (await lo(-6n, 11)).timestamp], [ErrorCode.NONE, -1n, -1n]);
    assert.equal((await lo(-6n, 10)).errorCode, ErrorCode.UNSUPPORTED_VERSION);

    const dr = await c.send(ApiKey.DeleteRecords, 2, { timeoutMs: 1000, topics: [{ name: 'lo', partitions: [{ partitionIndex: 0, offset: 3n }, { partitionIndex: 1, offset: 9n }, { partitionIndex: 7, offset: 0n }] }] });
    assert.deepEqual(dr.topics[0]!.partitions.map((p) => [p.errorCode, p.lowWatermark]), [
      [ErrorCode.NONE, 3n], [ErrorCode.OFFSET_OUT_OF_RANGE, -1n], [ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, -1n],
    ]);
    assert.equal((await lo(-2n)).offset, 3n);
    const f = await c.send(ApiKey.Fetch, 12, { maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, sessionEpoch: -1, topics: [{ topic: 'lo', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] });
    assert.equal(f.responses[0]!.partitions[0]!.errorCode, ErrorCode.OFFSET_OUT_OF_RANGE);
  });
});
