// What ends a share session (KIP-932), on Tideline and on Apache Kafka 4.4 (the reference), with the
// requests a closing client sends:
// - a member's leave heartbeat (ShareGroupHeartbeat epoch -1) does not end its share session: a
//   closing ShareAcknowledge (session epoch -1) that arrives after it still applies its
//   acknowledgements. librdkafka sends the two on different connections at the same moment
//   (regression: Tideline ended the session at the leave, and librdkafka's 0178 lost the closing
//   acknowledgements to SHARE_SESSION_NOT_FOUND);
// - closing the connection that opened a session ends it and releases the member's records at once
//   (not at the end of their acquisition lock, 60 s here): another member gets them, delivery count 2.
// librdkafka's own 0178_share_consumer_close runs in librdkafka-share-conformance.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { brokerMatrix } from '@tideline/interop/internal';
import { startBroker } from '../src/index.js';
import { WireClient, batch } from './wire-client.js';

const GROUP_RESOURCE = 32;
const ACCEPT = 1;
/** Kafka's group.share.max.record.lock.duration.ms default: a release seen before it is not a lock expiry. */
const LOCK_MS = 60_000;

const matrix = brokerMatrix({
  tmpPrefix: 'tideline-share-close-',
  startTideline: async (dataDir) => {
    const b = await startBroker({ dataDir, port: 0 });
    return { bootstrap: b.bootstrap, close: () => b.close() };
  },
});
matrix.useApacheKafka();

const memberId = (): string => randomBytes(16).toString('base64url').slice(0, 22);
const portOf = (bootstrap: string): number => Number(bootstrap.split(':')[1]);

/** A one-partition topic with `n` records, and a share group that reads it from the earliest offset. */
async function setup(c: WireClient, topic: string, group: string, n: number): Promise<string> {
  const ct = await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 30_000, validateOnly: false, topics: [{ name: topic, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }] });
  const created = ct.topics[0]!;
  assert.equal(created.errorCode, ErrorCode.NONE, created.errorMessage ?? '');
  await produce(c, topic, 0, n);
  const cfg = await c.send(ApiKey.IncrementalAlterConfigs, 1, {
    validateOnly: false,
    resources: [{
      resourceType: GROUP_RESOURCE, resourceName: group,
      configs: [{ name: 'share.auto.offset.reset', configOperation: 0, value: 'earliest' }, { name: 'share.record.lock.duration.ms', configOperation: 0, value: String(LOCK_MS) }],
    }],
  });
  assert.equal(cfg.responses[0]!.errorCode, ErrorCode.NONE, cfg.responses[0]!.errorMessage ?? '');
  return created.topicId;
}

async function produce(c: WireClient, topic: string, from: number, n: number): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const r = await c.send(ApiKey.Produce, 9, {
      acks: -1, timeoutMs: 10_000,
      topicData: [{ name: topic, partitionData: [{ index: 0, records: batch(Array.from({ length: n }, (_, i) => `r${from + i}`)) }] }],
    });
    const err = r.responses[0]!.partitionResponses[0]!.errorCode;
    if (err === ErrorCode.NONE) return;
    // A new topic's leader may not be ready yet on Kafka.
    assert.ok(attempt < 50 && (err === ErrorCode.NOT_LEADER_OR_FOLLOWER || err === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION), `produce: error ${err}`);
    await new Promise((r2) => setTimeout(r2, 200));
  }
}

const COORDINATOR_PENDING: ReadonlySet<number> = new Set([ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, ErrorCode.COORDINATOR_NOT_AVAILABLE, ErrorCode.NOT_COORDINATOR]);

