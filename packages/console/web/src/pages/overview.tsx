// Overview: the cluster, counts, groups with lag, and (with --metrics) rates from the metrics endpoint.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { ErrorBox, Loading } from '../components';
import { fmtNum } from '../decode';
import { Chart } from '../chart';
import { OverviewOps } from './overview-ops';

interface Overview {
  consoleVersion: string;
  clusterId: string | null;
  controllerId: number;
  brokers: Array<{ nodeId: number; host: string; port: number; rack: string | null; controller: boolean }>;
  topics: number;
  internalTopics: number;
  partitions: number;
  groups: number;
  groupsStates: Record<string, number>;
  laggingGroups: Array<{ groupId: string; state: string; lag: string }>;
  registryUrl: string | null;
  metricsUrl: string | null;
}

interface Sample { name: string; labels: Record<string, string>; value: number }

/** Counters whose rate is worth a line: bytes/records in and out. Gauges: anything about disk or log size. */
const RATE = /(bytes|messages|records)_(in|out)(_total)?$|_(in|out)_bytes_total$/;
const SIZE = /(disk|log_size|size_bytes)/;

function Metrics({ url }: { url: string }): JSX.Element {
  const prev = useRef<{ at: number; sums: Map<string, number> } | null>(null);
  const [rates, setRates] = useState<Array<{ name: string; value: number; kind: 'rate' | 'gauge' }>>([]);
  const [error, setError] = useState<Error | null>(null);
  const hist = useRef(new Map<string, Array<readonly [number, number]>>());
  useEffect(() => {
    let stop = false;
    const tick = async (): Promise<void> => {
      try {
        const m = await api<{ at: number; samples: Sample[] }>('/api/metrics');
        const sums = new Map<string, number>();
        for (const s of m.samples) if (RATE.test(s.name) || SIZE.test(s.name)) sums.set(s.name, (sums.get(s.name) ?? 0) + s.value);
        const p = prev.current;
        const out: Array<{ name: string; value: number; kind: 'rate' | 'gauge' }> = [];
        for (const [name, v] of sums) {
          if (SIZE.test(name) && !RATE.test(name)) out.push({ name, value: v, kind: 'gauge' });
          else if (p !== null && p.sums.has(name)) out.push({ name, value: (v - p.sums.get(name)!) / Math.max(0.001, (m.at - p.at) / 1000), kind: 'rate' });
        }
        prev.current = { at: m.at, sums };
        for (const r of out) {
          const h = hist.current.get(r.name) ?? [];
          h.push([m.at, r.value]);
          if (h.length > 360) h.shift();
          hist.current.set(r.name, h);
        }
        if (!stop) {
          setRates(out);
          setError(null);
        }
      } catch (e) {
        if (!stop) setError(e as Error);
      }
    };
    void tick();
    const t = setInterval(() => void tick(), 5000);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [url]);
  return (
    <section aria-labelledby="metrics-h">
      <h2 id="metrics-h">Metrics <span class="muted">from {url}</span></h2>
      <ErrorBox error={error} />
      {rates.length === 0 && error === null ? <p class="muted">Waiting for two samples…</p> : null}
      <div class="charts">
        {rates.some((r) => r.kind === 'rate') ? <Chart label="Rates in/out (per second)" testId="rates-chart" series={rates.filter((r) => r.kind === 'rate').map((r) => ({ name: r.name, points: hist.current.get(r.name) ?? [] }))} /> : null}
        {rates.some((r) => r.kind === 'gauge') ? <Chart label="Disk (bytes)" testId="disk-chart" series={rates.filter((r) => r.kind === 'gauge').map((r) => ({ name: r.name, points: hist.current.get(r.name) ?? [] }))} /> : null}
      </div>
      <table class="t"><thead><tr><th>metric</th><th class="num">value</th></tr></thead>
        <tbody>{rates.map((r) => <tr key={r.name}><td class="mono">{r.name}</td><td class="num">{r.kind === 'rate' ? `${fmtNum(Math.round(r.value))}/s` : fmtNum(Math.round(r.value))}</td></tr>)}</tbody>
      </table>
    </section>
  );
}

export function OverviewPage(): JSX.Element {
  const o = useApi<Overview>('/api/overview');
  const d = o.data;
  return (
    <div>
      <h1>Overview</h1>
      <ErrorBox error={o.error} />
      <Loading when={o.loading && d === null} />
      {d === null ? null : (
        <>
          <div class="cards" data-testid="overview-cards">
            <div class="card"><div class="muted">Brokers</div><div class="n">{d.brokers.length}</div></div>
            <div class="card"><div class="muted">Topics</div><div class="n"><a href="/topics">{fmtNum(d.topics)}</a></div><div class="muted">+{d.internalTopics} internal</div></div>
            <div class="card"><div class="muted">Partitions</div><div class="n">{fmtNum(d.partitions)}</div></div>
            <div class="card"><div class="muted">Consumer groups</div><div class="n"><a href="/groups">{fmtNum(d.groups)}</a></div></div>
          </div>
          <OverviewOps />
          <h2>Cluster</h2>
          <p>Cluster id <span class="mono">{d.clusterId ?? '-'}</span>, controller {d.controllerId}, console {d.consoleVersion}.</p>
          <table class="t" aria-label="Brokers">
            <thead><tr><th>node</th><th>host</th><th>port</th><th>rack</th><th>role</th></tr></thead>
            <tbody>{d.brokers.map((b) => <tr key={b.nodeId}><td>{b.nodeId}</td><td>{b.host}</td><td>{b.port}</td><td>{b.rack ?? '-'}</td><td>{b.controller ? 'controller' : ''}</td></tr>)}</tbody>
          </table>
          <h2>Groups with lag</h2>
          {d.laggingGroups.length === 0 ? <p class="muted">No group is behind.</p> : (
            <table class="t" aria-label="Groups with lag">
              <thead><tr><th>group</th><th>state</th><th class="num">lag (records)</th></tr></thead>
              <tbody>{d.laggingGroups.map((g) => <tr key={g.groupId}><td><a href={`/groups/${seg(g.groupId)}`}>{g.groupId}</a></td><td>{g.state}</td><td class="num">{fmtNum(g.lag)}</td></tr>)}</tbody>
            </table>
          )}
          {d.metricsUrl !== null ? <Metrics url={d.metricsUrl} /> : <p class="muted">Rates and disk: start the console with --metrics URL.</p>}
          {d.registryUrl !== null ? <p>Schema registry: <span class="mono">{d.registryUrl}</span></p> : null}
        </>
      )}
    </div>
  );
}
