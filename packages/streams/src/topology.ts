// The compiled topology: a graph of operator definitions, split into sub-topologies at
// repartition topics. A sub-topology is the unit of tasks: task `<sub>_<partition>` reads
// partition `partition` of every source topic of the sub-topology (which must therefore be
// co-partitioned: equal partition counts) and owns the sub-topology's stores.
import type { Serde } from './serdes.js';
import type { StoreBuilder } from './stores.js';
import type { NodeContext, NodeRuntime } from './types.js';

export interface TimestampExtractorInput<K, V> {
  key: K;
  value: V;
  topic: string;
  partition: number;
  offset: bigint;
  /** The record's own timestamp. */
  timestamp: number;
}

export type TimestampExtractor<K, V> = (record: TimestampExtractorInput<K, V>) => number;

export interface NodeDef {
  id: number;
  name: string;
  children: NodeDef[];
  stores: string[];
  make(ctx: NodeContext): NodeRuntime;
}

export interface SourceDef {
  node: NodeDef;
  topics: string[];
  /** Internal (repartition) topics are named `<app>-<topic>`. */
  internal: boolean;
  keySerde: Serde<unknown>;
  valueSerde: Serde<unknown>;
  extractor: TimestampExtractor<unknown, unknown> | null;
}

export interface Subtopology {
  id: number;
  sources: SourceDef[];
  nodes: NodeDef[];
  stores: StoreBuilder[];
}

export class Topology {
  constructor(
    readonly nodes: readonly NodeDef[],
    readonly sources: readonly SourceDef[],
    readonly storeBuilders: ReadonlyMap<string, StoreBuilder>,
    /** Relative names of repartition topics. */
    readonly repartitionTopics: readonly string[],
  ) {}

  /** Connected components over parent/child edges and shared stores, numbered by first source. */
  subtopologies(): Subtopology[] {
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    const union = (a: number, b: number): void => {
      parent.set(find(a), find(b));
    };
    for (const n of this.nodes) parent.set(n.id, n.id);
    for (const n of this.nodes) for (const c of n.children) union(n.id, c.id);
    const storeOwner = new Map<string, number>();
    for (const n of this.nodes) {
      for (const s of n.stores) {
        const o = storeOwner.get(s);
        if (o === undefined) storeOwner.set(s, n.id);
        else union(o, n.id);
      }
    }
    const out: Subtopology[] = [];
    const byRoot = new Map<number, Subtopology>();
    for (const src of this.sources) {
      const root = find(src.node.id);
      let sub = byRoot.get(root);
      if (sub === undefined) {
        sub = { id: out.length, sources: [], nodes: [], stores: [] };
        byRoot.set(root, sub);
        out.push(sub);
      }
      sub.sources.push(src);
    }
    for (const n of this.nodes) {
      const sub = byRoot.get(find(n.id));
      if (sub === undefined) continue;
      sub.nodes.push(n);
      for (const s of n.stores) {
        const b = this.storeBuilders.get(s);
        if (b !== undefined && !sub.stores.includes(b)) sub.stores.push(b);
      }
    }
    return out;
  }

  /** Topic names (resolved for `appId`) of every source. */
  sourceTopics(appId: string): string[] {
    return [...new Set(this.sources.flatMap((s) => s.topics.map((t) => (s.internal ? `${appId}-${t}` : t))))];
  }

  /** Human-readable description. */
  describe(): string {
    const lines: string[] = [];
    for (const sub of this.subtopologies()) {
      lines.push(`Sub-topology ${sub.id}: sources ${sub.sources.flatMap((s) => s.topics).join(', ')}${sub.stores.length > 0 ? `; stores ${sub.stores.map((s) => s.name).join(', ')}` : ''}`);
      for (const n of sub.nodes) lines.push(`  ${n.name}${n.children.length > 0 ? ` -> ${n.children.map((c) => c.name).join(', ')}` : ''}`);
    }
    return lines.join('\n');
  }
}
