// Group APIs over the wire with our own codecs: error codes as Kafka answers them, timers
// (session expiry, rebalance timeout), static membership, offsets admin and KIP-848 reconciliation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { withBroker, WireClient } from './wire-client.js';

const GROUPS = { initialRebalanceDelayMs: 0, minSessionTimeoutMs: 100 };
const meta = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

const join = (c: WireClient, group: string, memberId: string, o: { v?: number; instance?: string | null; session?: number; rebalance?: number; protocols?: string[] } = {}) =>
  c.send(ApiKey.JoinGroup, o.v ?? 7, {
    groupId: group, sessionTimeoutMs: o.session ?? 6000, rebalanceTimeoutMs: o.rebalance ?? 2000, memberId, groupInstanceId: o.instance ?? null,
    protocolType: 'consumer', protocols: (o.protocols ?? ['range']).map((name) => ({ name, metadata: meta })),
  });

const sync = (c: WireClient, group: string, memberId: string, generationId: number, assignments: Array<{ memberId: string; assignment: Buffer }> = []) =>
  c.send(ApiKey.SyncGroup, 5, { groupId: group, generationId, memberId, groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments });

const heartbeat = (c: WireClient, group: string, memberId: string, generationId: number, instance: string | null = null) =>
  c.send(ApiKey.Heartbeat, 4, { groupId: group, generationId, memberId, groupInstanceId: instance }).then((r) => r.errorCode);

test('FindCoordinator v0-v4: this node for groups and transactions, batched keys, bad key type', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    const v0 = await c.send(ApiKey.FindCoordinator, 0, { key: 'g' });
    assert.deepEqual([v0.errorCode, v0.nodeId, v0.port], [ErrorCode.NONE, 1, t.broker.port]);
    const v3 = await c.send(ApiKey.FindCoordinator, 3, { key: 'tx', keyType: 1 });
    assert.equal(v3.nodeId, 1);
    const v4 = await c.send(ApiKey.FindCoordinator, 4, { keyType: 0, coordinatorKeys: ['a', 'b'] });
    assert.deepEqual(v4.coordinators.map((x) => [x.key, x.nodeId, x.errorCode]), [['a', 1, 0], ['b', 1, 0]]);
    const bad = await c.send(ApiKey.FindCoordinator, 4, { keyType: 7, coordinatorKeys: ['a'] });
    assert.equal(bad.coordinators[0]!.errorCode, ErrorCode.INVALID_REQUEST);
  }, { groups: GROUPS });
});

