// A group's lag over time and its status (OK/WARN/STALL/STOP/REWIND), sampled by the console
// (GET /api/groups/ID/lag adds a point at most once a second; the page asks every 5 s).
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { seg, useApi } from '../api';
import { Chart, LagStatusPill } from '../chart';
import { ErrorBox } from '../components';
import { fmtNum } from '../decode';

interface GroupLag {
  status: string;
  lag: string;
  points: Array<{ at: number; lag: string }>;
  partitions: Array<{ topic: string; partition: number; lag: string | null; status: string }>;
}

export function GroupLagPanel({ group }: { group: string }): JSX.Element {
  const [n, setN] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setN((x) => x + 1), 5000);
    return () => clearInterval(t);
  }, []);
  const l = useApi<GroupLag>(`/api/groups/${seg(group)}/lag?_=${n}`);
  const d = l.data;
  const bad = d === null ? [] : d.partitions.filter((p) => p.status !== 'OK');
  return (
    <section aria-labelledby="lag-h">
      <h2 id="lag-h">Lag over time <LagStatusPill status={d?.status ?? null} /></h2>
      <ErrorBox error={l.error} />
      {d === null ? null : (
        <>
          <Chart label="Total lag (records)" testId="lag-chart" series={[{ name: 'lag', points: d.points.map((p) => [p.at, Number(p.lag)] as const) }]} />
          <p class="muted">Status from the samples the console took ({d.points.length} so far, every 5 s while this page is open, kept for an hour): OK caught up or catching up; WARN committing but the lag never went down; STALL committing the same offset; STOP no new commit; REWIND a commit went backwards.</p>
          {bad.length > 0 ? (
            <table class="t" aria-label="Partitions not OK">
              <thead><tr><th>topic</th><th class="num">partition</th><th class="num">lag</th><th>status</th></tr></thead>
              <tbody>{bad.map((p) => <tr key={`${p.topic}/${p.partition}`}><td>{p.topic}</td><td class="num">{p.partition}</td><td class="num">{fmtNum(p.lag)}</td><td><LagStatusPill status={p.status} /></td></tr>)}</tbody>
            </table>
          ) : null}
        </>
      )}
    </section>
  );
}
