// One consumer group: members and assignments, offsets and lag (records and seconds), reset with a
// dry run first, delete offsets.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { ErrorBox, Field, Loading } from '../components';
import { fmtNum } from '../decode';
import { setQuery, useLocation } from '../router';
import { GroupLagPanel } from './group-lag';

interface GroupDetail {
  groupId: string;
  state: string;
  type: string;
  protocolType: string;
  assignor: string;
  coordinator: number;
  members: Array<{ memberId: string; groupInstanceId: string | null; clientId: string; clientHost: string; assignment: Array<{ topic: string; partition: number }> }>;
  offsets: Array<{ topic: string; partition: number; committed: string; logEnd: string; lag: string | null; lagSeconds: number | null; memberId: string | null }>;
}

interface Change { topic: string; partition: number; current: string; target: string }

function fmtSecs(s: number | null): string {
  if (s === null) return '-';
  if (s < 1) return s === 0 ? '0 s' : '<1 s';
  if (s < 120) return `${s.toFixed(0)} s`;
  if (s < 7200) return `${(s / 60).toFixed(0)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

function Reset({ group, topics, reload }: { group: string; topics: string[]; reload(): void }): JSX.Element {
  const loc = useLocation();
  const q = loc.query;
  const to = q.get('to') ?? 'earliest';
  const topic = q.get('topic') ?? '';
  const partition = q.get('partition') ?? '';
  const [value, setValue] = useState(q.get('value') ?? '');
  const [plan, setPlan] = useState<Change[] | null>(null);
  const [executed, setExecuted] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const setQ = (patch: Record<string, string>): void => {
    setPlan(null);
    setExecuted(false);
    setQuery({ to, topic, partition, value, ...patch }, { replace: true });
  };
  const body = (execute: boolean): unknown => ({
    to: to === 'earliest' || to === 'latest' ? to : to === 'timestamp' ? { timestamp: Date.parse(value + 'Z') } : { offset: value },
    ...(topic === '' ? {} : { topic }), ...(topic !== '' && partition !== '' ? { partition: Number(partition) } : {}), execute,
  });
  const call = async (execute: boolean): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ changes: Change[] }>(`/api/groups/${seg(group)}/reset`, { method: 'POST', body: body(execute) });
      setPlan(r.changes);
      setExecuted(execute);
      if (execute) reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reset-h">
      <h2 id="reset-h">Reset offsets</h2>
      <p class="muted">The group must have no active members. A dry run shows the new offsets; nothing changes until you execute it.</p>
      <form aria-label="Reset offsets" onSubmit={(e) => {
        e.preventDefault();
        void call(false);
      }}>
        <div class="row">
          <Field label="Topic"><select name="resetTopic" value={topic} onChange={(e) => setQ({ topic: e.currentTarget.value, partition: '' })}>
            <option value="">all topics of the group</option>
            {topics.map((t) => <option key={t} value={t}>{t}</option>)}
          </select></Field>
          {topic !== '' ? <Field label="Partition" hint="empty: all"><input name="resetPartition" inputMode="numeric" size={5} value={partition} onChange={(e) => setQ({ partition: e.currentTarget.value })} /></Field> : null}
          <Field label="To"><select name="resetTo" value={to} onChange={(e) => setQ({ to: e.currentTarget.value })}>
            <option value="earliest">earliest</option><option value="latest">latest</option><option value="timestamp">time (UTC)</option><option value="offset">offset</option>
          </select></Field>
          {to === 'timestamp' ? <Field label="Time (UTC)"><input name="resetValue" type="datetime-local" step="1" value={value} onInput={(e) => setValue(e.currentTarget.value)} /></Field> : null}
          {to === 'offset' ? <Field label="Offset"><input name="resetValue" inputMode="numeric" value={value} onInput={(e) => setValue(e.currentTarget.value)} /></Field> : null}
          <button type="submit" disabled={busy}>Dry run</button>
        </div>
      </form>
      <ErrorBox error={error} />
      {plan !== null ? (
        <div data-testid="reset-plan">
          <p role="status">{executed ? 'Executed: the group\'s offsets are now:' : 'Dry run: these offsets would be committed:'}</p>
          <table class="t" aria-label="New offsets">
            <thead><tr><th>topic</th><th class="num">partition</th><th class="num">current</th><th class="num">new</th></tr></thead>
            <tbody>{plan.map((c) => <tr key={`${c.topic}/${c.partition}`}><td>{c.topic}</td><td class="num">{c.partition}</td><td class="num">{c.current === '-1' ? 'none' : fmtNum(c.current)}</td><td class="num">{fmtNum(c.target)}</td></tr>)}</tbody>
          </table>
          {!executed ? <div class="row"><button type="button" class="primary" disabled={busy} onClick={() => void call(true)}>Execute reset</button></div> : null}
        </div>
      ) : null}
    </section>
  );
}

export function GroupPage({ group }: { group: string }): JSX.Element {
  const g = useApi<GroupDetail>(`/api/groups/${seg(group)}`);
  const [delError, setDelError] = useState<Error | null>(null);
  const d = g.data;
  const topics = d === null ? [] : [...new Set(d.offsets.map((o) => o.topic))].sort();
  const deleteOffsets = async (topic: string): Promise<void> => {
    setDelError(null);
    try {
      await api(`/api/groups/${seg(group)}/offsets?topic=${seg(topic)}`, { method: 'DELETE', body: {} });
      g.reload();
    } catch (e) {
      setDelError(e as Error);
    }
  };
  return (
    <div>
      <p><a href="/groups">Consumer groups</a> /</p>
      <h1>{group}</h1>
      <ErrorBox error={g.error} />
      <Loading when={g.loading && d === null} />
      {d === null ? null : (
        <>
          <p>State <strong>{d.state}</strong> · {d.type}{d.protocolType === '' ? '' : ` / ${d.protocolType}`} · assignor {d.assignor || '-'} · coordinator {d.coordinator} <button type="button" onClick={() => g.reload()}>Refresh</button></p>
          <h2>Members</h2>
          {d.members.length === 0 ? <p class="muted">No active members.</p> : (
            <table class="t" aria-label="Members">
              <thead><tr><th>member</th><th>client</th><th>host</th><th>assigned</th></tr></thead>
              <tbody>{d.members.map((m) => <tr key={m.memberId}><td class="mono">{m.groupInstanceId ?? m.memberId}</td><td>{m.clientId}</td><td>{m.clientHost}</td><td>{m.assignment.map((a) => `${a.topic}/${a.partition}`).join(', ') || '-'}</td></tr>)}</tbody>
            </table>
          )}
          <h2>Offsets and lag</h2>
          <table class="t" aria-label="Offsets and lag">
            <thead><tr><th>topic</th><th class="num">partition</th><th class="num">committed</th><th class="num">log end</th><th class="num">lag</th><th class="num">lag (time)</th><th>member</th></tr></thead>
            <tbody>{d.offsets.map((o) => (
              <tr key={`${o.topic}/${o.partition}`}>
                <td><a href={`/topics/${seg(o.topic)}/messages?partition=${o.partition}${o.committed !== '-1' ? `&mode=offset&offset=${o.committed}` : ''}`}>{o.topic}</a></td>
                <td class="num">{o.partition}</td><td class="num">{o.committed === '-1' ? 'none' : fmtNum(o.committed)}</td><td class="num">{fmtNum(o.logEnd)}</td>
                <td class="num">{fmtNum(o.lag)}</td><td class="num">{fmtSecs(o.lagSeconds)}</td><td class="mono">{o.memberId ?? '-'}</td>
              </tr>
            ))}</tbody>
          </table>
          {topics.length > 0 ? (
            <div class="row">
              {topics.map((t) => <button type="button" class="danger" key={t} onClick={() => void deleteOffsets(t)}>Delete offsets of {t}</button>)}
            </div>
          ) : null}
          <ErrorBox error={delError} />
          <GroupLagPanel group={group} />
          <Reset group={group} topics={topics} reload={g.reload} />
        </>
      )}
    </div>
  );
}
