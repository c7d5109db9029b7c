// Acceptance: a member slower than max.poll.interval loses its partitions and its late commit is
// refused. Two sides of the same rule:
//  - the Java client enforces max.poll.interval.ms itself: when its poll loop stalls, its heartbeat
//    thread leaves the group (LeaveGroup), the broker rebalances the partitions to the other
//    member, and the late commitSync fails with CommitFailedException. The same commit sent to the
//    broker with the stale member id and generation is answered UNKNOWN_MEMBER_ID.
//  - for the broker, max.poll.interval is the JoinGroup rebalance timeout (the Java client sends
//    max.poll.interval.ms there; KafkaJS sends rebalanceTimeout): a KafkaJS member stalled in
//    eachMessage keeps its session alive with heartbeats (REBALANCE_IN_PROGRESS) but never rejoins;
//    after the rebalance timeout the broker completes the generation without it, and its late
//    commitOffsets gets UNKNOWN_MEMBER_ID from the broker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel, PartitionAssigners, type Consumer } from 'kafkajs';
import { toolOrSkip } from '@tideline/interop';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { startBroker, type RunningBroker } from '../src/index.js';
import { GenerationRecorder, JavaMember, classicAssignment, produce, sleep, until } from './helpers/groups.js';
import { WireClient } from './wire-client.js';

const roundRobin = [(cfg: Parameters<typeof PartitionAssigners.roundRobin>[0]) => ({ ...PartitionAssigners.roundRobin(cfg), name: 'roundrobin' })];
const JAVA_RR = 'partition.assignment.strategy=org.apache.kafka.clients.consumer.RoundRobinAssignor';

