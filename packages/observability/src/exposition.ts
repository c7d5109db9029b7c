// Reading a Prometheus text exposition (version 0.0.4, which OpenMetrics' samples also parse as):
// the samples of a scrape, for tools that take their numbers from a metrics endpoint (`tide top
// --metrics URL`). Comment and TYPE/HELP lines are skipped; a malformed line is skipped rather
// than failing the scrape; a body is read only up to `maxBytes`.

export interface MetricSample {
  name: string;
  labels: Readonly<Record<string, string>>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;

function parseValue(s: string): number {
  if (s === '+Inf') return Number.POSITIVE_INFINITY;
  if (s === '-Inf') return Number.NEGATIVE_INFINITY;
  if (s === 'NaN') return Number.NaN;
  const n = Number(s);
  return s === '' ? Number.NaN : n;
}

/** One sample line, or null when it is not one. */
export function parseSampleLine(line: string): MetricSample | null {
  const m = NAME.exec(line);
  if (m === null) return null;
  const name = m[0];
  let i = name.length;
  const labels: Record<string, string> = {};
  if (line[i] === '{') {
    i++;
    for (;;) {
      while (line[i] === ' ' || line[i] === ',') i++;
      if (line[i] === '}') {
        i++;
        break;
      }
      const k = NAME.exec(line.slice(i));
      if (k === null) return null;
      i += k[0].length;
      if (line[i] !== '=' || line[i + 1] !== '"') return null;
      i += 2;
      let v = '';
      for (;;) {
        const c = line[i];
        if (c === undefined) return null;
        i++;
        if (c === '"') break;
        if (c === '\\') {
          const e = line[i++];
          v += e === 'n' ? '\n' : (e ?? '');
        } else {
          v += c;
        }
      }
      labels[k[0]] = v;
    }
  }
  const rest = line.slice(i).trim().split(/\s+/);
  if (rest.length === 0 || rest[0] === '') return null;
  const value = parseValue(rest[0]!);
  if (Number.isNaN(value) && rest[0] !== 'NaN') return null;
  return { name, labels, value };
}

/** Every sample of an exposition. */
export function parseExposition(text: string): MetricSample[] {
  const out: MetricSample[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const s = parseSampleLine(line);
    if (s !== null) out.push(s);
  }
  return out;
}

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
  return parseExposition(text);
}
