// Protobuf: `.proto` text parsed with protobufjs (imports resolved from the references by name,
// well-known types built in), or a base64 FileDescriptorProto. Both become one model, a
// FileDescriptorProto (descriptor.ts), from which the text forms and `serialized` are written and
// which the compatibility check (protobuf-compat.ts) compares.
import protobuf from 'protobufjs';
import {
  InvalidSchemaError,
  type CompatibilityResult,
  type ParsedSchema,
  type ResolvedReference,
  type SchemaFormat,
} from './types.js';
import { errorMessage, walkReferences } from './refs.js';
import {
  decodeFileDescriptor,
  encodeFileDescriptor,
  fileDescriptorOf,
  renderProto,
  type FileDesc,
  type MessageDesc,
} from './descriptor.js';
import { wellKnownProto } from './well-known.js';
import { protobufReadable } from './protobuf-compat.js';

export type { FileDesc, MessageDesc };

const PARSE_OPTIONS = { keepCase: true, alternateCommentMode: true };

export class ProtobufParsedSchema implements ParsedSchema {
  readonly schemaType = 'PROTOBUF' as const;
  constructor(
    readonly raw: string,
    readonly references: readonly ResolvedReference[],
    /** All files (references, well-known types, this one) in one protobufjs root, resolved. */
    readonly root: protobuf.Root,
    /** This file as a FileDescriptorProto (type names fully qualified, with a leading dot). */
    readonly descriptor: FileDesc,
    /** The referenced files' descriptors by import name (for the compatibility check's lookups). */
    readonly dependencies: ReadonlyMap<string, FileDesc>,
  ) {}

  canonical(): string {
    return renderProto(this.descriptor, false);
  }

  normalized(): string {
    return renderProto(this.descriptor, true);
  }

  formatted(format: string): string | undefined {
    if (format === 'serialized') return encodeFileDescriptor(this.descriptor).toString('base64');
    if (format === 'default' || format === '') return this.raw;
    return undefined;
  }
}

function syntaxOf(text: string): 'proto2' | 'proto3' {
  const m = /^\s*syntax\s*=\s*["'](proto[23])["']/m.exec(text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''));
  return m?.[1] === 'proto3' ? 'proto3' : 'proto2';
}

const BASE64 = /^[A-Za-z0-9+/\s]+=*\s*$/;

interface LoadedFile {
  name: string;
  text: string;
  descriptor?: FileDesc;
}

/** Text of a file: `.proto` as is, a base64 descriptor rendered back to text. */
function asText(name: string, text: string, parseError?: string): LoadedFile {
  if (!/\b(message|syntax|enum|package|import|service)\b/.test(text) && BASE64.test(text)) {
    let descriptor: FileDesc;
    try {
      descriptor = decodeFileDescriptor(Buffer.from(text, 'base64'));
    } catch (err) {
      throw new InvalidSchemaError(parseError ?? `Invalid Protobuf descriptor${name ? ` ${name}` : ''}: ${errorMessage(err)}`);
    }
    descriptor.name = name || descriptor.name;
    return { name, text: renderProto(descriptor, false), descriptor };
  }
  return { name, text };
}

function parseInto(root: protobuf.Root, file: LoadedFile): protobuf.IParserResult {
  if (/^\s*edition\s*=/m.test(file.text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ''))) {
    throw new InvalidSchemaError(`Invalid Protobuf schema${file.name !== MAIN ? ` in reference ${file.name}` : ''}: Protobuf editions are not supported (use syntax = "proto2" or "proto3")`);
  }
  try {
    (protobuf.parse as unknown as { filename: string | null }).filename = file.name;
    return protobuf.parse(file.text, root, PARSE_OPTIONS);
  } catch (err) {
    throw new InvalidSchemaError(`Invalid Protobuf schema${file.name !== MAIN ? ` in reference ${file.name}` : ''}: ${errorMessage(err)}`);
  }
}

const MAIN = 'schema.proto';

