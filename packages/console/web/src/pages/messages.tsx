// Messages of a topic: browse (newest / from an offset / from a time), the server-side filter scan
// with progress and cancel, live tail, record detail (decoded, copy as JSON, full download), range
// download and produce. Everything the user sets is in the URL.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { ErrorBox, Field, Loading } from '../components';
import { ENCODINGS, fmtNum, fmtTime, preview, recordForCopy, show, type Encoding, type RecordJson } from '../decode';
import { setQuery, useLocation } from '../router';

interface Browse {
  partitions: Array<{ partition: number; logStartOffset: string; highWatermark: string }>;
  records: RecordJson[];
}

type ScanLine =
  | { type: 'start'; total: string; scanLimit: number }
  | { type: 'progress'; scanned: number; matched: number; total: string }
  | { type: 'match'; record: RecordJson }
  | { type: 'done'; scanned: number; matched: number; total: string; reason: string; elapsedMs: number; next: Array<{ partition: number; offset: string }> };

interface ScanState {
  running: boolean;
  scanned: number;
  matched: number;
  total: number;
  reason: string | null;
  elapsedMs: number | null;
  matches: RecordJson[];
  error: Error | null;
}

function Detail({ r, kenc, venc }: { r: RecordJson; kenc: Encoding; venc: Encoding }): JSX.Element {
  const [copied, setCopied] = useState(false);
  const k = show(r.key, kenc, r.decoded?.key);
  const v = show(r.value, venc, r.decoded?.value);
  const base = `/api/topics/${seg(r.topic)}/partitions/${r.partition}/records/${r.offset}`;
  return (
    <div class="detail" data-testid="record-detail">
      <div class="row">
        <button type="button" onClick={() => {
          void navigator.clipboard?.writeText(JSON.stringify(recordForCopy(r), null, 2)).then(() => setCopied(true), () => setCopied(false));
        }}>Copy as JSON</button>
        {copied ? <span role="status">Copied</span> : null}
        {r.value !== null ? <a href={`${base}/value`} download>Download value ({fmtNum(r.value.size)} bytes)</a> : null}
        {r.key !== null ? <a href={`${base}/key`} download>Download key</a> : null}
      </div>
      <h3>Key {k.note !== null ? <small class="muted">({k.note})</small> : null}</h3>
      <pre data-testid="detail-key">{k.text}</pre>
      <h3>Value {v.note !== null ? <small class="muted" data-testid="value-note">({v.note})</small> : null}</h3>
      <pre data-testid="detail-value">{v.text}</pre>
      <h3>Headers</h3>
      {r.headers.length === 0 ? <p class="muted">none</p> : (
        <table class="t"><thead><tr><th>key</th><th>value</th></tr></thead>
          <tbody>{r.headers.map((h, i) => <tr key={i}><td class="mono">{h.key}</td><td class="mono">{show(h.value, 'string').text}</td></tr>)}</tbody></table>
      )}
    </div>
  );
}

function RecordTable({ records, kenc, venc, label }: { records: readonly RecordJson[]; kenc: Encoding; venc: Encoding; label: string }): JSX.Element {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <table class="t msgs" aria-label={label}>
      <thead><tr><th></th><th class="num">partition</th><th class="num">offset</th><th>timestamp</th><th>key</th><th>value</th><th class="num">size</th><th class="num">headers</th></tr></thead>
      <tbody>
        {records.map((r) => {
          const id = `${r.partition}:${r.offset}`;
          const isOpen = open === id;
          return [
            <tr key={id} data-testid="record-row">
              <td><button type="button" aria-expanded={isOpen} aria-label={`Record ${r.partition}/${r.offset}`} onClick={() => setOpen(isOpen ? null : id)}>{isOpen ? '▾' : '▸'}</button></td>
              <td class="num">{r.partition}</td><td class="num">{r.offset}</td><td class="mono">{fmtTime(r.timestamp)}</td>
              <td class="mono v">{preview(r.key, 40, kenc === 'hex' ? undefined : r.decoded?.key)}</td><td class="mono v">{preview(r.value, 120, venc === 'hex' ? undefined : r.decoded?.value)}</td>
              <td class="num">{r.value === null ? '-' : fmtNum(r.value.size)}</td><td class="num">{r.headers.length}</td>
            </tr>,
            isOpen ? <tr key={id + '-d'}><td colSpan={8}><Detail r={r} kenc={kenc} venc={venc} /></td></tr> : null,
          ];
        })}
      </tbody>
    </table>
  );
}

