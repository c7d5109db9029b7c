// The golden frames captured by src/capture-golden.ts: index.json matches the files, request
// headers carry the indexed api key and version, and every response has its request.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../src/index.js';

interface Entry {
  file: string;
  apiKey: number;
  apiVersion: number;
  direction: 'request' | 'response';
  client: string;
}

const dir = join(repoRoot(), 'packages', 'protocol', 'test', 'fixtures', 'golden');

test('golden fixtures are indexed and their headers agree with the index', (t) => {
  if (!existsSync(join(dir, 'index.json'))) {
    t.skip('no golden fixtures captured yet');
    return;
  }
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as Entry[];
  const requests = new Map<string, Buffer>();
  for (const e of index.filter((x) => x.direction === 'request')) {
    const bytes = readFileSync(join(dir, e.file));
    assert.equal(bytes.readInt16BE(0), e.apiKey, e.file);
    assert.equal(bytes.readInt16BE(2), e.apiVersion, e.file);
    requests.set(e.file.replace(/-request\.bin$/, ''), bytes);
  }
  for (const e of index.filter((x) => x.direction === 'response')) {
    const req = requests.get(e.file.replace(/-response\.bin$/, ''));
    assert.ok(req, `request for ${e.file}`);
    const bytes = readFileSync(join(dir, e.file));
    assert.equal(bytes.readInt32BE(0), req.readInt32BE(4), `correlation id of ${e.file}`);
  }
  const apis = new Set(index.map((e) => e.apiKey));
  for (const key of [0, 1, 3, 10, 11, 12, 14, 18, 22]) assert.ok(apis.has(key), `api ${key} captured`);
  const clients = new Set(index.map((e) => e.client));
  for (const c of ['kcat', 'kafkajs', 'java39', 'java4']) assert.ok(clients.has(c), `client ${c}`);
});
