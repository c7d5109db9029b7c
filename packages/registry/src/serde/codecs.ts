// The three payload codecs the serdes use, built from a registered schema and its references:
// Avro through avsc (binary encoding, writer/reader resolution), JSON Schema through ajv (the
// payload is the JSON text, validated against the schema), Protobuf through protobufjs (`.proto`
// text or a base64 FileDescriptorProto, as Confluent's clients register it; message indexes pick
// the message type). A codec is built once per schema id and cached by the serde.
import avro from 'avsc';
import { Ajv, type ValidateFunction, type AnySchema } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import protobuf from 'protobufjs';
import descriptor from 'protobufjs/ext/descriptor/index.js';
import type { SchemaType } from '../formats/types.js';
import type { SchemaInfo } from '../client.js';
import { SerdeError } from './errors.js';

/** A schema's references resolved depth first: name -> schema text. */
export type ResolvedDeps = Array<{ name: string; info: SchemaInfo }>;

export interface Codec {
  readonly type: SchemaType;
  /** The record name the record-name strategies use (Avro full name, JSON `title`, Protobuf first message). */
  recordName(): string;
  /** Encodes one value (throws SerdeError naming the path when it does not match the schema). */
  encode(value: unknown, messageType?: string): { bytes: Uint8Array; messageIndexes?: number[] };
  /** Decodes a payload written with this schema; `reader` resolves Avro writer to reader. */
  decode(bytes: Buffer, messageIndexes?: number[], reader?: Codec): unknown;
}

// ---- Avro ----

class AvroCodec implements Codec {
  readonly type = 'AVRO' as const;
  private readonly resolvers = new WeakMap<avro.Type, avro.Resolver>();
  constructor(readonly avroType: avro.Type) {}

  recordName(): string {
    return this.avroType.name ?? '';
  }

  encode(value: unknown): { bytes: Uint8Array } {
    try {
      return { bytes: this.avroType.toBuffer(value) };
    } catch (err) {
      let where = '';
      this.avroType.isValid(value, {
        errorHook: (path: string[], v: unknown, t: avro.Type) => {
          if (where === '') where = `${path.join('.') || '(root)'}: expected ${t.typeName}, got ${JSON.stringify(v) ?? String(v)}`;
        },
      });
      throw new SerdeError('INVALID_VALUE', `value does not match Avro schema ${this.recordName()}${where === '' ? '' : ` at ${where}`}`, { cause: err });
    }
  }

  decode(bytes: Buffer, _idx?: number[], reader?: Codec): unknown {
    if (reader instanceof AvroCodec && reader.avroType !== this.avroType) {
      let r = this.resolvers.get(reader.avroType);
      if (r === undefined) {
        r = reader.avroType.createResolver(this.avroType);
        this.resolvers.set(reader.avroType, r);
      }
      return reader.avroType.fromBuffer(bytes, r, false);
    }
    return this.avroType.fromBuffer(bytes);
  }
}

function avroCodec(info: SchemaInfo, deps: ResolvedDeps): AvroCodec {
  const registry: Record<string, avro.Type> = {};
  for (const d of deps) avro.Type.forSchema(JSON.parse(d.info.schema) as avro.Schema, { registry });
  return new AvroCodec(avro.Type.forSchema(JSON.parse(info.schema) as avro.Schema, { registry }));
}

// ---- JSON Schema ----

type AjvLike = Ajv | Ajv2019 | Ajv2020;
const addFormats = addFormatsModule as unknown as (a: AjvLike) => AjvLike;

function newAjv(schema: unknown): AjvLike {
  const s = (typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined);
  const draft = typeof s === 'string' ? s : '';
  const opts = { strict: false, allErrors: false, validateSchema: false };
  const ajv = draft.includes('2020-12') ? new Ajv2020(opts) : draft.includes('2019-09') ? new Ajv2019(opts) : new Ajv(opts);
  addFormats(ajv);
  return ajv;
}

class JsonCodec implements Codec {
  readonly type = 'JSON' as const;
  constructor(private readonly validate: ValidateFunction, private readonly title: string, private readonly validateOnRead: boolean) {}

  recordName(): string {
    return this.title;
  }

  check(value: unknown): void {
    if (this.validate(value)) return;
    const e = this.validate.errors?.[0];
    const where = e === undefined ? '' : ` at ${e.instancePath === '' ? '(root)' : e.instancePath}: ${e.message ?? e.keyword}`;
    throw new SerdeError('INVALID_VALUE', `value does not match JSON schema${this.title === '' ? '' : ` ${this.title}`}${where}`);
  }