function Produce({ topic, partitions, onDone }: { topic: string; partitions: number; onDone(): void }): JSX.Element {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [headers, setHeaders] = useState('');
  const [partition, setPartition] = useState('');
  const [enc, setEnc] = useState<'string' | 'json' | 'base64' | 'hex'>('string');
  const [valueSubject, setValueSubject] = useState('');
  const [valueVersion, setValueVersion] = useState('latest');
  const [keySubject, setKeySubject] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      const hs = headers.split('\n').filter((l) => l.trim() !== '').map((l) => {
        const i = l.indexOf('=');
        if (i <= 0) throw new Error(`header "${l}" is not key=value`);
        return { key: l.slice(0, i).trim(), value: l.slice(i + 1) };
      });
      const r = await api<{ partition: number; offset: string; schemas?: Record<string, { id: number; version?: number }> }>(`/api/topics/${seg(topic)}/messages`, {
        method: 'POST',
        body: {
          key: key === '' ? null : key, value, valueEncoding: enc, headers: hs, ...(partition === '' ? {} : { partition: Number(partition) }),
          ...(valueSubject.trim() === '' ? {} : { valueSchema: { subject: valueSubject.trim(), version: valueVersion.trim() === '' ? 'latest' : valueVersion.trim() } }),
          ...(keySubject.trim() === '' || key === '' ? {} : { keySchema: { subject: keySubject.trim() } }),
        },
      });
      const ids = r.schemas === undefined ? '' : ` (${Object.entries(r.schemas).map(([w, x]) => `${w}: schema id ${x.id}${x.version !== undefined ? `, version ${x.version}` : ''}`).join('; ')})`;
      setResult(`Produced to partition ${r.partition} at offset ${r.offset}${ids}`);
      onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form aria-label="Produce a message" onSubmit={(e) => void submit(e)}>
      <div class="row">
        <Field label="Key (empty: null)"><input name="produceKey" value={key} onInput={(e) => setKey(e.currentTarget.value)} /></Field>
        <Field label="Partition"><select name="producePartition" value={partition} onChange={(e) => setPartition(e.currentTarget.value)}>
          <option value="">partitioner</option>
          {Array.from({ length: partitions }, (_v, i) => <option key={i} value={String(i)}>{i}</option>)}
        </select></Field>
        <Field label="Value encoding"><select name="produceEncoding" value={enc} onChange={(e) => setEnc(e.currentTarget.value as typeof enc)}>
          {(['string', 'json', 'base64', 'hex'] as const).map((x) => <option key={x} value={x}>{x}</option>)}
        </select></Field>
      </div>
      <div class="row">
        <Field label="Serialize value with subject (registry; empty: no)" hint={`e.g. ${topic}-value; the value is then JSON`}><input name="produceValueSubject" list="produce-subjects" value={valueSubject} onInput={(e) => setValueSubject(e.currentTarget.value)} /></Field>
        <Field label="Schema version"><input name="produceValueVersion" size={8} value={valueVersion} onInput={(e) => setValueVersion(e.currentTarget.value)} /></Field>
        <Field label="Serialize key with subject (latest)"><input name="produceKeySubject" list="produce-subjects" value={keySubject} onInput={(e) => setKeySubject(e.currentTarget.value)} /></Field>
        <datalist id="produce-subjects"><option value={`${topic}-value`} /><option value={`${topic}-key`} /></datalist>
      </div>
      <Field label="Value"><textarea name="produceValue" rows={4} value={value} onInput={(e) => setValue(e.currentTarget.value)} /></Field>
      <Field label="Headers (key=value per line)"><textarea name="produceHeaders" rows={2} value={headers} onInput={(e) => setHeaders(e.currentTarget.value)} /></Field>
      <div class="row"><button type="submit" class="primary">Produce</button></div>
      <ErrorBox error={error} />
      {result !== null ? <p class="ok-text" role="status" data-testid="produce-result">{result}</p> : null}
    </form>
  );
}

