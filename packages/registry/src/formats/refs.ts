// Walking a schema's resolved references, shared by the three formats.
import { InvalidSchemaError, type ResolvedReference } from './types.js';

/**
 * Visits the references depth first (a reference's own references before it), each subject/version
 * once. A reference that leads back to one on the current path is a cycle: InvalidSchemaError.
 */
export function walkReferences(
  refs: readonly ResolvedReference[],
  visit: (ref: ResolvedReference) => void,
): void {
  const done = new Set<string>();
  const path: string[] = [];
  const go = (list: readonly ResolvedReference[], depth: number): void => {
    if (depth > 64) throw new InvalidSchemaError('Schema references nest deeper than 64 levels');
    for (const ref of list) {
      const key = `${ref.subject}\u0000${ref.version}`;
      if (path.includes(key)) {
        const cycle = [...path.slice(path.indexOf(key)), key].map((k) => k.replace('\u0000', ':v'));
        throw new InvalidSchemaError(`Circular schema reference: ${cycle.join(' -> ')}`);
      }
      if (done.has(key)) continue;
      path.push(key);
      go(ref.references, depth + 1);
      path.pop();
      done.add(key);
      visit(ref);
    }
  };
  go(refs, 0);
}

/** Sorts object keys recursively (JSON Schema's normalized form; a stable comparison key). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
