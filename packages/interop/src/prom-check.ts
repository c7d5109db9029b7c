// promtool (Debian's prometheus package) as a checker for tests: an exposition (`check metrics`,
// read from stdin), rule files (`check rules`) and rule unit tests (`test rules`).
import { spawnSync } from 'node:child_process';

export interface PromtoolResult {
  ok: boolean;
  /** promtool's stdout and stderr: the problems it found, one a line. */
  output: string;
}

function promtool(args: string[], input?: string): PromtoolResult {
  const r = spawnSync('promtool', args, { input, encoding: 'utf8', timeout: 30_000 });
  if (r.error !== undefined) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/** `promtool check metrics` on a Prometheus text exposition (lint: names, units, help, types). */
export const promtoolCheckMetrics = (exposition: string): PromtoolResult => promtool(['check', 'metrics'], exposition);

/** `promtool check rules` on alerting/recording rule files. */
export const promtoolCheckRules = (...files: string[]): PromtoolResult => promtool(['check', 'rules', ...files]);

/** `promtool test rules` on rule unit-test files (input series, expected alerts). */
export const promtoolTestRules = (...files: string[]): PromtoolResult => promtool(['test', 'rules', ...files]);
