// The metrics endpoint's HTTP surface: format negotiation as Prometheus and curl ask, the listen
// address syntax, and answers to odd requests (never a 500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { negotiateFormat, parseMetricsListen, startBroker } from '../src/index.js';

const TEXT = 'text/plain; version=0.0.4; charset=utf-8';
const OM = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

test('metrics endpoint: Accept negotiation', () => {
  assert.equal(negotiateFormat(undefined), TEXT);
  assert.equal(negotiateFormat('*/*'), TEXT);
  assert.equal(negotiateFormat('text/plain'), TEXT);
  // Prometheus 2.x's scrape Accept header.
  assert.equal(negotiateFormat('application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'), OM);
  assert.equal(negotiateFormat('application/openmetrics-text; version=1.0.0'), OM);
  assert.equal(negotiateFormat('text/plain;q=1, application/openmetrics-text;q=0.5'), TEXT);
  assert.equal(negotiateFormat('application/openmetrics-text;q=0'), TEXT);
  assert.equal(negotiateFormat(';;;,,,q=x'), TEXT);
});

test('metrics endpoint: listen address syntax', () => {
  assert.deepEqual(parseMetricsListen('127.0.0.1:9464'), { host: '127.0.0.1', port: 9464 });
  assert.deepEqual(parseMetricsListen(':0'), { host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseMetricsListen('[::1]:9464'), { host: '::1', port: 9464 });
  for (const bad of ['9464', 'host:', 'host:99999', 'a:b:c']) assert.throws(() => parseMetricsListen(bad), TypeError, bad);
});

test('metrics endpoint: HEAD, query strings, unknown paths and garbage get 200/404/400, never 500', { timeout: 30_000 }, async () => {
  const b = await startBroker({ storage: 'memory://', port: 0, metricsListen: '127.0.0.1:0' });
  try {
    const url = b.metrics!.url!;
    const head = await fetch(url, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.equal((await fetch(`${url}?name[]=x`)).status, 200);
    for (const path of ['/metrics/', `/${'x'.repeat(4000)}`, '/favicon.ico']) {
      assert.equal((await fetch(url.replace('/metrics', path))).status, 404, path);
    }
    for (const method of ['PUT', 'DELETE', 'PATCH']) assert.equal((await fetch(url, { method })).status, 405, method);
    // Not HTTP at all: node's parser answers 400 and closes.
    const { port } = new URL(url);
    const answer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(Number(port), '127.0.0.1', () => s.write('\x00\x01garbage\r\n\r\n'));
      let got = '';
      s.on('data', (d: Buffer) => (got += d.toString('latin1')));
      s.on('close', () => resolve(got));
      s.on('error', reject);
      setTimeout(() => s.destroy(), 5000).unref();
    });
    assert.match(answer, /^HTTP\/1\.1 400/);
  } finally {
    await b.close();
  }
});
