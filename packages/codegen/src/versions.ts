/** An inclusive version range; `max` is Infinity for open ranges ("3+"), and `none` is empty. */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

export const NONE: VersionRange = { min: 1, max: 0 };
export const ALL: VersionRange = { min: 0, max: Infinity };

export function parseVersions(text: string, what: string): VersionRange {
  const s = text.trim();
  if (s === 'none') return NONE;
  let m = /^(\d+)\+$/.exec(s);
  if (m) return { min: Number(m[1]), max: Infinity };
  m = /^(\d+)-(\d+)$/.exec(s);
  if (m) {
    const r = { min: Number(m[1]), max: Number(m[2]) };
    if (r.min > r.max) throw new Error(`${what}: empty range ${s}`);
    return r;
  }
  m = /^(\d+)$/.exec(s);
  if (m) return { min: Number(m[1]), max: Number(m[1]) };
  throw new Error(`${what}: cannot parse version range ${JSON.stringify(text)}`);
}

export const isEmpty = (r: VersionRange): boolean => r.min > r.max;
export const intersect = (a: VersionRange, b: VersionRange): VersionRange => ({
  min: Math.max(a.min, b.min),
  max: Math.min(a.max, b.max),
});
export const contains = (outer: VersionRange, inner: VersionRange): boolean =>
  isEmpty(inner) || (outer.min <= inner.min && inner.max <= outer.max);
export const has = (r: VersionRange, v: number): boolean => v >= r.min && v <= r.max;

/**
 * A TypeScript condition testing that `v` lies in `r`, simplified using the range `ctx` that `v` is
 * already known to lie in. Returns 'true' or 'false' when the answer does not depend on `v`.
 */
export function condition(r: VersionRange, ctx: VersionRange, v = 'v'): string {
  if (isEmpty(r) || isEmpty(intersect(r, ctx))) return 'false';
  if (contains(r, ctx)) return 'true';
  const parts: string[] = [];
  if (r.min > ctx.min) parts.push(`${v} >= ${r.min}`);
  if (r.max < ctx.max) parts.push(`${v} <= ${r.max}`);
  return parts.join(' && ');
}
