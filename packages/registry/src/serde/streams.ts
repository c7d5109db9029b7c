// Serdes.avro() / json() / protobuf(): registry-backed serdes shaped like @tideline/streams'
// `Serde<T>` (serialize(value, topic) / deserialize(bytes, topic), synchronous), so streams takes
// them through the serde hook it already has without depending on the registry. Schema lookups are
// asynchronous, so the synchronous calls work from caches that are filled first:
// - writing: `await serde.ready()` resolves the schema id of every topic named in `topics` (sinks);
// - reading: the streams runtime awaits `prepare(bytes, topic)` (its optional async serde hook)
//   before a batch is deserialized, so a schema id seen for the first time is fetched once, then
//   served from the cache. Any other caller can do the same, or use Serializer/Deserializer directly.
import type { SchemaType } from '../formats/types.js';
import { Deserializer, Serializer, type DeserializerOptions, type SerializerOptions } from './serde.js';
import { SerdeError } from './errors.js';
import type { HeaderLike } from './wire.js';

export interface RegistrySerdeOptions extends Omit<SerializerOptions, 'type' | 'schema'> {
  /** The schema written (omit with useLatest / useLatestWithMetadata, or for a read-only serde). */
  schema?: SerializerOptions['schema'];
  /** Topics this serde writes to, prepared by ready(). */
  topics?: string[];
  /** Reader options (use-latest reader schema, rules on read). */
  read?: Pick<DeserializerOptions, 'useLatest' | 'useLatestWithMetadata' | 'enforceRules' | 'validateOnRead'>;
}

/** A registry-backed serde with the shape of streams' Serde<T>. */
export class RegistrySerde<T> {
  readonly serializer: Serializer<T> | null;
  readonly deserializer: Deserializer<T>;
  private readonly topics: string[];

  constructor(readonly type: SchemaType, opts: RegistrySerdeOptions) {
    const writes = opts.schema !== undefined || opts.useLatest === true || opts.useLatestWithMetadata !== undefined;
    this.serializer = writes ? new Serializer<T>({ ...opts, type }) : null;
    this.deserializer = new Deserializer<T>({ ...opts, ...opts.read, type });
    this.topics = opts.topics ?? [];
  }

  /** Resolves the schema id of each topic this serde writes to (the `topics` option and `more`). */
  async ready(more: string[] = []): Promise<void> {
    if (this.serializer === null) return;
    for (const t of [...this.topics, ...more]) await this.serializer.prepare(t);
  }

  serialize(value: T, topic: string): Buffer | null {
    if (value === null || value === undefined) return null;
    if (this.serializer === null) throw new SerdeError('CONFIG', `this ${this.type} serde reads only: give it a schema or useLatest to write to ${topic}`);
    return this.serializer.serializeSync(topic, value);
  }

  deserialize(bytes: Buffer | null, topic: string, headers?: readonly HeaderLike[]): T {
    if (bytes === null || bytes.length === 0) return null as T;
    return this.deserializer.deserializeSync(topic, bytes, headers);
  }

  /** The async hook: loads the schema a record needs before deserialize() (null when cached). */
  prepare(bytes: Buffer | null, topic: string, headers?: readonly HeaderLike[]): Promise<void> | null {
    if (bytes === null || bytes.length === 0) return null;
    return this.deserializer.prepare(topic, bytes, headers);
  }
}

export const Serdes = {
  /** Avro in Confluent's wire format. */
  avro<T = unknown>(opts: RegistrySerdeOptions): RegistrySerde<T> {
    return new RegistrySerde<T>('AVRO', opts);
  },
  /** JSON Schema in Confluent's wire format (the payload is the JSON text). */
  json<T = unknown>(opts: RegistrySerdeOptions): RegistrySerde<T> {
    return new RegistrySerde<T>('JSON', opts);
  },
  /** Protobuf in Confluent's wire format (message indexes after the id). */
  protobuf<T = unknown>(opts: RegistrySerdeOptions): RegistrySerde<T> {
    return new RegistrySerde<T>('PROTOBUF', opts);
  },
};
