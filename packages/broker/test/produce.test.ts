import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, decodeBatches, CompressionType } from '@tideline/protocol';
import { Off } from '@tideline/protocol/internal';
import { batch, withBroker, type WireClient } from './wire-client.js';

async function createTopic(c: WireClient, name: string, numPartitions = 1, configs: Array<{ name: string; value: string }> = []): Promise<void> {
  const r = await c.send(ApiKey.CreateTopics, 7, { topics: [{ name, numPartitions, replicationFactor: 1, configs }], timeoutMs: 1000 });
  assert.equal(r.topics[0]!.errorCode, ErrorCode.NONE, r.topics[0]!.errorMessage ?? '');
}

function produce(c: WireClient, topic: string, partition: number, records: Buffer, acks = -1, version = 9) {
  return c.send(ApiKey.Produce, version, { acks, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: partition, records }] }] })
    .then((r) => r.responses[0]!.partitionResponses[0]!);
}

async function fetchAll(c: WireClient, topic: string, partition = 0, offset = 0n) {
  const r = await c.send(ApiKey.Fetch, 11, {
    maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, isolationLevel: 0, sessionEpoch: -1,
    topics: [{ topic, partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: 1 << 20 }] }],
  });
  return r.responses[0]!.partitions[0]!;
}

test('produce then fetch returns the batches at consecutive offsets (acks 1 and -1, compressed)', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 't');
    const a = await produce(c, 't', 0, batch(['a', 'b', 'c']), 1);
    assert.equal(a.errorCode, ErrorCode.NONE);
    assert.equal(a.baseOffset, 0n);
    const b = await produce(c, 't', 0, batch(['d', 'e'], { compression: CompressionType.Zstd }), -1);
    assert.equal(b.baseOffset, 3n);
    const f = await fetchAll(c, 't');
    assert.equal(f.errorCode, ErrorCode.NONE);
    assert.equal(f.highWatermark, 5n);
    const values = decodeBatches(f.records!).flatMap((x) => x.records.map((r) => `${r.offset}:${r.value!.toString()}`));
    assert.deepEqual(values, ['0:a', '1:b', '2:c', '3:d', '4:e']);
  });
});

test('produce validation: nothing is written for a bad batch; each error has its code', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'v', 1, [{ name: 'max.message.bytes', value: '200' }]);
    const good = batch(['x']);
    const badCrc = Buffer.from(good);
    badCrc[badCrc.length - 1]! ^= 0xff;
    assert.equal((await produce(c, 'v', 0, badCrc)).errorCode, ErrorCode.CORRUPT_MESSAGE);
    const two = Buffer.concat([batch(['1']), batch(['2'])]);
    assert.equal((await produce(c, 'v', 0, two)).errorCode, ErrorCode.INVALID_RECORD);
    const truncated = good.subarray(0, good.length - 3);
    assert.equal((await produce(c, 'v', 0, truncated)).errorCode, ErrorCode.CORRUPT_MESSAGE);
    const big = batch(['y'.repeat(300)]);
    assert.equal((await produce(c, 'v', 0, big)).errorCode, ErrorCode.MESSAGE_TOO_LARGE);
    const magic = Buffer.from(good);
    magic.writeInt8(1, Off.magic);
    assert.equal((await produce(c, 'v', 0, magic)).errorCode, ErrorCode.INVALID_RECORD);
    assert.equal((await produce(c, 'v', 0, good, -1, 2)).errorCode, ErrorCode.UNSUPPORTED_VERSION);
    assert.equal((await produce(c, 'v', 0, batch(['z'], { compression: CompressionType.Zstd }), -1, 6)).errorCode, ErrorCode.UNSUPPORTED_COMPRESSION_TYPE);
    assert.equal((await produce(c, 'v', 3, good)).errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    assert.equal((await produce(c, 'nope', 0, good)).errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    assert.equal(broker.broker.topics.get('nope'), undefined, 'produce never auto-creates');
    assert.equal(broker.broker.topics.partitionLog('v', 0)!.logEndOffset, 0n);
    assert.equal((await produce(c, 'v', 0, good)).baseOffset, 0n);
    const r = await c.send(ApiKey.Produce, 9, { acks: 5, timeoutMs: 100, topicData: [{ name: 'v', partitionData: [{ index: 0, records: good }] }] });
    assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.INVALID_REQUIRED_ACKS);
  });
});

test('many topics and partitions in one request; acks=0 gets no response', async () => {
  await withBroker(async ({ client: c, broker }) => {
    await createTopic(c, 'm1', 3);
    await createTopic(c, 'm2', 2);
    const r = await c.send(ApiKey.Produce, 11, {
      acks: -1, timeoutMs: 1000,
      topicData: [
        { name: 'm1', partitionData: [0, 1, 2].map((index) => ({ index, records: batch([`m1-${index}`]) })) },
        { name: 'm2', partitionData: [0, 1].map((index) => ({ index, records: batch([`m2-${index}`, 'more']) })) },
      ],
    });
    assert.deepEqual(r.responses.map((t) => [t.name, t.partitionResponses.map((p) => [p.index, p.errorCode, p.baseOffset])]), [
      ['m1', [[0, 0, 0n], [1, 0, 0n], [2, 0, 0n]]],
      ['m2', [[0, 0, 0n], [1, 0, 0n]]],
    ]);
    c.sendOneWay(ApiKey.Produce, 9, { acks: 0, timeoutMs: 1000, topicData: [{ name: 'm1', partitionData: [{ index: 0, records: batch(['fire', 'forget']) }] }] });
    // A request after the acks=0 one is answered (and in order), so the append has happened.
    await c.send(ApiKey.Metadata, 12, { topics: [] });
    assert.equal(broker.broker.topics.partitionLog('m1', 0)!.logEndOffset, 3n);
  });
});

