// The contract between the registry service and the schema formats (Avro, JSON Schema, Protobuf).
// The service stores and serves schema text; a format parses it (with its references resolved),
// gives the canonical and normalized text Confluent compares and hashes, and judges compatibility.

export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

export const SCHEMA_TYPES: readonly SchemaType[] = ['AVRO', 'JSON', 'PROTOBUF'];

/** A reference as registered: the name the schema imports it by, and the subject/version it points at. */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** A reference resolved by the service, depth first: its own references come resolved too. */
export interface ResolvedReference {
  name: string;
  subject: string;
  version: number;
  schemaType: SchemaType;
  schema: string;
  references: ResolvedReference[];
}

export type CompatibilityLevel =
  | 'NONE'
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE';

export const COMPATIBILITY_LEVELS: readonly CompatibilityLevel[] = [
  'NONE', 'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE',
];

/** A schema that parsed, with its references. */
export interface ParsedSchema {
  readonly schemaType: SchemaType;
  /** The text as registered. */
  readonly raw: string;
  readonly references: readonly ResolvedReference[];
  /** The form Confluent compares when it looks up an existing schema (whitespace-insensitive). */
  canonical(): string;
  /** The form stored when the client asks for `normalize=true`. */
  normalized(): string;
  /**
   * The schema in another form for `GET /schemas/ids/{id}?format=...` (Protobuf: `serialized`, the
   * base64 FileDescriptorProto; Avro: `resolved`, references inlined). Undefined: no such form.
   */
  formatted(format: string): string | undefined;
}

/** Thrown by a parser: the service answers 42201 with this message. */
export class InvalidSchemaError extends Error {
  override readonly name = 'InvalidSchemaError';
}

export interface CompatibilityResult {
  compatible: boolean;
  /** Why not, one message per incompatibility (Confluent's `verbose=true` messages). */
  messages: string[];
  /** The same incompatibilities as data, in the order of `messages` (absent: none recorded). */
  issues?: CompatibilityIssue[];
}

/** One incompatibility, for callers that format their own messages. */
export interface CompatibilityIssue {
  /** The format's name for it: Avro's SchemaIncompatibilityType, Confluent's Difference.Type. */
  type: string;
  /** Where: a JSON pointer into the schema (Avro, JSON Schema), `#/Message/number` (Protobuf). */
  path: string;
  description: string;
  /** The earlier version involved, as an index into `previous` (0: the oldest). */
  previousIndex?: number;
  /** BACKWARD: the new schema reading the earlier one's data; FORWARD: the earlier reading the new. */
  direction?: 'BACKWARD' | 'FORWARD';
}

export interface SchemaFormat {
  readonly type: SchemaType;
  parse(text: string, references: readonly ResolvedReference[]): ParsedSchema;
  /** Can data written with `writer` be read with `reader`? */
  canRead(reader: ParsedSchema, writer: ParsedSchema): CompatibilityResult;
}
