// The application alert rules (ops/prometheus/apps-alerts.yml): valid for promtool, and their unit
// tests (apps-alerts.test.yml: a retry topic filling up, a producer losing records, a streams
// application dropping late records) pass. Every metric they use is one the applications export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promtoolCheckRules, promtoolTestRules, repoRoot, toolOrSkip } from '@tideline/interop';

const dir = join(repoRoot(), 'ops', 'prometheus');
/** The names the application metrics register (packages/observability/src/app-metrics.ts). */
const EXPORTED = new Set([...readFileSync(join(repoRoot(), 'packages', 'observability', 'src', 'app-metrics.ts'), 'utf8').matchAll(/'(tideline_[a-z_]+)'/g)].map((m) => m[1]!));

test('ops/prometheus/apps-alerts.yml: promtool check rules and test rules', { timeout: 60_000 }, (t) => {
  const rules = readFileSync(join(dir, 'apps-alerts.yml'), 'utf8');
  for (const name of rules.match(/tideline_[a-z_]+/g) ?? []) assert.ok(EXPORTED.has(name), `${name} is not an application metric`);
  if (!toolOrSkip(t, 'promtool')) return;
  const check = promtoolCheckRules(join(dir, 'apps-alerts.yml'));
  assert.ok(check.ok, check.output);
  assert.match(check.output, /SUCCESS: 3 rules found/);
  const unit = promtoolTestRules(join(dir, 'apps-alerts.test.yml'));
  assert.ok(unit.ok, unit.output);
});
