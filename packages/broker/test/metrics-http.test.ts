// The metrics endpoint's HTTP surface: format negotiation as Prometheus and curl ask, the listen
// address syntax, and answers to odd requests (never a 500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { Registry } from 'prom-client';
import { negotiateFormat, parseMetricsListen, startBroker } from '../src/index.js';
import { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE } from '../src/metrics/http.js';

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

test('metrics endpoint: the content types spelled out in http.ts are prom-client\'s', () => {
  assert.equal(PROMETHEUS_CONTENT_TYPE, Registry.PROMETHEUS_CONTENT_TYPE);
  assert.equal(OPENMETRICS_CONTENT_TYPE, Registry.OPENMETRICS_CONTENT_TYPE);
});

test('a broker without metrics does not load prom-client; one with metrics does', { timeout: 60_000 }, () => {
  // A fresh process: this one has prom-client loaded already (above).
  const script = `
    import { createRequire } from 'node:module';
    const { startBroker } = await import(process.argv[1]);
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('prom-client'));
    const plain = await startBroker({ storage: 'memory://', port: 0, logLevel: 'silent' });
    const before = loaded();
    await plain.close();
    const withMetrics = await startBroker({ storage: 'memory://', port: 0, logLevel: 'silent', metrics: true });
    const after = loaded();
    await withMetrics.close();
    console.log(JSON.stringify({ before, after }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, new URL('../src/index.js', import.meta.url).href], { encoding: 'utf8', timeout: 50_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout.trim().split('\n').pop()!), { before: false, after: true });
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
