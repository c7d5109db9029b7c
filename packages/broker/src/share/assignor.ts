// The share-group assignor (KIP-932's "simple" assignor as Apache Kafka 4.4 runs it): balance
// first, then stickiness. Each topic is balanced on its own over the members subscribed to it:
//   - members <= partitions: every partition has one member, and members' counts differ by at
//     most one;
//   - members > partitions: every member has one partition, and partitions' member counts differ
//     by at most one (members share partitions).
// Stickiness: a member keeps what it had in the previous target as far as balance allows; the
// extra share left by an uneven division goes to those that already hold more.

export interface AssignorMember {
  memberId: string;
  /** Topic ids the member subscribes to. */
  topics: readonly string[];
  /** The member's previous target: topic id -> partitions. */
  current: ReadonlyMap<string, readonly number[]>;
}

/** memberId -> topicId -> sorted partitions; members in `members` order, topics in first-seen order. */
export type ShareAssignment = Map<string, Map<string, number[]>>;

/**
 * Assigns the partitions of each subscribed topic (`partitionCounts`: topic id -> partitions) over
 * `members`, whose order (join order) breaks ties.
 */
export function assignShareGroup(members: readonly AssignorMember[], partitionCounts: ReadonlyMap<string, number>): ShareAssignment {
  const out: ShareAssignment = new Map(members.map((m) => [m.memberId, new Map<string, number[]>()]));
  const topics: string[] = [];
  for (const m of members) for (const t of m.topics) if (!topics.includes(t)) topics.push(t);
  for (const topic of topics) {
    const parts = partitionCounts.get(topic) ?? 0;
    const subs = members.filter((m) => m.topics.includes(topic));
    if (parts <= 0 || subs.length === 0) continue;
    const held = subs.map((m) => (m.current.get(topic) ?? []).filter((p) => p >= 0 && p < parts));
    const holders = new Array<number>(parts).fill(0);
    for (const h of held) for (const p of h) holders[p]!++;
    // Quotas (partitions per member) and capacities (members per partition); both sum to max(M, P).
    const m = subs.length;
    const quota = new Array<number>(m).fill(m <= parts ? Math.floor(parts / m) : 1);
    const cap = new Array<number>(parts).fill(m <= parts ? 1 : Math.floor(m / parts));
    const byMost = (n: number, count: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => i).sort((a, b) => count(b) - count(a) || a - b);
    if (m <= parts) for (const i of byMost(m, (i) => held[i]!.length).slice(0, parts % m)) quota[i]!++;
    else for (const p of byMost(parts, (p) => holders[p]!).slice(0, m % parts)) cap[p]!++;
    const got: Array<Set<number>> = subs.map(() => new Set<number>());
    const give = (i: number, p: number): void => {
      got[i]!.add(p);
      quota[i]!--;
      cap[p]!--;
    };
    // Keep what balance allows, then fill the remaining quotas in partition order.
    for (let i = 0; i < m; i++) for (const p of [...held[i]!].sort((a, b) => a - b)) if (quota[i]! > 0 && cap[p]! > 0 && !got[i]!.has(p)) give(i, p);
    for (let i = 0; i < m; i++) for (let p = 0; p < parts && quota[i]! > 0; p++) if (cap[p]! > 0 && !got[i]!.has(p)) give(i, p);
    for (let i = 0; i < m; i++) if (got[i]!.size > 0) out.get(subs[i]!.memberId)!.set(topic, [...got[i]!].sort((a, b) => a - b));
  }
  return out;
}
