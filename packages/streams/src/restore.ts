// Restoring a task's stores from their changelog topics, and the checkpoints of persistent stores
// (Kafka Streams' .checkpoint files, kept inside each store's database).
//
// On assignment, a persistent store whose database holds a checkpoint (the changelog offset it
// reflects, written on a clean close) is restored from that offset to the end; one without (a
// crash, a failed exactly-once transaction, a checkpoint outside the changelog's extent) is wiped
// and restored from the beginning, like the in-memory stores. After the restore the checkpoint is
// deleted: under exactly-once the database may hold writes of a transaction that is later aborted,
// so until the next clean close a new assignment rebuilds it from the changelog. Under
// at-least-once a checkpoint is also written after every commit (a crash then restores only the
// changelog written since; the records after the commit are processed again, as at-least-once allows).
import type { Admin, ClusterOptions } from '@tideline/client';
import { readToEnd, topicExtents } from '@tideline/dlq';
import type { Task } from './task.js';

type Isolation = 'read_uncommitted' | 'read_committed';

/** Restores the task's logged stores before it processes; returns the changelog records applied. */
export async function restoreTask(task: Task, cluster: ClusterOptions, admin: Admin, isolationLevel: Isolation): Promise<number> {
  const logs = task.changelogs();
  if (logs.length === 0) return 0;
  const partition = task.partition;
  const from: Array<{ topic: string; partition: number; offset: bigint }> = [];
  const withCheckpoint = logs.filter((l) => task.stores.get(l.store)!.checkpoint?.() != null);
  const extents = withCheckpoint.length === 0 ? [] : await topicExtents(admin, withCheckpoint.map((l) => l.topic), isolationLevel);
  for (const l of logs) {
    const store = task.stores.get(l.store)!;
    if (store.checkpoint === undefined) continue; // in memory: empty, restored from the start
    const cp = store.checkpoint();
    const ext = extents.find((e) => e.topic === l.topic && e.partition === partition);
    if (cp !== null && ext !== undefined && cp >= ext.start && cp <= ext.end) from.push({ topic: l.topic, partition, offset: cp });
    else store.wipe?.();
  }
  const byTopic = new Map(logs.map((l) => [l.topic, task.stores.get(l.store)!]));
  let n = 0;
  await readToEnd(cluster, [...byTopic.keys()], (r) => {
    if (r.key === null) return;
    byTopic.get(r.topic)!.restore(r.key, r.value, Number(r.timestamp));
    n++;
    task.restored++; // progress, visible while the restore runs
  }, { partitions: logs.map((l) => ({ topic: l.topic, partition })), from, isolationLevel, timeoutMs: 120_000 });
  // From here on the database changes without a checkpoint: a crash rebuilds it from the changelog.
  for (const l of logs) task.stores.get(l.store)!.writeCheckpoint?.(null);
  return n;
}

/**
 * After a commit (at-least-once) or the final commit of a clean close or revoke: records in each
 * persistent store of these tasks the end of its changelog partition (the last stable offset with
 * exactly-once), which its database now reflects (stores write their database and changelog
 * together, at the flush before each commit). An offset lower than the truth is harmless
 * (restoring re-applies records); so the end is read after the commit. One ListOffsets request.
 */
export async function checkpointTasks(tasks: Iterable<Task>, admin: Admin, isolationLevel: Isolation): Promise<void> {
  const targets: Array<{ write: (offset: bigint) => void; topic: string; partition: number }> = [];
  for (const t of tasks) {
    for (const l of t.changelogs()) {
      const store = t.stores.get(l.store)!;
      if (store.writeCheckpoint !== undefined) targets.push({ write: (o) => store.writeCheckpoint!(o), topic: l.topic, partition: t.partition });
    }
  }
  if (targets.length === 0) return;
  const ends = await admin.listOffsets(targets.map((x) => ({ topic: x.topic, partition: x.partition, spec: 'latest' as const })), { isolationLevel });
  for (const x of targets) {
    const end = ends.find((e) => e.topic === x.topic && e.partition === x.partition);
    if (end !== undefined && end.offset >= 0n) x.write(end.offset);
  }
}
