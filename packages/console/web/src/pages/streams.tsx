// Stream applications: the list (found through groups and internal topics) and one application:
// instances, input partitions with event time / watermark and their lag (charted from the points
// the console keeps), tasks from the application's metrics, state stores, repartition topics, the
// late topic.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { seg, useApi } from '../api';
import { Chart } from '../chart';
import { ErrorBox, Loading } from '../components';
import { fmtNum, fmtTime } from '../decode';

interface AppSummary { applicationId: string; state: string; instances: number; assignor: string; stores: number; repartitionTopics: number; lateTopic: string | null }

interface TopicStats { name: string; partitions: number; records: string; bytes: string | null }

interface AppDetail {
  applicationId: string; state: string; assignor: string; at: number;
  /** Lag per input partition ("topic/partition" → ms) at each call of this route, oldest first. */
  history: Array<{ at: number; lagMs: Record<string, number> }>;
  instances: Array<{ memberId: string; instanceId: string | null; clientId: string; host: string; partitions: string[] }>;
  inputs: Array<{
    topic: string; partition: number; repartition: boolean; committed: string; logEnd: string; lag: string | null;
    owner: { memberId: string; clientId: string; host: string; instanceId: string | null } | null;
    maxEventTimeMs: number | null; eventTimeLagMs: number | null; task: string | null; watermarkMs: number | null; watermarkLagMs: number | null;
  }>;
  stores: Array<TopicStats & { changelog: string }>;
  repartitionTopics: TopicStats[];
  lateTopic: TopicStats | null;
  metrics: { sources: string[]; errors: string[]; tasks: Array<{ taskId: string; processed: number | null; late: number | null; restored: number | null; windowsClosed: number | null }> };
}

const secs = (ms: number | null): string => (ms === null ? '-' : ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 7_200_000 ? `${(ms / 60_000).toFixed(0)} min` : `${(ms / 3_600_000).toFixed(1)} h`);
const bytes = (b: string | null): string => (b === null ? '-' : Number(b) < 1024 ? `${b} B` : Number(b) < 1 << 20 ? `${(Number(b) / 1024).toFixed(1)} KiB` : `${(Number(b) / (1 << 20)).toFixed(1)} MiB`);

