// Schemas: the registry's subjects (with the global compatibility level), and one subject: its
// versions, a version's schema, a line diff between two versions, its compatibility level, and a
// draft checked against it (the registry's reasons) before it is registered. The version shown
// and the diff asked for are in the URL (?v=, ?from=&to=).
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { ErrorBox, Field, Loading } from '../components';
import { navigate, setQuery, useLocation } from '../router';

const LEVELS = ['NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE'];
const TYPES = ['AVRO', 'JSON', 'PROTOBUF'];

interface SubjectRow { subject: string; latestVersion: number | null; id: number | null; schemaType: string | null }
interface SchemaVersion { subject: string; version: number; id: number; schemaType: string; schema: string; pretty: string; references: Array<{ name: string; subject: string; version: number }> }
interface SubjectDetail { subject: string; versions: number[]; latest: SchemaVersion; compatibility: { subject: string | null; global: string; effective: string } }
interface DiffLine { op: ' ' | '-' | '+'; text: string; a: number | null; b: number | null }
interface Diff { from: SchemaVersion; to: SchemaVersion; added: number; removed: number; lines: DiffLine[] }
interface Check { compatible: boolean; messages: string[]; note?: string }

function useAction(): { busy: boolean; error: Error | null; run(f: () => Promise<void>): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  return {
    busy, error,
    run(f) {
      setBusy(true);
      setError(null);
      f().catch((e: unknown) => setError(e as Error)).finally(() => setBusy(false));
    },
  };
}

