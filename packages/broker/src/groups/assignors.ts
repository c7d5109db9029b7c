// Server-side assignors for KIP-848 consumer groups (group.consumer.assignors): "uniform" (the
// default: balanced and sticky, keeping a member's partitions while it is within its quota) and
// "range" (per topic, consecutive partition ranges to members sorted by id, as the classic range
// assignor). Pure functions over ids; the group decides when to run them.

export interface AssignorMember {
  memberId: string;
  /** Topic ids the member subscribes to that exist. */
  topics: readonly string[];
  /** What the member owns now (topic id -> partitions); the uniform assignor keeps it where it can. */
  current: ReadonlyMap<string, ReadonlySet<number>>;
}

/** topic id -> partitions, per member id */
export type Assignment = Map<string, Map<string, number[]>>;

export interface Assignor {
  readonly name: string;
  assign(members: readonly AssignorMember[], partitionCounts: ReadonlyMap<string, number>): Assignment;
}

const byId = (a: AssignorMember, b: AssignorMember): number => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0);

function emptyAssignment(members: readonly AssignorMember[]): Assignment {
  return new Map(members.map((m) => [m.memberId, new Map<string, number[]>()]));
}

function add(a: Assignment, memberId: string, topicId: string, partition: number): void {
  const m = a.get(memberId)!;
  const list = m.get(topicId);
  if (list === undefined) m.set(topicId, [partition]);
  else list.push(partition);
}

export const rangeAssignor: Assignor = {
  name: 'range',
  assign(members, partitionCounts) {
    const out = emptyAssignment(members);
    const sorted = [...members].sort(byId);
    for (const [topicId, count] of partitionCounts) {
      const subs = sorted.filter((m) => m.topics.includes(topicId));
      if (subs.length === 0) continue;
      const per = Math.floor(count / subs.length);
      const extra = count % subs.length;
      let next = 0;
      subs.forEach((m, i) => {
        const n = per + (i < extra ? 1 : 0);
        for (let k = 0; k < n; k++) add(out, m.memberId, topicId, next++);
      });
    }
    return out;
  },
};

export const uniformAssignor: Assignor = {
  name: 'uniform',
  assign(members, partitionCounts) {
    const out = emptyAssignment(members);
    const sorted = [...members].sort(byId);
    const subscribers = new Map<string, AssignorMember[]>();
    for (const [topicId] of partitionCounts) subscribers.set(topicId, sorted.filter((m) => m.topics.includes(topicId)));
    // A member's fair share: each topic's partitions split among that topic's subscribers.
    const quota = new Map<string, number>();
    for (const m of sorted) {
      let q = 0;
      for (const t of m.topics) {
        const n = subscribers.get(t)?.length ?? 0;
        if (n > 0) q += (partitionCounts.get(t) ?? 0) / n;
      }
      quota.set(m.memberId, Math.ceil(q));
    }
    const count = new Map<string, number>(sorted.map((m) => [m.memberId, 0]));
    const taken = new Set<string>();
    // 1. Stickiness: keep current partitions up to the quota.
    for (const m of sorted) {
      for (const t of m.topics) {
        const owned = m.current.get(t);
        const total = partitionCounts.get(t);
        if (owned === undefined || total === undefined) continue;
        for (const p of [...owned].sort((a, b) => a - b)) {
          const key = `${t}:${p}`;
          if (p >= total || taken.has(key) || count.get(m.memberId)! >= quota.get(m.memberId)!) continue;
          taken.add(key);
          count.set(m.memberId, count.get(m.memberId)! + 1);
          add(out, m.memberId, t, p);
        }
      }
    }
    // 2. The rest goes to the least loaded subscriber (ties: the smaller member id).
    const topicIds = [...partitionCounts.keys()].sort();
    for (const t of topicIds) {
      const subs = subscribers.get(t)!;
      if (subs.length === 0) continue;
      for (let p = 0; p < partitionCounts.get(t)!; p++) {
        if (taken.has(`${t}:${p}`)) continue;
        let best = subs[0]!;
        for (const m of subs) if (count.get(m.memberId)! < count.get(best.memberId)!) best = m;
        count.set(best.memberId, count.get(best.memberId)! + 1);
        add(out, best.memberId, t, p);
      }
    }
    // 3. Balance: rounded-up quotas can leave one member two or more partitions ahead of another
    // that could take one; move partitions until no such pair remains.
    for (let guard = 0; guard < 100_000; guard++) {
      let moved = false;
      const order = [...sorted].sort((a, b) => count.get(b.memberId)! - count.get(a.memberId)! || byId(a, b));
      outer: for (const rich of order) {
        for (const poor of [...order].reverse()) {
          if (count.get(rich.memberId)! - count.get(poor.memberId)! <= 1) break;
          for (const [t, ps] of out.get(rich.memberId)!) {
            if (!poor.topics.includes(t) || ps.length === 0) continue;
            const p = ps.pop()!;
            add(out, poor.memberId, t, p);
            count.set(rich.memberId, count.get(rich.memberId)! - 1);
            count.set(poor.memberId, count.get(poor.memberId)! + 1);
            moved = true;
            break outer;
          }
        }
      }
      if (!moved) break;
    }
    for (const m of out.values()) for (const ps of m.values()) ps.sort((a, b) => a - b);
    return out;
  },
};

export const ASSIGNORS: ReadonlyMap<string, Assignor> = new Map([[uniformAssignor.name, uniformAssignor], [rangeAssignor.name, rangeAssignor]]);
