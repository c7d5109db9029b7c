// The generator's own tests: test-only specs (test/specs) exercising every construct are generated,
// type-checked under strict TypeScript, loaded, and run: round trips at every version and
// byte-exact encodings worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generate } from '../src/generate.js';
import { parseMessage, loadMessages, isRemoved } from '../src/spec.js';
import { applyRetained } from '../src/retained.js';

const here = fileURLToPath(new URL('.', import.meta.url));
// dist/test -> package root
const pkg = join(here, '..', '..');
const specs = join(pkg, 'test', 'specs');
const errorsFile = join(pkg, 'data', 'error-codes.tsv');
const protocolSrc = join(pkg, '..', 'protocol', 'src', 'codec', 'generated-support.ts');
const protocolDist = join(pkg, '..', 'protocol', 'dist', 'src', 'codec', 'generated-support.js');

interface Codec {
  write: (w: unknown, v: number, m: Record<string, unknown>) => void;
  read: (r: unknown, v: number) => Record<string, unknown>;
  Writer: new () => { toBuffer(): Buffer };
  Reader: new (b: Buffer) => { remaining?: number };
}

let dir = '';
let mod: Record<string, unknown> = {};
let apis: Record<string, unknown> = {};

test.before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tideline-codegen-test-'));
  const out = join(dir, 'gen');
  generate({ messagesDir: specs, errorsFile, outDir: out, retained: {} });
  // The generated modules import ../../codec/generated-support.js: point it at the protocol's.
  mkdirSync(join(dir, 'codec'));
  writeFileSync(join(dir, 'codec', 'generated-support.ts'), `export * from ${JSON.stringify(protocolSrc.replace(/\.ts$/, '.js'))};\n`);
  writeFileSync(join(dir, 'codec', 'generated-support.js'), `export * from ${JSON.stringify(pathToFileURL(protocolDist).href)};\n`);
  const files = [join(out, 'apis.ts'), join(out, 'errors.ts'), join(out, 'schemas.ts'), ...readdirSync(join(out, 'messages')).map((f) => join(out, 'messages', f))];
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true, types: ['node'],
    exactOptionalPropertyTypes: false, noUncheckedIndexedAccess: true,
  };
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const program = ts.createProgram(files, options);
  const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || d.file.fileName.startsWith(dir));
  const text = diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${d.file.fileName})` : '')).join('\n');
  assert.equal(diags.length, 0, `generated code does not type-check:\n${text}`);
  for (const f of files) {
    const js = ts.transpileModule(readFileSync(f, 'utf8'), { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
    writeFileSync(f.replace(/\.ts$/, '.js'), js);
  }
  mod = (await import(pathToFileURL(join(out, 'messages', 'kitchen-sink.js')).href)) as Record<string, unknown>;
  apis = (await import(pathToFileURL(join(out, 'apis.js')).href)) as Record<string, unknown>;
});

test.after(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

async function codec(): Promise<Codec> {
  const support = (await import(pathToFileURL(protocolDist).href)) as { Writer: Codec['Writer']; Reader: Codec['Reader'] };
  return { write: mod.writeKitchenSink as Codec['write'], read: mod.readKitchenSink as Codec['read'], Writer: support.Writer, Reader: support.Reader };
}

async function encode(v: number, m: Record<string, unknown>): Promise<Buffer> {
  const c = await codec();
  const w = new c.Writer();
  c.write(w, v, m);
  return w.toBuffer();
}

async function decode(v: number, b: Buffer): Promise<Record<string, unknown>> {
  const c = await codec();
  const r = new c.Reader(b) as unknown as { remaining(): number } & object;
  const m = c.read(r, v);
  return m;
}

/** Hex bytes, one group a line, each line's words after `#` a comment. */
const hex = (s: string): Buffer => Buffer.from(s.split('\n').map((l) => l.split('#')[0]).join('').replace(/\s+/g, ''), 'hex');
const UUID = Buffer.from('0123456789abcdef0123456789abcdef', 'hex').toString('base64url');

