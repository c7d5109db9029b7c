// Names of the retry and dead-letter topics, and their creation.
import { Admin } from '@tideline/client';

/** `1s`, `10s`, `1m`, `1h`, `250ms`: the label of a delay in a retry topic's name. */
export function delayLabel(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0 && ms > 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

export const defaultRetryTopic = (topic: string, delayMs: number): string => `${topic}.retry.${delayLabel(delayMs)}`;
export const defaultDlqTopic = (topic: string): string => `${topic}.dlq`;
/** The compacted ledger of replayed DLQ records. */
export const replayLedgerTopic = (dlqTopic: string): string => `${dlqTopic}.replayed`;
/** The compacted topic of poison-pill markers (one per cluster, keyed by group/topic/partition). */
export const DEFAULT_INFLIGHT_TOPIC = 'tide.dlq.inflight';

/**
 * Creates each derived topic with the partition count of its source (existing ones are left as
 * they are). `compacted` topics get cleanup.policy=compact.
 */
export async function ensureTopics(admin: Admin, wanted: ReadonlyArray<{ topic: string; source?: string; partitions?: number; compacted?: boolean }>): Promise<void> {
  if (wanted.length === 0) return;
  const existing = new Set(await admin.listTopics());
  const todo = wanted.filter((w) => !existing.has(w.topic));
  if (todo.length === 0) return;
  const sources = [...new Set(todo.map((w) => w.source).filter((s): s is string => s !== undefined))];
  const counts = new Map<string, number>();
  if (sources.length > 0) for (const d of await admin.describeTopics(sources)) counts.set(d.name, d.partitions.length);
  const seen = new Set<string>();
  const list = [];
  for (const w of todo) {
    if (seen.has(w.topic)) continue;
    seen.add(w.topic);
    const numPartitions = w.partitions ?? (w.source !== undefined ? counts.get(w.source) : undefined) ?? 1;
    list.push({ topic: w.topic, numPartitions, replicationFactor: -1, configs: w.compacted === true ? { 'cleanup.policy': 'compact' } : {} });
  }
  await admin.createTopics(list, { ignoreExisting: true });
}
