// The Protobuf model: a FileDescriptorProto as plain data (protobufjs's descriptor types encode and
// decode it), built from a protobufjs parse, and written back as `.proto` text.
import protobuf from 'protobufjs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const descriptorTypes = require('protobufjs/ext/descriptor/index.js') as { FileDescriptorProto: protobuf.Type };

export interface FieldDesc {
  name: string;
  number: number;
  /** 1 optional, 2 required, 3 repeated. */
  label: number;
  /** FieldDescriptorProto.Type: 1 double … 9 string, 11 message, 14 enum, 10 group. */
  type: number;
  typeName?: string;
  oneofIndex?: number;
  defaultValue?: string;
  /** As protoc writes it: the `json_name` option, else the name in lowerCamelCase. */
  jsonName?: string;
  proto3Optional?: boolean;
  options?: Record<string, unknown>;
}
export interface EnumDesc {
  name: string;
  value: { name: string; number: number }[];
  options?: Record<string, unknown>;
  reservedRange?: { start: number; end: number }[];
  reservedName?: string[];
}
export interface MessageDesc {
  name: string;
  field: FieldDesc[];
  nestedType: MessageDesc[];
  enumType: EnumDesc[];
  oneofDecl: { name: string }[];
  options?: Record<string, unknown>;
  /** start inclusive, end exclusive (as in descriptors). */
  reservedRange?: { start: number; end: number }[];
  reservedName?: string[];
}
export interface ServiceDesc {
  name: string;
  method: { name: string; inputType: string; outputType: string; clientStreaming?: boolean; serverStreaming?: boolean }[];
}
export interface FileDesc {
  name: string;
  package?: string;
  dependency: string[];
  messageType: MessageDesc[];
  enumType: EnumDesc[];
  service: ServiceDesc[];
  syntax?: string;
  options?: Record<string, unknown>;
}

export const SCALAR_TYPES: Record<string, number> = {
  double: 1, float: 2, int64: 3, uint64: 4, int32: 5, fixed64: 6, fixed32: 7, bool: 8, string: 9,
  bytes: 12, uint32: 13, sfixed32: 15, sfixed64: 16, sint32: 17, sint64: 18,
};
export const TYPE_NAMES: Record<number, string> = Object.fromEntries(Object.entries(SCALAR_TYPES).map(([k, v]) => [v, k]));

function camel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
/** protoc's default JSON name: underscores dropped, the letter after each one upper-cased. */
export function protocJsonName(name: string): string {
  let out = '';
  let upper = false;
  for (const ch of name) {
    if (ch === '_') upper = true;
    else {
      out += upper ? ch.toUpperCase() : ch;
      upper = false;
    }
  }
  return out;
}

function mapEntryName(field: string): string {
  const c = camel(field);
  return c.charAt(0).toUpperCase() + c.slice(1) + 'Entry';
}
function cleanOptions(opts: Record<string, unknown> | undefined, drop: readonly string[] = []): Record<string, unknown> | undefined {
  if (!opts) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(opts)) if (!drop.includes(k) && v !== undefined) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

function reservedOf(reserved: readonly (number[] | string)[] | undefined, exclusiveEnd: boolean): { ranges: { start: number; end: number }[]; names: string[] } {
  const ranges: { start: number; end: number }[] = [];
  const names: string[] = [];
  for (const r of reserved ?? []) {
    if (typeof r === 'string') names.push(r);
    else ranges.push({ start: r[0]!, end: exclusiveEnd ? r[1]! + 1 : r[1]! });
  }
  return { ranges, names };
}

function enumDesc(e: protobuf.Enum): EnumDesc {
  const res = reservedOf(e.reserved as (number[] | string)[] | undefined, false);
  const d: EnumDesc = { name: e.name, value: Object.entries(e.values).map(([name, number]) => ({ name, number })) };
  const opts = cleanOptions(e.options);
  if (opts) d.options = opts;
  if (res.ranges.length) d.reservedRange = res.ranges;
  if (res.names.length) d.reservedName = res.names;
  return d;
}

