// Avro: parsing with avsc (named types shared across references), Confluent's forms, and the
// reader/writer resolution check with Apache Avro's SchemaCompatibility semantics.
//
// Compatibility follows org.apache.avro.SchemaCompatibility (Avro 1.11/1.12), which Confluent runs
// for Avro subjects: a writer's data is readable by a reader when, recursively,
// - both are the same primitive, or the writer promotes to the reader (int→long→float→double,
//   string↔bytes), or
// - named types (record, enum, fixed) match by unqualified name or by a reader alias of the writer's
//   full name; fixed sizes are equal; the reader's enum has every writer symbol or a default symbol;
// - every reader field is found in the writer (by name, then by the reader field's aliases) with a
//   readable type, or has a default;
// - every writer union branch is readable by the reader (a reader union: by some branch);
// - arrays and maps: their items/values are readable.
// Logical types do not matter (their underlying types are compared). The checker is the test
// oracle's subject: test/fixtures/avro-compat.ts runs every case through Apache Avro's Java class.
import avro from 'avsc';
import type { Type as AvroType } from 'avsc';
import { createHash } from 'node:crypto';
import {
  InvalidSchemaError,
  type CompatibilityResult,
  type ParsedSchema,
  type ResolvedReference,
  type SchemaFormat,
} from './types.js';
import { errorMessage, walkReferences } from './refs.js';

export type { AvroType };

/** The names of Apache Avro's SchemaCompatibility.SchemaIncompatibilityType. */
export type AvroIncompatibilityType =
  | 'NAME_MISMATCH'
  | 'FIXED_SIZE_MISMATCH'
  | 'MISSING_ENUM_SYMBOLS'
  | 'READER_FIELD_MISSING_DEFAULT_VALUE'
  | 'TYPE_MISMATCH'
  | 'MISSING_UNION_BRANCH';

export interface AvroIncompatibility {
  type: AvroIncompatibilityType;
  /** JSON pointer into the reader schema, as Avro reports it (e.g. `/fields/1/type`). */
  location: string;
  message: string;
}

export class AvroParsedSchema implements ParsedSchema {
  readonly schemaType = 'AVRO' as const;
  constructor(
    readonly raw: string,
    readonly references: readonly ResolvedReference[],
    /** The parsed type (avsc), with referenced named types resolved. */
    readonly type: AvroType,
    private readonly json: unknown,
    /** Full names of the named types the references define. */
    private readonly referencedNames: readonly string[] = [],
  ) {}

  canonical(): string {
    return JSON.stringify(this.json);
  }

  normalized(): string {
    // Named types that come from references are written by name only.
    const seen = new Set<string>(this.referencedNames);
    return JSON.stringify(normalizeAvro(this.json, '', seen));
  }

  formatted(format: string): string | undefined {
    if (format === 'resolved') return JSON.stringify(this.type.schema({ exportAttrs: true }));
    if (format === 'canonical') return parsingCanonicalForm(this);
    if (format === 'default' || format === '') return this.raw;
    return undefined;
  }
}

/** The avsc Type of a parsed Avro schema (for serializers). */
export function avroType(parsed: ParsedSchema): AvroType {
  if (!(parsed instanceof AvroParsedSchema)) throw new TypeError(`not an Avro schema: ${parsed.schemaType}`);
  return parsed.type;
}

/** Avro's Parsing Canonical Form (the specification's, what fingerprints are taken over). */
export function parsingCanonicalForm(parsed: ParsedSchema): string {
  // avsc keeps `"type":"error"`; the specification's form (and Apache Avro's) writes errors as records.
  return JSON.stringify(avroType(parsed).schema(), (k, v: unknown) => (k === 'type' && v === 'error' ? 'record' : v));
}

/**
 * The fingerprint of the Parsing Canonical Form: `CRC-64-AVRO` (the specification's Rabin
 * fingerprint, as a little-endian 8-byte buffer, the single-object encoding's), `SHA-256` or `MD5`.
 */
