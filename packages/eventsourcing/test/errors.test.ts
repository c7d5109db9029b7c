// The error codes and their documentation stay in sync: every EventStoreErrorCode is named in
// docs/eventsourcing.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { EventStoreError, EventStoreErrorCode, ExpectedVersionConflict, ExpectedVersionConflictError, isExpectedVersionConflictError } from '../src/index.js';

test('every error code is documented', () => {
  const doc = readFileSync(new URL('../../../../docs/eventsourcing.md', import.meta.url), 'utf8');
  for (const code of Object.values(EventStoreErrorCode)) {
    if (code === 'EXPECTED_VERSION_CONFLICT') continue; // documented as the ExpectedVersionConflict class
    assert.ok(doc.includes(`\`${code}\``), `${code} is not in docs/eventsourcing.md`);
  }
  assert.ok(doc.includes('`ExpectedVersionConflict`'));
});

test("ExpectedVersionConflict is Emmett's ExpectedVersionConflictError, with the actual version", () => {
  const e = new ExpectedVersionConflict('a-1', 3n, 2n);
  assert.ok(e instanceof ExpectedVersionConflictError);
  assert.ok(isExpectedVersionConflictError(e));
  assert.equal(e.actualVersion, 3n);
  assert.equal(e.current, '3');
  assert.equal(e.code, 'EXPECTED_VERSION_CONFLICT');
  const v = new EventStoreError('INVALID_STREAM_NAME', 'x', { cause: new Error('y') });
  assert.ok(v instanceof EventStoreError);
  assert.equal(v.code, 'INVALID_STREAM_NAME');
  assert.ok(v.cause instanceof Error);
});