test('classic group: MEMBER_ID_REQUIRED, generations, leader, sync, heartbeats during a rebalance, errors', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    assert.equal((await join(c, '', '')).errorCode, ErrorCode.INVALID_GROUP_ID);
    assert.equal((await join(c, 'g', '', { session: 10 })).errorCode, ErrorCode.INVALID_SESSION_TIMEOUT);
    assert.equal((await join(c, 'nope', 'someone')).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    const first = await join(c, 'g', '');
    assert.equal(first.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
    const a = await join(c, 'g', first.memberId);
    assert.deepEqual([a.errorCode, a.generationId, a.leader, a.protocolName, a.members.length], [ErrorCode.NONE, 1, first.memberId, 'range', 1]);
    // v3 has no MEMBER_ID_REQUIRED step.
    assert.equal((await join(c, 'g', '', { protocols: ['other'], v: 3 })).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    assert.equal((await sync(c, 'g', a.memberId, 7)).errorCode, ErrorCode.ILLEGAL_GENERATION);
    const s = await sync(c, 'g', a.memberId, 1, [{ memberId: a.memberId, assignment: Buffer.from('A') }]);
    assert.deepEqual([s.errorCode, s.assignment.toString()], [ErrorCode.NONE, 'A']);
    assert.equal(await heartbeat(c, 'g', a.memberId, 1), ErrorCode.NONE);
    assert.equal(await heartbeat(c, 'g', 'ghost', 1), ErrorCode.UNKNOWN_MEMBER_ID);
    assert.equal(await heartbeat(c, 'g', a.memberId, 0), ErrorCode.ILLEGAL_GENERATION);

    // A second member joins: the JoinGroup waits until the first rejoins.
    const c2 = await WireClient.connect(t.broker.port);
    const bId = (await join(c2, 'g', '')).memberId;
    const bJoin = join(c2, 'g', bId);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(t.broker.broker.groups.classic('g')!.state, 'PreparingRebalance');
    assert.equal(await heartbeat(c, 'g', a.memberId, 1), ErrorCode.REBALANCE_IN_PROGRESS);
    const a2 = await join(c, 'g', a.memberId);
    const b2 = await bJoin;
    assert.equal(a2.generationId, 2);
    assert.equal(b2.generationId, 2);
    assert.equal(a2.members.length + b2.members.length, 2, 'only the leader gets the member list');
    // OffsetCommit during CompletingRebalance: REBALANCE_IN_PROGRESS; simple commits to a non-empty group: UNKNOWN_MEMBER_ID.
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 't', numPartitions: 2, replicationFactor: 1 }] });
    const commit = (memberId: string, gen: number) => c.send(ApiKey.OffsetCommit, 8, {
      groupId: 'g', generationIdOrMemberEpoch: gen, memberId, groupInstanceId: null,
      topics: [{ name: 't', partitions: [{ partitionIndex: 0, committedOffset: 5n, committedMetadata: 'm' }, { partitionIndex: 9, committedOffset: 1n }] }],
    }).then((r) => r.topics[0]!.partitions.map((p) => p.errorCode));
    assert.deepEqual(await commit(a.memberId, 2), [ErrorCode.REBALANCE_IN_PROGRESS, ErrorCode.REBALANCE_IN_PROGRESS]);
    const leader = a2.members.length > 0 ? a.memberId : bId;
    const syncs = await Promise.all([sync(c, 'g', a.memberId, 2, leader === a.memberId ? [{ memberId: bId, assignment: Buffer.from('B') }] : []),
      sync(c2, 'g', bId, 2, leader === bId ? [{ memberId: bId, assignment: Buffer.from('B') }] : [])]);
    assert.deepEqual(syncs.map((x) => x.assignment.toString()), ['', 'B']);
    assert.deepEqual(await commit(a.memberId, 2), [ErrorCode.NONE, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION]);
    assert.deepEqual(await commit('', -1), [ErrorCode.UNKNOWN_MEMBER_ID, ErrorCode.UNKNOWN_MEMBER_ID]);
    assert.deepEqual(await commit(a.memberId, 1), [ErrorCode.ILLEGAL_GENERATION, ErrorCode.ILLEGAL_GENERATION]);

    // Admin: DeleteGroups refuses a non-empty group; ListGroups filters; DescribeGroups shows members.
    const del = await c.send(ApiKey.DeleteGroups, 2, { groupsNames: ['g', 'unknown'] });
    assert.deepEqual(del.results.map((r) => r.errorCode), [ErrorCode.NON_EMPTY_GROUP, ErrorCode.GROUP_ID_NOT_FOUND]);
    const listed = await c.send(ApiKey.ListGroups, 5, { statesFilter: ['stable'], typesFilter: ['classic'] });
    assert.deepEqual(listed.groups.map((g) => [g.groupId, g.groupState, g.groupType]), [['g', 'Stable', 'classic']]);
    assert.equal((await c.send(ApiKey.ListGroups, 5, { statesFilter: ['Empty'] })).groups.length, 0);
    const d = await c.send(ApiKey.DescribeGroups, 5, { groups: ['g', 'nope'] });
    assert.deepEqual([d.groups[0]!.groupState, d.groups[0]!.protocolData, d.groups[0]!.members.length, d.groups[1]!.groupState], ['Stable', 'range', 2, 'Dead']);
    // v6 (KIP-1043): the unknown group is GROUP_ID_NOT_FOUND, with a message.
    const d6 = await c.send(ApiKey.DescribeGroups, 6, { groups: ['g', 'nope'] });
    assert.deepEqual(d6.groups.map((g) => [g.errorCode, g.groupState]), [[ErrorCode.NONE, 'Stable'], [ErrorCode.GROUP_ID_NOT_FOUND, 'Dead']]);
    assert.match(d6.groups[1]!.errorMessage ?? '', /nope/);

    // LeaveGroup v3+ with a batch: one known, one unknown.
    const left = await c.send(ApiKey.LeaveGroup, 5, { groupId: 'g', members: [{ memberId: bId, groupInstanceId: null }, { memberId: 'ghost', groupInstanceId: null }] });
    assert.deepEqual(left.members.map((m) => m.errorCode), [ErrorCode.NONE, ErrorCode.UNKNOWN_MEMBER_ID]);
    assert.equal(await heartbeat(c, 'g', a.memberId, 2), ErrorCode.REBALANCE_IN_PROGRESS);
    const a3 = await join(c, 'g', a.memberId);
    assert.deepEqual([a3.generationId, a3.leader], [3, a.memberId]);
    assert.equal((await c.send(ApiKey.LeaveGroup, 0, { groupId: 'g', memberId: a.memberId })).errorCode, ErrorCode.NONE);
    assert.equal(t.broker.broker.groups.classic('g')!.state, 'Empty');
    c2.close();

    // Offsets: v8 multi-group fetch, OffsetDelete, DeleteGroups once empty.
    const f = await c.send(ApiKey.OffsetFetch, 8, { groups: [{ groupId: 'g', topics: null }, { groupId: 'none', topics: [{ name: 't', partitionIndexes: [1] }] }], requireStable: true });
    assert.deepEqual(f.groups[0]!.topics.map((x) => [x.name, x.partitions.map((p) => [p.partitionIndex, p.committedOffset, p.metadata])]), [['t', [[0, 5n, 'm']]]]);
    assert.equal(f.groups[1]!.topics[0]!.partitions[0]!.committedOffset, -1n);
    // v2-v7 with a null topic list answer every committed offset too (regression: they answered none).
    for (const v of [2, 5, 7]) {
      const all = await c.send(ApiKey.OffsetFetch, v, { groupId: 'g', topics: null });
      assert.deepEqual(all.topics.map((x) => [x.name, x.partitions.map((p) => [p.partitionIndex, p.committedOffset])]), [['t', [[0, 5n]]]], `v${v}`);
    }
    const od = await c.send(ApiKey.OffsetDelete, 0, { groupId: 'g', topics: [{ name: 't', partitions: [{ partitionIndex: 0 }] }] });
    assert.deepEqual([od.errorCode, od.topics[0]!.partitions[0]!.errorCode], [ErrorCode.NONE, ErrorCode.NONE]);
    assert.equal((await c.send(ApiKey.OffsetFetch, 5, { groupId: 'g', topics: null })).topics.length, 0);
    assert.equal((await c.send(ApiKey.DeleteGroups, 2, { groupsNames: ['g'] })).results[0]!.errorCode, ErrorCode.NONE);
    assert.equal((await c.send(ApiKey.OffsetDelete, 0, { groupId: 'g', topics: [] })).errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
  }, { groups: GROUPS });
});