async function runScan(url: string, signal: AbortSignal, update: (f: (s: ScanState) => ScanState) => void): Promise<void> {
  const res = await fetch(url, { signal, headers: { accept: 'application/x-ndjson' } });
  if (!res.ok || res.body === null) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new Error(body?.error !== undefined ? `${body.error.code}: ${body.error.message}` : `${res.status}`);
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let nl: number;
    const found: RecordJson[] = [];
    let last: ScanLine | null = null;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = JSON.parse(buf.slice(0, nl)) as ScanLine;
      buf = buf.slice(nl + 1);
      if (line.type === 'match') found.push(line.record);
      else last = line;
    }
    update((s) => {
      let n = { ...s, matches: found.length === 0 ? s.matches : [...s.matches, ...found], matched: s.matched + found.length };
      if (last?.type === 'start') n = { ...n, total: Number(last.total) };
      if (last?.type === 'progress') n = { ...n, scanned: last.scanned, matched: last.matched, total: Number(last.total) };
      if (last?.type === 'done') n = { ...n, scanned: last.scanned, matched: last.matched, total: Number(last.total), reason: last.reason, elapsedMs: last.elapsedMs, running: false };
      return n;
    });
  }
}

export function MessagesPage({ topic }: { topic: string }): JSX.Element {
  const loc = useLocation();
  const q = loc.query;
  const p = {
    partition: q.get('partition') ?? '', mode: q.get('mode') ?? 'newest', offset: q.get('offset') ?? '', timestamp: q.get('timestamp') ?? '',
    limit: q.get('limit') ?? '50', kenc: (q.get('kenc') ?? 'string') as Encoding, venc: (q.get('venc') ?? 'string') as Encoding,
    filter: q.get('filter') ?? '', scanLimit: q.get('scanLimit') ?? '1000000', tail: q.get('tail') === '1',
  };
  const browseQ = new URLSearchParams({ mode: p.mode, limit: p.limit });
  if (p.kenc === 'registry' || p.venc === 'registry') browseQ.set('decode', 'registry');
  if (p.partition !== '') browseQ.set('partition', p.partition);
  if (p.mode === 'offset' && p.offset !== '') browseQ.set('offset', p.offset);
  if (p.mode === 'timestamp' && p.timestamp !== '') browseQ.set('timestamp', String(Date.parse(p.timestamp + 'Z')));
  const browsable = !(p.mode === 'timestamp' && p.timestamp === '');
  const browse = useApi<Browse>(p.tail || !browsable ? null : `/api/topics/${seg(topic)}/messages?${browseQ}`);
  const [filterText, setFilterText] = useState(p.filter);
  const [scan, setScan] = useState<ScanState | null>(null);
  const scanAbort = useRef<AbortController | null>(null);
  const [tailRecs, setTailRecs] = useState<RecordJson[]>([]);
  const [tailErr, setTailErr] = useState<string | null>(null);
  const parts = browse.data?.partitions.length ?? 0;

  const set = (patch: Partial<typeof p>, replace = false): void => {
    const n = { ...p, ...patch };
    setQuery({
      partition: n.partition, mode: n.mode === 'newest' ? null : n.mode, offset: n.mode === 'offset' ? n.offset : null, timestamp: n.mode === 'timestamp' ? n.timestamp : null,
      limit: n.limit === '50' ? null : n.limit, kenc: n.kenc === 'string' ? null : n.kenc, venc: n.venc === 'string' ? null : n.venc,
      filter: n.filter, scanLimit: n.scanLimit === '1000000' ? null : n.scanLimit, tail: n.tail ? '1' : null,
    }, { replace });
  };

  useEffect(() => () => scanAbort.current?.abort(), []);
  useEffect(() => {
    if (!p.tail) return;
    setTailRecs([]);
    setTailErr(null);
    const tq = new URLSearchParams();
    if (p.partition !== '') tq.set('partition', p.partition);
    if (p.filter !== '') tq.set('filter', p.filter);
    const es = new EventSource(`/api/topics/${seg(topic)}/tail?${tq}`);
    es.addEventListener('record', (e) => {
      const r = JSON.parse((e as MessageEvent<string>).data) as RecordJson;
      setTailRecs((xs) => [r, ...xs].slice(0, 500));
    });
    es.addEventListener('error', () => setTailErr('tail interrupted; reconnecting'));
    es.addEventListener('open', () => setTailErr(null));
    return () => es.close();
  }, [p.tail, p.partition, p.filter, topic]);

  const startScan = (): void => {
    scanAbort.current?.abort();
    const ac = new AbortController();
    scanAbort.current = ac;
    const sq = new URLSearchParams({ filter: filterText, scanLimit: p.scanLimit, maxResults: '200' });
    if (p.partition !== '') sq.set('partition', p.partition);
    setScan({ running: true, scanned: 0, matched: 0, total: 0, reason: null, elapsedMs: null, matches: [], error: null });
    set({ filter: filterText }, true);
    runScan(`/api/topics/${seg(topic)}/scan?${sq}`, ac.signal, (f) => setScan((s) => (s === null ? s : f(s)))).catch((e: unknown) => {
      setScan((s) => (s === null ? s : { ...s, running: false, reason: (e as Error).name === 'AbortError' ? 'cancelled' : s.reason, error: (e as Error).name === 'AbortError' ? null : (e as Error) }));
    });
  };

  const dl = new URLSearchParams();
  if (p.partition !== '') dl.set('partition', p.partition);
  if (p.mode === 'offset' && p.offset !== '') dl.set('from', p.offset);

  return (
    <div>
      <p><a href="/topics">Topics</a> / <a href={`/topics/${seg(topic)}`}>{topic}</a> /</p>
      <h1>Messages of {topic}</h1>
      <form aria-label="Browse" onSubmit={(e) => e.preventDefault()}>
        <div class="row">
          <Field label="Partition"><select name="partition" value={p.partition} onChange={(e) => set({ partition: e.currentTarget.value })}>
            <option value="">all</option>
            {Array.from({ length: Math.max(parts, Number(p.partition || 0) + 1) }, (_v, i) => <option key={i} value={String(i)}>{i}</option>)}
          </select></Field>
          <Field label="Start"><select name="mode" value={p.mode} onChange={(e) => set({ mode: e.currentTarget.value })}>
            <option value="newest">newest first</option><option value="offset">from offset</option><option value="timestamp">from time (UTC)</option>
          </select></Field>
          {p.mode === 'offset' ? <Field label="Offset"><input name="offset" inputMode="numeric" size={10} value={p.offset} onChange={(e) => set({ offset: e.currentTarget.value })} /></Field> : null}
          {p.mode === 'timestamp' ? <Field label="Time (UTC)"><input name="timestamp" type="datetime-local" step="1" value={p.timestamp} onChange={(e) => set({ timestamp: e.currentTarget.value })} /></Field> : null}
          <Field label="Limit"><select name="limit" value={p.limit} onChange={(e) => set({ limit: e.currentTarget.value })}>
            {['20', '50', '100', '500', '1000'].map((x) => <option key={x} value={x}>{x}</option>)}
          </select></Field>
          <Field label="Key as"><select name="kenc" value={p.kenc} onChange={(e) => set({ kenc: e.currentTarget.value as Encoding }, true)}>{ENCODINGS.map((x) => <option key={x} value={x}>{x}</option>)}</select></Field>
          <Field label="Value as"><select name="venc" value={p.venc} onChange={(e) => set({ venc: e.currentTarget.value as Encoding }, true)}>{ENCODINGS.map((x) => <option key={x} value={x}>{x}</option>)}</select></Field>
          <button type="button" onClick={() => browse.reload()}>Refresh</button>
          <button type="button" aria-pressed={p.tail} onClick={() => set({ tail: !p.tail })}>{p.tail ? 'Stop live tail' : 'Live tail'}</button>
          <a href={`/api/topics/${seg(topic)}/download?${dl}`} download>Download range (JSON lines)</a>
        </div>
      </form>
      <form aria-label="Filter scan" onSubmit={(e) => {
        e.preventDefault();
        startScan();
      }}>
        <div class="row">
          <Field label="Filter (runs on the server over the whole range)" hint={'e.g. value.customer.id == "c-42" && headers.source == "web"'}>
            <input name="filter" class="mono" size={60} value={filterText} onInput={(e) => setFilterText(e.currentTarget.value)} />
          </Field>
          <Field label="Scan limit (records)"><input name="scanLimit" inputMode="numeric" size={10} value={p.scanLimit} onChange={(e) => set({ scanLimit: e.currentTarget.value }, true)} /></Field>
          <button type="submit" class="primary" disabled={scan?.running === true}>Search</button>
          {scan?.running === true ? <button type="button" onClick={() => scanAbort.current?.abort()}>Cancel</button> : null}
          {scan !== null && !scan.running ? <button type="button" onClick={() => setScan(null)}>Clear results</button> : null}
        </div>
      </form>
      {scan !== null ? (
        <section aria-label="Scan results">
          <div class="progress" data-testid="scan-progress">
            <progress max={Math.max(1, Math.min(scan.total, Number(p.scanLimit) || scan.total))} value={scan.scanned} aria-label="Records scanned" />
            <span role="status" data-testid="scan-status">
              Scanned {fmtNum(scan.scanned)} of {fmtNum(scan.total)} records, {fmtNum(scan.matched)} matching
              {scan.reason !== null ? ` — ${scan.reason === 'end' ? 'reached the end of the range' : scan.reason === 'scanLimit' ? 'stopped at the scan limit (raise it to go further)' : scan.reason === 'maxResults' ? 'stopped at 200 matches' : 'cancelled'}` : '…'}
              {scan.elapsedMs !== null ? ` in ${(scan.elapsedMs / 1000).toFixed(1)} s` : ''}
            </span>
          </div>
          <ErrorBox error={scan.error} />
          <RecordTable records={scan.matches} kenc={p.kenc} venc={p.venc} label="Matching records" />
        </section>
      ) : p.tail ? (
        <section aria-label="Live tail">
          <p role="status" class="muted">{tailErr ?? `Live: ${tailRecs.length} new records (newest first)`}</p>
          <RecordTable records={tailRecs} kenc={p.kenc} venc={p.venc} label="Live records" />
        </section>
      ) : (
        <section aria-label="Records">
          <ErrorBox error={browse.error} />
          <Loading when={browse.loading} />
          {browse.data !== null ? (
            <>
              <p class="muted">{browse.data.partitions.map((x) => `p${x.partition}: ${fmtNum(x.logStartOffset)}–${fmtNum(x.highWatermark)}`).join(' · ')}</p>
              <RecordTable records={browse.data.records} kenc={p.kenc} venc={p.venc} label="Records" />
              {browse.data.records.length === 0 ? <p class="muted">No records here.</p> : null}
            </>
          ) : null}
        </section>
      )}
      <details>
        <summary>Produce a message</summary>
        <Produce topic={topic} partitions={parts} onDone={() => browse.reload()} />
      </details>
    </div>
  );
}
