// Charts: a Vega-Lite spec compiled to Vega, rendered to SVG headless (no browser, no canvas),
// rasterised to PNG with resvg using the system fonts.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as vl from 'vega-lite';
import * as vega from 'vega';
import { Resvg } from '@resvg/resvg-js';

const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
// Vega-Lite warns about facets with independent scales (intended here): keep the output clean.
const QUIET = { level() { return this; }, error() { return this; }, warn() { return this; }, info() { return this; }, debug() { return this; } };

export async function renderPng(spec, file) {
  const full = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    background: 'white',
    padding: 12,
    config: { font: FONT, axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 360 }, legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 360 }, title: { fontSize: 14 } },
    ...spec,
  };
  const view = new vega.View(vega.parse(vl.compile(full, { logger: QUIET }).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, png);
  return file;
}

/**
 * Grouped horizontal bars: rows { group, series, value, label? }. `rule` draws a vertical
 * reference line (e.g. the disk limit) at a value with a caption.
 */
export function groupedBars({ title, rows, unit, rules = [], log = false, width = 560, colorOf }) {
  const seriesNames = [...new Set(rows.map((r) => r.series))];
  const colorScale = colorOf ? { domain: seriesNames, range: seriesNames.map(colorOf) } : { scheme: 'tableau10' };
  // Every layer names the same scale: layers with different scale types would not merge.
  const scale = log ? { type: 'log' } : { zero: true };
  const layers = [
    {
      mark: { type: 'bar', tooltip: true },
      encoding: {
        y: { field: 'series', type: 'nominal', title: null, sort: null },
        // No stacking: a stacked bar starts at 0, which a log scale cannot show.
        x: { field: 'value', type: 'quantitative', title: unit, scale, stack: null },
        color: { field: 'series', type: 'nominal', legend: null, scale: colorScale },
      },
    },
    {
      mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
      encoding: {
        y: { field: 'series', type: 'nominal', sort: null },
        x: { field: 'value', type: 'quantitative', scale },
        text: { field: 'label', type: 'nominal' },
      },
    },
  ];
  for (const r of rules) {
    layers.push({
      data: { values: [r] },
      mark: { type: 'rule', strokeDash: [4, 3], color: '#444' },
      encoding: { x: { field: 'value', type: 'quantitative', scale } },
    });
    layers.push({
      data: { values: [r] },
      mark: { type: 'text', align: 'left', dx: 3, dy: -4, baseline: 'bottom', fontSize: 10, color: '#444' },
      encoding: { x: { field: 'value', type: 'quantitative', scale }, y: { value: 0 }, text: { field: 'label' } },
    });
  }
  const rowsWithLabels = rows.map((r) => ({ ...r, label: r.label ?? fmt(r.value) }));
  const groups = [...new Set(rows.map((r) => r.group))];
  return {
    title,
    data: { values: rowsWithLabels },
    facet: { row: { field: 'group', type: 'nominal', title: null, header: { labelAngle: 0, labelAlign: 'left', labelFontSize: 12, labelFontWeight: 'bold' }, sort: groups } },
    spec: { width, layer: layers },
    resolve: { scale: { y: 'independent' } },
  };
}

/** Lines: rows { x, series, value }; x on a log scale when `logX`. */
export function lines({ title, rows, xTitle, yTitle, logX = false, logY = false, colorOf }) {
  const seriesNames = [...new Set(rows.map((r) => r.series))];
  const colorScale = colorOf ? { domain: seriesNames, range: seriesNames.map(colorOf) } : { scheme: 'tableau10' };
  return {
    title,
    width: 560,
    height: 300,
    data: { values: rows },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle, scale: logX ? { type: 'log' } : {} },
      y: { field: 'value', type: 'quantitative', title: yTitle, scale: logY ? { type: 'log' } : {} },
      color: { field: 'series', type: 'nominal', title: null, scale: colorScale },
    },
  };
}

export function fmt(v) {
  if (v === undefined || v === null || Number.isNaN(v)) return 'n/a';
  if (v >= 100) return Math.round(v).toLocaleString('en-US');
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/** The same colour for a system in every chart (by the start of its label). */
export function systemColor(label) {
  const l = label.toLowerCase();
  if (l.startsWith('tideline')) return '#e45756';
  if (l.startsWith('kafka flush')) return '#1b3a6b';
  if (l.startsWith('kafka') || l.startsWith('apache kafka')) return '#4c78a8';
  if (l.includes('everysec')) return '#f2a65a';
  if (l.startsWith('redis')) return '#b5651d';
  if (l.startsWith('nats')) return '#54a24b';
  if (l.includes('limit') || l.startsWith('node') || l.startsWith('java')) return '#9d9d9d';
  return '#b279a2';
}