test('session timeout removes a silent member; a member that does not rejoin in time is dropped', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    const a = await join(c, 's', '', { v: 3, session: 300, rebalance: 400 });
    await sync(c, 's', a.memberId, 1);
    const b = await join(c, 's', '', { v: 3, session: 300, rebalance: 400 });
    // `a` never rejoins: after the rebalance timeout the generation completes without it.
    assert.deepEqual([b.errorCode, b.generationId, b.leader], [ErrorCode.NONE, 2, b.memberId]);
    assert.equal(t.broker.broker.groups.classic('s')!.members.size, 1);
    await sync(c, 's', b.memberId, 2);
    await new Promise((r) => setTimeout(r, 700));
    // No heartbeats: the session expired and the group went back to Empty.
    assert.equal(t.broker.broker.groups.classic('s')!.state, 'Empty');
    assert.equal(await heartbeat(c, 's', b.memberId, 2), ErrorCode.UNKNOWN_MEMBER_ID);
  }, { groups: GROUPS });
});

test('static membership: a restarted instance replaces the old member, which is fenced', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    const a = await join(c, 'st', '', { instance: 'i-1' });
    assert.equal(a.errorCode, ErrorCode.NONE, 'static members skip MEMBER_ID_REQUIRED');
    await sync(c, 'st', a.memberId, 1, [{ memberId: a.memberId, assignment: Buffer.from('X') }]);
    const again = await join(c, 'st', '', { instance: 'i-1' });
    assert.equal(again.errorCode, ErrorCode.NONE);
    assert.notEqual(again.memberId, a.memberId);
    assert.equal(again.generationId, 1, 'no rebalance for an unchanged static member');
    assert.equal(await heartbeat(c, 'st', a.memberId, 1, 'i-1'), ErrorCode.FENCED_INSTANCE_ID);
    assert.equal((await sync(c, 'st', again.memberId, 1)).assignment.toString(), 'X', 'the new instance keeps the assignment');
    const left = await c.send(ApiKey.LeaveGroup, 4, { groupId: 'st', members: [{ memberId: '', groupInstanceId: 'i-1' }] });
    assert.equal(left.members[0]!.errorCode, ErrorCode.NONE);
  }, { groups: GROUPS });
});

