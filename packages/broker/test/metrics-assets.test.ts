// The ready-made monitoring assets in ops/: Prometheus alerting rules (promtool check rules and
// promtool test rules with ops/prometheus/alerts.test.yml) and the Grafana dashboard (its shape
// against a JSON schema, its layout, every PromQL expression parsed by promtool, and every metric
// it or the rules name exposed by the broker, or by the applications' metrics listed below).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { repoRoot, run, toolOrSkip } from '@tideline/interop';
import { startBroker } from '../src/index.js';

const OPS = join(repoRoot(), 'ops');
const RULES = join(OPS, 'prometheus', 'alerts.yml');
const DASHBOARD = join(OPS, 'grafana', 'tideline.json');

/** Metrics the applications export (DLQ depth, streams watermarks), not the broker. */
const APPLICATION_METRICS = new Set(['tideline_dlq_depth_records', 'tideline_streams_watermark_lag_seconds']);

/** Every metric name the broker exposes, histogram and summary series included. */
async function brokerMetricNames(): Promise<Set<string>> {
  const b = await startBroker({ storage: 'memory://', port: 0, metrics: true });
  try {
    const text = await b.metrics!.scrape();
    const names = new Set<string>();
    for (const m of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      const [, name, type] = m as unknown as [string, string, string];
      names.add(name);
      if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
      if (type === 'summary') for (const s of ['_sum', '_count']) names.add(name + s);
    }
    return names;
  } finally {
    await b.close();
  }
}

/** Metric names in a PromQL expression: our prefixes only (functions and labels never carry them). */
const metricNamesIn = (expr: string): string[] => [...expr.matchAll(/\b((?:tideline|process|nodejs)_[a-zA-Z0-9_]*)\b/g)].map((m) => m[1]!);

interface Target { refId: string; expr: string }
interface Panel { id: number; type: string; title: string; gridPos: { h: number; w: number; x: number; y: number }; targets?: Target[] }
interface Dashboard { title: string; uid: string; schemaVersion: number; panels: Panel[]; templating: { list: Array<{ name: string }> } }

const DASHBOARD_SCHEMA = {
  type: 'object',
  required: ['title', 'uid', 'schemaVersion', 'panels', 'templating', 'time'],
  properties: {
    title: { type: 'string', minLength: 1 },
    uid: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,40}$' },
    schemaVersion: { type: 'integer', minimum: 30 },
    time: { type: 'object', required: ['from', 'to'] },
    templating: {
      type: 'object', required: ['list'],
      properties: { list: { type: 'array', items: { type: 'object', required: ['name', 'type'], properties: { name: { type: 'string' }, type: { enum: ['datasource', 'query', 'custom', 'interval', 'constant'] } } } } },
    },
    panels: {
      type: 'array', minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'type', 'title', 'gridPos'],
        properties: {
          id: { type: 'integer', minimum: 1 },
          type: { enum: ['row', 'timeseries', 'stat', 'gauge', 'table', 'bargauge', 'state-timeline'] },
          title: { type: 'string', minLength: 1 },
          gridPos: {
            type: 'object', required: ['h', 'w', 'x', 'y'],
            properties: { h: { type: 'integer', minimum: 1 }, w: { type: 'integer', minimum: 1, maximum: 24 }, x: { type: 'integer', minimum: 0, maximum: 23 }, y: { type: 'integer', minimum: 0 } },
          },
          targets: {
            type: 'array',
            items: { type: 'object', required: ['refId', 'expr'], properties: { refId: { type: 'string' }, expr: { type: 'string', minLength: 1 } } },
          },
        },
        if: { properties: { type: { not: { const: 'row' } } } },
        then: { required: ['targets', 'datasource'], properties: { targets: { minItems: 1 } } },
      },
    },
  },
};

