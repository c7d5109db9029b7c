// The overview's operations cards: dead-letter depth and groups in trouble (lag status not OK).
import type { JSX } from 'preact';
import { seg, useApi } from '../api';
import { LagStatusPill } from '../chart';
import { fmtNum } from '../decode';

export function OverviewOps(): JSX.Element {
  const dlq = useApi<{ topics: Array<{ name: string; records: number }>; depth: number }>('/api/dlq');
  const st = useApi<{ groups: Array<{ groupId: string; state: string; status: string; lag: string }> }>('/api/lag-status?trouble=true');
  return (
    <>
      <div class="cards" data-testid="overview-ops">
        <div class="card"><div class="muted">Dead letters</div><div class="n"><a href="/dlq">{dlq.data === null ? '-' : fmtNum(dlq.data.depth)}</a></div><div class="muted">in {dlq.data?.topics.length ?? 0} topics</div></div>
        <div class="card"><div class="muted">Groups in trouble</div><div class="n"><a href="/groups">{st.data === null ? '-' : fmtNum(st.data.groups.length)}</a></div><div class="muted">status not OK</div></div>
      </div>
      {st.data !== null && st.data.groups.length > 0 ? (
        <>
          <h2>Groups in trouble</h2>
          <table class="t" aria-label="Groups in trouble">
            <thead><tr><th>group</th><th>state</th><th>status</th><th class="num">lag</th></tr></thead>
            <tbody>{st.data.groups.map((g) => <tr key={g.groupId}><td><a href={`/groups/${seg(g.groupId)}`}>{g.groupId}</a></td><td>{g.state}</td><td><LagStatusPill status={g.status} /></td><td class="num">{fmtNum(g.lag)}</td></tr>)}</tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