function GlobalLevel({ level, reload }: { level: string; reload(): void }): JSX.Element {
  const [value, setValue] = useState(level);
  const a = useAction();
  return (
    <form aria-label="Global compatibility" onSubmit={(e) => {
      e.preventDefault();
      a.run(async () => {
        await api('/api/schemas/config', { method: 'PUT', body: { compatibility: value } });
        reload();
      });
    }}>
      <div class="row">
        <Field label="Global compatibility"><select name="globalCompatibility" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
          {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
        </select></Field>
        <button type="submit" disabled={a.busy || value === level}>Save</button>
      </div>
      <ErrorBox error={a.error} />
    </form>
  );
}

export function SchemasPage(): JSX.Element {
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const s = useApi<{ registryUrl: string; compatibility: string; subjects: SubjectRow[] }>('/api/schemas');
  const rows = useMemo(() => (s.data?.subjects ?? []).filter((x) => q === '' || x.subject.toLowerCase().includes(q.toLowerCase())), [s.data, q]);
  const [newSubject, setNewSubject] = useState('');
  return (
    <div>
      <h1>Schemas</h1>
      <ErrorBox error={s.error} />
      <Loading when={s.loading && s.data === null} />
      {s.data !== null ? (
        <>
          <p class="muted">Registry: <span class="mono">{s.data.registryUrl}</span> · {s.data.subjects.length} subjects</p>
          <GlobalLevel key={s.data.compatibility} level={s.data.compatibility} reload={() => s.reload()} />
          <div class="row">
            <Field label="Filter by subject"><input type="search" name="q" value={q} onInput={(e) => setQuery({ q: e.currentTarget.value }, { replace: true })} /></Field>
            <button type="button" onClick={() => s.reload()}>Refresh</button>
          </div>
          {rows.length === 0 ? <p class="muted">No subjects.</p> : (
            <table class="t" aria-label="Subjects">
              <thead><tr><th>subject</th><th>type</th><th class="num">latest version</th><th class="num">schema id</th></tr></thead>
              <tbody>{rows.map((r) => (
                <tr key={r.subject} data-testid="subject-row">
                  <td><a href={`/schemas/${seg(r.subject)}`}>{r.subject}</a></td><td>{r.schemaType ?? '-'}</td>
                  <td class="num">{r.latestVersion ?? '-'}</td><td class="num">{r.id ?? '-'}</td>
                </tr>
              ))}</tbody>
            </table>
          )}
          <form aria-label="New subject" onSubmit={(e) => {
            e.preventDefault();
            if (newSubject.trim() !== '') navigate(`/schemas/${seg(newSubject.trim())}`);
          }}>
            <div class="row">
              <Field label="New subject (e.g. orders-value)"><input name="newSubject" value={newSubject} onInput={(e) => setNewSubject(e.currentTarget.value)} /></Field>
              <button type="submit">Open</button>
            </div>
          </form>
        </>
      ) : null}
    </div>
  );
}

function DiffView({ subject, from, to }: { subject: string; from: string; to: string }): JSX.Element {
  const d = useApi<Diff>(`/api/schemas/subjects/${seg(subject)}/diff?from=${seg(from)}&to=${seg(to)}`);
  return (
    <section aria-label="Diff">
      <ErrorBox error={d.error} />
      <Loading when={d.loading} />
      {d.data !== null ? (
        <>
          <p data-testid="diff-summary">Version {d.data.from.version} (id {d.data.from.id}) → version {d.data.to.version} (id {d.data.to.id}): {d.data.added} lines added, {d.data.removed} removed</p>
          <pre class="diff" data-testid="diff">{d.data.lines.map((l, i) => (
            <span key={i} class={l.op === '+' ? 'add' : l.op === '-' ? 'del' : ''}>{l.op === ' ' ? '  ' : `${l.op} `}{l.text}{'\n'}</span>
          ))}</pre>
        </>
      ) : null}
    </section>
  );
}

function SubjectLevel({ d, reload }: { d: SubjectDetail; reload(): void }): JSX.Element {
  const [value, setValue] = useState(d.compatibility.subject ?? '');
  const a = useAction();
  return (
    <form aria-label="Subject compatibility" onSubmit={(e) => {
      e.preventDefault();
      a.run(async () => {
        if (value === '') await api(`/api/schemas/subjects/${seg(d.subject)}/config`, { method: 'DELETE', body: {} });
        else await api(`/api/schemas/subjects/${seg(d.subject)}/config`, { method: 'PUT', body: { compatibility: value } });
        reload();
      });
    }}>
      <div class="row">
        <Field label={`Compatibility (now ${d.compatibility.effective}${d.compatibility.subject === null ? ', from the global level' : ''})`}>
          <select name="subjectCompatibility" value={value} onChange={(e) => setValue(e.currentTarget.value)}>
            <option value="">global ({d.compatibility.global})</option>
            {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </Field>
        <button type="submit" disabled={a.busy || value === (d.compatibility.subject ?? '')}>Save</button>
      </div>
      <ErrorBox error={a.error} />
    </form>
  );
}

function Draft({ subject, type, onRegistered }: { subject: string; type: string; onRegistered(version: number): void }): JSX.Element {
  const [schema, setSchema] = useState('');
  const [schemaType, setSchemaType] = useState(type);
  const [check, setCheck] = useState<Check | null>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  const a = useAction();
  const body = { schema, schemaType };
  return (
    <form aria-label="Check and register a draft" onSubmit={(e) => {
      e.preventDefault();
      a.run(async () => {
        setRegistered(null);
        setCheck(await api<Check>(`/api/schemas/subjects/${seg(subject)}/check`, { method: 'POST', body }));
      });
    }}>
      <div class="row">
        <Field label="Type"><select name="draftType" value={schemaType} onChange={(e) => setSchemaType(e.currentTarget.value)}>
          {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select></Field>
      </div>
      <Field label="Draft schema"><textarea name="draftSchema" class="mono" rows={12} value={schema} onInput={(e) => {
        setSchema(e.currentTarget.value);
        setCheck(null);
      }} /></Field>
      <div class="row">
        <button type="submit" disabled={a.busy || schema.trim() === ''}>Check compatibility</button>
        <button type="button" class="primary" disabled={a.busy || schema.trim() === ''} onClick={() => a.run(async () => {
          const r = await api<{ id: number; version: number }>(`/api/schemas/subjects/${seg(subject)}/versions`, { method: 'POST', body });
          setCheck(null);
          setRegistered(`Registered as version ${r.version} (schema id ${r.id})`);
          onRegistered(r.version);
        })}>Register</button>
      </div>
      <ErrorBox error={a.error} />
      {check !== null ? (
        <div data-testid="check-result" role="status">
          {check.compatible
            ? <p class="ok-text">Compatible with {subject}{check.note !== undefined ? ` (${check.note})` : ''}.</p>
            : <div class="error"><strong>Incompatible with {subject}:</strong><ul>{check.messages.map((m, i) => <li key={i} class="mono">{m}</li>)}</ul></div>}
        </div>
      ) : null}
      {registered !== null ? <p class="ok-text" role="status" data-testid="register-result">{registered}</p> : null}
    </form>
  );
}

export function SchemaSubjectPage({ subject }: { subject: string }): JSX.Element {
  const loc = useLocation();
  const q = loc.query;
  const d = useApi<SubjectDetail>(`/api/schemas/subjects/${seg(subject)}`);
  const versions = d.data?.versions ?? [];
  const latest = versions.length === 0 ? '' : String(versions[versions.length - 1]);
  const v = q.get('v') ?? latest;
  const from = q.get('from') ?? (versions.length > 1 ? String(versions[versions.length - 2]) : '');
  const to = q.get('to') ?? latest;
  const showDiff = q.get('diff') === '1';
  const shown = useApi<SchemaVersion>(v === '' ? null : `/api/schemas/subjects/${seg(subject)}/versions/${seg(v)}`);
  const set = (patch: Record<string, string | null>): void => setQuery({ v: q.get('v'), diff: q.get('diff'), from: q.get('from'), to: q.get('to'), ...patch });
  const isNew = d.error?.code === 'UNKNOWN_SUBJECT';
  return (
    <div>
      <p><a href="/schemas">Schemas</a> /</p>
      <h1>{subject}</h1>
      {isNew ? <p class="muted">This subject has no versions yet: register one below.</p> : <ErrorBox error={d.error} />}
      <Loading when={d.loading && d.data === null} />
      {d.data !== null ? (
        <>
          <SubjectLevel key={`${d.data.compatibility.subject}`} d={d.data} reload={() => d.reload()} />
          <h2>Versions</h2>
          <div class="row">
            <Field label="Version"><select name="version" value={v} onChange={(e) => set({ v: e.currentTarget.value })}>
              {versions.map((x) => <option key={x} value={String(x)}>{x}{String(x) === latest ? ' (latest)' : ''}</option>)}
            </select></Field>
            {versions.length > 1 ? (
              <>
                <Field label="Diff from"><select name="diffFrom" value={from} onChange={(e) => set({ from: e.currentTarget.value, diff: '1' })}>
                  {versions.map((x) => <option key={x} value={String(x)}>{x}</option>)}
                </select></Field>
                <Field label="to"><select name="diffTo" value={to} onChange={(e) => set({ to: e.currentTarget.value, diff: '1' })}>
                  {versions.map((x) => <option key={x} value={String(x)}>{x}</option>)}
                </select></Field>
                <button type="button" aria-pressed={showDiff} onClick={() => set({ diff: showDiff ? null : '1', from, to })}>{showDiff ? 'Hide diff' : 'Show diff'}</button>
              </>
            ) : null}
          </div>
          {showDiff && from !== '' && to !== '' ? <DiffView subject={subject} from={from} to={to} /> : null}
          <ErrorBox error={shown.error} />
          {shown.data !== null ? (
            <section aria-label="Schema">
              <p class="muted" data-testid="version-meta">Version {shown.data.version} · schema id {shown.data.id} · {shown.data.schemaType}{shown.data.references.length > 0 ? ` · references ${shown.data.references.map((r) => `${r.name} → ${r.subject} v${r.version}`).join(', ')}` : ''}</p>
              <pre data-testid="schema-text">{shown.data.pretty}</pre>
            </section>
          ) : null}
        </>
      ) : null}
      {d.data !== null || isNew ? (
        <>
          <h2>Check a draft, then register it</h2>
          <Draft subject={subject} type={d.data?.latest.schemaType ?? 'AVRO'} onRegistered={(n) => {
            d.reload();
            set({ v: String(n) });
          }} />
        </>
      ) : null}
    </div>
  );
}