test('offsets of empty groups expire after the retention; simple commits create a group', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'x', numPartitions: 1, replicationFactor: 1 }] });
    const r = await c.send(ApiKey.OffsetCommit, 2, { groupId: 'simple', generationIdOrMemberEpoch: -1, memberId: '', retentionTimeMs: -1n, topics: [{ name: 'x', partitions: [{ partitionIndex: 0, committedOffset: 3n }] }] });
    assert.equal(r.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
    assert.ok(t.broker.broker.topics.get('__consumer_offsets')?.internal, 'the offsets topic exists once written');
    assert.equal(t.broker.broker.topics.get('__consumer_offsets')?.configs['cleanup.policy'], 'compact');
    assert.equal(await t.broker.broker.groups.expireOffsets(), 0);
    await new Promise((res) => setTimeout(res, 250));
    assert.equal(await t.broker.broker.groups.expireOffsets(), 1);
    assert.equal(t.broker.broker.groups.get('simple'), undefined, 'a group with no offsets and no members goes away');
    await t.restart();
    assert.equal(t.broker.broker.groups.get('simple'), undefined, 'the expiry is durable');
  }, { groups: { ...GROUPS, offsetsRetentionMs: 200 } });
});

test('KIP-848: join, revoke before assign, ConsumerGroupDescribe, leave', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'kt', numPartitions: 4, replicationFactor: 1 }] });
    const topicId = t.broker.broker.topics.get('kt')!.topicId;
    const hb = (memberId: string, memberEpoch: number, owned: number[] | null, first = false) => c.send(ApiKey.ConsumerGroupHeartbeat, 0, {
      groupId: 'cg', memberId, memberEpoch, instanceId: null, rackId: null, rebalanceTimeoutMs: first ? 5000 : -1,
      subscribedTopicNames: first ? ['kt'] : null, serverAssignor: null, topicPartitions: owned === null ? null : [{ topicId, partitions: owned }],
    });
    const parts = (r: { assignment: { topicPartitions: Array<{ partitions: number[] }> } | null }) => r.assignment?.topicPartitions.flatMap((x) => x.partitions) ?? null;
    assert.equal((await hb('m1', 0, [], false)).errorCode, ErrorCode.INVALID_REQUEST, 'a join needs a subscription');
    const a = await hb('m1', 0, [], true);
    assert.deepEqual([a.errorCode, a.memberEpoch, parts(a)], [ErrorCode.NONE, 1, [0, 1, 2, 3]]);
    const b = await hb('m2', 0, [], true);
    assert.deepEqual([b.memberEpoch, parts(b)], [2, []], 'nothing until m1 releases its partitions');
    const a2 = await hb('m1', 1, [0, 1, 2, 3]);
    assert.deepEqual([a2.memberEpoch, parts(a2)], [1, [0, 1]], 'm1 keeps its epoch while revoking');
    assert.deepEqual(parts(await hb('m2', 2, [])), null, 'still unreleased');
    const a3 = await hb('m1', 1, [0, 1]);
    assert.equal(a3.memberEpoch, 2);
    const b2 = await hb('m2', 2, []);
    assert.deepEqual(parts(b2), [2, 3]);
    assert.equal((await hb('m1', 5, [0, 1])).errorCode, ErrorCode.FENCED_MEMBER_EPOCH);
    assert.equal((await hb('ghost', 1, [])).errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
    const d = await c.send(ApiKey.ConsumerGroupDescribe, 0, { groupIds: ['cg', 'nope'] });
    assert.deepEqual([d.groups[0]!.groupState, d.groups[0]!.groupEpoch, d.groups[0]!.assignorName, d.groups[0]!.members.length], ['Stable', 2, 'uniform', 2]);
    assert.equal(d.groups[1]!.errorCode, ErrorCode.GROUP_ID_NOT_FOUND);
    // A classic JoinGroup cannot take a non-empty consumer group.
    assert.equal((await join(c, 'cg', '')).errorCode, ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    // Offsets: member epoch checks.
    const commit = (memberId: string, epoch: number) => c.send(ApiKey.OffsetCommit, 9, {
      groupId: 'cg', generationIdOrMemberEpoch: epoch, memberId, topics: [{ name: 'kt', partitions: [{ partitionIndex: 0, committedOffset: 1n }] }],
    }).then((r) => r.topics[0]!.partitions[0]!.errorCode);
    assert.equal(await commit('m1', 2), ErrorCode.NONE);
    assert.equal(await commit('m1', 1), ErrorCode.STALE_MEMBER_EPOCH);
    const leave = await hb('m2', -1, null);
    assert.deepEqual([leave.errorCode, leave.memberEpoch], [ErrorCode.NONE, -1]);
    const a4 = await hb('m1', 2, [0, 1]);
    assert.deepEqual([a4.memberEpoch, parts(a4)], [3, [0, 1, 2, 3]]);
  }, { groups: GROUPS });
});

