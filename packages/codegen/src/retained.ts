// Versions Tideline still serves below a spec's floor. Kafka 4.0 (KIP-896) dropped old versions
// of several APIs from its specs; their field definitions mostly still describe those versions, so
// the codec keeps them by lowering the floor. Where Kafka also removed a field that only those
// versions carried, the field is put back here (same name, type and position as Kafka 3.x had it).
// Kept by hand, keyed by message name; the generator rejects an entry whose message or anchor is
// missing, so a spec change that invalidates it fails loudly.
import type { FieldSpec, MessageSpec } from './spec.js';
import { NONE, parseVersions } from './versions.js';

export interface RetainedField {
  /** Struct path from the message root: field names, e.g. ['Topics', 'Partitions']. */
  readonly path: readonly string[];
  /** The new field goes right after this one. */
  readonly after: string;
  readonly name: string;
  readonly type: 'int64' | 'bool';
  readonly versions: string;
  readonly default?: string | boolean;
}

export interface Retained {
  readonly floor: number;
  readonly fields?: readonly RetainedField[];
}

const both = (floor: number): Retained => ({ floor });

export const RETAINED: Readonly<Record<string, Retained>> = {
  ProduceRequest: both(0),
  ProduceResponse: both(0),
  OffsetCommitRequest: {
    floor: 0,
    fields: [{ path: ['Topics', 'Partitions'], after: 'CommittedLeaderEpoch', name: 'CommitTimestamp', type: 'int64', versions: '1', default: '-1' }],
  },
  OffsetCommitResponse: both(0),
  OffsetFetchRequest: both(0),
  OffsetFetchResponse: both(0),
  CreateTopicsRequest: both(0),
  CreateTopicsResponse: both(0),
  DeleteTopicsRequest: both(0),
  DeleteTopicsResponse: both(0),
  WriteTxnMarkersRequest: both(0),
  WriteTxnMarkersResponse: both(0),
  DescribeConfigsRequest: both(0),
  DescribeConfigsResponse: {
    floor: 0,
    fields: [{ path: ['Results', 'Configs'], after: 'ReadOnly', name: 'IsDefault', type: 'bool', versions: '0', default: false }],
  },
  DescribeLogDirsRequest: both(0),
  DescribeLogDirsResponse: both(0),
};

function insert(msg: MessageSpec, f: RetainedField): void {
  let fields: FieldSpec[] = msg.fields;
  for (const step of f.path) {
    const parent = fields.find((x) => x.name === step);
    if (parent?.fields === undefined) throw new Error(`retained ${msg.name}: no inline struct ${f.path.join('.')}`);
    fields = parent.fields;
  }
  const at = fields.findIndex((x) => x.name === f.after);
  if (at < 0) throw new Error(`retained ${msg.name}: no field ${f.after} in ${f.path.join('.')}`);
  if (fields.some((x) => x.name === f.name)) throw new Error(`retained ${msg.name}: ${f.name} is back in the spec; drop it here`);
  fields.splice(at + 1, 0, {
    name: f.name, type: { kind: 'primitive', name: f.type }, versions: parseVersions(f.versions, f.name),
    nullableVersions: NONE, taggedVersions: NONE, tag: undefined, flexibleVersions: undefined,
    ignorable: false, default: f.default, fields: undefined,
  });
}

/** Lowers the floors and restores the fields listed in `table`; messages not listed pass through. */
export function applyRetained(msgs: MessageSpec[], table: Readonly<Record<string, Retained>> = RETAINED): MessageSpec[] {
  const byName = new Map(msgs.map((m) => [m.name, m]));
  for (const name of Object.keys(table)) if (!byName.has(name)) throw new Error(`retained: no message ${name}`);
  return msgs.map((m) => {
    const r = table[m.name];
    if (r === undefined) return m;
    if (r.floor >= m.validVersions.min) throw new Error(`retained ${m.name}: floor ${r.floor} is not below the spec's ${m.validVersions.min}`);
    const out: MessageSpec = structuredClone(m);
    out.validVersions = { min: r.floor, max: m.validVersions.max };
    for (const f of r.fields ?? []) insert(out, f);
    return out;
  });
}
