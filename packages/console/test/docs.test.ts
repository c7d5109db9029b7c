import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_ERRORS, startConsole } from '../src/index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/console.md', import.meta.url)), 'utf8');

test('docs/console.md lists every API route and every error code', async () => {
  const c = await startConsole({ cluster: { bootstrap: '127.0.0.1:1' }, port: 0 });
  try {
    for (const r of c.routes) assert.ok(doc.includes(`| \`${r.method} ${r.path}\` |`), `${r.method} ${r.path} is documented`);
    const documented = [...doc.matchAll(/^\| `(GET|POST|PUT|PATCH|DELETE) (\/api[^`]*)` \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(documented.sort(), c.routes.map((r) => `${r.method} ${r.path}`).sort());
  } finally {
    await c.close();
  }
  for (const [code, e] of Object.entries(API_ERRORS)) assert.ok(doc.includes(`| \`${code}\` | ${e.status} |`), `${code} is documented`);
});
