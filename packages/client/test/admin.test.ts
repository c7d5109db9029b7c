// Admin against Tideline and Apache Kafka: topics, partitions, configs, cluster, offsets, groups,
// records deletion.
import assert from 'node:assert/strict';
import { Admin, ClientError, Consumer, KafkaError, Producer } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

bothBrokers('admin: create/list/describe topics, configs, partitions, cluster, delete', {}, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('admin');
  try {
    const created = await admin.createTopics([{ topic, numPartitions: 3, replicationFactor: 1, configs: { 'retention.ms': '3600000', 'cleanup.policy': 'delete' } }]);
    assert.equal(created.length, 1);
    assert.equal(created[0]!.numPartitions, 3);
    await assert.rejects(admin.createTopics([{ topic, numPartitions: 1 }]), (e: unknown) => e instanceof KafkaError && e.code === 'TOPIC_ALREADY_EXISTS' && e.topic === topic && !e.retriable);
    assert.deepEqual(await admin.createTopics([{ topic, numPartitions: 1 }], { ignoreExisting: true }), []);

    assert.ok((await admin.listTopics()).includes(topic));
    const [desc] = await admin.describeTopics([topic]);
    assert.equal(desc!.partitions.length, 3);
    assert.deepEqual(desc!.partitions.map((p) => p.partition), [0, 1, 2]);
    assert.ok(desc!.topicId.length > 0);

    const [cfg] = await admin.describeConfigs([{ type: 'topic', name: topic, keys: ['retention.ms', 'segment.bytes'] }]);
    const retention = cfg!.configs.find((c) => c.name === 'retention.ms')!;
    assert.equal(retention.value, '3600000');
    assert.equal(retention.source, 'topic');
    assert.equal(cfg!.configs.find((c) => c.name === 'segment.bytes')!.isDefault, true);

    await admin.incrementalAlterConfigs([{ type: 'topic', name: topic, ops: [{ name: 'retention.ms', op: 'set', value: '7200000' }, { name: 'cleanup.policy', op: 'delete' }] }]);
    // Apache Kafka applies config changes through its metadata log: poll until they show.
    let [cfg2] = await admin.describeConfigs([{ type: 'topic', name: topic }]);
    for (let i = 0; i < 50 && cfg2!.configs.find((c) => c.name === 'retention.ms')!.value !== '7200000'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      [cfg2] = await admin.describeConfigs([{ type: 'topic', name: topic }]);
    }
    assert.equal(cfg2!.configs.find((c) => c.name === 'retention.ms')!.value, '7200000');
    assert.equal(cfg2!.configs.find((c) => c.name === 'cleanup.policy')!.isDefault, true);

    await admin.createPartitions([{ topic, count: 5 }]);
    assert.equal((await admin.describeTopics([topic]))[0]!.partitions.length, 5);

    const offsets = await admin.listOffsets([0, 1].flatMap((partition) => [{ topic, partition, spec: 'earliest' as const }, { topic, partition, spec: 'latest' as const }]));
    assert.equal(offsets.length, 4);
    for (const o of offsets) assert.equal(o.offset, 0n);

    const cluster = await admin.describeCluster();
    assert.ok(cluster.clusterId !== null && cluster.clusterId.length > 0);
    assert.equal(cluster.brokers.length, 1);
    assert.ok(cluster.brokers[0]!.port > 0);

    await admin.deleteTopics([topic]);
    await assert.rejects(admin.deleteTopics([topic]), (e: unknown) => e instanceof KafkaError && e.code === 'UNKNOWN_TOPIC_OR_PARTITION');
    const deadline = Date.now() + 10_000;
    while ((await admin.listTopics()).includes(topic) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!(await admin.listTopics()).includes(topic));
  } finally {
    await admin.close();
  }
});

