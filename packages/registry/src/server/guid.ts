// Schema GUIDs as Confluent Platform 8 computes them: the MD5 of the stored schema text, then each
// reference (name, subject, version as 4 big-endian bytes), then the metadata and the rule set
// (each after a 1 byte, with maps and sets in sorted order), printed as a UUID. Deterministic, so
// every instance (and Confluent itself) gives a schema the same GUID without storing it; a value
// that carries Confluent's `md5` field (base64) uses that instead.
import { createHash, type Hash } from 'node:crypto';
import type { SchemaReference } from '../formats/types.js';
import type { RuleSet, SchemaMetadata } from './records.js';

const sorted = <T>(xs: Iterable<T>): T[] => [...xs].sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
const str = (h: Hash, s: unknown): void => {
  if (typeof s === 'string') h.update(s, 'utf8');
};

function hashMetadata(h: Hash, m: SchemaMetadata): void {
  const tags = m.tags ?? {};
  for (const k of sorted(Object.keys(tags))) {
    str(h, k);
    for (const v of sorted(new Set(tags[k] ?? []))) str(h, v);
  }
  const props = m.properties ?? {};
  for (const k of sorted(Object.keys(props))) {
    str(h, k);
    str(h, props[k]);
  }
  for (const s of sorted(new Set(m.sensitive ?? []))) str(h, s);
}

function hashRule(h: Hash, r: Record<string, unknown>): void {
  for (const k of ['name', 'doc', 'kind', 'mode', 'type'] as const) str(h, r[k]);
  if (Array.isArray(r['tags'])) for (const t of sorted(new Set(r['tags'] as unknown[]))) str(h, t);
  const params = typeof r['params'] === 'object' && r['params'] !== null ? (r['params'] as Record<string, unknown>) : {};
  for (const k of sorted(Object.keys(params))) {
    str(h, k);
    str(h, params[k]);
  }
  for (const k of ['expr', 'onSuccess', 'onFailure'] as const) str(h, r[k]);
  if (r['disabled'] === true) h.update(Buffer.of(1));
}

function hashRuleSet(h: Hash, rs: RuleSet & { enableAt?: unknown }): void {
  for (const list of [rs.migrationRules, rs.domainRules, rs.encodingRules]) {
    if (!Array.isArray(list)) continue;
    for (const r of list) if (typeof r === 'object' && r !== null) hashRule(h, r as Record<string, unknown>);
  }
  str(h, rs.enableAt);
}

export function schemaGuid(v: { schema: string; references?: readonly SchemaReference[]; metadata?: SchemaMetadata | null; ruleSet?: RuleSet | null; md5?: string }): string {
  let digest: Buffer | null = null;
  if (typeof v.md5 === 'string') {
    const b = Buffer.from(v.md5, 'base64');
    if (b.length === 16) digest = b;
  }
  if (digest === null) {
    const h = createHash('md5');
    h.update(v.schema, 'utf8');
    for (const r of v.references ?? []) {
      str(h, r.name);
      str(h, r.subject);
      const n = Buffer.alloc(4);
      n.writeInt32BE(r.version | 0);
      h.update(n);
    }
    if (v.metadata != null) {
      h.update(Buffer.of(1));
      hashMetadata(h, v.metadata);
    }
    if (v.ruleSet != null) {
      h.update(Buffer.of(1));
      hashRuleSet(h, v.ruleSet);
    }
    digest = h.digest();
  }
  const x = digest.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
