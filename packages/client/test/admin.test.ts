// Admin against Tideline and Apache Kafka: topics, partitions, configs, cluster, offsets.
import assert from 'node:assert/strict';
import { Admin, KafkaError } from '../src/index.js';
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
