// The server-side filter scan: reads the whole asked range (not a page of it), counts every record
// scanned, streams progress, matches and a final line as JSON lines, and stops at the scan limit
// or the result limit, or when the client goes away (cancel = abort the request). The last line
// says why it stopped and where each partition got to, so a scan cut by its limit can continue.
import { ApiError } from '../errors.js';
import { optInt, optOffset, optString, toJson, type Route } from '../http.js';
import { readRange, recordJson } from '../records.js';
import { parseFilter, partitionMarks, requestDecoder, whenDecoded } from './messages.js';
import { topicName } from './topics.js';

export const DEFAULT_SCAN_LIMIT = 1_000_000;
const MAX_SCAN_LIMIT = 100_000_000;
const PROGRESS_EVERY_MS = 250;

export type ScanLine =
  | { type: 'start'; topic: string; total: string; scanLimit: number; partitions: Array<{ partition: number; from: string; to: string }> }
  | { type: 'progress'; scanned: number; matched: number; total: string }
  | { type: 'match'; record: ReturnType<typeof recordJson> }
  | { type: 'done'; scanned: number; matched: number; total: string; reason: 'end' | 'scanLimit' | 'maxResults' | 'cancelled'; elapsedMs: number; next: Array<{ partition: number; offset: string }> };

export function scanRoutes(): Route[] {
  return [{
    method: 'GET', path: '/api/topics/:topic/scan',
    summary: 'filter scan over a whole range, streamed as JSON lines (start, progress, match, done): ?filter &partition &from (offset) &timestamp (ms) &scanLimit (records, default 1000000) &maxResults (default 100) &maxBytes &decode',
    handler: async ({ ctx, params, query, signal, res }) => {
      const topic = topicName(params.topic!);
      const decoder = requestDecoder(ctx, query);
      const pred = parseFilter(optString(query.get('filter'), 'filter'), decoder);
      const partition = optInt(query.get('partition'), 'partition', 0, 1_000_000);
      const fromOffset = optOffset(query.get('from'), 'from');
      const fromTs = optInt(query.get('timestamp'), 'timestamp', 0, Number.MAX_SAFE_INTEGER);
      if (fromOffset !== undefined && fromTs !== undefined) throw new ApiError('BAD_REQUEST', 'give from or timestamp, not both');
      const scanLimit = optInt(query.get('scanLimit'), 'scanLimit', 1, MAX_SCAN_LIMIT) ?? DEFAULT_SCAN_LIMIT;
      const maxResults = optInt(query.get('maxResults'), 'maxResults', 1, 10_000) ?? 100;
      const maxBytes = optInt(query.get('maxBytes'), 'maxBytes', 0, 1 << 20) ?? 16384;
      const marks = await partitionMarks(ctx, topic, partition);
      const starts = new Map<number, bigint>();
      if (fromTs !== undefined) {
        const found = await ctx.admin.listOffsets(marks.map((m) => ({ topic, partition: m.partition, spec: BigInt(fromTs) })));
        for (const f of found) starts.set(f.partition, f.offset < 0n ? marks.find((m) => m.partition === f.partition)!.end : f.offset);
      }
      const ranges = marks.map((m) => {
        let from = fromOffset ?? starts.get(m.partition) ?? m.start;
        if (from < m.start) from = m.start;
        if (from > m.end) from = m.end;
        return { topic, partition: m.partition, from, to: m.end };
      });
      const total = ranges.reduce((s, r) => s + (r.to - r.from), 0n);
      const next = new Map(ranges.map((r) => [r.partition, r.from]));
      const begun = Date.now();
      let scanned = 0;
      let matched = 0;
      let reason: 'end' | 'scanLimit' | 'maxResults' | 'cancelled' = 'end';
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      const send = (l: ScanLine): void => {
        res.write(toJson(l) + '\n');
      };
      send({ type: 'start', topic, total: total.toString(), scanLimit, partitions: ranges.map((r) => ({ partition: r.partition, from: r.from.toString(), to: r.to.toString() })) });
      let lastProgress = Date.now();
      const ended = await readRange({
        cluster: ctx.cluster, signal, ranges, maxPartitionBytes: 8 << 20,
        onRecords: (recs, r) => whenDecoded(decoder, recs, () => {
          let i = 0;
          for (; i < recs.length; i++) {
            if (scanned >= scanLimit) {
              reason = 'scanLimit';
              break;
            }
            const rec = recs[i]!;
            scanned++;
            if (pred(rec)) {
              matched++;
              send({ type: 'match', record: recordJson(rec, maxBytes, decoder) });
              if (matched >= maxResults) {
                reason = 'maxResults';
                i++;
                break;
              }
            }
          }
          if (i > 0) next.set(r.partition, recs[i - 1]!.offset + 1n);
          const now = Date.now();
          if (now - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now;
            send({ type: 'progress', scanned, matched, total: total.toString() });
          }
          return reason === 'end' ? true : 'stop';
        }),
      });
      if (ended === 'aborted') reason = 'cancelled';
      if (!res.destroyed) {
        send({ type: 'done', scanned, matched, total: total.toString(), reason, elapsedMs: Date.now() - begun, next: [...next].map(([partition, offset]) => ({ partition, offset: offset.toString() })) });
        res.end();
      }
      return undefined;
    },
  }];
}
