import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseListen } from '../src/internal.js';
import { tideOk, waitForOutput } from './tide.js';
import { Admin, KafkaError, Producer } from '@tideline/client';
import { ErrorCode } from '@tideline/protocol';

test('parseListen accepts host:port forms', () => {
  assert.deepEqual(parseListen('127.0.0.1:9092'), { host: '127.0.0.1', port: 9092 });
  assert.deepEqual(parseListen(':0'), { host: '127.0.0.1', port: 0 });
  assert.deepEqual(parseListen('[::1]:19092'), { host: '::1', port: 19092 });
  assert.throws(() => parseListen('nope'));
});

test('tide broker start runs until SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-cli-'));
  const bin = new URL('../../bin/tide.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, 'broker', 'start', '--data-dir', dir, '--listen', '127.0.0.1:0', '--log-level', 'warn'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = await waitForOutput(child, [/listening on (\S+)/], 10_000);
    assert.match(line, /^127\.0\.0\.1:\d+$/);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tide dev: a broker, its metrics endpoint and a schema registry with defaults (data under ./.tideline of the working directory, topics created on first use) until SIGTERM', { timeout: 60_000 }, async () => {
  const cwd = mkdtempSync(join(tmpdir(), 'tideline-dev-'));
  const bin = new URL('../../bin/tide.js', import.meta.url).pathname;
  const child = spawn(process.execPath, [bin, 'dev', '--listen', '127.0.0.1:0', '--metrics-listen', '127.0.0.1:0', '--registry-listen', '127.0.0.1:0', '--no-console', '--log-level', 'warn'], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [address, registryUrl, metricsUrl] = await waitForOutput(child, [/listening on (\S+)/, /Schema registry listening on (http:\/\/\S+)/, /metrics: (\S+)/], 20_000);
    // The registry it printed serves Confluent's API, stored on this broker.
    const reg = await fetch(`${registryUrl}/subjects/dev-value/versions`, {
      method: 'POST', headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' }, body: JSON.stringify({ schema: '{"type":"string"}' }),
    });
    assert.equal(((await reg.json()) as { id: number }).id, 1);
    const schemaList = await tideOk(['schema', '--registry', registryUrl, 'list', '--format', 'json']);
    assert.deepEqual(JSON.parse(schemaList.stdout), ['dev-value']);
    // A topic nobody created: a client's first send creates it on this broker (tide produce itself
    // checks that the topic exists); tide consume reads it back.
    const producer = new Producer({ bootstrap: address });
    try {
      await producer.send({ topic: 'first-use', messages: [{ value: 'hello' }] });
    } finally {
      await producer.close();
    }
    // A topic with broker-side validation checks schema ids against this registry: id 1 is
    // registered under dev-value, a plain value carries no id.
    const admin = new Admin({ bootstrap: address });
    const checked = new Producer({ bootstrap: address, retries: 0 });
    try {
      await admin.createTopics([{ topic: 'dev', configs: { 'confluent.value.schema.validation': 'true' } }]);
      await checked.send({ topic: 'dev', messages: [{ value: Buffer.from([0, 0, 0, 0, 1, 2, 0x61]) }] });
      await assert.rejects(checked.send({ topic: 'dev', messages: [{ value: 'plain' }] }),
        (err: unknown) => err instanceof KafkaError && err.errorCode === ErrorCode.INVALID_RECORD);
    } finally {
      await checked.close();
      await admin.close();
    }
    const consumed = await tideOk(['-b', address, 'consume', 'first-use']);
    assert.equal(consumed.stdout, 'hello\n');
    assert.ok(existsSync(join(cwd, '.tideline', 'data')), 'data under ./.tideline/data');
    // The metrics URL it printed serves the first-use topic's counter.
    const scrape = await (await fetch(metricsUrl)).text();
    assert.match(scrape, /^tideline_topic_messages_in_total\{topic="first-use"\} 1$/m);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(cwd, { recursive: true, force: true });
  }
});
