// Consumer groups: the list with state, members and total lag.
import type { JSX } from 'preact';
import { useMemo } from 'preact/hooks';
import { seg, useApi } from '../api';
import { ErrorBox, Field, Loading, VirtualTable, type Column } from '../components';
import { fmtNum } from '../decode';
import { setQuery, useLocation } from '../router';

interface GroupRow { groupId: string; state: string; type: string; protocolType: string; members: number; partitions: number; lag: string | null }

export function GroupsPage(): JSX.Element {
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const g = useApi<{ groups: GroupRow[] }>('/api/groups');
  const rows = useMemo(() => (g.data?.groups ?? []).filter((x) => q === '' || x.groupId.toLowerCase().includes(q.toLowerCase())), [g.data, q]);
  const columns: Array<Column<GroupRow>> = [
    { id: 'id', title: 'Group', width: 'minmax(200px, 4fr)', cell: (r) => <a href={`/groups/${seg(r.groupId)}`}>{r.groupId}</a> },
    { id: 'state', title: 'State', width: '1.2fr', cell: (r) => r.state },
    { id: 'type', title: 'Protocol', width: '1fr', cell: (r) => `${r.type}${r.protocolType === '' ? '' : ` / ${r.protocolType}`}` },
    { id: 'members', title: 'Members', width: '1fr', numeric: true, cell: (r) => r.members },
    { id: 'partitions', title: 'Partitions', width: '1fr', numeric: true, cell: (r) => r.partitions },
    { id: 'lag', title: 'Lag (records)', width: '1fr', numeric: true, cell: (r) => <span class={r.lag !== null && r.lag !== '0' ? 'pill warn' : ''}>{fmtNum(r.lag)}</span> },
  ];
  return (
    <div>
      <h1>Consumer groups</h1>
      <div class="row">
        <Field label="Filter by id"><input type="search" name="q" value={q} onInput={(e) => setQuery({ q: e.currentTarget.value }, { replace: true })} /></Field>
        <button type="button" onClick={() => g.reload()}>Refresh</button>
      </div>
      <ErrorBox error={g.error} />
      <Loading when={g.loading && g.data === null} />
      {g.data !== null ? (rows.length === 0 ? <p class="muted">No groups.</p> : <VirtualTable label="Consumer groups" rows={rows} columns={columns} rowKey={(r) => r.groupId} height="calc(100vh - 240px)" />) : null}
    </div>
  );
}
