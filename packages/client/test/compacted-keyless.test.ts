// Produce to a compacted topic refuses records without a key, as Apache Kafka does: INVALID_RECORD
// for the partition, one KIP-467 recordErrors entry per keyless record (its index in the batch),
// and nothing of the batch written — compressed or not. Checked on the wire with our Connection
// and through real clients (kcat; our Producer), against Tideline and Apache Kafka.
// Regression: Tideline accepted and stored them (found by an outside client's own test suite).
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, CompressionType, encodeBatch } from '@tideline/protocol/internal';
import { kcat } from '@tideline/interop';
import { Admin, KafkaError, Producer } from '../src/index.js';
import { Connection, parseHostPort } from '../src/internal.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

bothBrokers('a compacted topic refuses a batch holding records without a key: INVALID_RECORD with record errors, nothing written', { timeout: 120_000 }, async (b) => {
  const admin = new Admin({ bootstrap: b.bootstrap });
  const topic = uniqueTopic('compact-keyless');
  const conn = await Connection.connect({ ...parseHostPort(b.bootstrap), clientId: 'keyless' });
  try {
    await admin.createTopics([{ topic, numPartitions: 1, configs: { 'cleanup.policy': 'compact' } }]);
    const produce = (keys: Array<string | null>, compression: CompressionType) =>
      conn.request(ApiKey.Produce, {
        acks: -1, timeoutMs: 10_000, transactionalId: null,
        topicData: [{ name: topic, partitionData: [{ index: 0, records: encodeBatch({ compression, records: keys.map((k) => ({ key: k === null ? null : Buffer.from(k), value: Buffer.from('v') })) }) }] }],
      }, { version: 11 });
    for (const codec of [CompressionType.None, CompressionType.Gzip, CompressionType.Zstd]) {
      const r = await produce(['a', null, 'b', null], codec);
      const p = r.responses[0]!.partitionResponses[0]!;
      assert.equal(p.errorCode, ErrorCode.INVALID_RECORD, `codec ${codec}`);
      assert.deepEqual(p.recordErrors.map((e) => e.batchIndex), [1, 3], `codec ${codec}`);
      assert.ok(p.recordErrors.every((e) => (e.batchIndexErrorMessage ?? '').length > 0));
      assert.ok((p.errorMessage ?? '').length > 0);
    }
    const [end] = await admin.listOffsets([{ topic, partition: 0, spec: 'latest' }]);
    assert.equal(end!.offset, 0n, 'nothing of the refused batches was written');
    // A batch where every record has a key is accepted; so are tombstones (a key, a null value).
    const ok = await produce(['a', 'b'], CompressionType.None);
    assert.equal(ok.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    const tomb = await conn.request(ApiKey.Produce, {
      acks: -1, timeoutMs: 10_000, transactionalId: null,
      topicData: [{ name: topic, partitionData: [{ index: 0, records: encodeBatch({ records: [{ key: Buffer.from('a'), value: null }] }) }] }],
    }, { version: 11 });
    assert.equal(tomb.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);

    // Real clients see the error.
    const producer = new Producer({ bootstrap: b.bootstrap });
    try {
      await assert.rejects(producer.send({ topic, messages: [{ value: 'no key', partition: 0 }] }),
        (e: unknown) => e instanceof KafkaError && e.code === 'INVALID_RECORD');
    } finally {
      await producer.close();
    }
    const k = await kcat(['-b', b.bootstrap, '-P', '-t', topic, '-p', '0', '-X', 'acks=all'], { input: 'keyless\n', timeoutMs: 20_000, allowFailure: true });
    assert.notEqual(k.code, 0);
    assert.match(k.stderr, /failed to validate record/i, k.stderr);
    const [after] = await admin.listOffsets([{ topic, partition: 0, spec: 'latest' }]);
    assert.equal(after!.offset, 3n, 'only the keyed batch and the tombstone were written');
  } finally {
    conn.close();
    await admin.deleteTopics([topic]).catch(() => undefined);
    await admin.close();
  }
});
