// Summaries of a Node process's --trace-gc output (the broker's log), shared by the GC probes.
import { readFileSync } from 'node:fs';

/** --trace-gc lines of the broker's log from byte `from` on: counts and the longest pauses. */
export function gcSince(logFile, from) {
  const text = readFileSync(logFile, 'utf8').slice(from);
  if (process.env.GC_LINES === '1') console.log(text);
  const out = { markCompacts: 0, scavenges: 0, maxMarkCompactMs: 0, markCompactMs: 0, maxScavengeMs: 0, reasons: {}, scavengeReasons: {} };
  for (const line of text.split('\n')) {
    const m = /ms: (Mark-Compact|Scavenge)[^,]*,(?: pooled: [\d.]+ MB,)? ([\d.]+) \/ [\d.]+ ms.*\)\s*([^()]*?)[;\s]*$/.exec(line);
    if (m === null) continue;
    const ms = Number(m[2]);
    if (m[1] === 'Scavenge') {
      out.scavenges++;
      const why = (m[3] ?? '').trim() || 'unknown';
      out.scavengeReasons[why] = (out.scavengeReasons[why] ?? 0) + 1;
      out.maxScavengeMs = Math.max(out.maxScavengeMs, ms);
    } else {
      out.markCompacts++;
      out.markCompactMs += ms;
      out.maxMarkCompactMs = Math.max(out.maxMarkCompactMs, ms);
      const why = (m[3] ?? '').trim() || 'unknown';
      out.reasons[why] = (out.reasons[why] ?? 0) + 1;
    }
  }
  out.markCompactMs = Math.round(out.markCompactMs * 10) / 10;
  return out;
}
