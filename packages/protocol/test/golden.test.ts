// Golden bytes captured from real clients (kcat/librdkafka, KafkaJS, the Java client 3.9 and 4.x)
// talking to a real Apache Kafka broker: every frame whose version our specs cover decodes, and
// re-encodes byte for byte. Fixtures: test/fixtures/golden (captured by packages/interop's
// capture-golden script through its recording proxy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  Reader, Writer, apiByKey, requestHeaderVersion, responseHeaderVersion,
  readRequestHeader, writeRequestHeader, readResponseHeader, writeResponseHeader,
} from '../src/index.js';

interface Fixture { file: string; apiKey: number; apiVersion: number; direction: 'request' | 'response'; client: string }

const dir = new URL('../../test/fixtures/golden/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as Fixture[];

function roundTrip(f: Fixture): void {
  const bytes = readFileSync(new URL(f.file, dir));
  const api = apiByKey(f.apiKey)!;
  const r = new Reader(bytes);
  const w = new Writer();
  if (f.direction === 'request') {
    const hv = requestHeaderVersion(f.apiKey, f.apiVersion);
    const header = readRequestHeader(r, hv);
    assert.equal(header.requestApiKey, f.apiKey);
    assert.equal(header.requestApiVersion, f.apiVersion);
    const body = api.readRequest(r, f.apiVersion);
    assert.equal(r.remaining, 0, 'request fully consumed');
    writeRequestHeader(w, hv, header);
    api.writeRequest(w, f.apiVersion, body as never);
  } else {
    const hv = responseHeaderVersion(f.apiKey, f.apiVersion);
    const header = readResponseHeader(r, hv);
    const body = api.readResponse(r, f.apiVersion);
    assert.equal(r.remaining, 0, 'response fully consumed');
    writeResponseHeader(w, hv, header);
    api.writeResponse(w, f.apiVersion, body as never);
  }
  const again = w.toBuffer();
  assert.ok(again.equals(bytes), `${f.file}: re-encoded bytes differ (${again.length} vs ${bytes.length})`);
}

const covered = index.filter((f) => {
  const api = apiByKey(f.apiKey);
  return api !== undefined && f.apiVersion >= api.minVersion && f.apiVersion <= api.maxVersion;
});

for (const f of covered) {
  test(`golden ${f.file} decodes and re-encodes byte for byte`, () => roundTrip(f));
}

test('golden fixtures cover the required APIs in flexible and non-flexible versions', () => {
  const need = ['ApiVersions', 'Metadata', 'Produce', 'Fetch', 'JoinGroup', 'InitProducerId'];
  for (const name of need) {
    for (const dirn of ['request', 'response'] as const) {
      const got = covered.filter((f) => apiByKey(f.apiKey)!.name === name && f.direction === dirn);
      const flex = got.filter((f) => requestHeaderVersion(f.apiKey, f.apiVersion) === 2);
      const classic = got.filter((f) => requestHeaderVersion(f.apiKey, f.apiVersion) !== 2);
      assert.ok(flex.length > 0, `${name} ${dirn}: no flexible-version fixture`);
      assert.ok(classic.length > 0, `${name} ${dirn}: no non-flexible fixture`);
    }
  }
  // Frames newer than our specs (the Java 4.x client talking to Kafka 4.x) are listed, not decoded.
  const beyond = index.length - covered.length;
  assert.ok(covered.length >= 60, `only ${covered.length} fixtures within spec range (${beyond} beyond)`);
});