test('v0 (classic encoding): fields of later versions are skipped; bytes are exact', async () => {
  const b = await encode(0, {
    id: 1, name: 'ab', payload: null, flag: true, small: -2, port: 65535,
    items: [{ key: 'k', value: 5n, note: 'ignored below v2' }], ints: [3], clientId: 'c',
    topicId: UUID, ratio: 0.5, followers: [{ leaderId: 1 }], taggedCount: 1,
  });
  assert.deepEqual(b, hex(`
    00000001  # id
    0002 6162  # name (int16 length)
    ffffffff  # payload null (int32 -1)
    01 fe ffff  # flag, small, port (uint16)
    00000001 0001 6b 0000000000000005  # items: one, key 'k', value 5
    00000001 00000003  # ints
    0001 63  # clientId`));
  const m = await decode(0, b);
  assert.equal(m.id, 1);
  assert.equal(m.name, 'ab');
  assert.equal(m.payload, null);
  assert.equal(m.port, 65535);
  assert.equal(m.small, -2);
  assert.deepEqual(m.items, [{ key: 'k', value: 5n, note: null }]);
  assert.equal(m.ratio, 0, 'a field absent in v0 decodes to its default');
  assert.equal(m.taggedCount, 7, 'tagged default');
  assert.equal(m.topicId, 'AAAAAAAAAAAAAAAAAAAAAA', 'uuid default is zero');
});

test('v3 (flexible): compact lengths, nullable struct, tagged fields in items and at the top; bytes are exact', async () => {
  const b = await encode(3, {
    id: 1, name: null, payload: Buffer.from([9]), topicId: UUID, flag: false, port: 1, ratio: 0.5,
    items: [{ key: 'k', note: 'n' }], ints: null, leader: null, followers: [{ leaderId: 2, epoch: 3 }],
    records: null, clientId: 'c', taggedCount: 9,
  });
  assert.deepEqual(b, hex(`
    00000001  # id
    00  # name null (compact)
    02 09  # payload, compact length 1+1
    0123456789abcdef0123456789abcdef  # topicId
    00 ff 0001  # flag, small (default -1), port
    3fe0000000000000  # ratio 0.5
    02 02 6b ffffffffffffffff 01 00 02 02 6e  # items: one; key 'k'; value default -1; tags: 1, tag 0, size 2, 'n'
    00  # ints null (compact)
    ff  # leader null (int8 -1)
    02 00000002 00000003 00  # followers: one, leaderId 2, epoch 3, no tags
    00  # records null (compact)
    0001 63  # clientId: flexibleVersions none keeps the classic string
    01 01 04 00000009  # top-level tags: one, tag 1, size 4, 9 (taggedLeader at its default is omitted)`));
  const m = await decode(3, b);
  assert.equal(m.name, null);
  assert.equal(m.leader, null);
  assert.equal(m.ints, null);
  assert.equal(m.records, null);
  assert.equal(m.topicId, UUID);
  assert.equal(m.taggedCount, 9);
  assert.deepEqual(m.items, [{ key: 'k', value: -1n, note: 'n' }]);
  assert.deepEqual(m.followers, [{ leaderId: 2, epoch: 3 }]);
  assert.deepEqual(m.taggedLeader, { leaderId: 0, epoch: -1 });
});

test('every version round-trips a fully populated message, and re-encodes byte for byte', async () => {
  const full = {
    id: -7, name: 'név', payload: Buffer.from('xyz'), topicId: UUID, flag: true, small: 5, port: 40000, ratio: -1.25,
    items: [{ key: 'a', value: 1n, note: 'one' }, { key: '', value: -(2n ** 63n), note: null }], ints: [1, -1, 2 ** 31 - 1],
    leader: { leaderId: 4, epoch: 8 }, followers: [], records: Buffer.from([1, 2, 3]), clientId: 'client',
    taggedCount: -1, taggedLeader: { leaderId: 6, epoch: 0 },
  };
  for (let v = 0; v <= 3; v++) {
    const b = await encode(v, full);
    const m = await decode(v, b);
    assert.deepEqual(await encode(v, m), b, `v${v} re-encodes byte for byte`);
    assert.equal(m.id, -7);
    assert.equal(m.name, 'név');
    assert.deepEqual(m.payload, Buffer.from('xyz'));
    assert.equal(m.topicId, v >= 1 ? UUID : 'AAAAAAAAAAAAAAAAAAAAAA');
    assert.deepEqual(m.leader, v >= 1 ? { leaderId: 4, epoch: 8 } : { leaderId: 0, epoch: -1 });
    assert.deepEqual(m.records, v >= 3 ? Buffer.from([1, 2, 3]) : null);
    assert.deepEqual((m.items as Array<{ note: unknown }>).map((i) => i.note), v >= 2 ? ['one', null] : [null, null]);
    assert.equal(m.taggedCount, v >= 2 ? -1 : 7);
    assert.deepEqual(m.taggedLeader, v >= 3 ? { leaderId: 6, epoch: 0 } : { leaderId: 0, epoch: -1 });
  }
});

