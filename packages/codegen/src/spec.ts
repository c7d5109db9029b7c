// Spec model: loads Kafka's message JSON files and validates them before anything is emitted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type VersionRange, NONE, parseVersions, contains, isEmpty, intersect } from './versions.js';

export type Primitive =
  | 'bool' | 'int8' | 'int16' | 'uint16' | 'int32' | 'int64' | 'float64'
  | 'string' | 'bytes' | 'records' | 'uuid';

const PRIMITIVES = new Set<string>(['bool', 'int8', 'int16', 'uint16', 'int32', 'int64', 'float64', 'string', 'bytes', 'records', 'uuid']);
const NULLABLE_OK = new Set<string>(['string', 'bytes', 'records']);

export type FieldType =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'struct'; name: string }
  | { kind: 'array'; element: { kind: 'primitive'; name: Primitive } | { kind: 'struct'; name: string } };

export interface FieldSpec {
  name: string;
  type: FieldType;
  versions: VersionRange;
  nullableVersions: VersionRange;
  /** Versions in which the field travels in the tagged-field section. */
  taggedVersions: VersionRange;
  tag: number | undefined;
  /** Overrides the message's flexible versions for this field (e.g. a header's client id). */
  flexibleVersions: VersionRange | undefined;
  ignorable: boolean;
  /** The default as written in the spec, or undefined. */
  default: string | number | boolean | undefined;
  /** Inline struct definition (for struct and struct-array fields). */
  fields: FieldSpec[] | undefined;
}

export interface StructSpec {
  name: string;
  versions: VersionRange;
  fields: FieldSpec[];
}

export type MessageKind = 'request' | 'response' | 'header' | 'data';

export interface MessageSpec {
  file: string;
  name: string;
  kind: MessageKind;
  apiKey: number | undefined;
  validVersions: VersionRange;
  flexibleVersions: VersionRange;
  deprecatedVersions: VersionRange;
  latestVersionUnstable: boolean;
  listeners: string[];
  fields: FieldSpec[];
  commonStructs: StructSpec[];
}

