// One topic: partitions with offsets, add partitions, configs (set / back to default), delete.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { ErrorBox, Field, Loading, useAction } from '../components';
import { fmtNum } from '../decode';
import { navigate, setQuery, useLocation } from '../router';

interface TopicDetail {
  name: string;
  topicId: string;
  internal: boolean;
  partitions: Array<{ partition: number; leader: number; leaderEpoch: number; replicas: number[]; isr: number[]; logStartOffset: string | null; highWatermark: string | null; messages: string | null }>;
  configs: Array<{ name: string; value: string | null; readOnly: boolean; isDefault: boolean; isSensitive: boolean; source: string }>;
}


function ConfigEditor({ topic, reload }: { topic: TopicDetail; reload(): void }): JSX.Element {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const a = useAction();
  const alter = (body: unknown, what: string): void => a.run(async () => {
    await api(`/api/topics/${seg(topic.name)}/configs`, { method: 'PATCH', body });
    reload();
    return what;
  });
  return (
    <form aria-label="Set a config" onSubmit={(e) => {
      e.preventDefault();
      alter({ set: { [key]: value } }, `${key} set to ${value}`);
    }}>
      <div class="row">
        <Field label="Config"><input name="configKey" list="config-names" value={key} required onInput={(e) => setKey(e.currentTarget.value)} /></Field>
        <datalist id="config-names">{topic.configs.map((c) => <option key={c.name} value={c.name} />)}</datalist>
        <Field label="Value"><input name="configValue" value={value} onInput={(e) => setValue(e.currentTarget.value)} /></Field>
        <button type="submit" disabled={a.busy}>Set</button>
        <button type="button" disabled={a.busy || key === ''} onClick={() => alter({ delete: [key] }, `${key} back to its default`)}>Back to default</button>
      </div>
      <ErrorBox error={a.error} />
      {a.done !== null ? <p class="ok-text" role="status">{a.done}</p> : null}
    </form>
  );
}

export function TopicPage({ topic }: { topic: string }): JSX.Element {
  const loc = useLocation();
  const all = loc.query.get('configs') === 'all';
  const t = useApi<TopicDetail>(`/api/topics/${seg(topic)}`);
  const [add, setAdd] = useState('1');
  const [confirm, setConfirm] = useState('');
  const addA = useAction();
  const delA = useAction();
  const d = t.data;
  return (
    <div>
      <p><a href="/topics">Topics</a> /</p>
      <h1>{topic}</h1>
      <div class="tabs"><strong>Partitions and configs</strong><a href={`/topics/${seg(topic)}/messages`}>Messages</a></div>
      <ErrorBox error={t.error} />
      <Loading when={t.loading && d === null} />
      {d === null ? null : (
        <>
          <p class="muted">Topic id <span class="mono">{d.topicId}</span>{d.internal ? ' · internal' : ''}</p>
          <h2>Partitions</h2>
          <table class="t" aria-label="Partitions">
            <thead><tr><th class="num">partition</th><th class="num">leader</th><th>replicas</th><th>in sync</th><th class="num">log start</th><th class="num">high watermark</th><th class="num">messages</th><th></th></tr></thead>
            <tbody>{d.partitions.map((p) => (
              <tr key={p.partition}>
                <td class="num">{p.partition}</td><td class="num">{p.leader}</td><td>{p.replicas.join(', ')}</td><td>{p.isr.join(', ')}</td>
                <td class="num">{fmtNum(p.logStartOffset)}</td><td class="num">{fmtNum(p.highWatermark)}</td><td class="num">{fmtNum(p.messages)}</td>
                <td><a href={`/topics/${seg(topic)}/messages?partition=${p.partition}`}>browse</a></td>
              </tr>
            ))}</tbody>
          </table>
          <form aria-label="Add partitions" onSubmit={(e) => {
            e.preventDefault();
            addA.run(async () => {
              const r = await api<{ from: number; to: number }>(`/api/topics/${seg(topic)}/partitions`, { method: 'POST', body: { add: Number(add) } });
              t.reload();
              return `partitions: ${r.from} → ${r.to}`;
            });
          }}>
            <div class="row">
              <Field label="Add partitions" hint="keys may then map to other partitions"><input name="addPartitions" inputMode="numeric" size={6} value={add} onInput={(e) => setAdd(e.currentTarget.value)} /></Field>
              <button type="submit" disabled={addA.busy}>Add</button>
            </div>
            <ErrorBox error={addA.error} />
            {addA.done !== null ? <p class="ok-text" role="status">{addA.done}</p> : null}
          </form>
          <h2>Configs {all ? '' : '(not default)'}</h2>
          <p><a href={`/topics/${seg(topic)}${all ? '' : '?configs=all'}`} onClick={(e) => {
            e.preventDefault();
            setQuery({ configs: all ? null : 'all' }, { replace: true });
          }}>{all ? 'Show only the non-default configs' : 'Show all configs'}</a></p>
          <table class="t" aria-label="Configs">
            <thead><tr><th>name</th><th>value</th><th>source</th></tr></thead>
            <tbody>{d.configs.filter((c) => all || !c.isDefault).map((c) => (
              <tr key={c.name}><td class="mono">{c.name}</td><td class="mono">{c.isSensitive ? '(sensitive)' : (c.value ?? '-')}</td><td>{c.source}{c.readOnly ? ', read-only' : ''}</td></tr>
            ))}</tbody>
          </table>
          <ConfigEditor topic={d} reload={t.reload} />
          <h2>Delete</h2>
          <form aria-label="Delete topic" onSubmit={(e) => {
            e.preventDefault();
            delA.run(async () => {
              await api(`/api/topics/${seg(topic)}`, { method: 'DELETE', body: {} });
              navigate('/topics');
              return 'deleted';
            });
          }}>
            <div class="row">
              <Field label={`Type the topic name to delete it`}><input name="confirmDelete" value={confirm} onInput={(e) => setConfirm(e.currentTarget.value)} /></Field>
              <button type="submit" class="danger" disabled={confirm !== topic || delA.busy}>Delete topic</button>
            </div>
            <ErrorBox error={delA.error} />
          </form>
        </>
      )}
    </div>
  );
}
