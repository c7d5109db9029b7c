// Classic group liveness during a rebalance, against Tideline and Apache Kafka with the same raw
// requests (one connection per member; a member "dies" by closing it and going silent). Kafka's
// rule (ClassicGroupMember.hasSatisfiedHeartbeat): a member whose JoinGroup is parked counts as
// alive, so it is part of the next generation even when it died meanwhile; a known member that
// has not rejoined is removed when its session expires, and that completes the join.
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { Admin } from '../src/index.js';
import { Cluster, type Connection } from '../src/internal.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';

useApacheKafka();

const SESSION_MS = 6000;
const REBALANCE_MS = 30_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Joined {
  errorCode: number;
  generationId: number;
  memberId: string;
  leader: string;
  members: Array<{ memberId: string }>;
}

class Member {
  memberId = '';
  generationId = -1;
  private heartbeats: NodeJS.Timeout | null = null;
  private dead = false;
  private constructor(private readonly cluster: Cluster, private readonly conn: Connection, private readonly group: string) {}

  static async connect(bootstrap: string, group: string): Promise<Member> {
    const cluster = new Cluster({ bootstrap });
    const conn = await cluster.anyConnection();
    // A single broker is every group's coordinator once the offsets topic is there.
    for (let i = 0; ; i++) {
      const res = await conn.request(ApiKey.FindCoordinator, { key: group, keyType: 0, coordinatorKeys: [group] });
      const code = res.coordinators.length > 0 ? res.coordinators[0]!.errorCode : res.errorCode;
      if (code === ErrorCode.NONE) break;
      if (i > 100) throw new Error(`FindCoordinator: error ${code}`);
      await sleep(200);
    }
    return new Member(cluster, conn, group);
  }

  /** JoinGroup (again after MEMBER_ID_REQUIRED); resolves when the coordinator answers. */
  async join(): Promise<Joined> {
    for (;;) {
      const res = await this.conn.request(ApiKey.JoinGroup, {
        groupId: this.group, sessionTimeoutMs: SESSION_MS, rebalanceTimeoutMs: REBALANCE_MS, memberId: this.memberId,
        groupInstanceId: null, protocolType: 'liveness-test', protocols: [{ name: 'p', metadata: Buffer.alloc(0) }], reason: null,
      }, { timeoutMs: REBALANCE_MS + 10_000 });
      if (res.errorCode === ErrorCode.MEMBER_ID_REQUIRED) {
        this.memberId = res.memberId;
        continue;
      }
      // A fresh broker's offsets topic is still coming up.
      if ((res.errorCode === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS || res.errorCode === ErrorCode.COORDINATOR_NOT_AVAILABLE || res.errorCode === ErrorCode.NOT_COORDINATOR) && this.generationId < 0) {
        await sleep(200);
        continue;
      }
      assert.equal(res.errorCode, ErrorCode.NONE, `JoinGroup error ${res.errorCode}`);
      this.memberId = res.memberId;
      this.generationId = res.generationId;
      return res;
    }
  }

  async sync(assign: boolean, members: readonly string[] = []): Promise<number> {
    const res = await this.conn.request(ApiKey.SyncGroup, {
      groupId: this.group, generationId: this.generationId, memberId: this.memberId, groupInstanceId: null,
      protocolType: 'liveness-test', protocolName: 'p', assignments: assign ? members.map((memberId) => ({ memberId, assignment: Buffer.alloc(0) })) : [],
    }, { timeoutMs: REBALANCE_MS + 10_000 });
    return res.errorCode;
  }

  /** Heartbeats every second (errors such as REBALANCE_IN_PROGRESS are ignored: the test decides when to rejoin). */
  startHeartbeats(): void {
    this.heartbeats = setInterval(() => {
      void this.conn.request(ApiKey.Heartbeat, { groupId: this.group, generationId: this.generationId, memberId: this.memberId, groupInstanceId: null }).catch(() => undefined);
    }, 1000);
  }

  stopHeartbeats(): void {
    if (this.heartbeats !== null) clearInterval(this.heartbeats);
    this.heartbeats = null;
  }

