// Charts of stored bytes over the retention window: a terminal one (block characters) and a
// small self-contained SVG. Pure functions of a series.
import { formatBytes, round } from './plan.js';

export interface SeriesPoint {
  day: number;
  bytes: number;
}

const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A bar chart `height` rows tall, one column per point, y labels in bytes and an x axis in days. */
export function terminalChart(series: readonly SeriesPoint[], opts: { height?: number; title?: string; limitBytes?: number } = {}): string {
  const height = opts.height ?? 8;
  const top = Math.max(opts.limitBytes ?? 0, ...series.map((p) => p.bytes), 1);
  const labels = Array.from({ length: height }, (_, i) => formatBytes((top * (height - i)) / height));
  const w = Math.max(...labels.map((l) => l.length));
  const lines: string[] = [];
  if (opts.title !== undefined) lines.push(opts.title);
  const limitRow = opts.limitBytes === undefined ? -1 : height - Math.ceil((opts.limitBytes / top) * height);
  for (let row = 0; row < height; row++) {
    const lo = (top * (height - row - 1)) / height;
    let line = '';
    for (const p of series) {
      const eighths = Math.round(((p.bytes - lo) / (top / height)) * 8);
      line += BLOCKS[Math.max(0, Math.min(8, eighths))];
    }
    if (row === limitRow) line = line.replace(/ /g, '·');
    lines.push(`${labels[row]!.padStart(w)} ┤${line}`);
  }
  const last = series[series.length - 1]?.day ?? 0;
  lines.push(`${' '.repeat(w)} └${'─'.repeat(series.length)}`);
  const axis = `day 0${' '.repeat(Math.max(1, series.length - 5 - String(round(last)).length - 4))}day ${round(last)}`;
  lines.push(`${' '.repeat(w + 2)}${axis}`);
  if (opts.limitBytes !== undefined) lines.push(`${' '.repeat(w + 2)}(···· disk to provision: ${formatBytes(opts.limitBytes)})`);
  return lines.join('\n');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A 640×320 SVG line chart of the series, with the provisioned disk as a dashed line. */
export function svgChart(series: readonly SeriesPoint[], opts: { title?: string; limitBytes?: number } = {}): string {
  const W = 640, H = 320, L = 80, R = 20, T = 40, B = 40;
  const maxDay = Math.max(...series.map((p) => p.day), 1);
  const top = Math.max(opts.limitBytes ?? 0, ...series.map((p) => p.bytes), 1) * 1.05;
  const x = (d: number): number => L + ((W - L - R) * d) / maxDay;
  const y = (b: number): number => H - B - ((H - T - B) * b) / top;
  const path = series.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.bytes).toFixed(1)}`).join(' ');
  const ticks: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const b = (top * i) / 4;
    ticks.push(`<line x1="${L}" x2="${W - R}" y1="${y(b).toFixed(1)}" y2="${y(b).toFixed(1)}" stroke="#ddd"/><text x="${L - 6}" y="${(y(b) + 4).toFixed(1)}" text-anchor="end">${esc(formatBytes(b))}</text>`);
    const d = (maxDay * i) / 4;
    ticks.push(`<text x="${x(d).toFixed(1)}" y="${H - B + 18}" text-anchor="middle">${round(d)} d</text>`);
  }
  const limit = opts.limitBytes === undefined ? '' : `<line x1="${L}" x2="${W - R}" y1="${y(opts.limitBytes).toFixed(1)}" y2="${y(opts.limitBytes).toFixed(1)}" stroke="#c33" stroke-dasharray="6 4"/><text x="${W - R}" y="${(y(opts.limitBytes) - 6).toFixed(1)}" text-anchor="end" fill="#c33">disk to provision ${esc(formatBytes(opts.limitBytes))}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${L}" y="24" font-size="14">${esc(opts.title ?? 'Stored bytes over the retention window')}</text>`,
    ...ticks,
    `<path d="${path}" fill="none" stroke="#2a6" stroke-width="2"/>`,
    limit,
    `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#333"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#333"/>`,
    '</svg>',
    '',
  ].join('\n');
}