export function avroFingerprint(parsed: ParsedSchema, algorithm: 'CRC-64-AVRO' | 'SHA-256' | 'MD5' = 'CRC-64-AVRO'): Buffer {
  const pcf = parsingCanonicalForm(parsed);
  if (algorithm === 'SHA-256') return createHash('sha256').update(pcf).digest();
  if (algorithm === 'MD5') return createHash('md5').update(pcf).digest();
  return rabin64(Buffer.from(pcf, 'utf8'));
}

const EMPTY64 = 0xc15d213aa4d7a795n;
let rabinTable: bigint[] | undefined;
function rabin64(bytes: Buffer): Buffer {
  if (!rabinTable) {
    rabinTable = [];
    for (let i = 0; i < 256; i++) {
      let fp = BigInt(i);
      for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (EMPTY64 & -(fp & 1n));
      rabinTable.push(fp & 0xffffffffffffffffn);
    }
  }
  let fp = EMPTY64;
  for (const b of bytes) fp = ((fp >> 8n) ^ rabinTable[Number((fp ^ BigInt(b)) & 0xffn)]!) & 0xffffffffffffffffn;
  const out = Buffer.alloc(8);
  out.writeBigUInt64LE(fp);
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    // Avro accepts a bare primitive name as a schema ("string" is JSON; string is not).
    if (/^\s*[A-Za-z_][A-Za-z0-9_.]*\s*$/.test(text)) return text.trim();
    throw new InvalidSchemaError(`Invalid schema: ${errorMessage(err)}`);
  }
}

function forSchema(json: unknown, registry: Record<string, AvroType>, what: string): AvroType {
  try {
    return avro.Type.forSchema(json as avro.Schema, { registry, wrapUnions: 'auto' });
  } catch (err) {
    throw new InvalidSchemaError(`Invalid schema${what}: ${errorMessage(err)}`);
  }
}

export function parseAvro(text: string, refs: readonly ResolvedReference[]): AvroParsedSchema {
  const registry: Record<string, AvroType> = {};
  walkReferences(refs, (ref) => {
    if (ref.schemaType !== 'AVRO') {
      throw new InvalidSchemaError(`Reference ${ref.name} (${ref.subject} v${ref.version}) is ${ref.schemaType}, not AVRO`);
    }
    forSchema(parseJson(ref.schema), registry, ` in reference ${ref.name}`);
  });
  const referencedNames = Object.keys(registry);
  const json = parseJson(text);
  const type = forSchema(json, registry, '');
  return new AvroParsedSchema(text, refs, type, json, referencedNames);
}

// ---- normalization (Confluent's normalize=true) ----

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const LOGICAL = new Set([
  'decimal', 'big-decimal', 'uuid', 'date', 'time-millis', 'time-micros', 'timestamp-millis', 'timestamp-micros',
  'timestamp-nanos', 'local-timestamp-millis', 'local-timestamp-micros', 'local-timestamp-nanos', 'duration',
]);
const RESERVED = new Set(['type', 'name', 'namespace', 'fields', 'items', 'values', 'symbols', 'size', 'doc', 'aliases', 'default', 'logicalType', 'precision', 'scale', 'order']);

function fullName(name: string, namespace: string): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

function sortedProps(obj: Record<string, unknown>, skip: ReadonlySet<string>): [string, unknown][] {
  return Object.keys(obj).filter((k) => !skip.has(k)).sort().map((k) => [k, obj[k]]);
}

/**
 * Confluent's normalized Avro (its AvroSchemaUtils normalization, itself adapted from Avro's
 * Parsing Canonical Form but keeping what PCF strips): full names; a named type written out once,
 * then by name (names from references too); keys in a fixed order — name, type, symbols/size/fields,
 * logical type (decimal: precision, scale when not 0), doc, sorted aliases, enum default, then other
 * attributes sorted; fields as name, type, order, doc, sorted aliases, default, other attributes.
 */
