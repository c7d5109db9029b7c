// tide registry start and tide schema ... end to end: the real bin in child processes, against a
// registry on Tideline and on Apache Kafka.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import { TIDE_BIN, tide, tideOk } from './tide.js';

const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({ tmpPrefix: 'tideline-cli-schema-', startTideline: (dataDir) => startBroker({ dataDir, port: 0 }) });
useApacheKafka();

const V1 = { type: 'record', name: 'CustomerReturn', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }] };
const V2 = { ...V1, fields: [...V1.fields, { name: 'return_reason', type: 'string', default: 'unknown' }] };
const BAD = { ...V1, fields: [...V1.fields, { name: 'channel', type: 'string' }] };

bothBrokers('tide registry start, then tide schema register|get|list|versions|check|config|mode|delete', { timeout: 120_000 }, async (b) => {
  const dir = mkdtempSync(join(tmpdir(), 'tide-schema-'));
  const topic = uniqueTopic('_schemas');
  const child = spawn(process.execPath, [TIDE_BIN, 'registry', 'start', '--bootstrap', b.bootstrap, '--listen', '127.0.0.1:0', '--topic', topic, '--group-id', `${topic}-g`],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: dir } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('tide registry start did not start in 30 s')), 30_000);
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Schema registry listening on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const files = { v1: join(dir, 'v1.avsc'), v2: join(dir, 'v2.avsc'), bad: join(dir, 'bad.avsc'), proto: join(dir, 'r.proto') };
    writeFileSync(files.v1, JSON.stringify(V1));
    writeFileSync(files.v2, JSON.stringify(V2));
    writeFileSync(files.bad, JSON.stringify(BAD));
    writeFileSync(files.proto, 'syntax = "proto3";\nmessage R { string id = 1; }\n');
    const s = (...args: string[]): Promise<{ stdout: string }> => tideOk(['schema', '--registry', url, ...args]);
    const json = async (...args: string[]): Promise<unknown> => JSON.parse((await s(...args, '--format', 'json')).stdout) as unknown;

    const first = await json('register', 'returns-value', '--schema', files.v1) as { guid: string };
    assert.match(first.guid, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.deepEqual(first, { subject: 'returns-value', id: 1, version: 1, guid: first.guid });
    assert.match((await s('register', 'returns-value', '--schema', files.v2)).stdout, /ID\s+2/);
    assert.deepEqual(await json('register', 'proto-value', '--schema', files.proto), { subject: 'proto-value', id: 3, version: 1, guid: ((await json('get', 'proto-value')) as { guid: string }).guid });
    assert.deepEqual(await json('list'), ['proto-value', 'returns-value']);
    assert.deepEqual(await json('versions', 'returns-value'), [{ version: 1, id: 1, schemaType: 'AVRO' }, { version: 2, id: 2, schemaType: 'AVRO' }]);
    const got = await json('get', 'returns-value') as { version: number; schema: string };
    assert.equal(got.version, 2);
    assert.deepEqual(JSON.parse(got.schema), V2);
    assert.equal((await json('get', '--id', '3') as { schemaType: string }).schemaType, 'PROTOBUF');
    assert.match((await s('get', 'returns-value', '--version', '1')).stdout, /"order_id"/);

    assert.deepEqual(await json('check', 'returns-value', '--schema', files.v2), { is_compatible: true, messages: [] });
    const incompatible = await tide(['schema', '--registry', url, 'check', 'returns-value', '--schema', files.bad]);
    assert.equal(incompatible.code, 1);
    assert.match(incompatible.stdout, /NOT compatible[\s\S]*channel/);
    const refused = await tide(['schema', '--registry', url, 'register', 'returns-value', '--schema', files.bad]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /error 40901/);

    assert.deepEqual(await json('config'), { subject: null, compatibilityLevel: 'BACKWARD' });
    assert.deepEqual(await json('config', 'returns-value', '--set', 'none'), { subject: 'returns-value', compatibilityLevel: 'NONE' });
    assert.deepEqual(await json('config', 'returns-value'), { subject: 'returns-value', compatibilityLevel: 'NONE' });
    assert.deepEqual(await json('mode', 'returns-value', '--set', 'READONLY'), { subject: 'returns-value', mode: 'READONLY' });
    assert.match((await tide(['schema', '--registry', url, 'register', 'returns-value', '--schema', files.bad])).stderr, /read-only.*error 42205/);
    assert.deepEqual(await json('mode', 'returns-value', '--delete'), { subject: 'returns-value', mode: 'READONLY' });

    assert.deepEqual(await json('delete', 'returns-value', '--version', '1'), { subject: 'returns-value', deleted: [1], permanent: false });
    assert.deepEqual(await json('versions', 'returns-value', '--deleted'), [{ version: 1, id: 1, schemaType: 'AVRO' }, { version: 2, id: 2, schemaType: 'AVRO' }]);
    assert.deepEqual(await json('delete', 'returns-value'), { subject: 'returns-value', deleted: [2], permanent: false });
    assert.deepEqual(await json('delete', 'returns-value', '--permanent'), { subject: 'returns-value', deleted: [1, 2], permanent: true });
    assert.deepEqual(await json('list', '--deleted'), ['proto-value']);
    const missing = await tide(['schema', '--registry', url, 'get', 'returns-value']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Subject 'returns-value' not found.*error 40401/);
    const unreachable = await tide(['schema', '--registry', 'http://127.0.0.1:1', 'list']);
    assert.match(unreachable.stderr, /cannot reach the schema registry/);

    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
