// Version negotiation: intersect the client's range (the generated APIS table) with the range a
// broker advertised in ApiVersions and use the highest common version. Keys, never names.
import { APIS, apiByKey, type ApiTypes } from '@tideline/protocol';

export interface VersionRange {
  minVersion: number;
  maxVersion: number;
}

/**
 * The newest version of each API this client's code was written for, where the generated codecs
 * know newer ones (Kafka 4.4's specs): a newer version may change what the client must fill in
 * (Produce v13 and OffsetCommit v10 name topics by id), so it is adopted only with code for it.
 */
export const CLIENT_MAX: Readonly<Partial<Record<keyof ApiTypes, number>>> = {
  0: 11, // Produce
  1: 17, // Fetch
  2: 10, // ListOffsets
  3: 12, // Metadata
  8: 9, // OffsetCommit
  9: 9, // OffsetFetch
  15: 5, // DescribeGroups
  18: 4, // ApiVersions
  22: 5, // InitProducerId
  27: 1, // WriteTxnMarkers
  28: 4, // TxnOffsetCommit
  35: 4, // DescribeLogDirs
  42: 2, // DeleteGroups
  45: 0, // AlterPartitionReassignments
  60: 1, // DescribeCluster
  66: 1, // ListTransactions
  69: 0, // ConsumerGroupDescribe
};

/** Our own range for an API: the codec's, capped by CLIENT_MAX. */
export function clientRange(apiKey: keyof ApiTypes): VersionRange {
  const api = APIS[apiKey];
  const cap = CLIENT_MAX[apiKey];
  return { minVersion: api.minVersion, maxVersion: cap === undefined ? api.maxVersion : Math.min(cap, api.maxVersion) };
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
      if (apiByKey(r.apiKey) === undefined) continue;
      const ours = clientRange(r.apiKey as keyof ApiTypes);
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