function normalizeAvro(schema: unknown, namespace: string, seen: Set<string>): unknown {
  if (typeof schema === 'string') {
    if (PRIMITIVES.has(schema)) return schema;
    const full = fullName(schema, namespace);
    return full;
  }
  if (Array.isArray(schema)) return schema.map((s) => normalizeAvro(s, namespace, seen));
  if (schema === null || typeof schema !== 'object') return schema;
  const obj = schema as Record<string, unknown>;
  const type = obj.type;
  if (typeof type !== 'string') return normalizeAvro(type, namespace, seen); // {"type": {...}} or a union
  const logical = typeof obj.logicalType === 'string' && LOGICAL.has(obj.logicalType) ? obj.logicalType : undefined;
  const logicalProps = (out: Record<string, unknown>): void => {
    if (!logical) return;
    out.logicalType = logical;
    if (logical === 'decimal') {
      out.precision = obj.precision;
      if (typeof obj.scale === 'number' && obj.scale !== 0) out.scale = obj.scale;
    }
  };
  const rest = (out: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, unknown> => {
    for (const [k, v] of sortedProps(obj, skip)) if (!(logical && (k === 'logicalType' || k === 'precision' || k === 'scale'))) out[k] = v;
    return out;
  };
  if (type === 'record' || type === 'error' || type === 'enum' || type === 'fixed') {
    const ns = typeof obj.namespace === 'string' ? obj.namespace : namespace;
    const full = fullName(String(obj.name), ns);
    if (seen.has(full)) return full;
    seen.add(full);
    const inner = full.includes('.') ? full.slice(0, full.lastIndexOf('.')) : '';
    const out: Record<string, unknown> = { name: full, type: type === 'error' ? 'record' : type };
    if (type === 'enum') out.symbols = obj.symbols;
    else if (type === 'fixed') out.size = obj.size;
    else {
      out.fields = (Array.isArray(obj.fields) ? obj.fields : []).map((f) => normalizeField(f, inner, seen));
    }
    logicalProps(out);
    if (typeof obj.doc === 'string' && obj.doc !== '') out.doc = obj.doc;
    if (Array.isArray(obj.aliases) && obj.aliases.length) out.aliases = obj.aliases.map((a) => fullName(String(a), inner)).sort();
    if (type === 'enum' && obj.default !== undefined) out.default = obj.default;
    return rest(out, RESERVED);
  }
  if (type === 'array' || type === 'map') {
    const out: Record<string, unknown> = { type };
    if (type === 'array') out.items = normalizeAvro(obj.items, namespace, seen);
    else out.values = normalizeAvro(obj.values, namespace, seen);
    logicalProps(out);
    return rest(out, RESERVED);
  }
  if (!PRIMITIVES.has(type)) return fullName(type, namespace); // {"type": "com.x.Named"}
  const out: Record<string, unknown> = { type };
  logicalProps(out);
  rest(out, RESERVED);
  return Object.keys(out).length === 1 ? type : out;
}

function normalizeField(field: unknown, ns: string, seen: Set<string>): unknown {
  if (field === null || typeof field !== 'object') return field;
  const f = field as Record<string, unknown>;
  const out: Record<string, unknown> = { name: f.name, type: normalizeAvro(f.type, ns, seen) };
  if (typeof f.order === 'string') out.order = f.order;
  if (typeof f.doc === 'string') out.doc = f.doc;
  if (Array.isArray(f.aliases) && f.aliases.length) out.aliases = [...(f.aliases as string[])].sort();
  if ('default' in f) out.default = f.default;
  for (const [k, v] of sortedProps(f, new Set(['name', 'type', 'order', 'doc', 'aliases', 'default']))) out[k] = v;
  return out;
}

// ---- compatibility (Apache Avro's SchemaCompatibility) ----

interface TypeView {
  typeName: string;
  name?: string;
  aliases?: string[];
  fields?: FieldView[];
  symbols?: string[];
  default?: string;
  size?: number;
  types?: TypeView[];
  itemsType?: TypeView;
  valuesType?: TypeView;
  underlyingType?: TypeView;
}
interface FieldView {
  name: string;
  type: TypeView;
  aliases: string[];
  defaultValue(): unknown;
}

function kind(t: TypeView): string {
  const n = t.typeName;
  if (n.startsWith('union')) return 'union';
  if (n.startsWith('logical:') && t.underlyingType) return kind(t.underlyingType);
  if (n === 'error') return 'record';
  return n;
}

function base(t: TypeView): TypeView {
  return t.typeName.startsWith('logical:') && t.underlyingType ? base(t.underlyingType) : t;
}

function simpleName(name: string | undefined): string | undefined {
  return name === undefined ? undefined : name.slice(name.lastIndexOf('.') + 1);
}

const PROMOTIONS: Record<string, readonly string[]> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  bytes: ['string'],
  string: ['bytes'],
};