test('group records bring members back after a restart: classic generation, leader, assignments, static fencing; KIP-848 member epochs', async () => {
  await withBroker(async (t) => {
    let c = t.client;
    await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 1000, topics: [{ name: 'rt', numPartitions: 2, replicationFactor: 1 }] });
    const topicId = t.broker.broker.topics.get('rt')!.topicId;
    // Classic: a static member and a dynamic one with a short session, generation 2, assignments set.
    const a = await join(c, 'cg1', '', { instance: 'i-1' });
    await sync(c, 'cg1', a.memberId, 1, [{ memberId: a.memberId, assignment: Buffer.from('A1') }]);
    const c2 = await WireClient.connect(t.broker.port);
    const bId = (await join(c2, 'cg1', '', { session: 800 })).memberId;
    const bJoin = join(c2, 'cg1', bId, { session: 800 });
    const a2 = await join(c, 'cg1', a.memberId, { instance: 'i-1' });
    const b2 = await bJoin;
    assert.deepEqual([a2.generationId, b2.generationId, a2.leader], [2, 2, a.memberId]);
    const assignments = [{ memberId: a.memberId, assignment: Buffer.from('A') }, { memberId: bId, assignment: Buffer.from('B') }];
    await Promise.all([sync(c, 'cg1', a.memberId, 2, assignments), sync(c2, 'cg1', bId, 2)]);
    c2.close();
    // KIP-848: one member at epoch 1 owning both partitions.
    const hb = (client: WireClient, memberId: string, memberEpoch: number, owned: number[], first = false) => client.send(ApiKey.ConsumerGroupHeartbeat, 0, {
      groupId: 'kg', memberId, memberEpoch, instanceId: null, rackId: null, rebalanceTimeoutMs: first ? 5000 : -1,
      subscribedTopicNames: first ? ['rt'] : null, serverAssignor: null, topicPartitions: [{ topicId, partitions: owned }],
    });
    assert.equal((await hb(c, 'm1', 0, [], true)).memberEpoch, 1);
    assert.equal((await hb(c, 'm1', 1, [0, 1])).errorCode, ErrorCode.NONE);

    await t.restart();
    c = t.client;
    const g = t.broker.broker.groups.classic('cg1')!;
    assert.deepEqual([g.state, g.generationId, g.leaderId, g.protocolName, g.members.size], ['Stable', 2, a.memberId, 'range', 2]);
    assert.equal(await heartbeat(c, 'cg1', a.memberId, 2, 'i-1'), ErrorCode.NONE, 'the static member carries on in its generation');
    assert.equal((await sync(c, 'cg1', a.memberId, 2)).assignment.toString(), 'A', 'with its assignment');
    const d = await c.send(ApiKey.DescribeGroups, 5, { groups: ['cg1'] });
    assert.deepEqual(d.groups[0]!.members.map((m) => [m.memberId, m.groupInstanceId, m.memberAssignment.toString()]).sort(),
      [[a.memberId, 'i-1', 'A'], [bId, null, 'B']].sort());
    const k = t.broker.broker.groups.get('kg');
    assert.ok(k?.type === 'consumer' && k.members.get('m1')?.memberEpoch === 1);
    const after = await hb(c, 'm1', 1, [0, 1]);
    assert.deepEqual([after.errorCode, after.memberEpoch], [ErrorCode.NONE, 1], 'the KIP-848 member is known at its epoch');
    // The dynamic member never comes back: its restored session expires and the group rebalances.
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(g.state, 'PreparingRebalance');
    assert.ok(!g.members.has(bId));
    // A static replacement is recorded too: after another restart the old member id stays fenced.
    const a3 = await join(c, 'cg1', a.memberId, { instance: 'i-1' });
    assert.equal(a3.generationId, 3);
    await sync(c, 'cg1', a.memberId, 3, [{ memberId: a.memberId, assignment: Buffer.from('A3') }]);
    const replaced = await join(c, 'cg1', '', { instance: 'i-1' });
    assert.deepEqual([replaced.errorCode, replaced.generationId], [ErrorCode.NONE, 3]);
    await t.restart();
    c = t.client;
    assert.equal(await heartbeat(c, 'cg1', a.memberId, 3, 'i-1'), ErrorCode.FENCED_INSTANCE_ID);
    assert.equal(await heartbeat(c, 'cg1', replaced.memberId, 3, 'i-1'), ErrorCode.NONE);
    assert.equal((await sync(c, 'cg1', replaced.memberId, 3)).assignment.toString(), 'A3');
  }, { groups: GROUPS });
});

