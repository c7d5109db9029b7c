// Serdes: how keys and values become bytes and back. `Serdes.custom` is the hook for
// schema-registry serdes (a serializer that needs the topic gets it as the second argument);
// @tideline/registry's Serdes.avro()/json()/protobuf() fit this interface, with `prepare`.

export interface Serde<T> {
  serialize(value: T, topic: string): Buffer | null;
  deserialize(bytes: Buffer | null, topic: string): T;
  /**
   * Optional async step before a source record is deserialized (a registry serde fetches a schema
   * id it has not seen): null when there is nothing to wait for. The runtime awaits it per batch.
   */
  prepare?(bytes: Buffer | null, topic: string): Promise<void> | null;
}

export interface Windowed<K> {
  key: K;
  /** Window start (inclusive), milliseconds since the epoch. */
  start: number;
  /** Window end: exclusive for time windows, the last event's time for sessions. */
  end: number;
}

export const Serdes = {
  /** UTF-8 strings; null stays null (typed as string, so a tombstone deserializes to ''). */
  string(): Serde<string> {
    return {
      serialize: (v) => (v === null || v === undefined ? null : Buffer.from(v, 'utf8')),
      deserialize: (b) => (b === null ? '' : b.toString('utf8')),
    };
  },
  /** Raw bytes (null is an empty buffer). */
  bytes(): Serde<Buffer> {
    return { serialize: (v) => v, deserialize: (b) => b ?? Buffer.alloc(0) };
  },
  /** JSON documents; a null record value deserializes to null. */
  json<T>(): Serde<T> {
    return {
      serialize: (v) => (v === null || v === undefined ? null : Buffer.from(JSON.stringify(v), 'utf8')),
      deserialize: (b) => (b === null ? (null as T) : (JSON.parse(b.toString('utf8')) as T)),
    };
  },
  /** Numbers as decimal text (as `tide consume` shows them). */
  number(): Serde<number> {
    return {
      serialize: (v) => Buffer.from(String(v), 'utf8'),
      deserialize: (b) => (b === null ? 0 : Number(b.toString('utf8'))),
    };
  },
  /** Windowed keys as JSON `{"key":..,"start":..,"end":..}` (the inner key must be JSON-friendly). */
  windowedJson<K>(): Serde<Windowed<K>> {
    return Serdes.json<Windowed<K>>();
  },
  /** The hook for schema-registry (or any other) serdes. */
  custom<T>(serialize: (value: T, topic: string) => Buffer | null, deserialize: (bytes: Buffer | null, topic: string) => T): Serde<T> {
    return { serialize, deserialize };
  },
};