export function parseProtobuf(text: string, refs: readonly ResolvedReference[]): ProtobufParsedSchema {
  const root = new protobuf.Root();
  const loaded = new Set<string>();
  const dependencies = new Map<string, FileDesc>();
  const byName = new Map<string, ResolvedReference>();
  walkReferences(refs, (ref) => byName.set(ref.name, ref));

  const load = (file: LoadedFile, stack: string[]): protobuf.IParserResult => {
    // Parse alone first: its imports, and which definitions are its own.
    const own = new protobuf.Root();
    const alone = parseInto(own, file);
    for (const imp of [...(alone.imports ?? []), ...(alone.weakImports ?? [])]) {
      if (stack.includes(imp)) throw new InvalidSchemaError(`Circular import: ${[...stack, imp].join(' -> ')}`);
      if (loaded.has(imp)) continue;
      const ref = byName.get(imp);
      const wk = wellKnownProto(imp);
      if (!ref && wk === undefined) throw new InvalidSchemaError(`Import not found: ${imp} (no reference named so, and not a well-known type)`);
      loaded.add(imp);
      if (ref && ref.schemaType !== 'PROTOBUF') {
        throw new InvalidSchemaError(`Reference ${ref.name} (${ref.subject} v${ref.version}) is ${ref.schemaType}, not PROTOBUF`);
      }
      const dep = asText(imp, ref ? ref.schema : wk!);
      load(dep, [...stack, imp]);
    }
    const result = parseInto(root, file);
    return Object.assign(result, { own: own });
  };

  const mainFile = asText(MAIN, text);
  const main = load(mainFile, [MAIN]) as protobuf.IParserResult & { own: protobuf.Root };
  try {
    root.resolveAll();
  } catch (err) {
    throw new InvalidSchemaError(`Invalid Protobuf schema: ${errorMessage(err)}`);
  }
  const syntax = mainFile.descriptor?.syntax === 'proto3' ? 'proto3' : syntaxOf(mainFile.text);
  const descriptor = fileDescriptorOf(MAIN, main, main.own, root, syntax);
  for (const name of loaded) {
    const ref = byName.get(name);
    const src = ref ? ref.schema : wellKnownProto(name)!;
    const f = asText(name, src);
    const own = new protobuf.Root();
    const r = parseInto(own, f);
    dependencies.set(name, fileDescriptorOf(name, r, own, root, syntaxOf(f.text)));
  }
  return new ProtobufParsedSchema(text, refs, root, descriptor, dependencies);
}

function asProto(parsed: ParsedSchema): ProtobufParsedSchema {
  if (!(parsed instanceof ProtobufParsedSchema)) throw new TypeError(`not a Protobuf schema: ${parsed.schemaType}`);
  return parsed;
}

/** The protobufjs root holding the schema and everything it imports, resolved (for serializers). */
export function protobufRoot(parsed: ParsedSchema): protobuf.Root {
  return asProto(parsed).root;
}

/**
 * Full names of the schema's messages in declaration order, depth first (message index order).
 * Map entry types are not counted: Confluent's serializers index the messages declared in the
 * `.proto` text, where map entries do not appear.
 */
function messagePaths(file: FileDesc): { name: string; indexes: number[] }[] {
  const out: { name: string; indexes: number[] }[] = [];
  const walk = (all: readonly MessageDesc[], prefix: string, idx: number[]): void => {
    const msgs = all.filter((m) => m.options?.mapEntry !== true);
    msgs.forEach((m, i) => {
      const name = `${prefix}${m.name}`;
      out.push({ name, indexes: [...idx, i] });
      walk(m.nestedType ?? [], `${name}.`, [...idx, i]);
    });
  };
  walk(file.messageType ?? [], file.package ? `${file.package}.` : '', []);
  return out;
}

/**
 * Confluent's message indexes of a message of this schema (full name, no leading dot): the path of
 * declaration positions from the file's top level (`[0]` is the first message). Undefined: not here.
 */
export function protobufMessageIndexes(parsed: ParsedSchema, fullName: string): number[] | undefined {
  const name = fullName.replace(/^\./, '');
  return messagePaths(asProto(parsed).descriptor).find((p) => p.name === name)?.indexes;
}

/** The message type at these message indexes (`[]` or `[0]`: the first message). */
export function protobufMessageType(parsed: ParsedSchema, indexes: readonly number[] = [0]): protobuf.Type {
  const p = asProto(parsed);
  const want = indexes.length === 0 ? [0] : indexes;
  const found = messagePaths(p.descriptor).find((m) => m.indexes.length === want.length && m.indexes.every((v, i) => v === want[i]));
  if (!found) throw new RangeError(`no message at indexes [${want.join(', ')}]`);
  return p.root.lookupType(found.name);
}

/** The schema's first message (what a serializer uses when not told otherwise). */
export function protobufFirstMessage(parsed: ParsedSchema): protobuf.Type {
  return protobufMessageType(parsed, [0]);
}

/** The FileDescriptorProto of this schema (as decoded by protobufjs's descriptor types). */
export function protobufDescriptor(parsed: ParsedSchema): FileDesc {
  return asProto(parsed).descriptor;
}

export const protobufFormat: SchemaFormat = {
  type: 'PROTOBUF',
  parse: parseProtobuf,
  canRead(reader: ParsedSchema, writer: ParsedSchema): CompatibilityResult {
    const found = protobufReadable(asProto(reader), asProto(writer));
    return {
      compatible: found.length === 0,
      messages: found.map((d) => `{errorType:'${d.type}', path:'${d.path}', description:'${d.message}'}`),
      issues: found.map((d) => ({ type: d.type, path: d.path, description: d.message })),
    };
  },
};