/** Checks that data written with `writer` can be read with `reader`. Empty list: compatible. */
export function avroReadable(reader: AvroType, writer: AvroType): AvroIncompatibility[] {
  const memo = new Map<TypeView, Map<TypeView, AvroIncompatibility[]>>();
  const check = (r0: TypeView, w0: TypeView, loc: string[]): AvroIncompatibility[] => {
    const r = base(r0);
    const w = base(w0);
    let byWriter = memo.get(r);
    if (!byWriter) memo.set(r, (byWriter = new Map()));
    const known = byWriter.get(w);
    if (known) return known;
    // In progress: assumed compatible (a recursive type meets itself).
    const result: AvroIncompatibility[] = [];
    byWriter.set(w, result);
    result.push(...compute(r, w, loc));
    return result;
  };
  const fail = (type: AvroIncompatibilityType, loc: string[], message: string): AvroIncompatibility[] => [
    { type, location: '/' + loc.join('/'), message },
  ];
  const compute = (r: TypeView, w: TypeView, loc: string[]): AvroIncompatibility[] => {
    const rk = kind(r);
    const wk = kind(w);
    if (rk === wk) {
      switch (rk) {
        case 'array':
          return check(r.itemsType!, w.itemsType!, [...loc, 'items']);
        case 'map':
          return check(r.valuesType!, w.valuesType!, [...loc, 'values']);
        case 'fixed': {
          const names = checkNames(r, w, loc);
          if (names.length) return names;
          if (r.size !== w.size) {
            return fail('FIXED_SIZE_MISMATCH', [...loc, 'size'], `expected: ${w.size ?? '?'}, found: ${r.size ?? '?'}`);
          }
          return [];
        }
        case 'enum': {
          const names = checkNames(r, w, loc);
          if (names.length) return names;
          const missing = (w.symbols ?? []).filter((s) => !(r.symbols ?? []).includes(s)).sort();
          if (missing.length && !(r.default !== undefined && (r.symbols ?? []).includes(r.default))) {
            return fail('MISSING_ENUM_SYMBOLS', [...loc, 'symbols'], `[${missing.join(', ')}]`);
          }
          return [];
        }
        case 'record': {
          const names = checkNames(r, w, loc);
          if (names.length) return names;
          const out: AvroIncompatibility[] = [];
          (r.fields ?? []).forEach((rf, i) => {
            const here = [...loc, 'fields', String(i)];
            const wf = lookupWriterField(w, rf);
            if (!wf) {
              if (rf.defaultValue() === undefined) {
                if (kind(rf.type) === 'enum' && base(rf.type).default !== undefined) {
                  out.push(...check(rf.type, w, [...here, 'type']));
                } else {
                  out.push(...fail('READER_FIELD_MISSING_DEFAULT_VALUE', here, rf.name));
                }
              }
            } else {
              out.push(...check(rf.type, wf.type, [...here, 'type']));
            }
          });
          return out;
        }
        case 'union': {
          const out: AvroIncompatibility[] = [];
          (w.types ?? []).forEach((wb, i) => {
            if (check(r, wb, [...loc, String(i)]).length) {
              out.push(...fail('MISSING_UNION_BRANCH', [...loc, String(i)], `reader union lacking writer type: ${kind(wb).toUpperCase()}`));
            }
          });
          return out;
        }
        default:
          return []; // same primitive
      }
    }
    if (wk === 'union') {
      const out: AvroIncompatibility[] = [];
      (w.types ?? []).forEach((wb, i) => out.push(...check(r, wb, [...loc, String(i)])));
      return out;
    }
    if (rk === 'union') {
      for (const rb of r.types ?? []) if (check(rb, w, loc).length === 0) return [];
      return fail('MISSING_UNION_BRANCH', loc, `reader union lacking writer type: ${wk.toUpperCase()}`);
    }
    if ((PROMOTIONS[rk] ?? []).includes(wk)) return [];
    return fail('TYPE_MISMATCH', loc, `reader type: ${rk.toUpperCase()} not compatible with writer type: ${wk.toUpperCase()}`);
  };
  const checkNames = (r: TypeView, w: TypeView, loc: string[]): AvroIncompatibility[] => {
    if (simpleName(r.name) === simpleName(w.name)) return [];
    if (w.name !== undefined && (r.aliases ?? []).includes(w.name)) return [];
    return fail('NAME_MISMATCH', [...loc, 'name'], `expected: ${w.name ?? '?'}`);
  };
  return check(reader as unknown as TypeView, writer as unknown as TypeView, []);
}

