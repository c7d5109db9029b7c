// The `_schemas` topic's record format, as Confluent Schema Registry and Karapace write it.
// Keys are JSON with a fixed property order (keytype, subject, version, magic), because compaction
// compares key bytes: a key written in another order would never replace Confluent's. Values are
// JSON; a null value (tombstone) is a permanent delete.
import type { SchemaReference, SchemaType } from '../formats/types.js';

export type RecordKey =
  | { keytype: 'SCHEMA'; subject: string; version: number; magic: number }
  | { keytype: 'CONFIG'; subject: string | null; magic: number }
  | { keytype: 'MODE'; subject: string | null; magic: number }
  | { keytype: 'DELETE_SUBJECT'; subject: string; magic: number }
  | { keytype: 'CLEAR_SUBJECT'; subject: string; magic: number }
  | { keytype: 'NOOP'; magic: number };

/** Confluent's `metadata` object (data contracts). */
export interface SchemaMetadata {
  tags?: Record<string, string[]>;
  properties?: Record<string, string>;
  sensitive?: string[];
}

/** Confluent's `ruleSet` object; kept as JSON, enforced by the serdes. */
export interface RuleSet {
  migrationRules?: unknown[];
  domainRules?: unknown[];
  encodingRules?: unknown[];
}

export interface SchemaValue {
  subject: string;
  version: number;
  id: number;
  /** Confluent Platform 8's base64 MD5 of the schema (its GUID); kept when read, not written by us. */
  md5?: string;
  /** Absent for AVRO (Confluent omits the default). */
  schemaType?: SchemaType;
  references?: SchemaReference[];
  metadata?: SchemaMetadata | null;
  ruleSet?: RuleSet | null;
  schema: string;
  deleted: boolean;
}

export interface ConfigValue {
  compatibilityLevel?: string;
  alias?: string | null;
  normalize?: boolean | null;
  validateFields?: boolean | null;
  compatibilityGroup?: string | null;
  defaultMetadata?: SchemaMetadata | null;
  overrideMetadata?: SchemaMetadata | null;
  defaultRuleSet?: RuleSet | null;
  overrideRuleSet?: RuleSet | null;
}

export interface ModeValue {
  mode: string;
}

export interface DeleteSubjectValue {
  subject: string;
  version: number;
}

export const schemaKey = (subject: string, version: number): RecordKey => ({ keytype: 'SCHEMA', subject, version, magic: 1 });
export const configKey = (subject: string | null): RecordKey => ({ keytype: 'CONFIG', subject, magic: 0 });
export const modeKey = (subject: string | null): RecordKey => ({ keytype: 'MODE', subject, magic: 0 });
export const deleteSubjectKey = (subject: string): RecordKey => ({ keytype: 'DELETE_SUBJECT', subject, magic: 0 });
export const clearSubjectKey = (subject: string): RecordKey => ({ keytype: 'CLEAR_SUBJECT', subject, magic: 0 });
export const noopKey = (): RecordKey => ({ keytype: 'NOOP', magic: 0 });

/** The key's bytes, in Confluent's property order. */
export function encodeKey(k: RecordKey): Buffer {
  let s: string;
  switch (k.keytype) {
    case 'SCHEMA':
      s = `{"keytype":"SCHEMA","subject":${JSON.stringify(k.subject)},"version":${k.version},"magic":${k.magic}}`;
      break;
    case 'NOOP':
      s = `{"keytype":"NOOP","magic":${k.magic}}`;
      break;
    default:
      s = `{"keytype":"${k.keytype}","subject":${JSON.stringify(k.subject)},"magic":${k.magic}}`;
  }
  return Buffer.from(s, 'utf8');
}

/** The value's bytes, in Confluent's property order; optional members left out when unset. */
export function encodeSchemaValue(v: SchemaValue): Buffer {
  const out: Record<string, unknown> = { subject: v.subject, version: v.version, id: v.id };
  if (v.md5 !== undefined) out['md5'] = v.md5;
  if (v.schemaType !== undefined && v.schemaType !== 'AVRO') out['schemaType'] = v.schemaType;
  if (v.references !== undefined && v.references.length > 0) out['references'] = v.references;
  if (v.metadata != null) out['metadata'] = v.metadata;
  if (v.ruleSet != null) out['ruleSet'] = v.ruleSet;
  out['schema'] = v.schema;
  out['deleted'] = v.deleted;
  return Buffer.from(JSON.stringify(out), 'utf8');
}

export const encodeJson = (v: object): Buffer => Buffer.from(JSON.stringify(v), 'utf8');

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a key; null when it is not a registry key (such records are skipped, as Confluent does). */
export function decodeKey(buf: Buffer): RecordKey | null {
  let j: unknown;
  try {
    j = JSON.parse(buf.toString('utf8'));
  } catch {
    return null;
  }
  if (!isObj(j) || typeof j['keytype'] !== 'string') return null;
  const magic = typeof j['magic'] === 'number' ? j['magic'] : 0;
  const subject = j['subject'];
  switch (j['keytype']) {
    case 'SCHEMA':
      if (typeof subject !== 'string' || typeof j['version'] !== 'number') return null;
      return { keytype: 'SCHEMA', subject, version: j['version'], magic };
    case 'CONFIG':
    case 'MODE':
      if (subject !== null && subject !== undefined && typeof subject !== 'string') return null;
      return { keytype: j['keytype'], subject: subject ?? null, magic };
    case 'DELETE_SUBJECT':
    case 'CLEAR_SUBJECT':
      if (typeof subject !== 'string') return null;
      return { keytype: j['keytype'], subject, magic };
    case 'NOOP':
      return { keytype: 'NOOP', magic };
    default:
      return null;
  }
}

/** Parses a value as JSON; null for a tombstone; throws on bad JSON (the caller logs and skips). */
export function decodeValue(buf: Buffer | null): Record<string, unknown> | null {
  if (buf === null || buf.length === 0) return null;
  const j: unknown = JSON.parse(buf.toString('utf8'));
  if (!isObj(j)) throw new Error('value is not a JSON object');
  return j;
}

/** A SCHEMA value read from the topic, checked. */
export function toSchemaValue(j: Record<string, unknown>, key: { subject: string; version: number }): SchemaValue {
  const id = j['id'];
  const schema = j['schema'];
  if (typeof id !== 'number' || typeof schema !== 'string') throw new Error('schema value without id or schema');
  const t = j['schemaType'];
  const schemaType: SchemaType = t === 'JSON' || t === 'PROTOBUF' ? t : 'AVRO';
  const refs = Array.isArray(j['references']) ? (j['references'] as unknown[]).filter(isObj).map((r) => ({
    name: String(r['name']), subject: String(r['subject']), version: Number(r['version']),
  })) : [];
  const out: SchemaValue = {
    subject: typeof j['subject'] === 'string' ? j['subject'] : key.subject,
    version: typeof j['version'] === 'number' ? j['version'] : key.version,
    id,
    schemaType,
    references: refs,
    metadata: isObj(j['metadata']) ? (j['metadata'] as SchemaMetadata) : null,
    ruleSet: isObj(j['ruleSet']) ? (j['ruleSet'] as RuleSet) : null,
    schema,
    deleted: j['deleted'] === true,
  };
  if (typeof j['md5'] === 'string') out.md5 = j['md5'];
  return out;
}