test('a new member whose first JoinGroup stays parked past the new-member join timeout is removed (Kafka: 5 min); the known members rebalance without it', async () => {
  await withBroker(async (t) => {
    const c = t.client;
    const first = async (w: WireClient, group: string) => {
      const r = await join(w, group, '', { rebalance: 10_000 });
      assert.equal(r.errorCode, ErrorCode.MEMBER_ID_REQUIRED);
      return join(w, group, r.memberId, { rebalance: 10_000 });
    };
    const a = await first(c, 'nm');
    assert.equal(a.errorCode, ErrorCode.NONE);
    assert.equal((await sync(c, 'nm', a.memberId, a.generationId, [{ memberId: a.memberId, assignment: Buffer.alloc(0) }])).errorCode, ErrorCode.NONE);
    // A new member joins; A (alive, session 6 s) does not rejoin, so the join stays open.
    const c2 = await WireClient.connect(t.broker.port);
    try {
      const started = Date.now();
      const n = await first(c2, 'nm');
      const waited = Date.now() - started;
      assert.equal(n.errorCode, ErrorCode.UNKNOWN_MEMBER_ID);
      assert.ok(waited >= 900 && waited < 5000, `answered after ${waited} ms`);
      assert.equal(await heartbeat(c, 'nm', a.memberId, a.generationId), ErrorCode.REBALANCE_IN_PROGRESS);
      const again = await join(c, 'nm', a.memberId, { rebalance: 10_000 });
      assert.equal(again.errorCode, ErrorCode.NONE);
      assert.equal(again.generationId, a.generationId + 1);
      assert.deepEqual(again.members.map((m) => m.memberId), [a.memberId]);
    } finally {
      c2.close();
    }
  }, { groups: { ...GROUPS, newMemberJoinTimeoutMs: 1000 } });
});

