// Scraping a metrics endpoint for tools that take their numbers from one (`tide top --metrics
// URL`): GET with a size cap and a timeout, parsed with parsePrometheusText (prom-text.ts), and
// sums of samples filtered by labels.
import { parsePrometheusText, type Sample } from './prom-text.js';

export type MetricSample = Sample;

/** Sum of the samples of `name` whose labels include `labels`. */
export function sumSamples(samples: readonly MetricSample[], name: string, labels: Readonly<Record<string, string>> = {}): number {
  let sum = 0;
  for (const s of samples) {
    if (s.name !== name) continue;
    let ok = true;
    for (const k in labels) if (s.labels[k] !== labels[k]) ok = false;
    if (ok) sum += s.value;
  }
  return sum;
}

/** GETs a metrics endpoint and parses it (at most `maxBytes` of body, within `timeoutMs`). */
export async function scrape(url: string, opts: { timeoutMs?: number; maxBytes?: number } = {}): Promise<MetricSample[]> {
  const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 5000), headers: { accept: 'text/plain;version=0.0.4' } });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const max = opts.maxBytes ?? 64 * 1024 * 1024;
  const len = Number(res.headers.get('content-length') ?? '0');
  if (len > max) throw new Error(`${url}: ${len} bytes is more than ${max}`);
  const text = await res.text();
  if (text.length > max) throw new Error(`${url}: more than ${max} bytes`);
  return parsePrometheusText(text);
}
