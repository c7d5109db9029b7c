// Client-side partition assignors of the classic group protocol. The group leader decodes every
// member's subscription and computes the assignment with the assignor the group chose; the names
// and semantics match the Java client's, so a group may mix Tideline and Java members:
// - `range` (eager): per topic, consecutive ranges to the members subscribed to it;
// - `roundrobin` (eager): all partitions, sorted, dealt out in turn;
// - `cooperative-sticky` (cooperative, KIP-429): balanced and sticky; a partition moving from one
//   member to another is withheld for one round (its owner revokes it and rejoins first).
// Member order follows Java's MemberInfo (static members by instance id first, then member id).
import { Reader, Writer, readConsumerProtocolAssignment, readConsumerProtocolSubscription, writeConsumerProtocolAssignment, writeConsumerProtocolSubscription } from '@tideline/protocol';
import { tpKey, type TopicPartition } from '../partitions.js';

export type RebalanceProtocol = 'eager' | 'cooperative';

export interface GroupMember {
  memberId: string;
  groupInstanceId: string | null;
  /** Topics the member subscribes to. */
  topics: string[];
  /** Partitions it owned in `generationId` (cooperative protocol). */
  ownedPartitions: TopicPartition[];
  /** The generation of `ownedPartitions`; -1 when unknown. */
  generationId: number;
  userData: Buffer | null;
  rackId: string | null;
}

export interface Assignor {
  /** Protocol name announced in JoinGroup, e.g. `range`. */
  readonly name: string;
  readonly protocol: RebalanceProtocol;
  /** Extra bytes for this member's subscription (e.g. the generation). */
  userData?(ctx: { generationId: number; owned: readonly TopicPartition[] }): Buffer | null;
  /** Partitions per member id. `partitionCounts` has every subscribed topic that exists. */
  assign(members: readonly GroupMember[], partitionCounts: ReadonlyMap<string, number>): Map<string, TopicPartition[]>;
}

/** Java's MemberInfo order. */
export function compareMembers(a: Pick<GroupMember, 'memberId' | 'groupInstanceId'>, b: Pick<GroupMember, 'memberId' | 'groupInstanceId'>): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) return cmp(a.groupInstanceId, b.groupInstanceId);
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return cmp(a.memberId, b.memberId);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const cmpTp = (a: TopicPartition, b: TopicPartition): number => cmp(a.topic, b.topic) || a.partition - b.partition;

function emptyAssignment(members: readonly GroupMember[]): Map<string, TopicPartition[]> {
  const out = new Map<string, TopicPartition[]>();
  for (const m of members) out.set(m.memberId, []);
  return out;
}

export const rangeAssignor: Assignor = {
  name: 'range',
  protocol: 'eager',
  assign(members, partitionCounts) {
    const out = emptyAssignment(members);
    const topics = [...new Set(members.flatMap((m) => m.topics))].sort(cmp);
    for (const topic of topics) {
      const n = partitionCounts.get(topic);
      if (n === undefined) continue;
      const consumers = members.filter((m) => m.topics.includes(topic)).sort(compareMembers);
      const per = Math.floor(n / consumers.length);
      const extra = n % consumers.length;
      consumers.forEach((m, i) => {
        const start = per * i + Math.min(i, extra);
        const length = per + (i + 1 > extra ? 0 : 1);
        for (let p = start; p < start + length; p++) out.get(m.memberId)!.push({ topic, partition: p });
      });
    }
    return out;
  },
};

export const roundRobinAssignor: Assignor = {
  name: 'roundrobin',
  protocol: 'eager',
  assign(members, partitionCounts) {
    const out = emptyAssignment(members);
    const sorted = [...members].sort(compareMembers);
    const topics = [...new Set(members.flatMap((m) => m.topics))].filter((t) => partitionCounts.has(t)).sort(cmp);
    let i = 0;
    for (const topic of topics) {
      for (let p = 0; p < partitionCounts.get(topic)!; p++) {
        // Next member (circularly) subscribed to the topic.
        for (let k = 0; k < sorted.length; k++) {
          const m = sorted[(i + k) % sorted.length]!;
          if (m.topics.includes(topic)) {
            out.get(m.memberId)!.push({ topic, partition: p });
            i = (i + k + 1) % sorted.length;
            break;
          }
        }
      }
    }
    return out;
  },
};

/**
 * Sticky and balanced: members keep the partitions they validly own (highest generation wins a
 * conflict), unowned partitions go to the least loaded eligible member, then partitions move from
 * the most to the least loaded until no eligible member has two fewer than another.
 */