  encode(value: unknown): { bytes: Uint8Array } {
    this.check(value);
    return { bytes: Buffer.from(JSON.stringify(value), 'utf8') };
  }

  decode(bytes: Buffer): unknown {
    const v: unknown = JSON.parse(bytes.toString('utf8'));
    if (this.validateOnRead) this.check(v);
    return v;
  }
}

function jsonCodec(info: SchemaInfo, deps: ResolvedDeps, validateOnRead: boolean): JsonCodec {
  const schema = JSON.parse(info.schema) as AnySchema;
  const ajv = newAjv(schema);
  for (const d of deps) ajv.addSchema(JSON.parse(d.info.schema) as AnySchema, d.name);
  const title = typeof schema === 'object' && schema !== null && typeof (schema as { title?: unknown }).title === 'string' ? (schema as { title: string }).title : '';
  return new JsonCodec(ajv.compile(schema), title, validateOnRead);
}

// ---- Protobuf ----

/** Message full names of a file in wire-index order: [indexes, full name]. */
type MessagePaths = Array<{ indexes: number[]; name: string }>;

const DESCRIPTOR_TEXT = /^[A-Za-z0-9+/=\s]+$/;

function isDescriptor(text: string): boolean {
  return !/\b(message|syntax|enum|package)\b/.test(text) && DESCRIPTOR_TEXT.test(text);
}

function addWellKnown(root: protobuf.Root, imports: readonly string[], added: Set<string>): void {
  for (const imp of imports) {
    if (added.has(imp)) continue;
    const common = protobuf.common.get(imp);
    if (common !== null && common !== undefined) {
      added.add(imp);
      root.addJSON(common.nested ?? {});
    }
  }
}

function pathsFromText(text: string): { paths: MessagePaths; imports: string[] } {
  const parsed = protobuf.parse(text, new protobuf.Root(), { keepCase: true });
  const pkg = parsed.package ?? '';
  const ns = pkg === '' ? parsed.root : parsed.root.lookup(pkg);
  const paths: MessagePaths = [];
  const walk = (n: protobuf.NamespaceBase, prefix: number[], fullPrefix: string): void => {
    let i = 0;
    for (const child of n.nestedArray) {
      if (!(child instanceof protobuf.Type)) continue;
      const indexes = [...prefix, i++];
      const name = fullPrefix === '' ? child.name : `${fullPrefix}.${child.name}`;
      paths.push({ indexes, name });
      walk(child, indexes, name);
    }
  };
  if (ns instanceof protobuf.Namespace || ns instanceof protobuf.Root) walk(ns, [], pkg);
  return { paths, imports: [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])] };
}

interface DescriptorMessage { name?: string; nestedType?: DescriptorMessage[] }
interface DescriptorFile { name?: string; package?: string; messageType?: DescriptorMessage[]; dependency?: string[] }

function pathsFromDescriptor(file: DescriptorFile): MessagePaths {
  const paths: MessagePaths = [];
  const walk = (msgs: DescriptorMessage[] | undefined, prefix: number[], fullPrefix: string): void => {
    (msgs ?? []).forEach((m, i) => {
      const indexes = [...prefix, i];
      const name = fullPrefix === '' ? (m.name ?? '') : `${fullPrefix}.${m.name ?? ''}`;
      paths.push({ indexes, name });
      walk(m.nestedType, indexes, name);
    });
  };
  walk(file.messageType, [], file.package ?? '');
  return paths;
}

function decodeDescriptor(b64: string): DescriptorFile {
  return descriptor.FileDescriptorProto.toObject(descriptor.FileDescriptorProto.decode(Buffer.from(b64, 'base64'))) as DescriptorFile;
}

class ProtobufCodec implements Codec {
  readonly type = 'PROTOBUF' as const;
  private readonly byIndexes = new Map<string, protobuf.Type>();
  private readonly byName = new Map<string, { type: protobuf.Type; indexes: number[] }>();

  constructor(readonly root: protobuf.Root, private readonly paths: MessagePaths) {
    for (const p of paths) {
      const type = root.lookupType(p.name);
      this.byIndexes.set(p.indexes.join('.'), type);
      this.byName.set(p.name, { type, indexes: p.indexes });
    }
    if (paths.length === 0) throw new SerdeError('INVALID_SCHEMA', 'Protobuf schema has no message type');
  }