/** Joins the group (Kafka creates __consumer_offsets on the first FindCoordinator, then loads it). */
async function join(c: WireClient, group: string, member: string, topic: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await c.send(ApiKey.FindCoordinator, 4, { keyType: 0, coordinatorKeys: [group] });
    const hb = await c.send(ApiKey.ShareGroupHeartbeat, 1, { groupId: group, memberId: member, memberEpoch: 0, rackId: null, subscribedTopicNames: [topic] });
    if (hb.errorCode === ErrorCode.NONE) return;
    assert.ok(attempt < 100 && COORDINATOR_PENDING.has(hb.errorCode), `ShareGroupHeartbeat: error ${hb.errorCode} ${hb.errorMessage ?? ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

interface Acquired { offsets: number[]; deliveries: number[] }

/** Partition errors a share-partition still being set up can answer with (a client retries them). */
const PARTITION_PENDING: ReadonlySet<number> = new Set([
  ErrorCode.UNKNOWN_SERVER_ERROR, ErrorCode.COORDINATOR_NOT_AVAILABLE, ErrorCode.COORDINATOR_LOAD_IN_PROGRESS,
  ErrorCode.NOT_LEADER_OR_FOLLOWER, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.LEADER_NOT_AVAILABLE,
]);

/**
 * Opens a share session for the member (epoch 0) and fetches until records are acquired (Kafka
 * loads a share-partition asynchronously: the first answers may be empty). Returns the acquired
 * offsets, their delivery counts and the session's next epoch.
 */
async function fetchSome(c: WireClient, group: string, member: string, topicId: string): Promise<Acquired & { epoch: number }> {
  const pending = { addPartition: true };
  const request = (epoch: number, add: boolean) => ({
    groupId: group, memberId: member, shareSessionEpoch: epoch, maxWaitMs: 500, minBytes: 1, maxBytes: 1 << 20, maxRecords: 500, batchSize: 500,
    topics: add ? [{ topicId, partitions: [{ partitionIndex: 0, acknowledgementBatches: [] }] }] : [], forgottenTopicsData: [],
  });
  for (let epoch = 0; epoch < 60; epoch++) {
    const r = await c.send(ApiKey.ShareFetch, 1, request(epoch, pending.addPartition));
    pending.addPartition = false;
    assert.equal(r.errorCode, ErrorCode.NONE, r.errorMessage ?? '');
    const p = r.responses[0]?.partitions[0];
    if (p !== undefined && PARTITION_PENDING.has(p.errorCode) && epoch < 50) {
      // Kafka answered once with UNKNOWN_SERVER_ERROR while its share coordinator was still
      // initialising the group's state on a fresh broker; a client asks again, naming the partition.
      pending.addPartition = true;
      await new Promise((r2) => setTimeout(r2, 200));
      continue;
    }
    if (p !== undefined) assert.equal(p.errorCode, ErrorCode.NONE, p.errorMessage ?? '');
    const got: Acquired = { offsets: [], deliveries: [] };
    for (const a of p?.acquiredRecords ?? []) {
      for (let o = Number(a.firstOffset); o <= Number(a.lastOffset); o++) {
        got.offsets.push(o);
        got.deliveries.push(a.deliveryCount);
      }
    }
    if (got.offsets.length > 0) return { ...got, epoch: epoch + 1 };
  }
  throw new Error(`member ${member} acquired nothing`);
}

matrix.bothBrokers('a closing ShareAcknowledge applies after the member\'s leave heartbeat', { timeout: 120_000 }, async (b) => {
  const topic = matrix.uniqueTopic('share-close-ack');
  const group = `${topic}-g`;
  const data = await WireClient.connect(portOf(b.bootstrap));
  const coordinator = await WireClient.connect(portOf(b.bootstrap));
  try {
    const topicId = await setup(data, topic, group, 5);
    const a = memberId();
    await join(coordinator, group, a, topic);
    const held = await fetchSome(data, group, a, topicId);
    assert.deepEqual(held.offsets, [0, 1, 2, 3, 4]);

    // The leave heartbeat first (answered), then the closing acknowledgement on the other connection.
    const leave = await coordinator.send(ApiKey.ShareGroupHeartbeat, 1, { groupId: group, memberId: a, memberEpoch: -1, rackId: null, subscribedTopicNames: null });
    assert.equal(leave.errorCode, ErrorCode.NONE, leave.errorMessage ?? '');
    const ack = await data.send(ApiKey.ShareAcknowledge, 1, {
      groupId: group, memberId: a, shareSessionEpoch: -1,
      topics: [{ topicId, partitions: [{ partitionIndex: 0, acknowledgementBatches: [{ firstOffset: 0n, lastOffset: 4n, acknowledgeTypes: [ACCEPT] }] }] }],
    });
    assert.equal(ack.errorCode, ErrorCode.NONE, ack.errorMessage ?? '');
    assert.equal(ack.responses[0]?.partitions[0]?.errorCode, ErrorCode.NONE);

    // The acknowledgements took effect: the next member gets only the record produced after them.
    await produce(data, topic, 5, 1);
    const other = await WireClient.connect(portOf(b.bootstrap));
    try {
      const m = memberId();
      await join(other, group, m, topic);
      const next = await fetchSome(other, group, m, topicId);
      assert.deepEqual(next.offsets, [5]);
    } finally {
      other.close();
    }
  } finally {
    data.close();
    coordinator.close();
  }
});

matrix.bothBrokers('closing the connection that opened a share session releases the member\'s records', { timeout: 120_000 }, async (b) => {
  const topic = matrix.uniqueTopic('share-close-conn');
  const group = `${topic}-g`;
  const admin = await WireClient.connect(portOf(b.bootstrap));
  try {
    const topicId = await setup(admin, topic, group, 5);
    const first = await WireClient.connect(portOf(b.bootstrap));
    const a = memberId();
    let held: Acquired;
    try {
      await join(first, group, a, topic);
      held = await fetchSome(first, group, a, topicId);
      assert.deepEqual(held.offsets, [0, 1, 2, 3, 4]);
      assert.ok(held.deliveries.every((d) => d === 1));
    } finally {
      first.close(); // no closing request, no leave heartbeat
    }
    await first.closed;
    const second = await WireClient.connect(portOf(b.bootstrap));
    try {
      const m = memberId();
      await join(second, group, m, topic);
      const again = await fetchSome(second, group, m, topicId);
      assert.deepEqual(again.offsets, [0, 1, 2, 3, 4]);
      assert.ok(again.deliveries.every((d) => d === 2), `delivery counts ${again.deliveries.join(',')}`);
    } finally {
      second.close();
    }
  } finally {
    admin.close();
  }
});