  /** Goes silent: no heartbeat, connection closed (a parked JoinGroup stays parked at the coordinator). */
  async die(): Promise<void> {
    this.stopHeartbeats();
    if (this.dead) return;
    this.dead = true;
    await this.cluster.close().catch(() => undefined);
  }
}

/** A and B form a Stable generation; both heartbeat. */
async function stableGroup(bootstrap: string, group: string): Promise<[Member, Member]> {
  const a = await Member.connect(bootstrap, group);
  const b = await Member.connect(bootstrap, group);
  await a.join();
  assert.equal(await a.sync(true, [a.memberId]), 0);
  // B's join starts a rebalance; A's rejoin completes it.
  const bJoin = b.join();
  await sleep(500);
  const ja = await a.join();
  const jb = await bJoin;
  const leader = ja.leader === a.memberId ? a : b;
  const codes = await Promise.all([a.sync(leader === a, [a.memberId, b.memberId]), b.sync(leader === b, [a.memberId, b.memberId])]);
  assert.deepEqual(codes, [0, 0]);
  assert.equal(ja.generationId, jb.generationId);
  a.startHeartbeats();
  b.startHeartbeats();
  return [a, b];
}

async function membersOf(bootstrap: string, group: string): Promise<string[]> {
  const admin = new Admin({ bootstrap });
  try {
    const [d] = await admin.describeGroups([group]);
    return d!.members.map((m) => m.memberId).sort();
  } finally {
    await admin.close();
  }
}

bothBrokers('classic group: a member that dies with its JoinGroup parked is still in the next generation', { timeout: 90_000 }, async (b) => {
  const group = uniqueTopic('liveness-parked');
  const [a, m2] = await stableGroup(b.bootstrap, group);
  const c = await Member.connect(b.bootstrap, group);
  try {
    const cJoined = c.join();
    await sleep(1500);
    // A rejoins, then dies with its JoinGroup parked; B stays silent about the rebalance past A's session timeout.
    const aJoin = a.join().catch(() => null);
    await sleep(500);
    await a.die();
    await aJoin;
    await sleep(SESSION_MS + 3000);
    const started = Date.now();
    m2.stopHeartbeats();
    const bJoined = await m2.join();
    const joined = await cJoined;
    const waited = Date.now() - started;
    assert.equal(joined.generationId, bJoined.generationId);
    const members = await membersOf(b.bootstrap, group);
    console.log(`# [${b.kind}] join completed ${waited} ms after B rejoined; members ${members.length}`);
    assert.ok(members.includes(a.memberId), 'the dead member is part of the generation');
    assert.equal(members.length, 3);
  } finally {
    m2.stopHeartbeats();
    await a.die();
    await c.die();
    await m2.die();
  }
});

bothBrokers('classic group: a member that dies without rejoining is removed at its session timeout and the join completes', { timeout: 90_000 }, async (b) => {
  const group = uniqueTopic('liveness-silent');
  const [a, m2] = await stableGroup(b.bootstrap, group);
  const c = await Member.connect(b.bootstrap, group);
  try {
    await a.die();
    const died = Date.now();
    const cJoined = c.join();
    await sleep(500);
    m2.stopHeartbeats();
    const bJoined = await m2.join();
    const joined = await cJoined;
    const waited = Date.now() - died;
    assert.equal(joined.generationId, bJoined.generationId);
    const members = await membersOf(b.bootstrap, group);
    console.log(`# [${b.kind}] join completed ${waited} ms after A died; members ${members.length}`);
    assert.ok(!members.includes(a.memberId), 'the dead member is gone');
    assert.equal(members.length, 2);
    // Its last heartbeat was up to a second before it died; the rebalance timeout (30 s) plays no part.
    assert.ok(waited >= SESSION_MS - 1500 && waited < SESSION_MS + 5000, `waited ${waited} ms`);
  } finally {
    m2.stopHeartbeats();
    await a.die();
    await c.die();
    await m2.die();
  }
});
