// The per-partition gauge families, written straight to the exposition text. They are most of a
// large broker's scrape (1,000 partitions x 5 log gauges, and 4 lag gauges per group partition),
// and prom-client's generic path (a labels object hashed per set, re-flattened and re-escaped per
// render) costs a few microseconds per series; here one label string per partition (and per
// group partition) is built once per scrape and shared by its families. Gauges only: the lines
// are the same in the Prometheus text format and in OpenMetrics.
import { lagStatusCode } from '@tideline/observability';
import type { TopicManager } from '../topics.js';
import type { PartitionLagSample } from './consumer-lag.js';

interface Family {
  readonly name: string;
  readonly help: string;
  readonly lines: string[];
}

const LOG_FAMILIES = [
  ['tideline_log_size_bytes', 'Bytes of all segments of a partition\'s log'],
  ['tideline_log_segments', 'Segments of a partition\'s log'],
  ['tideline_log_start_offset', 'First offset a consumer may read (log start offset)'],
  ['tideline_log_end_offset', 'Next offset to be assigned (log end offset)'],
  ['tideline_log_high_watermark', 'Offsets below this are visible to consumers'],
] as const;

const LAG_FAMILIES = [
  ['tideline_consumer_group_committed_offset', 'The group\'s committed offset'],
  ['tideline_consumer_group_lag_records', 'High watermark minus the committed offset'],
  ['tideline_consumer_group_lag_seconds', 'Now minus the timestamp of the first record the group has not consumed (0 when caught up)'],
  ['tideline_consumer_group_partition_lag_status', 'Lag status of a partition: 0 OK, 1 WARN, 2 STALL, 3 STOP, 4 REWIND'],
] as const;

/** The names of the families rendered here (they are not in the prom-client registry). */
export const PARTITION_FAMILY_NAMES: readonly string[] = [...LOG_FAMILIES, ...LAG_FAMILIES].map(([n]) => n);

/** A label value escaped for the exposition formats (backslash, double quote, newline). */
export function escapeLabelValue(v: string): string {
  return /[\\"\n]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') : v;
}

const family = ([name, help]: readonly [string, string]): Family => ({ name, help, lines: [] });

/** The log and lag families as exposition text: families separated by `separator` (a blank line in the text format, none in OpenMetrics). */
export function renderPartitionFamilies(topics: TopicManager, lag: readonly PartitionLagSample[], separator: string): string {
  const logs = LOG_FAMILIES.map(family);
  const [size, segments, start, end, hw] = logs as [Family, Family, Family, Family, Family];
  for (const t of topics.list()) {
    const topic = `topic="${escapeLabelValue(t.name)}",partition="`;
    for (let p = 0; p < t.partitions; p++) {
      const log = topics.partitionLog(t.name, p);
      if (log === undefined) continue;
      const labels = `{${topic}${p}"} `;
      size.lines.push(size.name + labels + log.sizeInBytes);
      segments.lines.push(segments.name + labels + (log.segmentCount ?? 1));
      start.lines.push(start.name + labels + log.logStartOffset);
      end.lines.push(end.name + labels + log.logEndOffset);
      hw.lines.push(hw.name + labels + log.highWatermark);
    }
  }
  const lags = LAG_FAMILIES.map(family);
  const [committed, records, seconds, status] = lags as [Family, Family, Family, Family];
  const groupLabel = new Map<string, string>();
  for (const s of lag) {
    let g = groupLabel.get(s.group);
    if (g === undefined) {
      g = `{group="${escapeLabelValue(s.group)}",topic="`;
      groupLabel.set(s.group, g);
    }
    const labels = `${g}${escapeLabelValue(s.topic)}",partition="${s.partition}"} `;
    committed.lines.push(committed.name + labels + s.committedOffset);
    records.lines.push(records.name + labels + s.lag);
    if (s.lagSeconds !== null) seconds.lines.push(seconds.name + labels + s.lagSeconds);
    status.lines.push(status.name + labels + lagStatusCode(s.status));
  }
  const out: string[] = [];
  for (const f of [...logs, ...lags]) {
    const lines = f.lines.length === 0 ? '' : `\n${f.lines.join('\n')}`;
    out.push(`# HELP ${f.name} ${f.help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${f.name} gauge${lines}`);
  }
  return out.join(separator);
}
