// The registry's state in memory, rebuilt by applying the `_schemas` records in order. Nothing else
// changes it: a write goes to the topic first and is visible once the reader applied it.
import { contextOf, DEFAULT_CONTEXT } from './contexts.js';
import { schemaGuid } from './guid.js';
import { toSchemaValue, type ConfigValue, type RecordKey, type SchemaValue } from './records.js';

const GLOBAL = '\u0000global';

export class RegistryState {
  /** Qualified subject -> version -> value. */
  readonly subjects = new Map<string, Map<number, SchemaValue>>();
  /** Context -> id -> the first value stored with that id. */
  private readonly ids = new Map<string, Map<number, SchemaValue>>();
  /** Context -> id -> how many (subject, version) pairs use it. */
  private readonly idUses = new Map<string, Map<number, number>>();
  private readonly maxIds = new Map<string, number>();
  /** Context -> GUID -> id. */
  private readonly byGuid = new Map<string, Map<string, number>>();
  /** GUID of each stored value (computed once). */
  private readonly guids = new WeakMap<SchemaValue, string>();
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
    if (!ids.has(v.id)) {
      ids.set(v.id, v);
      getOrSet(this.byGuid, ctx, () => new Map<string, number>()).set(this.guidOf(v), v.id);
    }
    const uses = getOrSet(this.idUses, ctx, () => new Map<number, number>());
    uses.set(v.id, (uses.get(v.id) ?? 0) + 1);
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
    if (s !== undefined) this.byGuid.get(ctx)?.delete(this.guidOf(s));
  }

  // ---- queries -------------------------------------------------------------------------------

  /** The GUID of a stored schema (Confluent Platform 8's MD5-based one). */
  guidOf(v: SchemaValue): string {
    let g = this.guids.get(v);
    if (g === undefined) this.guids.set(v, (g = schemaGuid(v)));
    return g;
  }

  /** The id with this GUID in a context. */
  idByGuidIn(context: string, guid: string): number | undefined {
    return this.byGuid.get(context)?.get(guid);
  }

  /** The id of a GUID: the default context first, then the others (as Confluent looks it up). */
  idByGuid(guid: string): { context: string; id: number } | undefined {
    const d = this.byGuid.get(DEFAULT_CONTEXT)?.get(guid);
    if (d !== undefined) return { context: DEFAULT_CONTEXT, id: d };
    for (const [context, m] of this.byGuid) {
      const id = m.get(guid);
      if (id !== undefined) return { context, id };
    }
    return undefined;
  }

  schemaById(context: string, id: number): SchemaValue | undefined {
    return this.ids.get(context)?.get(id);
  }

  idsIn(context: string): ReadonlyMap<number, SchemaValue> {
    return this.ids.get(context) ?? new Map();
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

function getOrSet<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}
