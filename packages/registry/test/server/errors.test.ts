// The error code table and docs/registry.md stay in sync: every code is documented by number and name.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '@tideline/interop';
import { RegistryError, RegistryErrorCode } from '../../src/index.js';

test('every RegistryErrorCode is in the error table of docs/registry.md', () => {
  const doc = readFileSync(join(repoRoot(), 'docs', 'registry.md'), 'utf8');
  const table = doc.slice(doc.indexOf('## Error codes'));
  for (const [name, code] of Object.entries(RegistryErrorCode)) {
    assert.ok(table.includes(String(code)), `${code} missing from docs/registry.md`);
    assert.ok(table.includes(name), `${name} missing from docs/registry.md`);
  }
});

test('the HTTP status is the code\'s first three digits', () => {
  assert.equal(new RegistryError('SUBJECT_NOT_FOUND', 'x').status, 404);
  assert.equal(new RegistryError('UNKNOWN_LEADER', 'x').status, 500);
  assert.equal(new RegistryError('PAYLOAD_TOO_LARGE', 'x').status, 413);
  assert.deepEqual(new RegistryError('INVALID_SCHEMA', 'bad').toJSON(), { error_code: 42201, message: 'bad' });
});
