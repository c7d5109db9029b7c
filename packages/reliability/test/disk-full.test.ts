// Disk faults on a real filesystem: the broker's data directory on a 32 MiB tmpfs (in a private
// mount namespace, see src/disk.ts), filled to ENOSPC under load from an idempotent acks=all
// KafkaJS producer. Produce requests must answer KAFKA_STORAGE_ERROR (never crash, never a
// different error), reads and other requests keep working, production resumes once space returns,
// and nothing acknowledged is lost: read back by kcat (CRC-checked) and checked by the history
// checker, before and after a kill -9 and restart on the same filesystem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { toolOrSkip } from '@tideline/interop';
import { startBrokerProcess } from '../src/broker-process.js';
import { WireClient, batch, createTopic, probe } from '../src/wire.js';
import { smallFilesystem } from '../src/disk.js';
import { KafkaJsProducerLoop } from '../src/crash/kafkajs.js';
import { finalRead } from '../src/crash/loop.js';
import { checkHistory, type HistoryEvent } from '../src/checker.js';

const MiB = 1024 * 1024;
const TOPIC = 'disk';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Writes zeros to `path` until `leave` bytes remain free (or ENOSPC). */
function fill(path: string, freeBytes: () => number, leave: number): number {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(256 * 1024);
  let written = 0;
  try {
    while (freeBytes() > leave) {
      written += writeSync(fd, chunk, 0, Math.min(chunk.length, freeBytes() - leave));
    }
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOSPC') throw e;
  } finally {
    closeSync(fd);
  }
  return written;
}

async function until(what: string, cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

test('ENOSPC under acks=all load: KAFKA_STORAGE_ERROR, the broker keeps serving, resumes when space returns, nothing acked is lost (also after kill -9)', { timeout: 180_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  const fs = await smallFilesystem(32 * MiB);
  const dataDir = join(fs.mountPoint, 'data');
  const broker = await startBrokerProcess({ dataDir, logLevel: 'warn', commandPrefix: fs.commandPrefix });
  const events: HistoryEvent[] = [];
  let producer: KafkaJsProducerLoop | undefined;
  try {
    await createTopic(broker.port, TOPIC, 1, [{ name: 'segment.bytes', value: String(MiB) }]);
    let acked = 0;
    producer = new KafkaJsProducerLoop({
      bootstrap: broker.bootstrap, topic: TOPIC, partitions: 1, batch: 10, valueBytes: 10_000, retries: 2,
      onSend: (s) => {
        if (s.outcome.kind === 'ok') acked++;
        events.push({
          type: 'send', producer: s.producer, seq: s.seq, idempotent: true, topic: TOPIC, value: s.value,
          outcome: s.outcome.kind === 'ok' ? { kind: 'ok', partition: s.partition, offset: s.outcome.offset } : { kind: 'error', error: s.outcome.error },
        });
      },
    });
    await until('first acks', () => acked >= 100, 30_000);

    // Fill the filesystem while the producer runs, leaving 2 MiB.
    const filler = fs.hostPath(join(fs.mountPoint, 'filler'));
    const filled = fill(filler, () => fs.freeBytes(), 2 * MiB);
    t.diagnostic(`filled ${(filled / MiB).toFixed(1)} MiB; ${(fs.freeBytes() / MiB).toFixed(2)} MiB free; ${acked} acked so far`);
    await until('storage errors at the producer', () => (producer!.errors.get('KAFKA_STORAGE_ERROR') ?? 0) >= 3, 60_000);
    const ackedWhenFull = acked;

    // While full: a raw Produce answers KAFKA_STORAGE_ERROR; reads, metadata and probes still work.
    const c = await WireClient.connect(broker.port);
    try {
      const r = await c.send(ApiKey.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: TOPIC, partitionData: [{ index: 0, records: batch(['y'.repeat(500_000)]) }] }] });
      assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.KAFKA_STORAGE_ERROR);
      const f = await c.send(ApiKey.Fetch, 12, {
        replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: MiB, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
        topics: [{ topic: TOPIC, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: MiB, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
        forgottenTopicsData: [], rackId: '',
      });
      assert.equal(f.responses[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
      assert.ok((f.responses[0]!.partitions[0]!.records?.length ?? 0) > 0, 'reads are served while the disk is full');
      const commit = await c.send(ApiKey.OffsetCommit, 8, {
        groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
        topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: '' }] }],
      });
      t.diagnostic(`OffsetCommit while full answered error ${commit.topics[0]!.partitions[0]!.errorCode}`);
    } finally {
      c.close();
    }
    assert.ok((await probe(broker.port, 5000)) < 5000);
    assert.ok(broker.alive());

    // Space returns: production resumes.
    rmSync(filler);
    const freedAt = acked;
    await until('acks after space returned', () => acked >= freedAt + 200, 60_000);
    await producer.stop();
    const errors = Object.fromEntries(producer.errors);
    t.diagnostic(`acked ${ackedWhenFull} before the disk was full, ${acked} in all; failed sends by error: ${JSON.stringify(errors)}`);
    for (const name of Object.keys(errors)) assert.equal(name, 'KAFKA_STORAGE_ERROR', `unexpected producer error ${name}`);

    const check = async (when: string): Promise<void> => {
      const final = await finalRead(broker.bootstrap, TOPIC);
      const r = checkHistory({ events, final });
      t.diagnostic(`${when}: ${JSON.stringify(r.stats)}`);
      assert.deepEqual(r.anomalies.slice(0, 10), [], when);
    };
    await check('after space returned');
    await broker.kill();
    await broker.restart();
    await check('after kill -9 and restart');
  } finally {
    await producer?.stop().catch(() => undefined);
    await broker.stop();
    await fs.close();
  }
});