function lookupWriterField(w: TypeView, rf: FieldView): FieldView | undefined {
  const fields = w.fields ?? [];
  const direct = fields.find((f) => f.name === rf.name);
  if (direct) return direct;
  for (const alias of rf.aliases ?? []) {
    const f = fields.find((x) => x.name === alias);
    if (f) return f;
  }
  return undefined;
}

const DESCRIPTIONS: Record<AvroIncompatibilityType, string> = {
  NAME_MISMATCH: 'The name of the {reader} schema does not match the name of the {writer} schema',
  FIXED_SIZE_MISMATCH: 'The size of FIXED type in the {reader} schema does not match the size in the {writer} schema',
  MISSING_ENUM_SYMBOLS: 'The {reader} schema is missing enum symbols of the {writer} schema',
  READER_FIELD_MISSING_DEFAULT_VALUE: 'The field in the {reader} schema has no default value and is missing in the {writer} schema',
  TYPE_MISMATCH: 'The type in the {reader} schema does not match the type in the {writer} schema',
  MISSING_UNION_BRANCH: 'The {reader} schema is missing a type inside a union field of the {writer} schema',
};

/** Confluent-style verbose message for one incompatibility, naming the roles (new/old). */
export function describeAvroIncompatibility(i: AvroIncompatibility, reader: string, writer: string): string {
  const desc = DESCRIPTIONS[i.type].replace('{reader}', reader).replace('{writer}', writer);
  const field = i.type === 'READER_FIELD_MISSING_DEFAULT_VALUE' ? ` (field '${i.message}')` : '';
  return `{errorType:'${i.type}', description:'${desc}${field} at path '${i.location}'', additionalInfo:'${i.message}'}`;
}

export const avroFormat: SchemaFormat = {
  type: 'AVRO',
  parse: parseAvro,
  canRead(reader: ParsedSchema, writer: ParsedSchema): CompatibilityResult {
    const found = avroReadable(avroType(reader), avroType(writer));
    return {
      compatible: found.length === 0,
      messages: found.map((i) => describeAvroIncompatibility(i, 'reader', 'writer')),
      issues: found.map((i) => ({ type: i.type, path: i.location, description: describeAvroIncompatibility(i, 'reader', 'writer') })),
    };
  },
};