async function withBroker(fn: (b: RunningBroker, kafka: Kafka) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-groups-slow-'));
  const b = await startBroker({ dataDir: dir, port: 0, groups: { initialRebalanceDelayMs: 300 } });
  try {
    await fn(b, new Kafka({ clientId: 'slow', brokers: [b.bootstrap], logLevel: logLevel.NOTHING }));
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const stable = (b: RunningBroker, group: string, topic: string, members: number, after = 0) => () => {
  const s = classicAssignment(b, group, topic);
  return s?.state === 'Stable' && s.byMember.size === members && s.generation > after
    && [...s.byMember.values()].every((ps) => ps.length === 6 / members);
};

test('Java member stalls past max.poll.interval.ms: it leaves, the group rebalances, its late commit fails', { timeout: 100_000 }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs') || !toolOrSkip(t, 'java-client-4')) return;
  await withBroker(async (b, kafka) => {
    const [topic, group] = ['slow6', 'slow-java'];
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
    const recorder = new GenerationRecorder(b, group, topic);
    const fast = kafka.consumer({ groupId: group, sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 10_000, maxWaitTimeInMs: 200, partitionAssigners: roundRobin });
    const fastSeen: string[] = [];
    let slow: JavaMember | undefined;
    const wire = await WireClient.connect(b.port);
    try {
      await fast.connect();
      await fast.subscribe({ topic, fromBeginning: true });
      await fast.run({ autoCommitInterval: 200, eachMessage: async ({ message }) => { fastSeen.push(message.value!.toString()); } });
      await until('KafkaJS alone', stable(b, group, topic, 1));
      slow = JavaMember.start('4', {
        bootstrap: b.bootstrap, topic, group, sleepMs: 10_000, sleepAfterPolls: 1,
        props: [JAVA_RR, 'max.poll.interval.ms=3000', 'session.timeout.ms=6000', 'heartbeat.interval.ms=500', 'max.poll.records=5'],
      });
      await until('two members', stable(b, group, topic, 2), 40_000);
      await slow.until('Java owns three partitions', (m) => m.owned().size === 3);
      await produce(kafka, topic, 0, 60);

      await slow.until('the Java member stalls in its poll loop', (m) => m.events('sleeping').length === 1);
      const stalled = slow.events('sleeping')[0]!;
      const [staleMember, staleGeneration] = [stalled.memberId as string, stalled.generation as number];
      const stalledAt = Date.now();
      const processed = slow.records();
      assert.ok(processed.length > 0 && processed.length <= 5);
      assert.equal(classicAssignment(b, group, topic)!.generation, staleGeneration);

      // Removed and rebalanced while it still sleeps.
      await until('KafkaJS owns all six partitions in a later generation', stable(b, group, topic, 1, staleGeneration), 20_000);
      const removedAfterMs = Date.now() - stalledAt;
      assert.ok(!b.broker.groups.classic(group)!.members.has(staleMember), 'the slow member is out of the group');
      assert.equal(slow.events('commit-failed').length, 0, 'still sleeping');
      assert.ok(removedAfterMs >= 2000 && removedAfterMs < 10_000, `removed after max.poll.interval.ms (${removedAfterMs} ms)`);

      // The broker refuses a commit by the removed member at its old generation.
      const late = await wire.send(ApiKey.OffsetCommit, 8, {
        groupId: group, generationIdOrMemberEpoch: staleGeneration, memberId: staleMember, groupInstanceId: null,
        topics: [{ name: topic, partitions: [{ partitionIndex: processed[0]!.partition, committedOffset: BigInt(processed[0]!.offset + 1), committedMetadata: null }] }],
      });
      assert.equal(late.topics[0]!.partitions[0]!.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);

      // The Java client's own late commitSync fails; it then rejoins on its next poll.
      await slow.until('the late commit fails', (m) => m.events('commit-failed').length === 1, 20_000);
      const failed = slow.events('commit-failed')[0]!;
      assert.equal(failed.error, 'CommitFailedException', JSON.stringify(failed));
      await until('the Java member is back: two members again', stable(b, group, topic, 2, staleGeneration + 1), 40_000);
      // Its uncommitted records were not lost: the fast member read them while it was out.
      await until('every record consumed', () => new Set([...fastSeen, ...slow!.records().map((r) => r.value)]).size === 60, 30_000);
      const reread = processed.filter((r) => fastSeen.includes(r.value)).length;
      t.diagnostic(`slow member removed ${removedAfterMs} ms into its stall; late commit: ${failed.error} (client), UNKNOWN_MEMBER_ID (broker); `
        + `its ${processed.length} uncommitted records re-read by the other member: ${reread}; generations ${[...recorder.generations.keys()].join(',')}`);
      assert.equal(reread, processed.length, 'the records whose commit failed are read again by the new owner');
      recorder.stop();
      recorder.assertExclusiveAndComplete(6);
    } finally {
      recorder.stop();
      wire.close();
      await slow?.dispose();
      await fast.disconnect().catch(() => {});
      await admin.disconnect();
    }
  });
});

test('KafkaJS member stalled past its rebalance timeout: the broker drops it from the generation and refuses its late commit', { timeout: 100_000 }, async (t) => {
  if (!toolOrSkip(t, 'kafkajs') || !toolOrSkip(t, 'java-client-4')) return;
  await withBroker(async (b, kafka) => {
    const [topic, group] = ['stall6', 'slow-kafkajs'];
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
    const slow: Consumer = kafka.consumer({
      groupId: group, sessionTimeout: 6000, heartbeatInterval: 500, rebalanceTimeout: 3000, maxWaitTimeInMs: 200, partitionAssigners: roundRobin,
    });
    let java: JavaMember | undefined;
    let stalled = false;
    let stallDone = false;
    const heartbeatErrors: string[] = [];
    let commitError: string | undefined;
    let stallPartition = -1;
    try {
      await slow.connect();
      await slow.subscribe({ topic, fromBeginning: true });
      await slow.run({
        autoCommit: false,
        eachMessage: async ({ partition, message, heartbeat }) => {
          if (stalled) return;
          stalled = true;
          stallPartition = partition;
          // Slow processing that keeps the session alive (heartbeats) but never returns to poll,
          // so it cannot rejoin a rebalance.
          const end = Date.now() + 9000;
          while (Date.now() < end) {
            try {
              await heartbeat();
            } catch (e) {
              heartbeatErrors.push((e as { type?: string }).type ?? String(e));
            }
            await sleep(500);
          }
          try {
            await slow.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
            commitError = 'none';
          } catch (e) {
            // KafkaJS wraps the protocol error (type UNKNOWN_MEMBER_ID) in a non-retriable one.
            const err = e as { type?: string; cause?: { type?: string } };
            commitError = err.type ?? err.cause?.type ?? String(e);
          }
          stallDone = true;
        },
      });
      await until('KafkaJS alone', stable(b, group, topic, 1));
      const generation = classicAssignment(b, group, topic)!.generation;
      const slowId = [...classicAssignment(b, group, topic)!.byMember.keys()][0]!;
      await produce(kafka, topic, 0, 30);
      await until('the KafkaJS member stalls', () => stalled);

      // A Java member joins (its max.poll.interval.ms is its rebalance timeout too).
      java = JavaMember.start('4', {
        bootstrap: b.bootstrap, topic, group,
        props: [JAVA_RR, 'max.poll.interval.ms=3000', 'session.timeout.ms=6000', 'heartbeat.interval.ms=500'],
      });
      await until('the generation completes without the stalled member', stable(b, group, topic, 1, generation), 30_000);
      const s = classicAssignment(b, group, topic)!;
      assert.ok(!s.byMember.has(slowId), 'the stalled member was dropped');
      assert.ok(!stallDone, 'while it is still stalled');
      await java.until('Java owns all six partitions', (m) => m.owned().size === 6);
      await until('the stall ends with the late commit', () => stallDone, 20_000);
      t.diagnostic(`heartbeat errors during the stall: ${[...new Set(heartbeatErrors)].join(', ')}; late commit: ${commitError}`);
      assert.ok(heartbeatErrors.includes('REBALANCE_IN_PROGRESS'), 'heartbeats said a rebalance is in progress');
      assert.ok(heartbeatErrors.includes('UNKNOWN_MEMBER_ID'), 'then that the member is gone');
      assert.equal(commitError, 'UNKNOWN_MEMBER_ID');
      assert.ok(stallPartition >= 0);
      // The group carries on: every record is consumed by the Java member (or the rejoined one).
      await java.until('Java consumed its share', (m) => m.records().length > 0);
    } finally {
      await java?.dispose();
      await slow.disconnect().catch(() => {});
      await admin.disconnect();
    }
  });
});
