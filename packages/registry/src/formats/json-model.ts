// JSON Schema as the compatibility diff sees it: `$ref`s followed (local pointers, anchors, and
// referenced subjects by their reference name), and each schema classified by the kind of value
// it constrains. A schema with several kinds of constraint (`type` plus `enum`, or `properties`
// plus `allOf`) becomes an allOf of its parts; a `type` array becomes an anyOf of one schema per
// type; keywords imply the kind when `type` is absent (as the everit loader Confluent uses does).

export type Obj = Record<string, unknown>;
export type Criterion = 'allOf' | 'anyOf' | 'oneOf';

/** A schema as the diff sees it. */
export type Node =
  | { kind: 'false' }
  | { kind: 'empty'; src: Obj | true }
  | { kind: 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'enum' | 'const' | 'not'; src: Obj; doc: Doc; integer?: boolean }
  | { kind: 'combined'; criterion: Criterion; parts: Node[]; src: Obj | undefined; doc: Doc };

export interface Doc {
  root: unknown;
  name: string;
  resolver: Resolver;
}

const STRING_KEYS = ['minLength', 'maxLength', 'pattern'];
const NUMBER_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const OBJECT_KEYS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'dependencies', 'dependentRequired', 'dependentSchemas', 'minProperties', 'maxProperties', 'propertyNames', 'unevaluatedProperties'];
const ARRAY_KEYS = ['items', 'prefixItems', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains', 'unevaluatedItems'];

export class Resolver {
  private readonly docs: Doc[];
  readonly main: Doc;
  constructor(root: unknown, referenced: ReadonlyMap<string, unknown>) {
    this.main = { root, name: '', resolver: this };
    this.docs = [this.main, ...[...referenced].map(([name, r]) => ({ root: r, name, resolver: this }))];
  }

  documents(): readonly Doc[] {
    return this.docs;
  }

  resolve(ref: string, from: Doc): { node: unknown; doc: Doc } {
    const hash = ref.indexOf('#');
    const target = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : ref.slice(hash + 1);
    let doc = from;
    if (target !== '') {
      const found = this.docs.find((d) => d.name === target || idOf(d.root) === target || (idOf(d.root) ?? '').endsWith(`/${target}`) || d.name.endsWith(`/${target}`));
      if (!found) throw new Error(`Unresolved $ref '${ref}'`);
      doc = found;
    }
    let node: unknown = doc.root;
    if (pointer.startsWith('/')) {
      for (const raw of pointer.slice(1).split('/')) {
        const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
        node = node !== null && typeof node === 'object' ? (node as Obj)[key] : undefined;
        if (node === undefined) throw new Error(`Unresolved $ref '${ref}'`);
      }
    } else if (pointer !== '') {
      // A plain-name fragment (an $anchor): search the document.
      node = findAnchor(doc.root, pointer);
      if (node === undefined) throw new Error(`Unresolved $ref '${ref}'`);
    }
    return { node, doc };
  }
}

function idOf(root: unknown): string | undefined {
  if (root === null || typeof root !== 'object') return undefined;
  const id = (root as Obj).$id ?? (root as Obj).id;
  return typeof id === 'string' ? id : undefined;
}

function findAnchor(node: unknown, anchor: string): unknown {
  if (node === null || typeof node !== 'object') return undefined;
  if ((node as Obj).$anchor === anchor) return node;
  for (const v of Object.values(node as Obj)) {
    const f = findAnchor(v, anchor);
    if (f !== undefined) return f;
  }
  return undefined;
}

export function classify(raw: unknown, doc: Doc, depth = 0): Node {
  if (raw === false) return { kind: 'false' };
  if (raw === true || raw === undefined) return { kind: 'empty', src: true };
  if (raw === null || typeof raw !== 'object') return { kind: 'empty', src: true };
  const src = raw as Obj;
  if (typeof src.$ref === 'string') {
    if (depth > 32) throw new Error(`$ref chain too long at '${src.$ref}'`);
    const r = doc.resolver.resolve(src.$ref, doc);
    return classify(r.node, r.doc, depth + 1);
  }
  const parts: Node[] = [];
  const keys = Object.keys(src);
  const has = (list: readonly string[]): boolean => list.some((k) => k in src);
  const types = src.type === undefined ? undefined : Array.isArray(src.type) ? (src.type as string[]) : [String(src.type)];
  const kindFor = (t: string): Node => {
    switch (t) {
      case 'integer':
        return { kind: 'number', src, doc, integer: true };
      case 'number':
      case 'string':
      case 'boolean':
      case 'null':
      case 'object':
      case 'array':
        return { kind: t, src, doc };
      default:
        return { kind: 'empty', src };
    }
  };
  if (types) {
    if (types.length === 1) parts.push(kindFor(types[0]!));
    else parts.push({ kind: 'combined', criterion: 'anyOf', parts: types.map(kindFor), src: undefined, doc });
  } else {
    // No type: the keywords present imply the kinds (as the everit loader Confluent uses does).
    if (has(STRING_KEYS)) parts.push({ kind: 'string', src, doc });
    if (has(NUMBER_KEYS)) parts.push({ kind: 'number', src, doc });
    if (has(OBJECT_KEYS)) parts.push({ kind: 'object', src, doc });
    if (has(ARRAY_KEYS)) parts.push({ kind: 'array', src, doc });
  }
  if ('enum' in src) parts.push({ kind: 'enum', src, doc });
  if ('const' in src) parts.push({ kind: 'const', src, doc });
  if ('not' in src) parts.push({ kind: 'not', src, doc });
  for (const c of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(src[c])) {
      parts.push({ kind: 'combined', criterion: c, parts: (src[c] as unknown[]).map((s) => classify(s, doc, depth + 1)), src, doc });
    }
  }
  if (parts.length === 0) {
    void keys;
    return { kind: 'empty', src };
  }
  if (parts.length === 1) return parts[0]!;
  return { kind: 'combined', criterion: 'allOf', parts, src: undefined, doc };
}

/**
 * The first `$ref` (in the schema or a referenced one) that our resolver cannot follow, or
 * undefined. A quick check at parse time; ajv has the last word when this finds one.
 */
export function findUnresolvedRef(schema: unknown, referenced: ReadonlyMap<string, unknown>): string | undefined {
  const resolver = new Resolver(schema, referenced);
  const walk = (node: unknown, doc: Doc, depth: number): string | undefined => {
    if (node === null || typeof node !== 'object' || depth > 200) return undefined;
    if (Array.isArray(node)) {
      for (const n of node) {
        const f = walk(n, doc, depth + 1);
        if (f !== undefined) return f;
      }
      return undefined;
    }
    const obj = node as Obj;
    if (typeof obj.$ref === 'string') {
      try {
        resolver.resolve(obj.$ref, doc);
      } catch {
        return obj.$ref;
      }
    }
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'enum' || k === 'const' || k === 'default' || k === 'examples') continue;
      const f = walk(v, doc, depth + 1);
      if (f !== undefined) return f;
    }
    return undefined;
  };
  for (const doc of resolver.documents()) {
    const f = walk(doc.root, doc, 0);
    if (f !== undefined) return f;
  }
  return undefined;
}