function messageDesc(own: protobuf.Type, resolved: protobuf.Type): MessageDesc {
  const d: MessageDesc = { name: own.name, field: [], nestedType: [], enumType: [], oneofDecl: [] };
  const realOneofs = resolved.oneofsArray.filter((o) => !(o.fieldsArray.length === 1 && o.fieldsArray[0]!.options?.proto3_optional));
  const synthetic = resolved.oneofsArray.filter((o) => !realOneofs.includes(o));
  const oneofs = [...realOneofs, ...synthetic];
  d.oneofDecl = oneofs.map((o) => ({ name: o.name }));
  for (const f of resolved.fieldsArray) {
    const field: FieldDesc = { name: f.name, number: f.id, label: 1, type: 0 };
    if (f instanceof protobuf.MapField || (f as { map?: boolean }).map) {
      const mf = f as unknown as protobuf.MapField;
      const entry = mapEntryName(f.name);
      field.label = 3;
      field.type = 11;
      field.typeName = `${resolved.fullName}.${entry}`;
      const value: FieldDesc = { name: 'value', number: 2, label: 1, type: 0, jsonName: 'value' };
      setType(value, mf.type, mf.resolvedType);
      d.nestedType.push({
        name: entry,
        field: [{ name: 'key', number: 1, label: 1, type: SCALAR_TYPES[mf.keyType] ?? 9, jsonName: 'key' }, value],
        nestedType: [],
        enumType: [],
        oneofDecl: [],
        options: { mapEntry: true },
      });
    } else {
      field.label = f.repeated ? 3 : (f as unknown as { rule?: string }).rule === 'required' || f.required ? 2 : 1;
      setType(field, f.type, f.resolvedType, f.delimited);
    }
    if (f.partOf) field.oneofIndex = oneofs.indexOf(f.partOf);
    const opts = f.options as Record<string, unknown> | undefined;
    if (opts?.proto3_optional) field.proto3Optional = true;
    if (opts && opts.default !== undefined) field.defaultValue = String(opts.default);
    field.jsonName = typeof opts?.json_name === 'string' ? opts.json_name : protocJsonName(f.name);
    const rest = cleanOptions(opts, ['proto3_optional', 'default']);
    if (rest) field.options = rest;
    d.field.push(field);
  }
  for (const n of own.nestedArray) {
    if (n instanceof protobuf.Type) d.nestedType.push(messageDesc(n, resolved.lookupType(n.name)));
    else if (n instanceof protobuf.Enum) d.enumType.push(enumDesc(resolved.lookupEnum(n.name)));
  }
  const opts = cleanOptions(own.options);
  if (opts) d.options = opts;
  const res = reservedOf(own.reserved as (number[] | string)[] | undefined, true);
  if (res.ranges.length) d.reservedRange = res.ranges;
  if (res.names.length) d.reservedName = res.names;
  return d;
}

function setType(field: FieldDesc, type: string, resolved: protobuf.Type | protobuf.Enum | null, delimited = false): void {
  if (resolved instanceof protobuf.Type) {
    field.type = delimited ? 10 : 11;
    field.typeName = resolved.fullName;
  } else if (resolved instanceof protobuf.Enum) {
    field.type = 14;
    field.typeName = resolved.fullName;
  } else {
    field.type = SCALAR_TYPES[type] ?? 9;
  }
}

/** The FileDescriptorProto of one file: `own` holds only its definitions, `root` everything resolved. */
export function fileDescriptorOf(
  name: string,
  parsed: protobuf.IParserResult,
  own: protobuf.Root,
  root: protobuf.Root,
  syntax: 'proto2' | 'proto3',
): FileDesc {
  const pkg = parsed.package ?? '';
  const ns = pkg ? (own.lookup(pkg) as protobuf.Namespace | null) : own;
  const d: FileDesc = {
    name,
    dependency: [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])],
    messageType: [],
    enumType: [],
    service: [],
  };
  if (pkg) d.package = pkg;
  if (syntax === 'proto3') d.syntax = 'proto3';
  for (const n of ns?.nestedArray ?? []) {
    if (n instanceof protobuf.Type) d.messageType.push(messageDesc(n, root.lookupType(n.fullName)));
    else if (n instanceof protobuf.Enum) d.enumType.push(enumDesc(root.lookupEnum(n.fullName)));
    else if (n instanceof protobuf.Service) {
      const s = root.lookupService(n.fullName);
      d.service.push({
        name: s.name,
        method: s.methodsArray.map((m) => {
          m.resolve();
          const out: ServiceDesc['method'][number] = {
            name: m.name,
            inputType: m.resolvedRequestType?.fullName ?? m.requestType,
            outputType: m.resolvedResponseType?.fullName ?? m.responseType,
          };
          if (m.requestStream) out.clientStreaming = true;
          if (m.responseStream) out.serverStreaming = true;
          return out;
        }),
      });
    }
  }
  const opts = cleanOptions(ns?.options);
  if (opts) d.options = opts;
  return d;
}

