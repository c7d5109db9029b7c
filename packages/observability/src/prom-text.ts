// Reading the Prometheus text exposition format (what a /metrics endpoint serves), enough to sum
// counters: `name{labels} value [timestamp]` lines, comments skipped. And the rates between two
// scrapes of a broker's topic counters, for `tide plan --from-metrics`.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\S+)?\s*$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a text exposition (malformed lines are skipped, never thrown on). */
export function parsePrometheusText(text: string): Sample[] {
  const out: Sample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (m === null) continue;
    const labels: Record<string, string> = {};
    if (m[2] !== undefined) for (const l of m[2].matchAll(LABEL)) labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_s, c: string) => (c === 'n' ? '\n' : c));
    const value = m[3] === '+Inf' ? Infinity : m[3] === '-Inf' ? -Infinity : Number(m[3]);
    if (Number.isNaN(value) && m[3] !== 'NaN') continue;
    out.push({ name: m[1]!, labels, value });
  }
  return out;
}

/** The sum of a metric's samples over all label sets. */
export function sumMetric(samples: readonly Sample[], name: string): number {
  let s = 0;
  for (const x of samples) if (x.name === name) s += x.value;
  return s;
}

/** The broker's per-topic counters `tide plan --from-metrics` reads. */
export const BYTES_IN_METRIC = 'tideline_topic_bytes_in_total';
export const MESSAGES_IN_METRIC = 'tideline_topic_messages_in_total';
export const BYTES_OUT_METRIC = 'tideline_topic_bytes_out_total';

export interface ObservedRates {
  seconds: number;
  messagesPerSecond: number;
  bytesInPerSecond: number;
  bytesOutPerSecond: number;
  /** bytes in / messages in over the interval (0 when no message came in). */
  averageMessageBytes: number;
  /** Egress over ingress: the read fan-out seen (0 when nothing came in). */
  fanOut: number;
  /** The arithmetic, for the output. */
  steps: string[];
}

/** Rates between two scrapes `seconds` apart: the counters' increase summed over topics, divided by the interval. */
export function ratesBetween(first: readonly Sample[], second: readonly Sample[], seconds: number): ObservedRates {
  const d = (name: string): number => Math.max(0, sumMetric(second, name) - sumMetric(first, name));
  const msgs = d(MESSAGES_IN_METRIC);
  const bin = d(BYTES_IN_METRIC);
  const bout = d(BYTES_OUT_METRIC);
  const r = (x: number): string => String(Math.round(x * 1000) / 1000);
  const steps = [
    `messages/s = Δ sum(${MESSAGES_IN_METRIC}) ${msgs} / ${r(seconds)} s = ${r(msgs / seconds)}`,
    `bytes in/s = Δ sum(${BYTES_IN_METRIC}) ${bin} / ${r(seconds)} s = ${r(bin / seconds)}`,
    `average message = ${bin} B / ${msgs} messages = ${msgs === 0 ? 'n/a' : r(bin / msgs)} B`,
    `bytes out/s = Δ sum(${BYTES_OUT_METRIC}) ${bout} / ${r(seconds)} s = ${r(bout / seconds)} (fan-out ${bin === 0 ? 'n/a' : r(bout / bin)})`,
  ];
  return {
    seconds,
    messagesPerSecond: msgs / seconds,
    bytesInPerSecond: bin / seconds,
    bytesOutPerSecond: bout / seconds,
    averageMessageBytes: msgs === 0 ? 0 : bin / msgs,
    fanOut: bin === 0 ? 0 : bout / bin,
    steps,
  };
}
