#!/usr/bin/env node
// Re-runs the code generator into a temporary directory and fails if the committed output differs.
// Runs only when the Kafka specs are present beside the repository (../shared/kafka-protocol-4.4).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const specs = process.env.KAFKA_PROTOCOL_DIR ?? join(root, '..', 'shared', 'kafka-protocol-4.4');
if (!existsSync(specs)) {
  console.log(`check-generated: ${specs} not present; skipped`);
  process.exit(0);
}
const committed = join(root, 'packages', 'protocol', 'src', 'generated');
const fresh = mkdtempSync(join(tmpdir(), 'tideline-gen-'));
try {
  execFileSync(process.execPath, [join(root, 'packages/codegen/dist/src/cli.js'), specs, fresh], { stdio: 'inherit' });
  const list = (dir) => readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).sort();
  const a = list(committed);
  const b = list(fresh);
  const diffs = [];
  for (const f of new Set([...a, ...b])) {
    const pa = join(committed, f);
    const pb = join(fresh, f);
    if (!existsSync(pa) || !existsSync(pb) || !readFileSync(pa).equals(readFileSync(pb))) diffs.push(relative(root, pa));
  }
  if (diffs.length > 0) {
    console.error(`check-generated: generated code is stale (run npm run generate):\n  ${diffs.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`check-generated: ${a.length} generated files up to date`);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