/** Strips // line comments (the specs carry a license header and notes as comments). */
function stripComments(text: string): string {
  return text
    .split('\n')
    .map((line) => (/^\s*\/\//.test(line) ? '' : line))
    .join('\n');
}

type Json = Record<string, unknown>;

const FIELD_KEYS = new Set([
  'name', 'type', 'versions', 'nullableVersions', 'taggedVersions', 'tag', 'flexibleVersions',
  'ignorable', 'default', 'fields', 'about', 'entityType', 'mapKey', 'zeroCopy',
]);
const MESSAGE_KEYS = new Set([
  'apiKey', 'type', 'listeners', 'name', 'validVersions', 'deprecatedVersions', 'flexibleVersions',
  'latestVersionUnstable', 'fields', 'commonStructs',
]);

function str(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Error(`${where}: "${key}" must be a string`);
  return v;
}

function parseType(text: string, where: string): FieldType {
  const arr = text.startsWith('[]');
  const base = arr ? text.slice(2) : text;
  const el = PRIMITIVES.has(base)
    ? ({ kind: 'primitive', name: base as Primitive } as const)
    : /^[A-Z][A-Za-z0-9]*$/.test(base)
      ? ({ kind: 'struct', name: base } as const)
      : null;
  if (el === null) throw new Error(`${where}: unknown type ${JSON.stringify(text)}`);
  if (arr) {
    if (el.kind === 'primitive' && el.name === 'records') throw new Error(`${where}: array of records`);
    return { kind: 'array', element: el };
  }
  return el;
}

function parseField(o: Json, parent: VersionRange, where: string): FieldSpec {
  for (const k of Object.keys(o)) if (!FIELD_KEYS.has(k)) throw new Error(`${where}: unknown key "${k}"`);
  const name = str(o, 'name', where);
  const at = `${where}.${name}`;
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error(`${at}: bad field name`);
  const type = parseType(str(o, 'type', at), at);
  const versions = parseVersions(str(o, 'versions', at), `${at}.versions`);
  const nullableVersions = o.nullableVersions === undefined ? NONE : parseVersions(str(o, 'nullableVersions', at), `${at}.nullableVersions`);
  const taggedVersions = o.taggedVersions === undefined ? NONE : parseVersions(str(o, 'taggedVersions', at), `${at}.taggedVersions`);
  const tag = o.tag === undefined ? undefined : Number(o.tag);
  if (tag !== undefined && (!Number.isInteger(tag) || tag < 0)) throw new Error(`${at}: bad tag`);
  if ((tag === undefined) !== isEmpty(taggedVersions)) throw new Error(`${at}: tag and taggedVersions go together`);
  if (!contains(versions, taggedVersions)) throw new Error(`${at}: taggedVersions outside versions`);
  if (!isEmpty(nullableVersions)) {
    const ok = type.kind === 'array' || type.kind === 'struct' || NULLABLE_OK.has(type.name);
    if (!ok) throw new Error(`${at}: type cannot be nullable`);
  }
  const flexibleVersions = o.flexibleVersions === undefined ? undefined : parseVersions(str(o, 'flexibleVersions', at), `${at}.flexibleVersions`);
  if (flexibleVersions !== undefined && !(type.kind === 'primitive' && (type.name === 'string' || type.name === 'bytes'))) {
    throw new Error(`${at}: flexibleVersions only applies to string and bytes`);
  }
  const d = o.default;
  if (d !== undefined && typeof d !== 'string' && typeof d !== 'number' && typeof d !== 'boolean') throw new Error(`${at}: bad default`);
  let fields: FieldSpec[] | undefined;
  if (o.fields !== undefined) {
    if (!Array.isArray(o.fields)) throw new Error(`${at}: fields must be an array`);
    const el = type.kind === 'array' ? type.element : type;
    if (el.kind !== 'struct') throw new Error(`${at}: only struct types have fields`);
    fields = (o.fields as Json[]).map((f) => parseField(f, intersect(parent, versions), at));
  }
  return {
    name, type, versions, nullableVersions, taggedVersions, tag, flexibleVersions,
    ignorable: o.ignorable === true, default: d, fields,
  };
}

export function parseMessage(file: string, text: string): MessageSpec {
  const o = JSON.parse(stripComments(text)) as Json;
  for (const k of Object.keys(o)) if (!MESSAGE_KEYS.has(k)) throw new Error(`${file}: unknown key "${k}"`);
  const name = str(o, 'name', file);
  const kind = str(o, 'type', file);
  if (kind !== 'request' && kind !== 'response' && kind !== 'header' && kind !== 'data') throw new Error(`${file}: unknown type ${kind}`);
  const validVersions = parseVersions(str(o, 'validVersions', file), `${file}.validVersions`);
  // A removed API keeps its file with "validVersions": "none" and nothing else (Kafka 4.0 dropped the
  // ZooKeeper-era controller APIs that way).
  const flexibleVersions = isEmpty(validVersions) && o.flexibleVersions === undefined
    ? NONE
    : parseVersions(str(o, 'flexibleVersions', file), `${file}.flexibleVersions`);
  const apiKey = o.apiKey === undefined ? undefined : Number(o.apiKey);
  if ((kind === 'request' || kind === 'response') && apiKey === undefined) throw new Error(`${file}: apiKey missing`);
  const fields = ((o.fields ?? []) as Json[]).map((f) => parseField(f, validVersions, name));
  const commonStructs = ((o.commonStructs ?? []) as Json[]).map((s) => {
    const sname = str(s, 'name', file);
    const versions = parseVersions(str(s, 'versions', `${file}.${sname}`), `${file}.${sname}.versions`);
    return { name: sname, versions, fields: ((s.fields ?? []) as Json[]).map((f) => parseField(f, versions, `${name}.${sname}`)) };
  });
  const msg: MessageSpec = {
    file, name, kind, apiKey, validVersions, flexibleVersions,
    deprecatedVersions: o.deprecatedVersions === undefined ? NONE : parseVersions(str(o, 'deprecatedVersions', file), file),
    latestVersionUnstable: o.latestVersionUnstable === true,
    listeners: Array.isArray(o.listeners) ? (o.listeners as string[]) : [],
    fields, commonStructs,
  };
  validateStructs(msg);
  return msg;
}

/** Every struct name is defined once (inline or common) and every reference resolves. */
function validateStructs(msg: MessageSpec): void {
  const defined = new Map<string, 'inline' | 'common'>();
  for (const s of msg.commonStructs) {
    if (defined.has(s.name)) throw new Error(`${msg.file}: struct ${s.name} defined twice`);
    defined.set(s.name, 'common');
  }
  const refs: Array<[string, string]> = [];
  const visit = (fields: FieldSpec[], where: string): void => {
    const seenTags = new Set<number>();
    const seenNames = new Set<string>();
    for (const f of fields) {
      if (seenNames.has(f.name)) throw new Error(`${where}: duplicate field ${f.name}`);
      seenNames.add(f.name);
      if (f.tag !== undefined) {
        if (seenTags.has(f.tag)) throw new Error(`${where}: duplicate tag ${f.tag}`);
        seenTags.add(f.tag);
      }
      const el = f.type.kind === 'array' ? f.type.element : f.type;
      if (el.kind !== 'struct') continue;
      if (f.fields !== undefined) {
        if (defined.has(el.name)) throw new Error(`${where}: struct ${el.name} defined twice`);
        defined.set(el.name, 'inline');
        visit(f.fields, `${where}.${el.name}`);
      } else refs.push([el.name, `${where}.${f.name}`]);
    }
  };
  visit(msg.fields, msg.name);
  for (const s of msg.commonStructs) visit(s.fields, `${msg.name}.${s.name}`);
  for (const [name, where] of refs) if (!defined.has(name)) throw new Error(`${msg.file}: ${where} refers to unknown struct ${name}`);
}

export function loadMessages(dir: string): MessageSpec[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`no .json specs in ${dir}`);
  return files.map((f) => parseMessage(f, readFileSync(join(dir, f), 'utf8')));
}

/** True for a spec that has no version left (a removed API): nothing is generated for it. */
export function isRemoved(msg: MessageSpec): boolean {
  return isEmpty(msg.validVersions);
}

export interface ErrorSpec {
  code: number;
  name: string;
  retriable: boolean;
}

/** Reads the error table (tab-separated: code, name, retriable[, message]); the message column is not used. */
export function loadErrors(file: string): ErrorSpec[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  if (header[0] !== 'code' || header[1] !== 'name' || header[2] !== 'retriable') throw new Error(`${file}: unexpected header`);
  const out = lines.map((l, i) => {
    const [code, name, retriable] = l.split('\t');
    if (!/^-?\d+$/.test(code ?? '') || !/^[A-Z0-9_]+$/.test(name ?? '') || (retriable !== 'true' && retriable !== 'false')) {
      throw new Error(`${file}:${i + 2}: malformed row`);
    }
    return { code: Number(code), name: name!, retriable: retriable === 'true' };
  });
  if (new Set(out.map((e) => e.code)).size !== out.length) throw new Error(`${file}: duplicate codes`);
  return out;
}
