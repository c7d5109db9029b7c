import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profilePath, resolveConnection } from '../src/profile.js';

test('brokers come from the flag, then TIDE_BROKERS, then the profile file, then the default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-profile-'));
  try {
    mkdirSync(join(dir, 'tide'));
    writeFileSync(join(dir, 'tide', 'profile.json'), JSON.stringify({ brokers: ['p1:9092', 'p2:9093'], clientId: 'from-profile' }));
    const env = { XDG_CONFIG_HOME: dir, TIDE_BROKERS: 'e1:9092, e2:9092' };
    assert.deepEqual(resolveConnection({ brokers: 'f1:1,f2:2' }, env).brokers, ['f1:1', 'f2:2']);
    assert.equal(resolveConnection({ brokers: 'f1:1' }, env).source, '--brokers');
    const fromEnv = resolveConnection({}, env);
    assert.deepEqual(fromEnv.brokers, ['e1:9092', 'e2:9092']);
    assert.equal(fromEnv.source, 'TIDE_BROKERS');
    assert.equal(fromEnv.clientId, 'from-profile');
    const fromProfile = resolveConnection({}, { XDG_CONFIG_HOME: dir });
    assert.deepEqual(fromProfile.brokers, ['p1:9092', 'p2:9093']);
    assert.equal(fromProfile.source, `profile ${join(dir, 'tide', 'profile.json')}`);
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ brokers: 'x:1', timeoutMs: 2500 }));
    const explicit = resolveConnection({}, { XDG_CONFIG_HOME: dir, TIDE_PROFILE: other });
    assert.deepEqual(explicit.brokers, ['x:1']);
    assert.equal(explicit.timeoutMs, 2500);
    const none = resolveConnection({}, { XDG_CONFIG_HOME: join(dir, 'missing') });
    assert.deepEqual(none.brokers, ['127.0.0.1:9092']);
    assert.equal(none.source, 'default');
    assert.equal(none.clientId, 'tide');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('profile errors are explicit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-profile-'));
  try {
    assert.throws(() => resolveConnection({}, { TIDE_PROFILE: join(dir, 'nope.json') }), /does not exist/);
    writeFileSync(join(dir, 'bad.json'), '{nope');
    assert.throws(() => resolveConnection({}, { TIDE_PROFILE: join(dir, 'bad.json') }), /not valid JSON/);
    writeFileSync(join(dir, 'bad2.json'), JSON.stringify({ brokers: 7 }));
    assert.throws(() => resolveConnection({}, { TIDE_PROFILE: join(dir, 'bad2.json') }), /"brokers" must be/);
    assert.throws(() => resolveConnection({ brokers: 'localhost' }, {}), /"localhost" \(from --brokers\) is not host:port/);
    assert.deepEqual(resolveConnection({ brokers: '[::1]:9092' }, { XDG_CONFIG_HOME: dir }).brokers, ['[::1]:9092']);
    assert.equal(profilePath({ TIDE_PROFILE: '/x/p.json' }), '/x/p.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
