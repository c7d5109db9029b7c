// Version negotiation: intersect the client's range (the generated APIS table) with the range a
// broker advertised in ApiVersions and use the highest common version. Keys, never names.
import { APIS, apiByKey, type ApiTypes } from '@tideline/protocol';

export interface VersionRange {
  minVersion: number;
  maxVersion: number;
}

/** Highest version in both ranges, or -1 when they do not overlap. */
export function intersect(ours: VersionRange, theirs: VersionRange): number {
  const lo = Math.max(ours.minVersion, theirs.minVersion);
  const hi = Math.min(ours.maxVersion, theirs.maxVersion);
  return lo <= hi ? hi : -1;
}

/**
 * The version table of one broker connection: apiKey -> highest common version (-1 = none).
 * `limits` lets a caller cap an API (e.g. tests pinning an old version).
 */
export class VersionTable {
  private readonly chosen = new Map<number, number>();
  readonly broker: ReadonlyMap<number, VersionRange>;

  constructor(brokerRanges: Iterable<{ apiKey: number } & VersionRange>, limits?: ReadonlyMap<number, number>) {
    const m = new Map<number, VersionRange>();
    for (const r of brokerRanges) {
      m.set(r.apiKey, { minVersion: r.minVersion, maxVersion: r.maxVersion });
      const ours = apiByKey(r.apiKey);
      if (ours === undefined) continue;
      const cap = limits?.get(r.apiKey);
      const ourRange = { minVersion: ours.minVersion, maxVersion: cap === undefined ? ours.maxVersion : Math.min(cap, ours.maxVersion) };
      this.chosen.set(r.apiKey, intersect(ourRange, r));
    }
    this.broker = m;
  }

  /** Highest common version, or -1 when the broker does not support the API in a range we encode. */
  version(apiKey: keyof ApiTypes): number {
    return this.chosen.get(apiKey) ?? -1;
  }
}

/** Our own range for an API. */
export const clientRange = (apiKey: keyof ApiTypes): VersionRange => ({ minVersion: APIS[apiKey].minVersion, maxVersion: APIS[apiKey].maxVersion });