export function StreamsListPage(): JSX.Element {
  const [n, setN] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setN((x) => x + 1), 5000);
    return () => clearInterval(t);
  }, []);
  const l = useApi<{ applications: AppSummary[] }>(`/api/streams?_=${n}`);
  return (
    <div>
      <h1>Stream applications</h1>
      <p class="muted">Found through their consumer groups (assignor tide-streams) and internal topics (<span class="mono">APP-…-changelog</span>, <span class="mono">APP-…-repartition</span>, <span class="mono">APP-late</span>).</p>
      <ErrorBox error={l.error} />
      <Loading when={l.loading && l.data === null} />
      {l.data === null ? null : l.data.applications.length === 0 ? <p class="muted">No stream application found.</p> : (
        <table class="t" aria-label="Stream applications">
          <thead><tr><th>application</th><th>state</th><th class="num">instances</th><th class="num">state stores</th><th class="num">repartition topics</th><th>late records</th></tr></thead>
          <tbody>{l.data.applications.map((a) => (
            <tr key={a.applicationId}>
              <td><a href={`/streams/${seg(a.applicationId)}`}>{a.applicationId}</a></td><td>{a.state}</td><td class="num">{a.instances}</td>
              <td class="num">{a.stores}</td><td class="num">{a.repartitionTopics}</td>
              <td>{a.lateTopic === null ? '-' : <a href={`/dlq/${seg(a.lateTopic)}`}>{a.lateTopic}</a>}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </div>
  );
}

export function StreamsAppPage({ app }: { app: string }): JSX.Element {
  const [n, setN] = useState(0);
  const g = useApi<AppDetail>(`/api/streams/${seg(app)}?_=${n}`);
  useEffect(() => {
    const t = setInterval(() => setN((x) => x + 1), 5000);
    return () => clearInterval(t);
  }, []);
  const d = g.data;
  const history = d?.history ?? [];
  const keys = [...new Set(history.flatMap((h) => Object.keys(h.lagMs)))].sort().slice(0, 6);
  const hasWatermarks = d !== null && d.inputs.some((i) => i.watermarkMs !== null);
  return (
    <div>
      <p><a href="/streams">Stream applications</a> /</p>
      <h1>{app}</h1>
      <ErrorBox error={g.error} />
      <Loading when={g.loading && d === null} />
      {d === null ? null : (
        <>
          <p>Group state <strong>{d.state}</strong> · assignor {d.assignor || '-'} · <a href={`/groups/${seg(app)}`}>consumer group</a> · {d.metrics.sources.length > 0 ? <>metrics from <span class="mono">{d.metrics.sources.join(', ')}</span></> : <span class="muted">no metrics endpoint carries this application's metrics: watermarks, tasks, late and restored counts need them (the event time below is the one its commits carry)</span>}</p>
          {d.metrics.errors.length > 0 ? <div class="error" role="alert">{d.metrics.errors.join('\n')}</div> : null}
          <h2>Instances</h2>
          {d.instances.length === 0 ? <p class="muted">No instance running.</p> : (
            <table class="t" aria-label="Instances">
              <thead><tr><th>instance</th><th>client</th><th>host</th><th>partitions</th></tr></thead>
              <tbody>{d.instances.map((m) => <tr key={m.memberId}><td class="mono">{m.instanceId ?? m.memberId}</td><td>{m.clientId}</td><td>{m.host}</td><td>{m.partitions.join(', ') || '-'}</td></tr>)}</tbody>
            </table>
          )}
          <h2>Input partitions</h2>
          <Chart label={hasWatermarks ? 'Watermark lag (s)' : 'Event-time lag of the committed position (s)'} testId="watermark-chart"
            series={keys.map((k) => ({ name: k, points: history.filter((h) => h.lagMs[k] !== undefined).map((h) => [h.at, h.lagMs[k]! / 1000] as const) }))} />
          <table class="t" aria-label="Input partitions">
            <thead><tr><th>topic</th><th class="num">partition</th><th>task</th><th class="num">committed</th><th class="num">lag</th><th>max event time (committed)</th><th class="num">event-time lag</th><th>watermark</th><th class="num">watermark lag</th><th>owner</th></tr></thead>
            <tbody>{d.inputs.map((i) => (
              <tr key={`${i.topic}/${i.partition}`} data-testid="input-row">
                <td>{i.topic}{i.repartition ? <span class="muted"> (repartition)</span> : null}</td><td class="num">{i.partition}</td><td>{i.task ?? '-'}</td>
                <td class="num">{i.committed === '-1' ? 'none' : fmtNum(i.committed)}</td><td class="num">{fmtNum(i.lag)}</td>
                <td data-testid="event-time">{i.maxEventTimeMs === null ? '-' : fmtTime(i.maxEventTimeMs)}</td><td class="num">{secs(i.eventTimeLagMs)}</td>
                <td data-testid="watermark">{i.watermarkMs === null ? '-' : fmtTime(i.watermarkMs)}</td><td class="num">{secs(i.watermarkLagMs)}</td>
                <td class="mono">{i.owner === null ? '-' : i.owner.instanceId ?? i.owner.clientId}</td>
              </tr>
            ))}</tbody>
          </table>
          <h2>Tasks</h2>
          {d.metrics.tasks.length === 0 ? <p class="muted">Tasks, processed, late and restored records come from the application's metrics; none were read.</p> : (
            <table class="t" aria-label="Tasks">
              <thead><tr><th>task</th><th class="num">processed</th><th class="num">late records</th><th class="num">windows closed</th><th class="num">restored (changelog records)</th></tr></thead>
              <tbody>{d.metrics.tasks.map((t) => <tr key={t.taskId}><td>{t.taskId}</td><td class="num">{fmtNum(t.processed)}</td><td class="num">{fmtNum(t.late)}</td><td class="num">{fmtNum(t.windowsClosed)}</td><td class="num">{fmtNum(t.restored)}</td></tr>)}</tbody>
            </table>
          )}
          <h2>State stores</h2>
          {d.stores.length === 0 ? <p class="muted">No changelog topic (no state, or stores without logging).</p> : (
            <table class="t" aria-label="State stores">
              <thead><tr><th>store</th><th>changelog</th><th class="num">partitions</th><th class="num">changelog records</th><th class="num">on disk</th></tr></thead>
              <tbody>{d.stores.map((s) => <tr key={s.name}><td>{s.name}</td><td><a href={`/topics/${seg(s.changelog)}`}>{s.changelog}</a></td><td class="num">{s.partitions}</td><td class="num">{fmtNum(s.records)}</td><td class="num">{bytes(s.bytes)}</td></tr>)}</tbody>
            </table>
          )}
          {d.repartitionTopics.length > 0 ? (
            <>
              <h2>Repartition topics</h2>
              <table class="t" aria-label="Repartition topics">
                <thead><tr><th>topic</th><th class="num">partitions</th><th class="num">records</th><th class="num">on disk</th></tr></thead>
                <tbody>{d.repartitionTopics.map((s) => <tr key={s.name}><td><a href={`/topics/${seg(s.name)}`}>{s.name}</a></td><td class="num">{s.partitions}</td><td class="num">{fmtNum(s.records)}</td><td class="num">{bytes(s.bytes)}</td></tr>)}</tbody>
              </table>
            </>
          ) : null}
          <h2>Late records</h2>
          {d.lateTopic === null ? <p class="muted">No late-record topic ({app}-late).</p>
            : <p data-testid="late-topic"><a href={`/dlq/${seg(d.lateTopic.name)}`}>{d.lateTopic.name}</a>: {fmtNum(d.lateTopic.records)} records (dead letters with error class late: the watermark, the window missed and by how much).</p>}
        </>
      )}
    </div>
  );
}
