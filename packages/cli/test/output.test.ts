import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientError, ErrorCode, KafkaError, TidelineError } from '@tideline/client';
import { formatRecord } from '../src/commands/consume.js';
import { lineToMessage } from '../src/commands/produce.js';
import { CliError, formatError } from '../src/errors.js';
import { table, toJson } from '../src/output.js';

test('tables align columns under upper-case headers', () => {
  assert.deepEqual(table(['name', 'partitions'], [['orders', 3], ['a-much-longer-name', null]]), [
    'NAME                PARTITIONS',
    'orders              3',
    'a-much-longer-name  -',
  ]);
});

test('JSON: bigints as numbers when exact, else strings', () => {
  assert.equal(toJson({ a: 5n, b: 2n ** 62n }), '{"a":5,"b":"4611686018427387904"}');
});

test('produce: key separator, fixed key, tombstones', () => {
  assert.deepEqual(lineToMessage('k:v:w', { separator: ':' }, []), { key: 'k', value: 'v:w' });
  assert.deepEqual(lineToMessage('no-sep', { separator: ':' }, []), { key: null, value: 'no-sep' });
  assert.deepEqual(lineToMessage('v', { key: 'K', partition: 2 }, [{ key: 'h', value: '1' }]), { key: 'K', value: 'v', headers: [{ key: 'h', value: '1' }], partition: 2 });
  assert.deepEqual(lineToMessage('k:', { separator: ':', tombstone: true }, []), { key: 'k', value: null });
});

test('consume: record formats and encodings', () => {
  const r = { topic: 't', partition: 1, offset: 7n, timestamp: 1000n, key: Buffer.from('k'), value: Buffer.from([0xff, 0x00]), headers: [{ key: 'h', value: null }] };
  assert.equal(formatRecord(r, 'json', 'hex', '\t'), '{"topic":"t","partition":1,"offset":7,"timestamp":1000,"key":"6b","value":"ff00","headers":[{"key":"h","value":null}]}');
  assert.equal(formatRecord(r, 'kv', 'base64', '='), 'aw===/wA=');
  assert.equal(formatRecord({ ...r, value: null }, 'text', 'utf8', '\t'), '');
});

test('errors name the brokers and where they came from', () => {
  const conn = new ClientError('CONNECTION_ERROR', 'no broker reachable: connection to bootstrap 127.0.0.1:1 failed: connect ECONNREFUSED', { retriable: true });
  const lines = formatError(conn, { brokers: ['127.0.0.1:1'], source: 'TIDE_BROKERS' });
  assert.match(lines[0]!, /^tide: no broker reachable: .*ECONNREFUSED/);
  assert.equal(lines[1], '  brokers: 127.0.0.1:1 (from TIDE_BROKERS)');
  assert.match(lines[2]!, /hint: is a broker running there/);
  assert.deepEqual(formatError(new KafkaError(ErrorCode.TOPIC_ALREADY_EXISTS, { topic: 't' })), ['tide: TOPIC_ALREADY_EXISTS (t)', '  hint: pass --if-not-exists to ignore existing topics']);
  assert.deepEqual(formatError(new CliError('bad', ['do this'])), ['tide: bad', '  hint: do this']);
});

test('CliError is a TidelineError with a stable code', () => {
  const e = new CliError('bad', ['do this']);
  assert.ok(e instanceof TidelineError && e instanceof Error);
  assert.equal(e.code, 'CLI_ERROR');
  assert.equal(e.name, 'CliError');
  assert.deepEqual(e.hints, ['do this']);
});