  recordName(): string {
    return this.paths[0]!.name;
  }

  private pick(messageType: string | undefined): { type: protobuf.Type; indexes: number[] } {
    const name = messageType ?? this.paths[0]!.name;
    const t = this.byName.get(name.replace(/^\./, ''));
    if (t === undefined) throw new SerdeError('INVALID_VALUE', `message type ${name} is not in the schema (it has ${[...this.byName.keys()].join(', ')})`);
    return t;
  }

  encode(value: unknown, messageType?: string): { bytes: Uint8Array; messageIndexes: number[] } {
    const { type, indexes } = this.pick(messageType);
    if (typeof value !== 'object' || value === null) throw new SerdeError('INVALID_VALUE', `Protobuf value for ${type.fullName.slice(1)} must be an object`);
    const msg = value instanceof protobuf.Message ? value : type.fromObject(value as Record<string, unknown>);
    const err = type.verify(msg);
    if (err !== null) throw new SerdeError('INVALID_VALUE', `value does not match Protobuf message ${type.fullName.slice(1)}: ${err}`);
    return { bytes: type.encode(msg).finish(), messageIndexes: indexes };
  }

  /** The message type at these indexes. */
  typeAt(indexes: number[] | undefined): protobuf.Type {
    const t = this.byIndexes.get((indexes ?? [0]).join('.'));
    if (t === undefined) throw new SerdeError('UNKNOWN_SCHEMA', `message indexes [${(indexes ?? [0]).join(', ')}] name no message of the schema`);
    return t;
  }

  decode(bytes: Buffer, indexes?: number[]): unknown {
    const t = this.typeAt(indexes);
    return t.toObject(t.decode(bytes), { longs: String, enums: String, bytes: Buffer, defaults: true });
  }
}

function protobufCodec(info: SchemaInfo, deps: ResolvedDeps): ProtobufCodec {
  const root = new protobuf.Root();
  const wkt = new Set<string>();
  if (isDescriptor(info.schema)) {
    const files: DescriptorFile[] = [];
    for (const d of deps) if (isDescriptor(d.info.schema)) files.push(decodeDescriptor(d.info.schema));
    const main = decodeDescriptor(info.schema);
    files.push(main);
    const imports = files.flatMap((f) => f.dependency ?? []);
    addWellKnown(root, imports, wkt);
    // ext/descriptor adds Root.fromDescriptor at load time; its typings do not declare it on Root.
    const fromDescriptor = (protobuf.Root as unknown as { fromDescriptor(set: { file: DescriptorFile[] }): protobuf.Root }).fromDescriptor;
    const built = fromDescriptor({ file: files.filter((f) => !(f.name ?? '').startsWith('google/protobuf/')) });
    for (const n of built.nestedArray) root.add(n);
    root.resolveAll();
    return new ProtobufCodec(root, pathsFromDescriptor(main));
  }
  for (const d of deps) {
    if (isDescriptor(d.info.schema)) continue;
    addWellKnown(root, pathsFromText(d.info.schema).imports, wkt);
    protobuf.parse(d.info.schema, root, { keepCase: true });
  }
  const { paths, imports } = pathsFromText(info.schema);
  addWellKnown(root, imports, wkt);
  protobuf.parse(info.schema, root, { keepCase: true });
  root.resolveAll();
  return new ProtobufCodec(root, paths);
}

export interface CodecOptions {
  /** JSON Schema: validate values on read too (Confluent's `validate`); default false. */
  validateOnRead?: boolean;
}

/** Builds the codec for a schema; SerdeError INVALID_SCHEMA when the library refuses it. */
export function buildCodec(info: SchemaInfo, deps: ResolvedDeps, opts: CodecOptions = {}): Codec {
  const type = info.schemaType ?? 'AVRO';
  try {
    switch (type) {
      case 'AVRO':
        return avroCodec(info, deps);
      case 'JSON':
        return jsonCodec(info, deps, opts.validateOnRead === true);
      case 'PROTOBUF':
        return protobufCodec(info, deps);
    }
  } catch (err) {
    if (err instanceof SerdeError) throw err;
    throw new SerdeError('INVALID_SCHEMA', `cannot use ${type} schema: ${(err as Error).message}`, { cause: err });
  }
}
