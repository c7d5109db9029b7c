// The registry's state in memory, rebuilt by applying the `_schemas` records in order. Nothing else
// changes it: a write goes to the topic first and is visible once the reader applied it.
import type { SchemaReference } from '../formats/types.js';
import { contextOf, DEFAULT_CONTEXT } from './contexts.js';
import { toSchemaValue, type ConfigValue, type RecordKey, type SchemaValue } from './records.js';

const GLOBAL = '\u0000global';

export class RegistryState {
  /** Qualified subject -> version -> value. */
  readonly subjects = new Map<string, Map<number, SchemaValue>>();
  /** Context -> id -> the first value stored with that id. */
  private readonly ids = new Map<string, Map<number, SchemaValue>>();
  /** Context -> id -> how many (subject, version) pairs use it. */
  private readonly idUses = new Map<string, Map<number, number>>();
  /** Context -> schema type + text + references -> id. */
  private readonly byText = new Map<string, Map<string, number>>();
  private readonly maxIds = new Map<string, number>();
  private readonly configs = new Map<string, ConfigValue>();
  private readonly modes = new Map<string, string>();
  /** Records applied (diagnostics). */
  applied = 0;
  skipped = 0;

  apply(key: RecordKey, value: Record<string, unknown> | null): void {
    this.applied++;
    switch (key.keytype) {
      case 'SCHEMA': {
        const versions = this.subjects.get(key.subject);
        const old = versions?.get(key.version);
        if (old !== undefined) this.unuse(old);
        if (value === null) {
          if (versions !== undefined) {
            versions.delete(key.version);
            if (versions.size === 0) this.subjects.delete(key.subject);
          }
          return;
        }
        const v = toSchemaValue(value, key);
        let vs = versions;
        if (vs === undefined) this.subjects.set(key.subject, (vs = new Map()));
        vs.set(key.version, v);
        this.use(v);
        return;
      }
      case 'CONFIG':
        if (value === null) this.configs.delete(key.subject ?? GLOBAL);
        else this.configs.set(key.subject ?? GLOBAL, value as ConfigValue);
        return;
      case 'MODE':
        if (value === null || typeof value['mode'] !== 'string') this.modes.delete(key.subject ?? GLOBAL);
        else this.modes.set(key.subject ?? GLOBAL, value['mode']);
        return;
      case 'DELETE_SUBJECT': {
        const upTo = value !== null && typeof value['version'] === 'number' ? value['version'] : Infinity;
        for (const v of this.subjects.get(key.subject)?.values() ?? []) if (v.version <= upTo) v.deleted = true;
        return;
      }
      case 'CLEAR_SUBJECT': {
        const vs = this.subjects.get(key.subject);
        if (vs === undefined) return;
        for (const [n, v] of vs) {
          if (v.deleted) {
            this.unuse(v);
            vs.delete(n);
          }
        }
        if (vs.size === 0) this.subjects.delete(key.subject);
        return;
      }
      case 'NOOP':
        return;
    }
  }

  private use(v: SchemaValue): void {
    const ctx = contextOf(v.subject);
    const ids = getOrSet(this.ids, ctx, () => new Map<number, SchemaValue>());
    if (!ids.has(v.id)) ids.set(v.id, v);
    const uses = getOrSet(this.idUses, ctx, () => new Map<number, number>());
    uses.set(v.id, (uses.get(v.id) ?? 0) + 1);
    getOrSet(this.byText, ctx, () => new Map<string, number>()).set(textKey(v.schemaType ?? 'AVRO', v.schema, v.references ?? []), v.id);
    if (v.id > (this.maxIds.get(ctx) ?? 0)) this.maxIds.set(ctx, v.id);
  }

  private unuse(v: SchemaValue): void {
    const ctx = contextOf(v.subject);
    const uses = this.idUses.get(ctx);
    const n = (uses?.get(v.id) ?? 0) - 1;
    if (n > 0) {
      uses!.set(v.id, n);
      return;
    }
    uses?.delete(v.id);
    const s = this.ids.get(ctx)?.get(v.id);
    this.ids.get(ctx)?.delete(v.id);
    if (s !== undefined) this.byText.get(ctx)?.delete(textKey(s.schemaType ?? 'AVRO', s.schema, s.references ?? []));
  }

  // ---- queries -------------------------------------------------------------------------------

  schemaById(context: string, id: number): SchemaValue | undefined {
    return this.ids.get(context)?.get(id);
  }

  idsIn(context: string): ReadonlyMap<number, SchemaValue> {
    return this.ids.get(context) ?? new Map();
  }

  idByText(context: string, type: string, schema: string, refs: readonly SchemaReference[]): number | undefined {
    return this.byText.get(context)?.get(textKey(type, schema, refs));
  }

  maxId(context: string): number {
    return this.maxIds.get(context) ?? 0;
  }

  contexts(): string[] {
    const out = new Set<string>([DEFAULT_CONTEXT]);
    for (const s of this.subjects.keys()) out.add(contextOf(s));
    return [...out].sort();
  }

  /** Versions of a subject, ascending; deleted ones only when asked. */
  versions(subject: string, includeDeleted: boolean): SchemaValue[] {
    const vs = this.subjects.get(subject);
    if (vs === undefined) return [];
    return [...vs.values()].filter((v) => includeDeleted || !v.deleted).sort((a, b) => a.version - b.version);
  }

  config(subject: string | null): ConfigValue | undefined {
    return this.configs.get(subject ?? GLOBAL);
  }

  mode(subject: string | null): string | undefined {
    return this.modes.get(subject ?? GLOBAL);
  }

  /** Every (subject, version) that references `subject` at `version`. */
  referencedBy(subject: string, version: number, includeDeleted = false): SchemaValue[] {
    const out: SchemaValue[] = [];
    for (const vs of this.subjects.values()) {
      for (const v of vs.values()) {
        if (!includeDeleted && v.deleted) continue;
        if ((v.references ?? []).some((r) => r.subject === subject && r.version === version)) out.push(v);
      }
    }
    return out;
  }
}

function textKey(type: string, schema: string, refs: readonly SchemaReference[]): string {
  return `${type}\u0000${schema}\u0000${JSON.stringify(refs.map((r) => [r.name, r.subject, r.version]))}`;
}

function getOrSet<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}