function camelKeys(opts: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!opts) return undefined;
  return Object.fromEntries(Object.entries(opts).map(([k, v]) => [camel(k), v]));
}

function toWire(d: FileDesc): Record<string, unknown> {
  const msg = (m: MessageDesc): Record<string, unknown> => ({
    ...m,
    field: m.field.map((f) => ({ ...f, options: camelKeys(f.options) })),
    nestedType: m.nestedType.map(msg),
    enumType: m.enumType.map((e) => ({ ...e, options: camelKeys(e.options) })),
    options: camelKeys(m.options),
  });
  return {
    ...d,
    messageType: d.messageType.map(msg),
    enumType: d.enumType.map((e) => ({ ...e, options: camelKeys(e.options) })),
    options: camelKeys(d.options),
  };
}

export function encodeFileDescriptor(d: FileDesc): Buffer {
  const T = descriptorTypes.FileDescriptorProto;
  return Buffer.from(T.encode(T.fromObject(toWire(d))).finish());
}

export function decodeFileDescriptor(bytes: Uint8Array): FileDesc {
  const T = descriptorTypes.FileDescriptorProto;
  const o = T.toObject(T.decode(bytes), { arrays: true, enums: Number, longs: Number, defaults: false }) as Record<string, unknown>;
  const fd = o as unknown as FileDesc;
  if (!fd.messageType.length && !fd.enumType.length && !fd.service.length && !fd.name) {
    throw new Error('empty FileDescriptorProto');
  }
  return fd;
}

// ---- text ----

function quote(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function renderOptions(opts: Record<string, unknown> | undefined, sort: boolean, indent: string, skip: readonly string[] = []): string[] {
  const entries = Object.entries(opts ?? {}).filter(([k, v]) => !skip.includes(k) && v !== undefined && typeof v !== 'object');
  if (sort) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([k, v]) => `${indent}option ${/^[a-z_][\w]*$/i.test(k) ? k : `(${k})`} = ${quote(v)};`);
}

function typeRef(f: FieldDesc): string {
  return f.typeName ?? TYPE_NAMES[f.type] ?? 'bytes';
}

function renderField(f: FieldDesc, m: MessageDesc, proto3: boolean, indent: string, inOneof: boolean): string {
  const entry = f.type === 11 && f.label === 3 ? m.nestedType.find((n) => n.options?.mapEntry && f.typeName?.endsWith(`.${n.name}`)) : undefined;
  let label = '';
  if (!inOneof) {
    if (f.label === 3 && !entry) label = 'repeated ';
    else if (f.label === 2) label = 'required ';
    else if (f.label === 1 && (!proto3 || f.proto3Optional)) label = 'optional ';
  }
  const type = entry ? `map<${typeRef(entry.field[0]!)}, ${typeRef(entry.field[1]!)}>` : typeRef(f);
  const opts: string[] = [];
  if (f.defaultValue !== undefined) opts.push(`default = ${f.type === 9 ? JSON.stringify(f.defaultValue) : f.defaultValue}`);
  for (const [k, v] of Object.entries(f.options ?? {})) if (typeof v !== 'object') opts.push(`${k} = ${quote(v)}`);
  if (f.jsonName !== undefined && f.jsonName !== protocJsonName(f.name) && f.options?.json_name === undefined) {
    opts.push(`json_name = ${JSON.stringify(f.jsonName)}`);
  }
  return `${indent}${label}${type} ${f.name} = ${f.number}${opts.length ? ` [${opts.join(', ')}]` : ''};`;
}

