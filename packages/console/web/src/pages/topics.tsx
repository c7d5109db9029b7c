// Topics: the virtualised, sortable list (name filter and sort in the URL) and the create form.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api, ApiFailure, seg, useApi } from '../api';
import { ErrorBox, Field, Loading, parseKeyValues, VirtualTable, type Column } from '../components';
import { fmtNum } from '../decode';
import { navigate, setQuery, useLocation } from '../router';

interface TopicSummary { name: string; internal: boolean; partitions: number; replicas: number; messages: string | null; bytes?: string | null }

const fmtBytes = (b: string | null | undefined): string => {
  if (b === null || b === undefined) return '-';
  const n = Number(b);
  return n < 1024 ? `${n} B` : n < 1 << 20 ? `${(n / 1024).toFixed(1)} KiB` : n < 1 << 30 ? `${(n / (1 << 20)).toFixed(1)} MiB` : `${(n / (1 << 30)).toFixed(2)} GiB`;
};

function CreateTopic({ onCreated }: { onCreated(name: string): void }): JSX.Element {
  const [name, setName] = useState('');
  const [partitions, setPartitions] = useState('1');
  const [replicas, setReplicas] = useState('');
  const [configs, setConfigs] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = {
        name, configs: parseKeyValues(configs),
        ...(partitions.trim() === '' ? {} : { partitions: Number(partitions) }),
        ...(replicas.trim() === '' ? {} : { replicationFactor: Number(replicas) }),
      };
      await api('/api/topics', { method: 'POST', body });
      onCreated(name);
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Create topic">
      <div class="row">
        <Field label="Name"><input name="name" value={name} required onInput={(e) => setName(e.currentTarget.value)} /></Field>
        <Field label="Partitions"><input name="partitions" inputMode="numeric" size={6} value={partitions} onInput={(e) => setPartitions(e.currentTarget.value)} /></Field>
        <Field label="Replication factor" hint="empty: broker default"><input name="replicas" inputMode="numeric" size={6} value={replicas} onInput={(e) => setReplicas(e.currentTarget.value)} /></Field>
      </div>
      <Field label="Configs (key=value per line)"><textarea name="configs" rows={3} value={configs} onInput={(e) => setConfigs(e.currentTarget.value)} placeholder="cleanup.policy=compact" /></Field>
      <div class="row"><button type="submit" class="primary" disabled={busy}>Create topic</button></div>
      <ErrorBox error={error} />
    </form>
  );
}

export function TopicsPage(): JSX.Element {
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const sortId = loc.query.get('sort') ?? 'name';
  const dir = loc.query.get('dir') === 'desc' ? 'desc' : 'asc';
  const internal = loc.query.get('internal') === '1';
  const showCreate = loc.query.get('create') === '1';
  // The names first (fast), then the record counts (one ListOffsets per partition), merged in.
  const list = useApi<{ topics: TopicSummary[] }>('/api/topics');
  const stats = useApi<{ topics: TopicSummary[] }>(list.data === null ? null : '/api/topics?stats=true');
  // Bytes on disk (all replicas) from DescribeLogDirs.
  const sizes = useApi<{ topics: Array<{ name: string; bytes: string }> }>(list.data === null ? null : '/api/log-dirs');
  const rows = useMemo(() => {
    const counts = new Map((stats.data?.topics ?? []).map((t) => [t.name, t.messages]));
    const bytes = new Map((sizes.data?.topics ?? []).map((t) => [t.name, t.bytes]));
    const all = (list.data?.topics ?? []).map((t) => ({ ...(counts.has(t.name) ? { ...t, messages: counts.get(t.name) ?? null } : t), bytes: bytes.get(t.name) ?? null }));
    const needle = q.toLowerCase();
    const filtered = all.filter((t) => (internal || !t.internal) && (needle === '' || t.name.toLowerCase().includes(needle)));
    const key = (t: TopicSummary): number | string => (sortId === 'partitions' ? t.partitions : sortId === 'replicas' ? t.replicas : sortId === 'messages' ? Number(t.messages ?? -1) : sortId === 'size' ? Number(t.bytes ?? -1) : t.name);
    const sign = dir === 'asc' ? 1 : -1;
    return filtered.slice().sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return (x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : 1) * sign;
    });
  }, [list.data, stats.data, sizes.data, q, sortId, dir, internal]);
  const params = { q, sort: sortId === 'name' ? null : sortId, dir: dir === 'asc' ? null : dir, internal: internal ? '1' : null, create: showCreate ? '1' : null };
  const columns: Array<Column<TopicSummary>> = [
    { id: 'name', title: 'Name', width: 'minmax(200px, 4fr)', sortable: true, cell: (t) => <a href={`/topics/${seg(t.name)}`}>{t.name}</a> },
    { id: 'partitions', title: 'Partitions', width: '1fr', sortable: true, numeric: true, cell: (t) => t.partitions },
    { id: 'replicas', title: 'Replicas', width: '1fr', sortable: true, numeric: true, cell: (t) => t.replicas },
    { id: 'messages', title: 'Messages', width: '1fr', sortable: true, numeric: true, cell: (t) => fmtNum(t.messages) },
    { id: 'size', title: 'Size', width: '1fr', sortable: true, numeric: true, cell: (t) => fmtBytes(t.bytes) },
    { id: 'browse', title: '', width: '110px', cell: (t) => <a href={`/topics/${seg(t.name)}/messages`} aria-label={`Messages of ${t.name}`}>messages</a> },
  ];
  return (
    <div>
      <h1>Topics</h1>
      <div class="row">
        <Field label="Filter by name"><input type="search" name="q" value={q} onInput={(e) => setQuery({ ...params, q: e.currentTarget.value }, { replace: true })} /></Field>
        <label class="row"><input type="checkbox" checked={internal} onChange={(e) => setQuery({ ...params, internal: e.currentTarget.checked ? '1' : null }, { replace: true })} /> Show internal</label>
        <button type="button" onClick={() => setQuery({ ...params, create: showCreate ? null : '1' })} aria-expanded={showCreate}>{showCreate ? 'Close' : 'Create topic'}</button>
        <span class="muted" data-testid="topic-count">{fmtNum(rows.length)} of {fmtNum(list.data?.topics.length ?? 0)} topics</span>
      </div>
      {showCreate ? <CreateTopic onCreated={(name) => navigate(`/topics/${seg(name)}`)} /> : null}
      <ErrorBox error={list.error instanceof ApiFailure ? list.error : null} />
      <Loading when={list.loading && list.data === null} />
      {list.data === null ? null : (
        <VirtualTable label="Topics" rows={rows} columns={columns} rowKey={(t) => t.name} sort={{ id: sortId, dir }}
          onSort={(id) => setQuery({ ...params, sort: id === 'name' ? null : id, dir: id === sortId && dir === 'asc' ? 'desc' : null }, { replace: true })} />
      )}
    </div>
  );
}
