// Summarises a V8 .cpuprofile (node --cpu-prof): self and inclusive time per function, and self
// time per area (our packages, Node internals, dependencies, GC, idle).
import { readFileSync } from 'node:fs';

function area(url, fn) {
  if (url === '') {
    if (fn === '(idle)') return 'idle';
    if (fn === '(garbage collector)') return 'GC';
    if (fn === '(program)') return 'V8/native (program)';
    if (fn === '(root)') return 'root';
    return 'native';
  }
  const pkg = /packages\/([^/]+)\//.exec(url);
  if (pkg && !url.includes('node_modules')) return `tideline/${pkg[1]}`;
  const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dep) return `dependency ${dep[1]}`;
  if (url.startsWith('node:')) return 'Node internals';
  return 'other';
}

function shortUrl(url) {
  const m = /(packages\/.*|node_modules\/.*|node:.*)$/.exec(url);
  return m ? m[1].replace(/^packages\/([^/]+)\/dist\//, '$1/') : url.split('/').slice(-2).join('/');
}

/** `window` ({ fromMs, toMs } after the profile's start) keeps only the samples taken under load. */
export function summarizeCpuProfile(file, top = 15, window = {}) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map();
  const parent = new Map();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const keyOf = (n) => {
    const cf = n.callFrame;
    const fn = cf.functionName || '(anonymous)';
    return cf.url === '' ? fn : `${fn} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
  };
  const self = new Map();
  const incl = new Map();
  const areas = new Map();
  let total = 0;
  let idle = 0;
  const from = window.fromMs ?? 0;
  const to = window.toMs ?? Infinity;
  let at = 0;
  for (let i = 0; i < p.samples.length; i++) {
    at += (p.timeDeltas[i] ?? 0) / 1000;
    if (at < from || at > to) continue;
    const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000; // ms attributed to this sample
    const n = byId.get(p.samples[i]);
    if (n === undefined) continue;
    total += dt;
    const k = keyOf(n);
    const a = area(n.callFrame.url, n.callFrame.functionName);
    if (a === 'idle') idle += dt;
    self.set(k, (self.get(k) ?? 0) + dt);
    areas.set(a, (areas.get(a) ?? 0) + dt);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id);
      const key = keyOf(node);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  }
  const busy = total - idle;
  const rank = (m, skip) => [...m].filter(([k]) => !skip(k)).sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), pctOfBusy: +((100 * ms) / busy).toFixed(1) }));
  const synthetic = (k) => k === '(idle)' || k === '(root)' || k === '(program)' || k === '(garbage collector)';
  return {
    wallMs: Math.round(total),
    busyMs: Math.round(busy),
    busyPct: +((100 * busy) / total).toFixed(1),
    areas: [...areas].filter(([a]) => a !== 'idle' && a !== 'root').sort((a, b) => b[1] - a[1])
      .map(([name, ms]) => ({ name, ms: Math.round(ms), pctOfBusy: +((100 * ms) / busy).toFixed(1) })),
    topSelf: rank(self, (k) => k === '(idle)' || k === '(root)'),
    topInclusive: rank(incl, (k) => synthetic(k) || /^\(anonymous\) node:internal\/(main|modules)/.test(k) || k.startsWith('processTicksAndRejections') || k.startsWith('listOnTimeout') || k.startsWith('processTimers')),
  };
}
