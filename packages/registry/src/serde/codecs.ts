// The three payload codecs the serdes use. A registered schema and its resolved references are
// parsed by the registry's own formats (src/formats: the same parser the service validates and
// compares with), and the codec takes the library object from the format's typed accessor:
// Avro through avsc (binary encoding, writer/reader resolution), JSON Schema through ajv (the
// payload is the JSON text, validated against the schema), Protobuf through protobufjs (`.proto`
// text or a base64 FileDescriptorProto, as Confluent's clients register it; message indexes pick
// the message type). A codec is built once per schema and cached by the serde.
import type avro from 'avsc';
import type { ValidateFunction } from 'ajv';
import protobuf from 'protobufjs';
import { InvalidSchemaError, type ParsedSchema, type ResolvedReference, type SchemaType } from '../formats/types.js';
import { avroType, jsonValidator, parseSchema, protobufFirstMessage, protobufMessageIndexes, protobufMessageType, protobufRoot } from '../formats/index.js';
import type { SchemaInfo } from '../client.js';
import { SerdeError } from './errors.js';

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

// ---- JSON Schema ----

class JsonCodec implements Codec {
  readonly type = 'JSON' as const;
  constructor(private readonly validate: ValidateFunction, private readonly title: string, private readonly validateOnRead: boolean) {}

  recordName(): string {
    return this.title;
  }

  check(value: unknown): void {
    if (this.validate(value)) return;
    const e = this.validate.errors?.[0];
    const where = e === undefined || e === null ? '' : ` at ${e.instancePath === '' ? '(root)' : e.instancePath}: ${e.message ?? e.keyword}`;
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

function titleOf(text: string): string {
  const s: unknown = JSON.parse(text);
  return typeof s === 'object' && s !== null && typeof (s as { title?: unknown }).title === 'string' ? (s as { title: string }).title : '';
}

// ---- Protobuf ----

class ProtobufCodec implements Codec {
  readonly type = 'PROTOBUF' as const;
  private readonly byIndexes = new Map<string, protobuf.Type>();
  private readonly byName = new Map<string, { type: protobuf.Type; indexes: number[] }>();
  private readonly first: string;

  constructor(private readonly parsed: ParsedSchema) {
    this.first = protobufFirstMessage(parsed).fullName.replace(/^\./, '');
  }

  recordName(): string {
    return this.first;
  }

  private pick(messageType: string | undefined): { type: protobuf.Type; indexes: number[] } {
    const name = (messageType ?? this.first).replace(/^\./, '');
    let t = this.byName.get(name);
    if (t === undefined) {
      const indexes = protobufMessageIndexes(this.parsed, name);
      if (indexes === undefined) throw new SerdeError('INVALID_VALUE', `message type ${name} is not declared in the schema`);
      t = { type: protobufRoot(this.parsed).lookupType(name), indexes };
      this.byName.set(name, t);
    }
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
    const key = (indexes ?? [0]).join('.');
    let t = this.byIndexes.get(key);
    if (t === undefined) {
      try {
        t = protobufMessageType(this.parsed, indexes ?? [0]);
      } catch {
        throw new SerdeError('UNKNOWN_SCHEMA', `message indexes [${(indexes ?? [0]).join(', ')}] name no message of the schema`);
      }
      this.byIndexes.set(key, t);
    }
    return t;
  }

  decode(bytes: Buffer, indexes?: number[]): unknown {
    const t = this.typeAt(indexes);
    return t.toObject(t.decode(bytes), { longs: String, enums: String, bytes: Buffer, defaults: true });
  }
}

export interface CodecOptions {
  /** JSON Schema: validate values on read too (Confluent's `validate`); default false. */
  validateOnRead?: boolean;
}

/** Builds the codec for a schema; SerdeError INVALID_SCHEMA when its format refuses it. */
export function buildCodec(info: SchemaInfo, refs: readonly ResolvedReference[], opts: CodecOptions = {}): Codec {
  const type = info.schemaType ?? 'AVRO';
  try {
    const parsed = parseSchema(type, info.schema, refs);
    switch (type) {
      case 'AVRO':
        return new AvroCodec(avroType(parsed));
      case 'JSON':
        return new JsonCodec(jsonValidator(parsed), titleOf(info.schema), opts.validateOnRead === true);
      case 'PROTOBUF':
        return new ProtobufCodec(parsed);
    }
  } catch (err) {
    if (err instanceof SerdeError) throw err;
    const why = err instanceof InvalidSchemaError ? err.message : (err as Error).message;
    throw new SerdeError('INVALID_SCHEMA', `cannot use ${type} schema: ${why}`, { cause: err });
  }
}
