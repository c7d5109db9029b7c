// Acceptance: bad input and limits at the broker level, with raw sockets next to real clients.
// - A frame larger than the max request size is refused from its 4-byte size header: the
//   connection closes and the broker buffers nothing.
// - An unknown API key closes only that connection; kcat on another connection keeps working.
// - A Produce whose batch fails its CRC answers CORRUPT_MESSAGE and writes nothing.
// - A slow reader (pipelines Fetch requests and never reads) does not stall kcat elsewhere, and
//   the broker's memory stays bounded (it stops reading that connection).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, ErrorCode, encodeRequest } from '@tideline/protocol';
import { kcat, toolOrSkip } from '@tideline/interop';
import { batch, withBroker } from './wire-client.js';

const MiB = 1024 * 1024;

function rawConnect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Resolves true when the socket is closed by the peer within `ms`. */
function closesWithin(s: net.Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (s.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    s.on('error', () => {});
    s.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const heap = (): number => process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;

async function kcatRoundTrip(bootstrap: string, topic: string, n: number): Promise<number> {
  const t0 = Date.now();
  const input = Array.from({ length: n }, (_, i) => `k${i}:v${i}`).join('\n') + '\n';
  const p = await kcat(['-b', bootstrap, '-P', '-t', topic, '-p', '0', '-K:', '-X', 'acks=all'], { input, timeoutMs: 20_000 });
  assert.equal(p.code, 0, p.stderr);
  const c = await kcat(['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-c', String(n), '-e', '-q', '-f', '%s\n'], { timeoutMs: 20_000 });
  assert.deepEqual(c.stdout.trim().split('\n'), Array.from({ length: n }, (_, i) => `v${i}`));
  return Date.now() - t0;
}

test('a 200 MiB frame header is refused before buffering: the connection closes, memory does not grow', { timeout: 30_000 }, async () => {
  await withBroker(async (t) => {
    const before = heap();
    const s = await rawConnect(t.broker.port);
    const header = Buffer.alloc(4);
    header.writeInt32BE(200 * MiB);
    s.write(header);
    s.write(Buffer.alloc(1024, 7));
    assert.equal(await closesWithin(s, 3000), true, 'the broker closed the connection');
    const negative = await rawConnect(t.broker.port);
    negative.write(Buffer.from([0xff, 0xff, 0xff, 0xfe, 1, 2, 3]));
    assert.equal(await closesWithin(negative, 3000), true, 'a negative size closes too');
    assert.ok(heap() - before < 16 * MiB, `memory grew by ${((heap() - before) / MiB).toFixed(1)} MiB`);
    // The broker keeps serving.
    const r = await t.client.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 'acceptance', clientSoftwareVersion: '1' });
    assert.equal(r.errorCode, ErrorCode.NONE);
  }, { maxRequestSize: 100 * MiB });
});

test('an unknown API key closes only that connection; kcat keeps working on another', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async (tb) => {
    const bad = await rawConnect(tb.broker.port);
    const frame = Buffer.alloc(4 + 10);
    frame.writeInt32BE(10, 0);
    frame.writeInt16BE(12345, 4); // api key
    frame.writeInt16BE(0, 6); // version
    frame.writeInt32BE(1, 8); // correlation id
    frame.writeInt16BE(-1, 12); // null client id
    bad.write(frame);
    assert.equal(await closesWithin(bad, 3000), true, 'the connection with the unknown key is closed');
    // The other client's connection was not touched.
    const md = await tb.client.send(ApiKey.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(md.brokers.length, 1);
    const ms = await kcatRoundTrip(tb.broker.bootstrap, 'after-bad', 100);
    t.diagnostic(`kcat produce + consume of 100 records after the bad frame: ${ms} ms`);
  });
});

