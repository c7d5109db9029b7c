// The schema formats: parse a schema of any type with its references, and judge compatibility
// under Confluent's seven modes. The service calls these; serializers use the typed accessors.
//
// Accessors for serializers (each throws TypeError when handed another format's schema):
// - Avro: `avroType(parsed)` is the avsc Type (`toBuffer`/`fromBuffer`, `isValid`), named types
//   from references resolved; `avroFingerprint(parsed)` the Parsing Canonical Form's fingerprint.
// - JSON Schema: `jsonValidator(parsed)` is the compiled ajv validator (`validate(value)` then
//   `validate.errors`), `$ref`s to referenced subjects resolved.
// - Protobuf: `protobufRoot(parsed)` is the protobufjs Root (the schema and its imports),
//   `protobufMessageType(parsed, indexes)` the message at Confluent's message indexes,
//   `protobufMessageIndexes(parsed, fullName)` the indexes of a message, `protobufFirstMessage`.
import {
  InvalidSchemaError,
  type CompatibilityIssue,
  type CompatibilityLevel,
  type CompatibilityResult,
  type ParsedSchema,
  type ResolvedReference,
  type SchemaFormat,
  type SchemaType,
} from './types.js';
import { avroFormat } from './avro.js';
import { jsonFormat } from './json.js';
import { protobufFormat } from './protobuf.js';

const FORMATS: Record<SchemaType, SchemaFormat> = { AVRO: avroFormat, JSON: jsonFormat, PROTOBUF: protobufFormat };

export function formatOf(type: SchemaType): SchemaFormat {
  const f = FORMATS[type];
  if (!f) throw new InvalidSchemaError(`Unknown schema type: ${String(type)}`);
  return f;
}

/** Parses a schema with its resolved references; InvalidSchemaError with the parser's message. */
export function parseSchema(type: SchemaType, text: string, refs: readonly ResolvedReference[]): ParsedSchema {
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidSchemaError('Empty schema');
  const format = formatOf(type);
  try {
    return format.parse(text, refs);
  } catch (err) {
    // Whatever a parser throws (a stack overflow on absurd nesting included) is the schema's fault.
    if (err instanceof InvalidSchemaError) throw err;
    throw new InvalidSchemaError(`Invalid ${type} schema: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Judges `candidate` against the subject's previous versions (oldest first) under `level`:
 * BACKWARD: the candidate reads data written with the latest; FORWARD: the latest reads the
 * candidate's data; FULL: both; the _TRANSITIVE forms against every previous version; NONE: always.
 * Messages say which version and which field broke, and why.
 */
export function checkCompatibility(
  level: CompatibilityLevel,
  candidate: ParsedSchema,
  previous: readonly ParsedSchema[],
): CompatibilityResult {
  if (level === 'NONE' || previous.length === 0) return { compatible: true, messages: [], issues: [] };
  const transitive = level.endsWith('_TRANSITIVE');
  // Newest first, as Confluent checks them.
  const against = transitive ? previous.map((_, i) => previous.length - 1 - i) : [previous.length - 1];
  const backward = level.startsWith('BACKWARD') || level.startsWith('FULL');
  const forward = level.startsWith('FORWARD') || level.startsWith('FULL');
  const messages: string[] = [];
  const issues: CompatibilityIssue[] = [];
  for (const index of against) {
    const old = previous[index]!;
    const label = transitive ? `version ${index + 1} of ${previous.length}` : 'the latest version';
    if (old.schemaType !== candidate.schemaType) {
      const description = `Incompatible because of different schema type: ${candidate.schemaType} against ${old.schemaType} (${label})`;
      messages.push(description);
      issues.push({ type: 'SCHEMA_TYPE_CHANGED', path: '', description, previousIndex: index });
      continue;
    }
    const format = formatOf(candidate.schemaType);
    const canRead = (reader: ParsedSchema, writer: ParsedSchema): CompatibilityResult => {
      try {
        return format.canRead(reader, writer);
      } catch (err) {
        const description = `Could not compare the schemas: ${err instanceof Error ? err.message : String(err)}`;
        return { compatible: false, messages: [description], issues: [{ type: 'COMPARISON_FAILED', path: '', description }] };
      }
    };
    const run = (direction: 'BACKWARD' | 'FORWARD', r: CompatibilityResult, where: string): void => {
      if (r.compatible) return;
      const found = r.issues ?? r.messages.map((m) => ({ type: 'INCOMPATIBLE', path: '', description: m }));
      if (found.length === 0) found.push({ type: 'INCOMPATIBLE', path: '', description: 'Incompatible' });
      found.forEach((i, k) => {
        messages.push(`${r.messages[k] ?? i.description} (${direction}: ${where})`);
        issues.push({ ...i, previousIndex: index, direction });
      });
    };
    if (backward) run('BACKWARD', canRead(candidate, old), `the new schema reading data written with ${label}`);
    if (forward) run('FORWARD', canRead(old, candidate), `${label} reading data written with the new schema`);
  }
  return { compatible: messages.length === 0, messages, issues };
}

export { avroType, avroFingerprint, parsingCanonicalForm, avroReadable } from './avro.js';
export type { AvroType, AvroIncompatibility, AvroIncompatibilityType } from './avro.js';
export { jsonValidator, draftOf } from './json.js';
export type { JsonDraft } from './json.js';
export {
  protobufRoot,
  protobufMessageType,
  protobufMessageIndexes,
  protobufFirstMessage,
  protobufDescriptor,
} from './protobuf.js';
export type { FileDesc as ProtobufFileDescriptor } from './descriptor.js';
