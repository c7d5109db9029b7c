// The ACL store: the same contract on both engines (empty at first, whole-set replacement, copies
// in and out), the file engine's set surviving a reopen, and its skipping of unreadable lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { BROKER_STATE_DIR, openStorage, type StoredAcl } from '../src/index.js';
import { tempDir } from './helpers.js';

const A: StoredAcl = [2, 'orders', 3, 'User:alice', '*', 3, 3];
const B: StoredAcl = [3, 'team-', 4, 'User:*', '10.0.0.1', 2, 2];

test('ACL store, both engines: empty, replaced as a whole, copies', async (t) => {
  for (const [name, s] of [['file', await openStorage(tempDir(t), { maintenanceIntervalMs: 0 })], ['memory', await openStorage('memory://')]] as const) {
    assert.deepEqual(await s.acls.load(), [], name);
    const set: StoredAcl[] = [A, B];
    await s.acls.save(set);
    set[0] = B;
    assert.deepEqual(await s.acls.load(), [A, B], `${name}: the store keeps its own copy`);
    await s.acls.save([B]);
    assert.deepEqual(await s.acls.load(), [B], name);
    await s.close();
  }
});

test('ACL store, file engine: survives a reopen; unreadable lines are skipped', async (t) => {
  const dir = tempDir(t);
  const s = await openStorage(dir, { maintenanceIntervalMs: 0 });
  await s.acls.save([A, B]);
  await s.close();
  const file = join(dir, BROKER_STATE_DIR, 'acls');
  assert.ok(existsSync(file));
  appendFileSync(file, '{"not":"an acl"}\n[2,"x"\n');
  const again = await openStorage(dir, { maintenanceIntervalMs: 0 });
  assert.deepEqual(await again.acls.load(), [A, B]);
  await again.close();
});