bothBrokers('admin: groups (list, describe, lag, reset offsets dry run and executed, delete offsets, delete) and deleteRecords', {}, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('admin-groups');
  const groupId = uniqueTopic('admin-g');
  const parts = [0, 1, 2].map((partition) => ({ topic, partition }));
  await admin.createTopics([{ topic, numPartitions: 3, replicationFactor: 1 }]);
  const producer = new Producer({ bootstrap: b.bootstrap });
  const consumeAll = async (want: number): Promise<Consumer> => {
    const c = new Consumer({ bootstrap: b.bootstrap, groupId, heartbeatIntervalMs: 300, maxWaitMs: 200 });
    c.subscribe([topic]);
    let n = 0;
    for await (const _ of c) if (++n === want) break;
    return c;
  };
  try {
    await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ partition: i % 3, value: `v${i}` })) });
    const member = await consumeAll(30);
    await member.commit();
    const [live] = await admin.describeGroups([groupId]);
    assert.equal(live!.state, 'Stable');
    assert.equal(live!.members.length, 1);
    assert.deepEqual(live!.members[0]!.assignment.map((p) => p.partition), [0, 1, 2]);
    const liveLag = await admin.groupLag(groupId);
    assert.deepEqual(liveLag.map((l) => [l.partition, l.committed, l.lag, l.memberId]), [0, 1, 2].map((p) => [p, 10n, 0n, live!.members[0]!.memberId]));
    await assert.rejects(admin.resetGroupOffsets(groupId, { to: 'earliest', execute: true }), (e: unknown) => e instanceof ClientError && e.code === 'INVALID_STATE' && /active member/.test(e.message));
    await member.close();

    const listed = (await admin.listGroups()).find((g) => g.groupId === groupId);
    assert.ok(listed, 'the group is listed');
    assert.equal(listed.state, 'Empty');
    assert.equal(listed.protocolType, 'consumer');
    const [empty] = await admin.describeGroups([groupId]);
    assert.deepEqual([empty!.state, empty!.members.length, empty!.type], ['Empty', 0, 'classic']);
    const [unknown] = await admin.describeGroups([`${groupId}-nope`]);
    assert.equal(unknown!.state, 'Dead');

    await producer.send({ topic, messages: Array.from({ length: 6 }, (_, i) => ({ partition: i % 3, value: `w${i}` })) });
    const lag = await admin.groupLag(groupId);
    assert.deepEqual(lag.map((l) => [l.committed, l.logEnd, l.lag, l.memberId]), [0, 1, 2].map(() => [10n, 12n, 2n, null]));

    // Dry run first: nothing changes.
    const plan = await admin.resetGroupOffsets(groupId, { to: 'earliest' });
    assert.deepEqual(plan.map((p) => [p.partition, p.current, p.target]), [[0, 10n, 0n], [1, 10n, 0n], [2, 10n, 0n]]);
    assert.deepEqual((await admin.listGroupOffsets(groupId)).map((o) => o.offset), [10n, 10n, 10n]);
    await admin.resetGroupOffsets(groupId, { to: 'earliest', execute: true });
    assert.deepEqual((await admin.listGroupOffsets(groupId)).map((o) => o.offset), [0n, 0n, 0n]);
    await admin.resetGroupOffsets(groupId, { to: { shiftBy: 3 }, execute: true, topics: [topic] });
    assert.deepEqual((await admin.listGroupOffsets(groupId, parts)).map((o) => o.offset), [3n, 3n, 3n]);
    const clamped = await admin.resetGroupOffsets(groupId, { to: { offset: 100 }, topics: [{ topic, partition: 1 }] });
    assert.deepEqual(clamped.map((p) => [p.partition, p.target]), [[1, 12n]]);
    const byTime = await admin.resetGroupOffsets(groupId, { to: { timestamp: Date.now() + 3_600_000 } });
    assert.deepEqual(byTime.map((p) => p.target), [12n, 12n, 12n], 'a timestamp after every record resets to the end');

    // A consumer of the group now starts from the reset offsets (3 of each partition).
    const again = await consumeAll(27);
    await again.close();

    await admin.deleteGroupOffsets(groupId, [{ topic, partition: 0 }]);
    assert.deepEqual((await admin.listGroupOffsets(groupId)).map((o) => o.partition), [1, 2]);
    assert.deepEqual(await admin.deleteGroups([groupId]), [{ groupId, error: null }]);
    const [gone] = await admin.deleteGroups([groupId]);
    assert.equal(gone!.error?.code, 'GROUP_ID_NOT_FOUND');

    const low = await admin.deleteRecords([{ topic, partition: 0, offset: 5 }]);
    assert.deepEqual(low.map((l) => l.lowWatermark), [5n]);
    const [start] = await admin.listOffsets([{ topic, partition: 0, spec: 'earliest' }]);
    assert.equal(start!.offset, 5n);
  } finally {
    await producer.close();
    await admin.close();
  }
});

// A broker may not know a topic the controller has just created (Apache Kafka: the metadata
// reaches brokers a moment later). createTopics waits until every partition has a leader, so a
// request right after it, from another connection, finds the topic.
bothBrokers('createTopics resolves once every partition of the new topics has a leader', { timeout: 60_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  try {
    for (let i = 0; i < 10; i++) {
      const topics = [uniqueTopic('fresh'), uniqueTopic('fresh')];
      await admin.createTopics(topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })));
      const other = new Admin({ bootstrap: b.bootstrap });
      try {
        for (const d of await other.describeTopics(topics)) {
          assert.equal(d.partitions.length, 3);
          assert.ok(d.partitions.every((p) => p.leader >= 0), `${d.name}: ${JSON.stringify(d.partitions)}`);
        }
      } finally {
        await other.close();
      }
    }
  } finally {
    await admin.close();
  }
});
