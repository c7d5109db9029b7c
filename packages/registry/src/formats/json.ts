// JSON Schema: parsing and validation with ajv, the draft chosen by `$schema` (draft-04, -06, -07,
// 2019-09, 2020-12; none: draft-07, as Confluent). Referenced schemas are added to the same ajv
// instance under their reference name, so `{"$ref": "customer.json"}` resolves to the subject the
// reference points at. Compatibility is in json-compat.ts.
import AjvModule from 'ajv';
import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { AnySchema, AnySchemaObject, Options, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import {
  InvalidSchemaError,
  type CompatibilityResult,
  type ParsedSchema,
  type ResolvedReference,
  type SchemaFormat,
} from './types.js';
import { errorMessage, sortKeys, walkReferences } from './refs.js';
import { jsonSchemaReadable } from './json-compat.js';
import { findUnresolvedRef } from './json-model.js';

export type { ValidateFunction };
export type JsonDraft = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

type AjvInstance = InstanceType<typeof AjvModule.default>;

const require = createRequire(import.meta.url);

export function draftOf(schema: unknown): JsonDraft {
  const id = schema !== null && typeof schema === 'object' ? (schema as Record<string, unknown>).$schema : undefined;
  if (typeof id !== 'string') return 'draft-07';
  if (id.includes('draft-04')) return 'draft-04';
  if (id.includes('draft-06')) return 'draft-06';
  if (id.includes('draft-07')) return 'draft-07';
  if (id.includes('2019-09')) return '2019-09';
  if (id.includes('2020-12')) return '2020-12';
  throw new InvalidSchemaError(`Unsupported JSON Schema dialect: ${id}`);
}

function newAjv(draft: JsonDraft): AjvInstance {
  const opts: Options = { strict: false, allErrors: true, validateFormats: true };
  let ajv: AjvInstance;
  switch (draft) {
    case 'draft-04':
      ajv = new AjvDraft04Module.default(opts) as unknown as AjvInstance;
      break;
    case '2019-09':
      ajv = new Ajv2019Module.default(opts) as unknown as AjvInstance;
      break;
    case '2020-12':
      ajv = new Ajv2020Module.default(opts) as unknown as AjvInstance;
      break;
    case 'draft-06':
      ajv = new AjvModule.default(opts);
      ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject);
      break;
    default:
      ajv = new AjvModule.default(opts);
  }
  (addFormatsModule.default as unknown as (a: AjvInstance) => void)(ajv);
  return ajv;
}

function parseJson(text: string, what: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InvalidSchemaError(`Invalid JSON Schema${what}: ${errorMessage(err)}`);
  }
  if (typeof json !== 'boolean' && (json === null || typeof json !== 'object' || Array.isArray(json))) {
    throw new InvalidSchemaError(`Invalid JSON Schema${what}: a schema is an object or a boolean`);
  }
  return json;
}

export class JsonParsedSchema implements ParsedSchema {
  readonly schemaType = 'JSON' as const;
  private validator: ValidateFunction | undefined;
  constructor(
    readonly raw: string,
    readonly references: readonly ResolvedReference[],
    /** The schema document. */
    readonly schema: unknown,
    readonly draft: JsonDraft,
    /** Referenced schema documents by reference name (what `$ref` uses). */
    readonly referenced: ReadonlyMap<string, unknown>,
  ) {}

  canonical(): string {
    return JSON.stringify(this.schema);
  }

  normalized(): string {
    return JSON.stringify(sortKeys(this.schema));
  }

  formatted(format: string): string | undefined {
    if (format === 'default' || format === '') return this.raw;
    return undefined;
  }

  /**
   * The compiled ajv validator, built on first use in an ajv instance of its own holding the
   * referenced schemas (a few milliseconds: serializers ask once per schema id).
   */
  validate(): ValidateFunction {
    if (this.validator) return this.validator;
    const ajv = newAjv(this.draft);
    for (const [name, doc] of this.referenced) ajv.addSchema(doc as AnySchema, name);
    return (this.validator = ajv.compile(this.schema as AnySchema));
  }
}

/** One ajv per draft, only for checking schemas against their meta-schema (it keeps no schemas). */
const checkers = new Map<JsonDraft, AjvInstance>();

function metaCheck(doc: unknown, what: string): void {
  const draft = draftOf(doc);
  let ajv = checkers.get(draft);
  if (!ajv) checkers.set(draft, (ajv = newAjv(draft)));
  let ok: boolean;
  try {
    ok = ajv.validateSchema(doc as AnySchema) as boolean;
  } catch (err) {
    throw new InvalidSchemaError(`Invalid JSON Schema${what}: ${errorMessage(err)}`);
  }
  if (!ok) throw new InvalidSchemaError(`Invalid JSON Schema${what}: schema is invalid: ${ajv.errorsText(ajv.errors)}`);
}

export function parseJsonSchema(text: string, refs: readonly ResolvedReference[]): JsonParsedSchema {
  const schema = parseJson(text, '');
  const draft = draftOf(schema);
  const referenced = new Map<string, unknown>();
  walkReferences(refs, (ref) => {
    if (ref.schemaType !== 'JSON') {
      throw new InvalidSchemaError(`Reference ${ref.name} (${ref.subject} v${ref.version}) is ${ref.schemaType}, not JSON`);
    }
    const doc = parseJson(ref.schema, ` in reference ${ref.name}`);
    if (referenced.has(ref.name)) return;
    metaCheck(doc, ` in reference ${ref.name}`);
    referenced.set(ref.name, doc);
  });
  metaCheck(schema, '');
  const parsed = new JsonParsedSchema(text, refs, schema, draft, referenced);
  // Every $ref must lead somewhere. Our resolver answers quickly; when it cannot follow one, ajv
  // (which knows base URIs and anchors) compiles the schema and decides.
  if (findUnresolvedRef(schema, referenced) !== undefined) {
    try {
      parsed.validate();
    } catch (err) {
      throw new InvalidSchemaError(`Invalid JSON Schema: ${errorMessage(err)}`);
    }
  }
  return parsed;
}

/** The ajv validator of a parsed JSON schema (for serializers): `validator(value)` then `.errors`. */
export function jsonValidator(parsed: ParsedSchema): ValidateFunction {
  if (!(parsed instanceof JsonParsedSchema)) throw new TypeError(`not a JSON schema: ${parsed.schemaType}`);
  return parsed.validate();
}

export const jsonFormat: SchemaFormat = {
  type: 'JSON',
  parse: parseJsonSchema,
  canRead(reader: ParsedSchema, writer: ParsedSchema): CompatibilityResult {
    if (!(reader instanceof JsonParsedSchema) || !(writer instanceof JsonParsedSchema)) {
      return { compatible: false, messages: ['Incompatible because of different schema type'] };
    }
    let found;
    try {
      found = jsonSchemaReadable(reader, writer);
    } catch (err) {
      return { compatible: false, messages: [`Could not compare the schemas: ${errorMessage(err)}`] };
    }
    return {
      compatible: found.length === 0,
      messages: found.map((d) => `{errorType:'${d.type}', path:'${d.path}', description:'${d.message}'}`),
      issues: found.map((d) => ({ type: d.type, path: d.path, description: d.message })),
    };
  },
};
