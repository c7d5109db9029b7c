import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TidelineError } from '@tideline/protocol';
import { DLQ_ERROR_CODES, DeadLetter, RetryLater, defaultClassify } from '../src/index.js';

test('DeadLetter and RetryLater are TidelineErrors with stable codes, names and causes', () => {
  const cause = new Error('bad json');
  const d = new DeadLetter('no good', { cause });
  assert.ok(d instanceof TidelineError && d instanceof Error);
  assert.equal(d.code, 'DEAD_LETTER');
  assert.equal(d.name, 'DeadLetter');
  assert.equal(d.message, 'no good');
  assert.equal(d.cause, cause);
  const r = new RetryLater('later');
  assert.ok(r instanceof TidelineError);
  assert.equal(r.code, 'RETRY_LATER');
  assert.equal(r.name, 'RetryLater');
  assert.equal(defaultClassify(d), 'permanent');
  assert.equal(defaultClassify(r), 'transient');
});

test('every DLQ error code is documented in docs/dlq.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../../docs/dlq.md', import.meta.url)), 'utf8');
  for (const code of DLQ_ERROR_CODES) assert.match(doc, new RegExp(`\\| \`${code}\` \\|`), code);
  const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \| `(DeadLetter|RetryLater)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(documented.sort(), [...DLQ_ERROR_CODES].sort());
});