test('unknown tagged fields survive a decode and re-encode; a null the version forbids is refused on decode', async () => {
  // v2 with an extra top-level tag 5 (3 bytes) after the known tag 1.
  const base = await encode(2, { id: 1, name: 'a', items: [], ints: [], followers: [], clientId: '', taggedCount: 9 });
  const withUnknown = Buffer.concat([base.subarray(0, base.length - 7), hex('02 01 04 00000009 05 03 aabbcc')]);
  const m = await decode(2, withUnknown);
  assert.deepEqual(m.unknownTaggedFields, [{ tag: 5, data: hex('aabbcc') }]);
  assert.deepEqual(await encode(2, m), withUnknown);
  // v0 with ints null (int32 -1): ints is nullable only from v1.
  await assert.rejects(decode(0, hex('00000001 0000 ffffffff 00 00 0000 00000000 ffffffff 0000')), /non-nullable field Ints/);
  assert.deepEqual((await decode(0, hex('00000001 0000 ffffffff 00 00 0000 00000000 00000000 0000'))).ints, []);
});

test('API tables: request/response pairs, flexible floor, removed APIs get nothing', () => {
  const table = apis.APIS as Record<number, { name: string; minVersion: number; maxVersion: number; flexibleMin: number }>;
  assert.deepEqual(Object.keys(table), ['0']);
  assert.equal(table[0]!.name, 'Echo');
  assert.equal(table[0]!.maxVersion, 1);
  assert.equal(table[0]!.flexibleMin, 1);
  assert.equal(existsSync(join(dir, 'gen', 'messages', 'removed-request.ts')), false);
  assert.equal(loadMessages(specs).filter(isRemoved).length, 1);
});

test('spec validation fails loudly', () => {
  const spec = (fields: unknown[], extra: Record<string, unknown> = {}): string =>
    JSON.stringify({ type: 'data', name: 'T', validVersions: '0-2', flexibleVersions: '1+', fields, ...extra });
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'int32', versions: '0+', bogus: 1 }])), /unknown key "bogus"/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'int32', versions: '0+', nullableVersions: '0+' }])), /cannot be nullable/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'int32', versions: '1+', tag: 0 }])), /tag and taggedVersions/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'int32', versions: '2+', taggedVersions: '1+', tag: 0 }])), /outside versions/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'Missing', versions: '0+' }])), /unknown struct Missing/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'int32', versions: '0+' }, { name: 'A', type: 'int32', versions: '0+' }])), /duplicate field/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'int32', versions: '0+', flexibleVersions: 'none' }])), /only applies to string/);
  assert.throws(() => parseMessage('t', spec([{ name: 'A', type: 'weird', versions: '0+' }])), /unknown type/);
});

test('retained floors lower the range and restore fields; stale entries are refused', () => {
  const msg = parseMessage('m', JSON.stringify({
    type: 'data', name: 'M', validVersions: '2-4', flexibleVersions: '4+',
    fields: [{ name: 'Parts', type: '[]Part', versions: '0+', fields: [{ name: 'A', type: 'int32', versions: '0+' }, { name: 'C', type: 'int32', versions: '0+' }] }],
  }));
  const [out] = applyRetained([msg], { M: { floor: 0, fields: [{ path: ['Parts'], after: 'A', name: 'B', type: 'int64', versions: '1', default: '-1' }] } });
  assert.equal(out!.validVersions.min, 0);
  assert.deepEqual(out!.fields[0]!.fields!.map((f) => f.name), ['A', 'B', 'C']);
  assert.equal(msg.validVersions.min, 2, 'the input is not modified');
  assert.throws(() => applyRetained([msg], { M: { floor: 2 } }), /not below/);
  assert.throws(() => applyRetained([msg], { X: { floor: 0 } }), /no message X/);
  assert.throws(() => applyRetained([msg], { M: { floor: 0, fields: [{ path: ['Parts'], after: 'Z', name: 'B', type: 'bool', versions: '0' }] } }), /no field Z/);
});
