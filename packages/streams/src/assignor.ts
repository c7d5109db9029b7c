// The group assignor of a streams application: partitions are grouped into tasks (a
// sub-topology's source topics at one partition number) and a task's partitions always go to
// one member, so co-partitioned inputs meet in one task. Tasks are spread evenly and stay with
// their owner when possible; cooperative: a task moving between two live members is withheld for
// one round, until its owner has revoked it (unaffected tasks keep running).
import type { Assignor, GroupMember, TopicPartition } from '@tideline/client';

export function taskAssignor(taskOf: (topic: string, partition: number) => string | null): Assignor {
  return {
    name: 'tide-streams',
    protocol: 'cooperative',
    assign(members: readonly GroupMember[], partitionCounts: ReadonlyMap<string, number>): Map<string, TopicPartition[]> {
      const tasks = new Map<string, TopicPartition[]>();
      const topics = [...new Set(members.flatMap((m) => m.topics))].sort();
      for (const topic of topics) {
        const n = partitionCounts.get(topic) ?? 0;
        for (let partition = 0; partition < n; partition++) {
          const id = taskOf(topic, partition) ?? `${topic}:${partition}`;
          let list = tasks.get(id);
          if (list === undefined) tasks.set(id, (list = []));
          list.push({ topic, partition });
        }
      }
      const ids = [...members].map((m) => m.memberId).sort();
      const live = new Set(ids);
      const prevOwner = new Map<string, string>();
      for (const m of members) for (const tp of m.ownedPartitions) {
        const id = taskOf(tp.topic, tp.partition) ?? `${tp.topic}:${tp.partition}`;
        if (live.has(m.memberId)) prevOwner.set(id, m.memberId);
      }
      const taskIds = [...tasks.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      const max = Math.ceil(taskIds.length / Math.max(1, ids.length));
      const owned = new Map<string, string[]>(ids.map((id) => [id, []]));
      const left: string[] = [];
      for (const t of taskIds) {
        const p = prevOwner.get(t);
        if (p !== undefined && owned.get(p)!.length < max) owned.get(p)!.push(t);
        else left.push(t);
      }
      for (const t of left) {
        const target = ids.reduce((best, id) => (owned.get(id)!.length < owned.get(best)!.length ? id : best), ids[0]!);
        owned.get(target)!.push(t);
      }
      const out = new Map<string, TopicPartition[]>();
      for (const [member, list] of owned) {
        out.set(member, list.filter((t) => {
          const p = prevOwner.get(t);
          return p === undefined || p === member;
        }).flatMap((t) => tasks.get(t)!));
      }
      return out;
    },
  };
}