test('ops/prometheus/alerts.yml: promtool check rules and promtool test rules (lag, disk, DLQ, watermark)', { timeout: 60_000 }, async (t) => {
  if (!toolOrSkip(t, 'promtool')) return;
  const check = await run('promtool', ['check', 'rules', RULES], { allowFailure: true, timeoutMs: 30_000 });
  assert.equal(check.code, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /SUCCESS: \d+ rules found/);
  const unit = await run('promtool', ['test', 'rules', 'alerts.test.yml'], { cwd: join(OPS, 'prometheus'), allowFailure: true, timeoutMs: 30_000 });
  assert.equal(unit.code, 0, unit.stdout + unit.stderr);
  assert.match(unit.stdout, /SUCCESS/);
  // The rules' unit tests cover the lag and disk rules at least.
  const tests = readFileSync(join(OPS, 'prometheus', 'alerts.test.yml'), 'utf8');
  for (const alert of ['TidelineConsumerLagHigh', 'TidelineDiskWillFillIn4Hours', 'TidelineDlqDepthGrowing', 'TidelineWatermarkStalled']) assert.ok(tests.includes(`alertname: ${alert}`), alert);
});

test('ops: every metric the alert rules and the dashboard name exists (broker registry, or the applications\' listed metrics)', { timeout: 60_000 }, async () => {
  const known = await brokerMetricNames();
  const unknown = (names: string[]): string[] => names.filter((n) => !known.has(n) && !APPLICATION_METRICS.has(n));
  const rules = readFileSync(RULES, 'utf8');
  const inRules = metricNamesIn(rules);
  assert.ok(inRules.length > 5);
  assert.deepEqual(unknown(inRules), [], 'alerts.yml names only existing metrics');
  const d = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
  const exprs = d.panels.flatMap((p) => p.targets ?? []).map((x) => x.expr);
  assert.deepEqual(unknown(exprs.flatMap(metricNamesIn)), [], 'the dashboard names only existing metrics');
  // And the important ones are on it.
  for (const m of ['tideline_consumer_group_lag_seconds', 'tideline_consumer_group_lag_status', 'tideline_log_dir_free_bytes', 'tideline_dlq_depth_records', 'tideline_request_total_time_seconds_bucket']) {
    assert.ok(exprs.some((e) => metricNamesIn(e).includes(m)), `dashboard shows ${m}`);
  }
});

test('ops/grafana/tideline.json: dashboard shape (JSON schema), unique ids, panels within the grid and not overlapping, PromQL parsed by promtool', { timeout: 60_000 }, async (t) => {
  const d = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
  const ajv = new Ajv({ allErrors: true });
  const valid = ajv.validate(DASHBOARD_SCHEMA, d);
  assert.ok(valid, ajv.errorsText(ajv.errors));
  const ids = d.panels.map((p) => p.id);
  assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
  const cells = new Map<string, string>();
  for (const p of d.panels) {
    const g = p.gridPos;
    assert.ok(g.x + g.w <= 24, `${p.title} fits the 24-column grid`);
    for (let y = g.y; y < g.y + g.h; y++) {
      for (let x = g.x; x < g.x + g.w; x++) {
        const k = `${x},${y}`;
        assert.equal(cells.get(k), undefined, `${p.title} overlaps ${cells.get(k)}`);
        cells.set(k, p.title);
      }
    }
    for (const target of p.targets ?? []) assert.equal(typeof target.expr, 'string');
  }
  assert.ok(d.templating.list.some((v) => v.name === 'datasource'));
  if (!toolOrSkip(t, 'promtool')) return;
  // Every expression, Grafana's variables filled in, as a recording rule: promtool parses the PromQL.
  const exprs = d.panels.flatMap((p) => (p.targets ?? []).map((x, i) => ({ record: `dashboard:panel_${p.id}_${i}`, expr: x.expr.replaceAll('$__rate_interval', '5m').replaceAll('$instance', '.*') })));
  const dir = mkdtempSync(join(tmpdir(), 'tideline-dashboard-rules-'));
  try {
    const file = join(dir, 'dashboard-rules.yml');
    writeFileSync(file, ['groups:', '  - name: dashboard', '    rules:', ...exprs.flatMap((e) => [`      - record: ${e.record}`, `        expr: ${JSON.stringify(e.expr)}`]), ''].join('\n'));
    const check = await run('promtool', ['check', 'rules', file], { allowFailure: true, timeoutMs: 30_000 });
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, new RegExp(`SUCCESS: ${exprs.length} rules found`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
