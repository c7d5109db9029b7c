// Dead letters: the list of dead-letter topics with their depth by error class, and one topic:
// depth over time, counts by class and error name, the records with their envelopes as fields,
// and selective replay (by error class, by error name or by selected records) with a dry run first.
import { Fragment, type JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { Chart } from '../chart';
import { ErrorBox, Loading } from '../components';
import { fmtNum, fmtTime, preview, type BytesJson } from '../decode';
import { setQuery, useLocation } from '../router';

interface DlqList { topics: Array<{ name: string; records: number; byClass: Record<string, number> }>; depth: number }

interface Envelope {
  originalTopic: string; originalPartition: number; originalOffset: string; originalTimestamp: number;
  group: string | null; source: string | null;
  errorClass: string; errorName: string | null; errorMessage: string | null; errorStack: string | null;
  errorCauseName: string | null; errorCauseMessage: string | null;
  attempt: number | null; firstFailureMs: number | null; lastFailureMs: number | null;
  late: { watermarkMs?: number; windowStartMs?: number; windowEndMs?: number; lateByMs?: number } | null;
}

interface DlqItem {
  replayId: string; partition: number; offset: string; timestamp: number;
  key: BytesJson | null; value: BytesJson | null; envelope: Envelope | null;
  replayed: { run: string; atMs: number; to: string } | null;
}

interface DlqDetail {
  topic: string; records: number; replayed: number; matching: number;
  history: Array<{ at: number; byClass: Record<string, number> }>;
  groups: Array<{ errorClass: string; errorName: string; count: number; replayed: number; firstFailureMs: number | null; lastFailureMs: number | null }>;
  items: DlqItem[];
}

interface ReplayReport {
  runId: string; dryRun: boolean; matched: number; alreadyReplayed: number; dropped: number; moved: number;
  byTopic: Record<string, number>; items: Array<{ replayId: string; to: string; key: string | null; errorClass: string | null; errorName: string | null }>;
}

const classes = (history: DlqDetail['history']): string[] => [...new Set(history.flatMap((h) => Object.keys(h.byClass)))].sort();

export function DlqListPage(): JSX.Element {
  const l = useApi<DlqList>('/api/dlq');
  const d = l.data;
  return (
    <div>
      <h1>Dead letters</h1>
      <p class="muted">Topics named <span class="mono">*.dlq</span>, <span class="mono">*-late</span> (late records of stream applications), <span class="mono">*-dlq</span>, <span class="mono">*_dlq</span>, <span class="mono">*.DLT</span>, <span class="mono">*-dead-letter</span>.</p>
      <ErrorBox error={l.error} />
      <Loading when={l.loading && d === null} />
      {d === null ? null : d.topics.length === 0 ? <p class="muted">No dead-letter topic.</p> : (
        <table class="t" aria-label="Dead-letter topics">
          <thead><tr><th>topic</th><th class="num">records</th><th>by error class</th></tr></thead>
          <tbody>{d.topics.map((t) => (
            <tr key={t.name}>
              <td><a href={`/dlq/${seg(t.name)}`}>{t.name}</a></td>
              <td class="num">{fmtNum(t.records)}</td>
              <td>{Object.entries(t.byClass).map(([c, n]) => <span key={c} class="pill">{c} {fmtNum(n)}</span>)}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </div>
  );
}

function EnvelopeFields({ item }: { item: DlqItem }): JSX.Element {
  const e = item.envelope;
  if (e === null) return <p class="muted">No envelope (this record was not written by @tideline/dlq or @tideline/streams).</p>;
  const row = (k: string, v: string | number | null | undefined): JSX.Element | null => (v === null || v === undefined || v === '' ? null : <><dt>{k}</dt><dd>{v}</dd></>);
  return (
    <dl class="env" data-testid="envelope">
      {row('original', `${e.originalTopic} / partition ${e.originalPartition} / offset ${e.originalOffset}`)}
      {row('original time', e.originalTimestamp >= 0 ? fmtTime(e.originalTimestamp) : null)}
      {row('error class', e.errorClass)}
      {row('error', e.errorName)}
      {row('message', e.errorMessage)}
      {row('cause', e.errorCauseName === null ? null : `${e.errorCauseName}: ${e.errorCauseMessage ?? ''}`)}
      {row('attempts', e.attempt)}
      {row('first failure', e.firstFailureMs === null ? null : fmtTime(e.firstFailureMs))}
      {row('last failure', e.lastFailureMs === null ? null : fmtTime(e.lastFailureMs))}
      {row('group', e.group)}
      {row('source', e.source)}
      {e.late !== null ? row('late', `watermark ${e.late.watermarkMs === undefined ? '-' : fmtTime(e.late.watermarkMs)}, ${e.late.lateByMs ?? '-'} ms behind`) : null}
      {row('replayed', item.replayed === null ? null : `to ${item.replayed.to} at ${fmtTime(item.replayed.atMs)} (run ${item.replayed.run})`)}
      {e.errorStack !== null ? <><dt>stack</dt><dd><pre>{e.errorStack}</pre></dd></> : null}
    </dl>
  );
}

function Replay({ topic, errorClass, selected, onDone }: { topic: string; errorClass: string; selected: string[]; onDone(): void }): JSX.Element {
  const [mode, setMode] = useState<'class' | 'selection'>(selected.length > 0 ? 'selection' : 'class');
  const [to, setTo] = useState('');
  const [plan, setPlan] = useState<ReplayReport | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setPlan(null), [errorClass, selected.join(','), mode, to]);
  const body = (execute: boolean): unknown => ({
    ...(mode === 'class' ? (errorClass === '' ? { all: true } : { errorClass: [errorClass] }) : { replayIds: selected }),
    ...(to.trim() === '' ? {} : { to: to.trim() }), execute,
  });
  const call = async (execute: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<ReplayReport>(`/api/dlq/${seg(topic)}/replay`, { method: 'POST', body: body(execute) });
      setPlan(r);
      if (execute) onDone();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="replay-h">
      <h2 id="replay-h">Replay</h2>
      <p class="muted">Republishes to the original topic (or another) with the original key, value, headers and time. Each record moves once: the ledger <span class="mono">{topic}.replayed</span> is written in the same transaction. Start with a dry run.</p>
      <form aria-label="Replay" onSubmit={(e) => {
        e.preventDefault();
        void call(false);
      }}>
        <div class="row">
          <label><input type="radio" name="replayMode" checked={mode === 'class'} onChange={() => setMode('class')} /> {errorClass === '' ? 'every error class' : <>error class <strong>{errorClass}</strong></>}</label>
          <label><input type="radio" name="replayMode" checked={mode === 'selection'} disabled={selected.length === 0} onChange={() => setMode('selection')} /> the {selected.length} selected records</label>
          <label class="field"><span>To topic (empty: each record's original topic)</span><input name="replayTo" value={to} onInput={(e) => setTo(e.currentTarget.value)} /></label>
          <button type="submit" disabled={busy}>Dry run replay</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {plan !== null ? (
        <div data-testid="replay-plan">
          <p role="status">{plan.dryRun ? `Dry run: ${plan.moved} records would be replayed` : `Replayed ${plan.moved} records`} ({plan.matched} matching, {plan.alreadyReplayed} replayed before){Object.keys(plan.byTopic).length > 0 ? ': ' + Object.entries(plan.byTopic).map(([t, n]) => `${n} to ${t}`).join(', ') : ''}.</p>
          {plan.items.length > 0 ? (
            <table class="t" aria-label="Records to replay">
              <thead><tr><th>record</th><th>to</th><th>key</th><th>error</th></tr></thead>
              <tbody>{plan.items.slice(0, 50).map((i) => <tr key={i.replayId}><td class="mono">{i.replayId}</td><td>{i.to}</td><td class="mono">{i.key ?? 'null'}</td><td>{i.errorClass} {i.errorName ?? ''}</td></tr>)}</tbody>
            </table>
          ) : null}
          {plan.dryRun && plan.moved > 0 ? <div class="row"><button type="button" class="primary" disabled={busy} onClick={() => void call(true)}>Execute replay of {plan.moved} records</button></div> : null}
        </div>
      ) : null}
    </section>
  );
}

export function DlqTopicPage({ topic }: { topic: string }): JSX.Element {
  const loc = useLocation();
  const errorClass = loc.query.get('class') ?? '';
  const [n, setN] = useState(0);
  const g = useApi<DlqDetail>(`/api/dlq/${seg(topic)}?limit=200${errorClass === '' ? '' : `&errorClass=${seg(errorClass)}`}`);
  // The depth chart gets a new point every 10 s while the page is open (without reading the whole topic again).
  const depth = useApi<{ history: DlqDetail['history'] }>(`/api/dlq/${seg(topic)}/depth?_=${n}`);
  const [open, setOpen] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  useEffect(() => {
    const t = setInterval(() => setN((x) => x + 1), 10_000);
    return () => clearInterval(t);
  }, []);
  const d = g.data;
  const history = depth.data?.history ?? d?.history ?? [];
  const cls = classes(history);
  return (
    <div>
      <p><a href="/dlq">Dead letters</a> /</p>
      <h1>{topic}</h1>
      <ErrorBox error={g.error} />
      <Loading when={g.loading && d === null} />
      {d === null ? null : (
        <>
          <p>{fmtNum(d.records)} records, {fmtNum(d.replayed)} replayed. <a href={`/topics/${seg(topic)}/messages`}>Browse as messages</a></p>
          <Chart label="Depth by error class" testId="dlq-depth-chart" series={cls.map((c) => ({ name: c, points: history.map((h) => [h.at, h.byClass[c] ?? 0] as const) }))} />
          <h2>By error</h2>
          <table class="t" aria-label="Errors">
            <thead><tr><th>error class</th><th>error</th><th class="num">records</th><th class="num">replayed</th><th>first failure</th><th>last failure</th></tr></thead>
            <tbody>{d.groups.map((x) => (
              <tr key={`${x.errorClass}/${x.errorName}`}>
                <td><a href={`/dlq/${seg(topic)}?class=${seg(x.errorClass)}`}>{x.errorClass}</a></td><td>{x.errorName || '-'}</td>
                <td class="num">{fmtNum(x.count)}</td><td class="num">{fmtNum(x.replayed)}</td>
                <td>{x.firstFailureMs === null ? '-' : fmtTime(x.firstFailureMs)}</td><td>{x.lastFailureMs === null ? '-' : fmtTime(x.lastFailureMs)}</td>
              </tr>
            ))}</tbody>
          </table>
          <div class="row">
            <label class="field"><span>Error class</span>
              <select name="errorClass" value={errorClass} onChange={(e) => {
                setSelected([]);
                setQuery({ class: e.currentTarget.value }, { replace: true });
              }}>
                <option value="">all</option>
                {[...new Set([...cls, ...d.groups.map((x) => x.errorClass)])].map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </label>
            <span class="muted" data-testid="dlq-count">{fmtNum(d.matching)} records{errorClass === '' ? '' : ` of class ${errorClass}`}, newest first{d.items.length < d.matching ? ` (showing ${d.items.length})` : ''}</span>
          </div>
          <Replay topic={topic} errorClass={errorClass} selected={selected} onDone={() => {
            setSelected([]);
            g.reload();
            setN((x) => x + 1);
          }} />
          <h2>Records</h2>
          <table class="t" aria-label="Dead letters">
            <thead><tr><th><span class="sr">select</span></th><th>record</th><th>original</th><th>class</th><th>error</th><th class="num">attempts</th><th>last failure</th><th>key</th><th>replayed</th></tr></thead>
            <tbody>{d.items.map((i) => (
              <Fragment key={i.replayId}>
                <tr data-testid="dlq-row">
                  <td><input type="checkbox" aria-label={`Select ${i.replayId}`} checked={selected.includes(i.replayId)} onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected((s) => (on ? [...s, i.replayId] : s.filter((x) => x !== i.replayId)));
                  }} /></td>
                  <td><button type="button" aria-expanded={open === i.replayId} onClick={() => setOpen(open === i.replayId ? null : i.replayId)}>{i.partition}/{i.offset}</button></td>
                  <td>{i.envelope === null ? '-' : `${i.envelope.originalTopic}/${i.envelope.originalPartition}/${i.envelope.originalOffset}`}</td>
                  <td>{i.envelope?.errorClass ?? '-'}</td>
                  <td>{i.envelope?.errorName ?? ''}{i.envelope?.errorMessage ? `: ${i.envelope.errorMessage.slice(0, 80)}` : ''}</td>
                  <td class="num">{i.envelope?.attempt ?? '-'}</td>
                  <td>{i.envelope?.lastFailureMs == null ? '-' : fmtTime(i.envelope.lastFailureMs)}</td>
                  <td class="mono">{preview(i.key, 40)}</td>
                  <td>{i.replayed === null ? '' : 'yes'}</td>
                </tr>
                {open === i.replayId ? <tr><td colSpan={9}><EnvelopeFields item={i} /><div class="muted">value</div><pre>{preview(i.value, 2000)}</pre></td></tr> : null}
              </Fragment>
            ))}</tbody>
          </table>
        </>
      )}
    </div>
  );
}