test('topic ids in group offsets (KIP-1319): OffsetCommit v10 and OffsetFetch v10 name topics by id; unknown ids are UNKNOWN_TOPIC_ID', async () => {
  await withBroker(async ({ client: c }) => {
    const created = await c.send(ApiKey.CreateTopics, 7, { topics: [{ name: 'ids', numPartitions: 2, replicationFactor: -1 }], timeoutMs: 1000 });
    const topicId = created.topics[0]!.topicId;
    const ghost = 'AAAAAAAAAAAAAAAAAAAAAQ';
    const commit = await c.send(ApiKey.OffsetCommit, 10, {
      groupId: 'gid', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
      topics: [
        { topicId, partitions: [{ partitionIndex: 0, committedOffset: 7n, committedLeaderEpoch: -1, committedMetadata: 'm' }] },
        { topicId: ghost, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] },
      ],
    });
    assert.deepEqual(commit.topics.map((t) => [t.topicId, t.partitions[0]!.errorCode]), [[topicId, ErrorCode.NONE], [ghost, ErrorCode.UNKNOWN_TOPIC_ID]]);
    const byId = await c.send(ApiKey.OffsetFetch, 10, { groups: [{ groupId: 'gid', topics: [{ topicId, partitionIndexes: [0, 1] }, { topicId: ghost, partitionIndexes: [0] }] }], requireStable: false });
    assert.deepEqual(byId.groups[0]!.topics.map((t) => [t.topicId, t.partitions.map((p) => [p.committedOffset, p.errorCode])]), [
      [topicId, [[7n, ErrorCode.NONE], [-1n, ErrorCode.NONE]]], [ghost, [[-1n, ErrorCode.UNKNOWN_TOPIC_ID]]],
    ]);
    const all = await c.send(ApiKey.OffsetFetch, 10, { groups: [{ groupId: 'gid', topics: null }], requireStable: false });
    assert.deepEqual(all.groups[0]!.topics.map((t) => [t.topicId, t.partitions.map((p) => p.committedOffset)]), [[topicId, [7n]]]);
    // The same offsets by name at v9.
    const byName = await c.send(ApiKey.OffsetFetch, 9, { groups: [{ groupId: 'gid', memberId: null, memberEpoch: -1, topics: [{ name: 'ids', partitionIndexes: [0] }] }], requireStable: false });
    assert.equal(byName.groups[0]!.topics[0]!.partitions[0]!.committedOffset, 7n);
  });
});