export function stickyAssign(members: readonly GroupMember[], partitionCounts: ReadonlyMap<string, number>): { assignment: Map<string, TopicPartition[]>; previousOwner: Map<string, string> } {
  const order = [...members].sort(compareMembers);
  const subscribed = new Map<string, Set<string>>();
  for (const m of order) subscribed.set(m.memberId, new Set(m.topics.filter((t) => partitionCounts.has(t))));
  const owner = new Map<string, string>();
  const previousOwner = new Map<string, string>();
  const byMember = new Map<string, Map<string, TopicPartition>>();
  for (const m of order) byMember.set(m.memberId, new Map());

  // Ownership claims, newest generation first.
  const claimants = [...order].sort((a, b) => b.generationId - a.generationId);
  for (const m of claimants) {
    for (const tp of m.ownedPartitions) {
      const n = partitionCounts.get(tp.topic);
      if (n === undefined || tp.partition >= n) continue;
      const k = tpKey(tp.topic, tp.partition);
      if (previousOwner.has(k)) continue;
      previousOwner.set(k, m.memberId);
      if (!subscribed.get(m.memberId)!.has(tp.topic)) continue;
      owner.set(k, m.memberId);
      byMember.get(m.memberId)!.set(k, { topic: tp.topic, partition: tp.partition });
    }
  }

  const count = (id: string): number => byMember.get(id)!.size;
  const eligible = (topic: string): GroupMember[] => order.filter((m) => subscribed.get(m.memberId)!.has(topic));
  const leastLoaded = (topic: string, except?: string): GroupMember | undefined => {
    let best: GroupMember | undefined;
    for (const m of eligible(topic)) {
      if (m.memberId === except) continue;
      if (best === undefined || count(m.memberId) < count(best.memberId)) best = m;
    }
    return best;
  };

  // Unowned partitions.
  const topics = [...partitionCounts.keys()].filter((t) => order.some((m) => subscribed.get(m.memberId)!.has(t))).sort(cmp);
  for (const topic of topics) {
    for (let p = 0; p < partitionCounts.get(topic)!; p++) {
      const k = tpKey(topic, p);
      if (owner.has(k)) continue;
      const m = leastLoaded(topic);
      if (m === undefined) continue;
      owner.set(k, m.memberId);
      byMember.get(m.memberId)!.set(k, { topic, partition: p });
    }
  }

  // Balance: move one partition at a time from a loaded member to a member with >= 2 fewer.
  for (let guard = 0; guard < 100_000; guard++) {
    let moved = false;
    const loaded = [...order].sort((a, b) => count(b.memberId) - count(a.memberId) || compareMembers(a, b));
    for (const a of loaded) {
      const mine = [...byMember.get(a.memberId)!.entries()].sort((x, y) => cmpTp(y[1], x[1]));
      for (const [k, tp] of mine) {
        const b = leastLoaded(tp.topic, a.memberId);
        if (b === undefined || count(b.memberId) >= count(a.memberId) - 1) continue;
        byMember.get(a.memberId)!.delete(k);
        byMember.get(b.memberId)!.set(k, tp);
        owner.set(k, b.memberId);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) break;
  }

  const assignment = new Map<string, TopicPartition[]>();
  for (const m of order) assignment.set(m.memberId, [...byMember.get(m.memberId)!.values()].sort(cmpTp));
  return { assignment, previousOwner };
}

export const cooperativeStickyAssignor: Assignor = {
  name: 'cooperative-sticky',
  protocol: 'cooperative',
  // Java's CooperativeStickyAssignor user data: the generation as one int32.
  userData({ generationId }) {
    const b = Buffer.allocUnsafe(4);
    b.writeInt32BE(generationId, 0);
    return b;
  },
  assign(members, partitionCounts) {
    const withGen = members.map((m) => (m.generationId >= 0 || m.userData === null || m.userData.length < 4 ? m : { ...m, generationId: m.userData.readInt32BE(0) }));
    const { assignment, previousOwner } = stickyAssign(withGen, partitionCounts);
    // A partition changing owner is withheld until its previous owner revoked it.
    for (const [memberId, list] of assignment) {
      assignment.set(memberId, list.filter((tp) => {
        const prev = previousOwner.get(tpKey(tp.topic, tp.partition));
        return prev === undefined || prev === memberId;
      }));
    }
    return assignment;
  },
};

export const BUILTIN_ASSIGNORS: Readonly<Record<string, Assignor>> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  'cooperative-sticky': cooperativeStickyAssignor,
};

// ---- ConsumerProtocol (de)serialization: int16 version, then the struct ------------------------

const SUBSCRIPTION_VERSION = 3;
const ASSIGNMENT_VERSION = 3;

function groupByTopic(tps: readonly TopicPartition[]): Array<{ topic: string; partitions: number[] }> {
  const m = new Map<string, number[]>();
  for (const tp of tps) {
    let l = m.get(tp.topic);
    if (l === undefined) m.set(tp.topic, (l = []));
    l.push(tp.partition);
  }
  return [...m].map(([topic, partitions]) => ({ topic, partitions: partitions.sort((a, b) => a - b) }));
}

export function encodeSubscription(s: { topics: readonly string[]; userData: Buffer | null; owned: readonly TopicPartition[]; generationId: number; rackId: string | null }): Buffer {
  const w = new Writer(128);
  w.int16(SUBSCRIPTION_VERSION);
  writeConsumerProtocolSubscription(w, SUBSCRIPTION_VERSION, {
    topics: [...s.topics],
    userData: s.userData,
    ownedPartitions: groupByTopic(s.owned),
    generationId: s.generationId,
    rackId: s.rackId,
  });
  return w.toBuffer();
}

export function decodeSubscription(memberId: string, groupInstanceId: string | null, metadata: Buffer): GroupMember {
  const version = metadata.readInt16BE(0);
  const s = readConsumerProtocolSubscription(new Reader(metadata, 2), Math.min(version, SUBSCRIPTION_VERSION));
  return {
    memberId,
    groupInstanceId,
    topics: s.topics,
    ownedPartitions: s.ownedPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition }))),
    generationId: s.generationId,
    userData: s.userData,
    rackId: s.rackId,
  };
}

export function encodeAssignment(tps: readonly TopicPartition[], userData: Buffer | null = null): Buffer {
  const w = new Writer(64);
  w.int16(ASSIGNMENT_VERSION);
  writeConsumerProtocolAssignment(w, ASSIGNMENT_VERSION, { assignedPartitions: groupByTopic(tps), userData });
  return w.toBuffer();
}

export function decodeAssignment(buf: Buffer): TopicPartition[] {
  if (buf.length < 2) return [];
  const a = readConsumerProtocolAssignment(new Reader(buf, 2), Math.min(buf.readInt16BE(0), ASSIGNMENT_VERSION));
  return a.assignedPartitions.flatMap((t) => t.partitions.map((partition) => ({ topic: t.topic, partition })));
}