function renderReserved(ranges: { start: number; end: number }[] | undefined, names: string[] | undefined, exclusive: boolean, indent: string): string[] {
  const out: string[] = [];
  if (ranges?.length) {
    out.push(`${indent}reserved ${ranges.map((r) => {
      const end = exclusive ? r.end - 1 : r.end;
      return end === r.start ? `${r.start}` : end >= 536870911 ? `${r.start} to max` : `${r.start} to ${end}`;
    }).join(', ')};`);
  }
  if (names?.length) out.push(`${indent}reserved ${names.map((n) => JSON.stringify(n)).join(', ')};`);
  return out;
}

function renderEnum(e: EnumDesc, sort: boolean, indent: string): string[] {
  const inner = indent + '  ';
  const values = sort ? [...e.value].sort((a, b) => a.number - b.number || (a.name < b.name ? -1 : 1)) : e.value;
  return [
    `${indent}enum ${e.name} {`,
    ...renderOptions(e.options, sort, inner),
    ...renderReserved(e.reservedRange, e.reservedName, false, inner),
    ...values.map((v) => `${inner}${v.name} = ${v.number};`),
    `${indent}}`,
  ];
}

function renderMessage(m: MessageDesc, proto3: boolean, sort: boolean, indent: string): string[] {
  const inner = indent + '  ';
  const lines = [`${indent}message ${m.name} {`, ...renderOptions(m.options, sort, inner, ['mapEntry'])];
  lines.push(...renderReserved(m.reservedRange, m.reservedName, true, inner));
  const fields = sort ? [...m.field].sort((a, b) => a.number - b.number) : m.field;
  const doneOneofs = new Set<number>();
  for (const f of fields) {
    const oi = f.oneofIndex;
    if (oi !== undefined && !f.proto3Optional) {
      if (doneOneofs.has(oi)) continue;
      doneOneofs.add(oi);
      lines.push(`${inner}oneof ${m.oneofDecl[oi]?.name ?? `oneof${oi}`} {`);
      for (const g of fields.filter((x) => x.oneofIndex === oi)) lines.push(renderField(g, m, proto3, inner + '  ', true));
      lines.push(`${inner}}`);
    } else {
      lines.push(renderField(f, m, proto3, inner, false));
    }
  }
  for (const n of m.nestedType) if (!n.options?.mapEntry) lines.push(...renderMessage(n, proto3, sort, inner));
  for (const e of m.enumType) lines.push(...renderEnum(e, sort, inner));
  lines.push(`${indent}}`);
  return lines;
}

/**
 * `.proto` text of a descriptor, type names fully qualified. `normalize`: imports, options, fields
 * (by number) and enum values sorted; messages keep their order (message indexes depend on it).
 */
export function renderProto(d: FileDesc, normalize: boolean): string {
  const proto3 = d.syntax === 'proto3';
  const lines = [`syntax = "${proto3 ? 'proto3' : 'proto2'}";`];
  if (d.package) lines.push(`package ${d.package};`);
  const deps = normalize ? [...d.dependency].sort() : d.dependency;
  if (deps.length) lines.push('', ...deps.map((x) => `import ${JSON.stringify(x)};`));
  const opts = renderOptions(d.options, normalize, '');
  if (opts.length) lines.push('', ...opts);
  for (const m of d.messageType) lines.push('', ...renderMessage(m, proto3, normalize, ''));
  for (const e of d.enumType) lines.push('', ...renderEnum(e, normalize, ''));
  for (const s of d.service) {
    lines.push('', `service ${s.name} {`);
    for (const m of s.method) {
      lines.push(`  rpc ${m.name}(${m.clientStreaming ? 'stream ' : ''}${m.inputType}) returns (${m.serverStreaming ? 'stream ' : ''}${m.outputType});`);
    }
    lines.push('}');
  }
  return lines.join('\n') + '\n';
}