test('a Produce with a corrupt CRC answers CORRUPT_MESSAGE and writes nothing', { timeout: 30_000 }, async () => {
  await withBroker(async (t) => {
    const c = t.client;
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'crc', numPartitions: 1, replicationFactor: 1 }] });
    const good = batch(['a', 'b', 'c']);
    const bad = Buffer.from(good);
    bad[bad.length - 1] ^= 0xff; // a byte of the last record, inside the CRC range
    const r = await c.send(ApiKey.Produce, 9, {
      acks: -1, timeoutMs: 5000, topicData: [{ name: 'crc', partitionData: [{ index: 0, records: bad }] }],
    });
    assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.CORRUPT_MESSAGE);
    const lo = await c.send(ApiKey.ListOffsets, 7, {
      replicaId: -1, isolationLevel: 0, topics: [{ name: 'crc', partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n }] }],
    });
    assert.equal(lo.topics[0]!.partitions[0]!.offset, 0n, 'nothing was written');
    const ok = await c.send(ApiKey.Produce, 9, {
      acks: -1, timeoutMs: 5000, topicData: [{ name: 'crc', partitionData: [{ index: 0, records: good }] }],
    });
    assert.deepEqual([ok.responses[0]!.partitionResponses[0]!.errorCode, ok.responses[0]!.partitionResponses[0]!.baseOffset], [ErrorCode.NONE, 0n]);
  });
});

test('a slow reader pipelining Fetch requests does not stall kcat on another connection (regression: frames buffered in one chunk were handled past the in-flight limit while paused, buffering GBs of responses)', { timeout: 90_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat')) return;
  await withBroker(async (tb) => {
    const c = tb.client;
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'big', numPartitions: 1, replicationFactor: 1 }] });
    const value = Buffer.alloc(1000, 'x');
    for (let i = 0; i < 8; i++) {
      const r = await c.send(ApiKey.Produce, 9, {
        acks: -1, timeoutMs: 5000,
        topicData: [{ name: 'big', partitionData: [{ index: 0, records: batch(Array.from({ length: 256 }, () => ({ key: null, value }))) }] }],
      });
      assert.equal(r.responses[0]!.partitionResponses[0]!.errorCode, ErrorCode.NONE);
    }
    const baseline = await kcatRoundTrip(tb.broker.bootstrap, 'quick-0', 200);

    // 2,000 Fetch requests of ~2 MiB answers each (~4 GB if all answered), never read.
    const slow = await rawConnect(tb.broker.port);
    slow.pause();
    slow.on('error', () => {});
    const before = heap();
    const fetches: Buffer[] = [];
    for (let id = 1; id <= 2000; id++) {
      fetches.push(...encodeRequest(ApiKey.Fetch, 12, id, 'slow-reader', {
        replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 4 * MiB, isolationLevel: 0, sessionId: 0, sessionEpoch: -1,
        topics: [{ topic: 'big', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 4 * MiB, currentLeaderEpoch: -1, logStartOffset: -1n }] }],
        forgottenTopicsData: [], rackId: '',
      }));
    }
    slow.write(Buffer.concat(fetches));
    await new Promise((r) => setTimeout(r, 1000)); // let the broker fill its send buffers
    const times: number[] = [];
    for (let i = 1; i <= 3; i++) times.push(await kcatRoundTrip(tb.broker.bootstrap, `quick-${i}`, 200));
    const grown = heap() - before;
    t.diagnostic(`kcat produce+consume of 200 records: ${baseline} ms alone, ${times.join(' / ')} ms next to the slow reader; broker+test memory grew ${(grown / MiB).toFixed(1)} MiB`);
    assert.ok(Math.max(...times) < 10_000, 'kcat is not stalled');
    assert.ok(grown < 200 * MiB, `memory stays bounded (grew ${(grown / MiB).toFixed(1)} MiB)`);
    // The slow connection is still open: the broker paused it rather than buffering or dropping it.
    assert.equal(slow.destroyed, false);
    slow.destroy();
    const r = await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 'acceptance', clientSoftwareVersion: '1' });
    assert.equal(r.errorCode, ErrorCode.NONE);
  });
});
