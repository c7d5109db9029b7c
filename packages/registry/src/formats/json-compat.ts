// JSON Schema compatibility, as Confluent's registry judges it: a structural diff of the writer's
// schema (the "original") against the reader's (the "update") yields typed differences; the change
// is compatible when every difference is in the allowed set. The allowed set is Confluent's STRICT
// one (its default): adding an optional property is allowed only when the writer's content model
// is closed (additionalProperties false) or partially open and covers it, removing one only when
// the reader's model is open, and so on. The difference names are Confluent's Difference.Type
// names, so verbose messages and the oracle table (test/fixtures/json-compat.ts) cite them.
//
// Schemas are first classified (json-model.ts). Recursive schemas are cut where a pair of schemas
// is already being compared (assumed compatible there).
import type { JsonParsedSchema } from './json.js';
import { Resolver, classify, type Doc, type Node, type Obj } from './json-model.js';

export interface JsonDifference {
  /** Confluent's Difference.Type name. */
  type: string;
  /** JSON pointer of the place, `#/properties/x`. */
  path: string;
  message: string;
}

/** Differences allowed under Confluent's STRICT rules (reader may read what the writer wrote). */
export const JSON_COMPATIBLE_CHANGES: ReadonlySet<string> = new Set([
  'ID_CHANGED', 'DESCRIPTION_CHANGED', 'TITLE_CHANGED', 'DEFAULT_CHANGED', 'SCHEMA_REMOVED', 'TYPE_EXTENDED',
  'MAX_LENGTH_INCREASED', 'MAX_LENGTH_REMOVED', 'MIN_LENGTH_DECREASED', 'MIN_LENGTH_REMOVED', 'PATTERN_REMOVED',
  'MAXIMUM_INCREASED', 'MAXIMUM_REMOVED', 'MINIMUM_DECREASED', 'MINIMUM_REMOVED', 'EXCLUSIVE_MAXIMUM_INCREASED',
  'EXCLUSIVE_MAXIMUM_REMOVED', 'EXCLUSIVE_MINIMUM_DECREASED', 'EXCLUSIVE_MINIMUM_REMOVED', 'MULTIPLE_OF_REDUCED',
  'MULTIPLE_OF_REMOVED', 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED', 'REQUIRED_ATTRIBUTE_REMOVED',
  'DEPENDENCY_ARRAY_NARROWED', 'DEPENDENCY_ARRAY_REMOVED', 'DEPENDENCY_SCHEMA_REMOVED', 'MAX_PROPERTIES_INCREASED',
  'MAX_PROPERTIES_REMOVED', 'MIN_PROPERTIES_DECREASED', 'MIN_PROPERTIES_REMOVED', 'ADDITIONAL_PROPERTIES_ADDED',
  'ADDITIONAL_PROPERTIES_EXTENDED', 'UNEVALUATED_PROPERTIES_ADDED', 'UNEVALUATED_PROPERTIES_EXTENDED',
  'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL', 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL',
  'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL', 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'MAX_ITEMS_INCREASED', 'MAX_ITEMS_REMOVED',
  'MIN_ITEMS_DECREASED', 'MIN_ITEMS_REMOVED', 'MAX_CONTAINS_INCREASED', 'MAX_CONTAINS_REMOVED', 'MIN_CONTAINS_DECREASED',
  'MIN_CONTAINS_REMOVED', 'UNIQUE_ITEMS_REMOVED', 'ADDITIONAL_ITEMS_ADDED', 'ADDITIONAL_ITEMS_EXTENDED',
  'UNEVALUATED_ITEMS_ADDED', 'UNEVALUATED_ITEMS_EXTENDED', 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL',
  'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL', 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL',
  'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL', 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL',
  'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', 'ENUM_ARRAY_EXTENDED', 'COMBINED_TYPE_EXTENDED',
  'PRODUCT_TYPE_NARROWED', 'SUM_TYPE_EXTENDED', 'NOT_TYPE_NARROWED',
]);

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stableJson((v as Obj)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** A place in the diff: `at` descends (same list of differences), `sub` starts a trial list. */
class Ctx {
  constructor(
    readonly path: string,
    readonly shared: { stack: Set<string>; ids: WeakMap<object, number>; next: number },
    readonly diffs: JsonDifference[] = [],
  ) {}
  sub(): Ctx {
    return new Ctx(this.path, this.shared);
  }
  at(segment: string): Ctx {
    return new Ctx(`${this.path}/${segment}`, this.shared, this.diffs);
  }
  add(type: string, where = this.path): void {
    this.diffs.push({ type, path: where, message: describe(type, where) });
  }
  addAll(diffs: readonly JsonDifference[]): void {
    this.diffs.push(...diffs);
  }
  compatible(): boolean {
    return this.diffs.every((d) => JSON_COMPATIBLE_CHANGES.has(d.type));
  }
  id(o: object): number {
    let id = this.shared.ids.get(o);
    if (id === undefined) this.shared.ids.set(o, (id = this.shared.next++));
    return id;
  }
}

function srcOf(n: Node): object | undefined {
  return n.kind === 'false' ? undefined : n.kind === 'empty' ? (n.src === true ? undefined : n.src) : n.src;
}

function compare(ctx: Ctx, original: Node | undefined, update: Node | undefined): void {
  if (!original && !update) return;
  if (!original) return ctx.add('SCHEMA_ADDED');
  if (!update) return ctx.add('SCHEMA_REMOVED');
  const a = srcOf(original);
  const b = srcOf(update);
  if (a && b) {
    const key = `${ctx.id(a)}:${original.kind}|${ctx.id(b)}:${update.kind}`;
    if (ctx.shared.stack.has(key)) return; // a cycle: assumed compatible here
    ctx.shared.stack.add(key);
    try {
      compareTypes(ctx, original, update);
    } finally {
      ctx.shared.stack.delete(key);
    }
    return;
  }
  compareTypes(ctx, original, update);
}

function child(ctx: Ctx, node: Node, key: string): Node | undefined {
  if (node.kind === 'false' || node.kind === 'empty' || node.kind === 'combined') return undefined;
  const v = node.src[key];
  return v === undefined ? undefined : classify(v, node.doc);
}

function compareTypes(ctx: Ctx, original: Node, update: Node): void {
  if (original.kind !== 'combined' && update.kind === 'combined') {
    if (update.parts.length === 1) {
      const sub = ctx.sub();
      compare(sub, original, update.parts[0]);
      if (sub.compatible()) return ctx.addAll(sub.diffs);
    } else if (update.criterion !== 'allOf') {
      for (const part of update.parts) {
        const sub = ctx.sub();
        compare(sub, original, part);
        if (sub.compatible()) {
          ctx.addAll(sub.diffs);
          return ctx.add('SUM_TYPE_EXTENDED');
        }
      }
    }
  } else if (original.kind === 'combined' && update.kind !== 'combined') {
    if (original.parts.length === 1) {
      const sub = ctx.sub();
      compare(sub, original.parts[0], update);
      if (sub.compatible()) return ctx.addAll(sub.diffs);
    } else if (original.criterion === 'allOf') {
      for (const part of original.parts) {
        const sub = ctx.sub();
        compare(sub, part, update);
        if (sub.compatible()) {
          ctx.addAll(sub.diffs);
          return ctx.add('PRODUCT_TYPE_NARROWED');
        }
      }
    }
  }
  if (original.kind !== update.kind) {
    if (original.kind === 'false' || update.kind === 'empty') return;
    // Kafka Connect writes bytes either way (`connect.type: bytes`); Confluent treats them as equal.
    const connect = (n: Node): unknown => (n.kind === 'false' || n.kind === 'empty' || !n.src ? undefined : n.src['connect.type']);
    if (connect(original) === 'bytes' && connect(update) === 'bytes') return;
    return ctx.add('TYPE_CHANGED');
  }
  if (original.kind === 'false' || original.kind === 'empty' || update.kind === 'false' || update.kind === 'empty') return;
  const o = original.src ?? {};
  const u = update.src ?? {};
  if ((o.$id ?? o.id) !== (u.$id ?? u.id)) ctx.add('ID_CHANGED');
  if (o.title !== u.title) ctx.add('TITLE_CHANGED');
  if (o.description !== u.description) ctx.add('DESCRIPTION_CHANGED');
  if (stableJson(o.default) !== stableJson(u.default)) ctx.add('DEFAULT_CHANGED');
  switch (original.kind) {
    case 'string':
      return compareString(ctx, o, u);
    case 'number':
      return compareNumber(ctx, o, u, original.integer === true, (update as { integer?: boolean }).integer === true);
    case 'enum': {
      const ov = (o.enum as unknown[]).map(stableJson);
      const uv = ((u.enum as unknown[] | undefined) ?? []).map(stableJson);
      if (ov.length === uv.length && ov.every((v) => uv.includes(v))) return;
      if (ov.every((v) => uv.includes(v))) return ctx.at('enum').add('ENUM_ARRAY_EXTENDED');
      if (uv.every((v) => ov.includes(v))) return ctx.at('enum').add('ENUM_ARRAY_NARROWED');
      return ctx.at('enum').add('ENUM_ARRAY_CHANGED');
    }
    case 'const':
      if (stableJson(o.const) !== stableJson(u.const)) ctx.at('const').add('ENUM_ARRAY_CHANGED');
      return;
    case 'not': {
      const sub = ctx.at('not').sub();
      compare(sub, child(ctx, update, 'not'), child(ctx, original, 'not'));
      return ctx.at('not').add(sub.compatible() ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED');
    }
    case 'combined':
      return compareCombined(ctx, original, update as Extract<Node, { kind: 'combined' }>);
    case 'object':
      return compareObject(ctx, original, update);
    case 'array':
      return compareArray(ctx, original, update);
    default:
      return; // boolean, null
  }
}

function limit(ctx: Ctx, key: string, a: unknown, b: unknown, name: string): void {
  const x = num(a);
  const y = num(b);
  if (x === y) return;
  const at = ctx.at(key);
  if (x === undefined) at.add(`${name}_ADDED`);
  else if (y === undefined) at.add(`${name}_REMOVED`);
  else if (x < y) at.add(`${name}_INCREASED`);
  else at.add(`${name}_DECREASED`);
}

function compareString(ctx: Ctx, o: Obj, u: Obj): void {
  limit(ctx, 'maxLength', o.maxLength, u.maxLength, 'MAX_LENGTH');
  limit(ctx, 'minLength', o.minLength, u.minLength, 'MIN_LENGTH');
  const op = typeof o.pattern === 'string' ? o.pattern : undefined;
  const up = typeof u.pattern === 'string' ? u.pattern : undefined;
  if (op === undefined && up !== undefined) ctx.at('pattern').add('PATTERN_ADDED');
  else if (op !== undefined && up === undefined) ctx.at('pattern').add('PATTERN_REMOVED');
  else if (op !== up) ctx.at('pattern').add('PATTERN_CHANGED');
}

function compareNumber(ctx: Ctx, o: Obj, u: Obj, oInt: boolean, uInt: boolean): void {
  limit(ctx, 'maximum', o.maximum, u.maximum, 'MAXIMUM');
  limit(ctx, 'minimum', o.minimum, u.minimum, 'MINIMUM');
  limit(ctx, 'exclusiveMaximum', o.exclusiveMaximum, u.exclusiveMaximum, 'EXCLUSIVE_MAXIMUM');
  limit(ctx, 'exclusiveMinimum', o.exclusiveMinimum, u.exclusiveMinimum, 'EXCLUSIVE_MINIMUM');
  const om = num(o.multipleOf);
  const um = num(u.multipleOf);
  if (om !== um) {
    const at = ctx.at('multipleOf');
    const divides = (a: number, b: number): boolean => b !== 0 && Math.abs(Math.round(a / b) * b - a) < 1e-9 * Math.max(1, Math.abs(a));
    if (om === undefined) at.add('MULTIPLE_OF_ADDED');
    else if (um === undefined) at.add('MULTIPLE_OF_REMOVED');
    else if (divides(um, om)) at.add('MULTIPLE_OF_EXPANDED');
    else if (divides(om, um)) at.add('MULTIPLE_OF_REDUCED');
    else at.add('MULTIPLE_OF_CHANGED');
  }
  if (oInt !== uInt) ctx.add(oInt ? 'TYPE_EXTENDED' : 'TYPE_NARROWED');
}

function compareCombined(ctx: Ctx, original: Extract<Node, { kind: 'combined' }>, update: Extract<Node, { kind: 'combined' }>): void {
  const oc = original.criterion;
  const uc = update.criterion;
  const single = (n: Extract<Node, { kind: 'combined' }>): boolean => n.parts.length === 1;
  if (oc !== uc) {
    if (uc === 'anyOf' || (single(original) && single(update)) || (single(original) && uc === 'oneOf') || (single(update) && oc === 'allOf')) {
      ctx.add('COMBINED_TYPE_EXTENDED');
    } else {
      return ctx.add('COMBINED_TYPE_CHANGED');
    }
  }
  const os = dedupe(original.parts);
  const us = dedupe(update.parts);
  if (os.length < us.length) ctx.add(uc === 'allOf' ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED');
  else if (os.length > us.length) ctx.add(oc === 'allOf' ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED');
  // Which original subschema can each update subschema stand in for? Then a maximum matching.
  const edges: JsonDifference[][][] = os.map((op, i) =>
    us.map((up) => {
      const sub = ctx.at(`${oc}/${i}`).sub();
      compare(sub, op, up);
      return sub.compatible() ? sub.diffs : (undefined as unknown as JsonDifference[]);
    }),
  );
  const matchOfUpdate = new Array<number>(us.length).fill(-1);
  const tryMatch = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < us.length; j++) {
      if (!edges[i]![j] || seen[j]) continue;
      seen[j] = true;
      if (matchOfUpdate[j] === -1 || tryMatch(matchOfUpdate[j]!, seen)) {
        matchOfUpdate[j] = i;
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (let i = 0; i < os.length; i++) if (tryMatch(i, new Array<boolean>(us.length).fill(false))) matched++;
  matchOfUpdate.forEach((i, j) => {
    if (i >= 0) ctx.addAll(edges[i]![j]!);
  });
  if (matched < Math.min(os.length, us.length)) ctx.add('COMBINED_TYPE_SUBSCHEMAS_CHANGED');
}

function dedupe(parts: readonly Node[]): Node[] {
  const seen = new Set<string>();
  const out: Node[] = [];
  for (const p of parts) {
    const k = `${p.kind}:${stableJson(srcOf(p) ?? p.kind)}:${p.kind === 'combined' ? p.criterion + p.parts.length : ''}`;
    if (p.kind === 'combined' && p.src === undefined) {
      out.push(p);
      continue;
    }
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(p);
  }
  return out;
}

// ---- objects ----

interface ObjectView {
  props: Record<string, unknown>;
  required: string[];
  /** false: closed; undefined: absent (open); a schema: partially open. */
  additional: unknown;
  patterns: [RegExp, unknown][];
  unevaluated: unknown;
}

function objectView(src: Obj): ObjectView {
  const patterns: [RegExp, unknown][] = [];
  for (const [p, s] of Object.entries((src.patternProperties as Obj | undefined) ?? {})) {
    try {
      patterns.push([new RegExp(p, 'u'), s]);
    } catch {
      patterns.push([/$^/, s]);
    }
  }
  return {
    props: (src.properties as Record<string, unknown> | undefined) ?? {},
    required: Array.isArray(src.required) ? (src.required as string[]) : [],
    additional: src.additionalProperties === true ? undefined : src.additionalProperties,
    patterns,
    unevaluated: src.unevaluatedProperties,
  };
}

function isOpen(v: ObjectView): boolean {
  if (v.additional === false) return false;
  if (v.additional !== undefined) return false;
  if (v.patterns.length) return false;
  return v.unevaluated === undefined || v.unevaluated === true;
}

function partialSchema(v: ObjectView, key: string): unknown {
  for (const [re, s] of v.patterns) if (re.test(key)) return s;
  if (v.additional !== undefined && v.additional !== false) return v.additional;
  if (v.additional === undefined && v.unevaluated !== undefined && v.unevaluated !== false && v.unevaluated !== true) return v.unevaluated;
  return undefined;
}

function hasDefault(s: unknown): boolean {
  return s !== null && typeof s === 'object' && 'default' in (s as Obj);
}

function isEmptySchema(n: Node): boolean {
  return n.kind === 'empty';
}

function compareObject(ctx: Ctx, original: Node & { src: Obj; doc: Doc }, update: Node): void {
  const u0 = update as Node & { src: Obj; doc: Doc };
  const o = objectView(original.src);
  const u = objectView(u0.src);
  const cls = (s: unknown, n: Node & { doc: Doc }): Node => classify(s, n.doc);
  // required
  for (const key of Object.keys(o.props)) {
    if (!(key in u.props)) continue;
    const or = o.required.includes(key);
    const ur = u.required.includes(key);
    if (or && !ur) ctx.at('required').at(key).add('REQUIRED_ATTRIBUTE_REMOVED');
    else if (!or && ur) ctx.at('required').at(key).add(hasDefault(u.props[key]) ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED' : 'REQUIRED_ATTRIBUTE_ADDED');
  }
  // properties
  const keys = [...new Set([...Object.keys(o.props), ...Object.keys(u.props)])];
  for (const key of keys) {
    const at = ctx.at('properties').at(key);
    const os = key in o.props ? cls(o.props[key], original) : undefined;
    const us = key in u.props ? cls(u.props[key], u0) : undefined;
    if (!us) {
      if (isOpen(u)) {
        at.add('PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL');
      } else {
        const partial = partialSchema(u, key);
        if (partial !== undefined) {
          const sub = at.sub();
          compare(sub, os, cls(partial, u0));
          at.addAll(sub.diffs);
          at.add(sub.compatible() ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
        } else {
          at.add(os?.kind === 'false' ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL');
        }
      }
    } else if (!os) {
      if (isOpen(o)) {
        if (isEmptySchema(us)) at.add('PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL');
        else if (u.required.includes(key)) at.add(hasDefault(u.props[key]) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL');
        else at.add('OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL');
      } else {
        const partial = partialSchema(o, key);
        if (partial !== undefined) {
          const sub = at.sub();
          compare(sub, cls(partial, original), us);
          at.addAll(sub.diffs);
          at.add(sub.compatible() ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
        }
        if (u.required.includes(key)) at.add(hasDefault(u.props[key]) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
        else at.add('OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
      }
    } else {
      compare(at, os, us);
    }
  }
  // dependencies (draft-04..07 `dependencies`; 2019-09+ `dependentRequired` / `dependentSchemas`)
  const deps = (src: Obj): { arrays: Record<string, string[]>; schemas: Record<string, unknown> } => {
    const arrays: Record<string, string[]> = {};
    const schemas: Record<string, unknown> = {};
    for (const [k, v] of Object.entries((src.dependencies as Obj | undefined) ?? {})) {
      if (Array.isArray(v)) arrays[k] = v as string[];
      else schemas[k] = v;
    }
    Object.assign(arrays, (src.dependentRequired as Record<string, string[]> | undefined) ?? {});
    Object.assign(schemas, (src.dependentSchemas as Obj | undefined) ?? {});
    return { arrays, schemas };
  };
  const od = deps(original.src);
  const ud = deps(u0.src);
  for (const key of new Set([...Object.keys(od.arrays), ...Object.keys(ud.arrays)])) {
    const at = ctx.at('dependencies').at(key);
    const a = od.arrays[key];
    const b = ud.arrays[key];
    if (!b) at.add('DEPENDENCY_ARRAY_REMOVED');
    else if (!a) at.add('DEPENDENCY_ARRAY_ADDED');
    else if (!(a.length === b.length && a.every((x) => b.includes(x)))) {
      if (a.every((x) => b.includes(x))) at.add('DEPENDENCY_ARRAY_EXTENDED');
      else if (b.every((x) => a.includes(x))) at.add('DEPENDENCY_ARRAY_NARROWED');
      else at.add('DEPENDENCY_ARRAY_CHANGED');
    }
  }
  for (const key of new Set([...Object.keys(od.schemas), ...Object.keys(ud.schemas)])) {
    const at = ctx.at('dependencies').at(key);
    if (!(key in ud.schemas)) at.add('DEPENDENCY_SCHEMA_REMOVED');
    else if (!(key in od.schemas)) at.add('DEPENDENCY_SCHEMA_ADDED');
    else compare(at, cls(od.schemas[key], original), cls(ud.schemas[key], u0));
  }
  // additionalProperties
  {
    const at = ctx.at('additionalProperties');
    const oPermits = o.additional !== false;
    const uPermits = u.additional !== false;
    if (oPermits !== uPermits) at.add(uPermits ? 'ADDITIONAL_PROPERTIES_ADDED' : 'ADDITIONAL_PROPERTIES_REMOVED');
    else if (o.additional === undefined && u.additional !== undefined && u.additional !== false) at.add('ADDITIONAL_PROPERTIES_NARROWED');
    else if (u.additional === undefined && o.additional !== undefined && o.additional !== false) at.add('ADDITIONAL_PROPERTIES_EXTENDED');
    else if (o.additional !== undefined && o.additional !== false) compare(at, cls(o.additional, original), cls(u.additional, u0));
  }
  // unevaluatedProperties
  if (o.unevaluated !== undefined || u.unevaluated !== undefined) {
    const at = ctx.at('unevaluatedProperties');
    const ou = o.unevaluated;
    const uu = u.unevaluated;
    const isEmpty = (s: unknown): boolean => s === true || (s !== null && typeof s === 'object' && Object.keys(s).length === 0);
    if (ou === undefined) at.add(uu === false ? 'UNEVALUATED_PROPERTIES_REMOVED' : 'UNEVALUATED_PROPERTIES_NARROWED');
    else if (uu === undefined) at.add(ou === false ? 'UNEVALUATED_PROPERTIES_ADDED' : 'UNEVALUATED_PROPERTIES_EXTENDED');
    else if (ou === false && uu !== false) at.add('UNEVALUATED_PROPERTIES_ADDED');
    else if (ou !== false && uu === false) at.add('UNEVALUATED_PROPERTIES_REMOVED');
    else if (isEmpty(ou) && !isEmpty(uu)) at.add('UNEVALUATED_PROPERTIES_NARROWED');
    else if (!isEmpty(ou) && isEmpty(uu)) at.add('UNEVALUATED_PROPERTIES_EXTENDED');
    else compare(at, cls(ou, original), cls(uu, u0));
  }
  limit(ctx, 'maxProperties', original.src.maxProperties, u0.src.maxProperties, 'MAX_PROPERTIES');
  limit(ctx, 'minProperties', original.src.minProperties, u0.src.minProperties, 'MIN_PROPERTIES');
}

// ---- arrays ----

interface ArrayView {
  all: unknown;
  tuple: unknown[];
  additional: unknown;
  unevaluated: unknown;
}

function arrayView(src: Obj): ArrayView {
  if (Array.isArray(src.prefixItems)) {
    // 2020-12: prefixItems is the tuple, items the rest.
    return { all: undefined, tuple: src.prefixItems as unknown[], additional: src.items === true ? undefined : src.items, unevaluated: src.unevaluatedItems };
  }
  if (Array.isArray(src.items)) {
    return { all: undefined, tuple: src.items as unknown[], additional: src.additionalItems === true ? undefined : src.additionalItems, unevaluated: src.unevaluatedItems };
  }
  return { all: src.items, tuple: [], additional: undefined, unevaluated: src.unevaluatedItems };
}

function compareArray(ctx: Ctx, original: Node & { src: Obj; doc: Doc }, update: Node): void {
  const u0 = update as Node & { src: Obj; doc: Doc };
  const o = arrayView(original.src);
  const u = arrayView(u0.src);
  const cls = (s: unknown, n: Node & { doc: Doc }): Node | undefined => (s === undefined ? undefined : classify(s, n.doc));
  {
    const at = ctx.at('items');
    compare(at, cls(o.all, original), cls(u.all, u0));
  }
  const open = (v: ArrayView): boolean => v.additional === undefined && (v.unevaluated === undefined || v.unevaluated === true);
  const partial = (v: ArrayView): unknown =>
    v.additional !== undefined && v.additional !== false
      ? v.additional
      : v.additional === undefined && v.unevaluated !== undefined && v.unevaluated !== false && v.unevaluated !== true
        ? v.unevaluated
        : undefined;
  const n = Math.max(o.tuple.length, u.tuple.length);
  for (let i = 0; i < n; i++) {
    const at = ctx.at(`items/${i}`);
    if (i < o.tuple.length && i < u.tuple.length) {
      compare(at, cls(o.tuple[i], original), cls(u.tuple[i], u0));
    } else if (i < o.tuple.length) {
      if (open(u)) at.add('ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL');
      else {
        const p = partial(u);
        if (p !== undefined) {
          const sub = at.sub();
          compare(sub, cls(o.tuple[i], original), cls(p, u0));
          at.addAll(sub.diffs);
          at.add(sub.compatible() ? 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
        } else {
          at.add(o.tuple[i] === false ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL');
        }
      }
    } else {
      const us = cls(u.tuple[i], u0)!;
      if (open(o)) at.add(isEmptySchema(us) ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL');
      else {
        const p = partial(o);
        if (p !== undefined) {
          const sub = at.sub();
          compare(sub, cls(p, original), us);
          at.addAll(sub.diffs);
          at.add(sub.compatible() ? 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
        } else {
          at.add('ITEM_ADDED_TO_CLOSED_CONTENT_MODEL');
        }
      }
    }
  }
  {
    const at = ctx.at('additionalItems');
    const oPermits = o.additional !== false;
    const uPermits = u.additional !== false;
    if (oPermits !== uPermits) at.add(oPermits ? 'ADDITIONAL_ITEMS_REMOVED' : 'ADDITIONAL_ITEMS_ADDED');
    else if (o.additional === undefined && u.additional !== undefined && u.additional !== false) at.add('ADDITIONAL_ITEMS_NARROWED');
    else if (u.additional === undefined && o.additional !== undefined && o.additional !== false) at.add('ADDITIONAL_ITEMS_EXTENDED');
    else if (o.additional !== undefined && o.additional !== false) compare(at, cls(o.additional, original), cls(u.additional, u0));
  }
  if (o.unevaluated !== undefined || u.unevaluated !== undefined) {
    const at = ctx.at('unevaluatedItems');
    const ou = o.unevaluated;
    const uu = u.unevaluated;
    const isEmpty = (s: unknown): boolean => s === true || (s !== null && typeof s === 'object' && Object.keys(s).length === 0);
    if (ou === undefined) at.add(uu === false ? 'UNEVALUATED_ITEMS_REMOVED' : 'UNEVALUATED_ITEMS_NARROWED');
    else if (uu === undefined) at.add(ou === false ? 'UNEVALUATED_ITEMS_ADDED' : 'UNEVALUATED_ITEMS_EXTENDED');
    else if (ou === false && uu !== false) at.add('UNEVALUATED_ITEMS_ADDED');
    else if (ou !== false && uu === false) at.add('UNEVALUATED_ITEMS_REMOVED');
    else if (isEmpty(ou) && !isEmpty(uu)) at.add('UNEVALUATED_ITEMS_NARROWED');
    else if (!isEmpty(ou) && isEmpty(uu)) at.add('UNEVALUATED_ITEMS_EXTENDED');
    else compare(at, cls(ou, original), cls(uu, u0));
  }
  limit(ctx, 'maxItems', original.src.maxItems, u0.src.maxItems, 'MAX_ITEMS');
  limit(ctx, 'minItems', original.src.minItems, u0.src.minItems, 'MIN_ITEMS');
  const ou = original.src.uniqueItems === true;
  const uu = u0.src.uniqueItems === true;
  if (ou !== uu) ctx.at('uniqueItems').add(ou ? 'UNIQUE_ITEMS_REMOVED' : 'UNIQUE_ITEMS_ADDED');
  limit(ctx, 'maxContains', original.src.maxContains, u0.src.maxContains, 'MAX_CONTAINS');
  limit(ctx, 'minContains', original.src.minContains, u0.src.minContains, 'MIN_CONTAINS');
}

// ---- messages ----

function describe(type: string, path: string): string {
  if (type.endsWith('_ADDED') && !type.includes('PROPERTY') && !type.includes('ITEM_') && !type.startsWith('REQUIRED')) {
    return `the keyword at '${path}' is in the reader's schema but not in the writer's`;
  }
  if (type.endsWith('_INCREASED') || type === 'MULTIPLE_OF_EXPANDED') return `the value at '${path}' is larger in the reader's schema than in the writer's`;
  if (type.endsWith('_DECREASED')) return `the value at '${path}' is smaller in the reader's schema than in the writer's`;
  if (type.endsWith('_NARROWED')) return `the reader's schema accepts fewer values at '${path}' than the writer's`;
  if (type.endsWith('_CHANGED')) return `the type or value at '${path}' differs between the reader's and the writer's schema`;
  if (type.endsWith('_EXTENDED')) return `the reader's schema accepts more values at '${path}' than the writer's`;
  switch (type) {
    case 'REQUIRED_ATTRIBUTE_ADDED':
      return `the property at '${path}' is required by the reader's schema, optional in the writer's, and has no default`;
    case 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL':
    case 'REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL':
      return `the reader's schema requires the property at '${path}' (no default), which the writer's schema does not have`;
    case 'OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL':
    case 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL':
      return `the reader's schema constrains '${path}', which the writer's open content model lets through unchecked`;
    case 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL':
    case 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL':
      return `the reader's closed content model lacks '${path}', which the writer's schema has`;
    case 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL':
    case 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL':
      return `'${path}' of the writer's schema is missing in the reader's, and its additional-content schema does not cover it`;
    case 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL':
    case 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL':
      return `the reader's schema has '${path}', which the writer's additional-content schema does not match`;
    default:
      return `${type.toLowerCase().replace(/_/g, ' ')} at '${path}'`;
  }
}

/** Differences between the writer's schema and the reader's that make the reader fail on the writer's data. */
export function jsonSchemaReadable(reader: JsonParsedSchema, writer: JsonParsedSchema): JsonDifference[] {
  return jsonSchemaDiff(writer, reader).filter((d) => !JSON_COMPATIBLE_CHANGES.has(d.type));
}

/** Every difference (compatible or not) from `original` (the writer) to `update` (the reader). */
export function jsonSchemaDiff(original: JsonParsedSchema, update: JsonParsedSchema): JsonDifference[] {
  const oRes = new Resolver(original.schema, original.referenced);
  const uRes = new Resolver(update.schema, update.referenced);
  const ctx = new Ctx('#', { stack: new Set<string>(), ids: new WeakMap<object, number>(), next: 1 });
  compare(ctx, classify(original.schema, oRes.main), classify(update.schema, uRes.main));
  return ctx.diffs;
}