test('LogAppendTime topics rewrite the batch timestamp and report it', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'lat', 1, [{ name: 'message.timestamp.type', value: 'LogAppendTime' }]);
    const before = BigInt(Date.now());
    const p = await produce(c, 'lat', 0, batch([{ value: Buffer.from('v'), timestamp: 1000n }]));
    assert.ok(p.logAppendTimeMs >= before, `logAppendTime ${p.logAppendTimeMs}`);
    const f = await fetchAll(c, 'lat');
    const [b] = decodeBatches(f.records!);
    assert.equal(b!.header.maxTimestamp, p.logAppendTimeMs);
    assert.equal(b!.records[0]!.timestamp, p.logAppendTimeMs);
  });
});

test('idempotent producer: duplicates answer the original offset, gaps and old epochs are rejected', async () => {
  await withBroker(async ({ client: c }) => {
    await createTopic(c, 'idem');
    const init = await c.send(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 });
    assert.equal(init.errorCode, ErrorCode.NONE);
    const pid = init.producerId;
    const init2 = await c.send(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 });
    assert.notEqual(init2.producerId, pid);
    const send = (seq: number, n: number, epoch = 0, id = pid) =>
      produce(c, 'idem', 0, batch(Array.from({ length: n }, (_, i) => `s${seq + i}`), { producerId: id, producerEpoch: epoch, baseSequence: seq }));
    assert.equal((await send(0, 2)).baseOffset, 0n);
    assert.equal((await send(2, 3)).baseOffset, 2n);
    // Retry of the first batch: success with its original offset, nothing appended.
    const dup = await send(0, 2);
    assert.equal(dup.errorCode, ErrorCode.NONE);
    assert.equal(dup.baseOffset, 0n);
    assert.equal((await send(7, 1)).errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    assert.equal((await send(5, 1)).baseOffset, 5n);
    // Epoch bump: must restart at 0; after it, the old epoch is fenced.
    assert.equal((await send(3, 1, 1)).errorCode, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
    assert.equal((await send(0, 1, 1)).baseOffset, 6n);
    assert.equal((await send(6, 1, 0)).errorCode, ErrorCode.INVALID_PRODUCER_EPOCH);
    // An unknown producer id is accepted at any sequence (Kafka 4, KIP-360).
    assert.equal((await send(42, 1, 0, 999_999n)).errorCode, ErrorCode.NONE);
    // Concurrent in-flight batches of one producer (max.in.flight 5) are judged in order.
    const inflight = await Promise.all([0, 1, 2, 3, 4].map((i) => send(1 + i, 1, 1)));
    assert.deepEqual(inflight.map((r) => r.errorCode), [0, 0, 0, 0, 0]);
    assert.deepEqual(inflight.map((r) => r.baseOffset), [8n, 9n, 10n, 11n, 12n]);
    const f = await fetchAll(c, 'idem');
    assert.equal(f.highWatermark, 13n);
  });
});

test('InitProducerId with an empty transactional id is INVALID_REQUEST (transactions: transactions-wire.test.ts)', async () => {
  await withBroker(async ({ client: c }) => {
    const r = await c.send(ApiKey.InitProducerId, 4, { transactionalId: '', transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 });
    assert.equal(r.errorCode, ErrorCode.INVALID_REQUEST);
  });
});

test('Produce v13 names topics by id (KIP-516): the records land in the topic; an unknown id is UNKNOWN_TOPIC_ID', async () => {
  await withBroker(async ({ client: c }) => {
    const created = await c.send(ApiKey.CreateTopics, 7, { topics: [{ name: 'by-id', numPartitions: 1, replicationFactor: -1 }], timeoutMs: 1000 });
    const topicId = created.topics[0]!.topicId;
    const r = await c.send(ApiKey.Produce, 13, {
      transactionalId: null, acks: -1, timeoutMs: 1000,
      topicData: [
        { topicId, partitionData: [{ index: 0, records: batch(['x', 'y']) }] },
        { topicId: 'AAAAAAAAAAAAAAAAAAAAAQ', partitionData: [{ index: 0, records: batch(['z']) }] },
      ],
    });
    assert.deepEqual(r.responses.map((t) => [t.topicId, t.partitionResponses[0]!.errorCode, t.partitionResponses[0]!.baseOffset]), [
      [topicId, ErrorCode.NONE, 0n], ['AAAAAAAAAAAAAAAAAAAAAQ', ErrorCode.UNKNOWN_TOPIC_ID, -1n],
    ]);
    const got = await fetchAll(c, 'by-id');
    assert.deepEqual(decodeBatches(got.records ?? Buffer.alloc(0)).flatMap((b) => b.records.map((x) => x.value!.toString())), ['x', 'y']);
  });
});
