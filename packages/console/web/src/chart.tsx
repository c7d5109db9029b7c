// A small line chart in SVG (no library): one or more series over time, the y range from 0 to the
// largest value, the first and last time and the largest value as labels, and a legend. Screen
// readers get the label and each series' latest value (role="img" + aria-label).
import type { JSX } from 'preact';
import './ops.css';

export interface Series {
  name: string;
  /** [time ms, value], oldest first. */
  points: ReadonlyArray<readonly [number, number]>;
}

const COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function Chart(props: { label: string; series: readonly Series[]; format?(v: number): string; height?: number; testId?: string }): JSX.Element {
  const w = 640;
  const h = props.height ?? 140;
  const padL = 64;
  const padB = 18;
  const fmt = props.format ?? ((v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 }));
  const all = props.series.flatMap((s) => s.points);
  const latest = props.series.map((s) => `${s.name} ${s.points.length === 0 ? 'no data' : fmt(s.points[s.points.length - 1]![1])}`).join(', ');
  if (all.length === 0) {
    return <p class="muted" data-testid={props.testId}>{props.label}: no samples yet.</p>;
  }
  const t0 = Math.min(...all.map((p) => p[0]));
  const t1 = Math.max(...all.map((p) => p[0]));
  const vmax = Math.max(1, ...all.map((p) => p[1]));
  const x = (t: number): number => padL + (t1 === t0 ? (w - padL) / 2 : ((t - t0) / (t1 - t0)) * (w - padL - 4));
  const y = (v: number): number => 4 + (1 - v / vmax) * (h - padB - 8);
  return (
    <figure class="chart" data-testid={props.testId} data-points={all.length}>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${props.label}: ${latest}`}>
        <line x1={padL} y1={y(0)} x2={w} y2={y(0)} class="axis" />
        <line x1={padL} y1={y(vmax)} x2={w} y2={y(vmax)} class="grid" />
        <text x={padL - 6} y={y(vmax) + 8} text-anchor="end" class="lbl">{compact.format(vmax)}</text>
        <text x={padL - 6} y={y(0)} text-anchor="end" class="lbl">0</text>
        <text x={padL} y={h - 2} class="lbl">{clock(t0)}</text>
        <text x={w - 2} y={h - 2} text-anchor="end" class="lbl">{clock(t1)} UTC</text>
        {props.series.map((s, i) => (
          s.points.length === 1
            ? <circle key={s.name} cx={x(s.points[0]![0])} cy={y(s.points[0]![1])} r={3} fill={COLORS[i % COLORS.length]} />
            : <polyline key={s.name} fill="none" stroke={COLORS[i % COLORS.length]} stroke-width={2} vector-effect="non-scaling-stroke"
              points={s.points.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
      <figcaption>
        <span class="muted">{props.label}</span>
        {props.series.map((s, i) => <span key={s.name} class="legend"><span class="swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" />{s.name}: {s.points.length === 0 ? '-' : fmt(s.points[s.points.length - 1]![1])}</span>)}
      </figcaption>
    </figure>
  );
}

/** OK / WARN / STALL / STOP / REWIND as a labelled pill. */
export function LagStatusPill({ status }: { status: string | null }): JSX.Element {
  if (status === null) return <span class="pill">-</span>;
  return <span class={`pill status-${status.toLowerCase()}`} data-testid="lag-status" title={STATUS_HELP[status] ?? ''}>{status}</span>;
}

const STATUS_HELP: Record<string, string> = {
  OK: 'caught up, or the lag went down',
  WARN: 'committing, but the lag never went down',
  STALL: 'committing the same offset while behind',
  STOP: 'no new commit for longer than the window spans',
  REWIND: 'a committed offset went backwards',
};
