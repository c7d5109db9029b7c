// The memory engine's broker state: the same contracts as the file engine, held in maps for the
// life of the process. Values are copied in and out, so callers never share them with the store.
import type {
  AbortedTxnEntry, AbortedTxnIndexStore, BrokerStateStores, NodeMetadataStore, ProducerIdBlockStore, ProducerSnapshot,
  ProducerSnapshotStore,
} from '../types.js';

const key = (topicId: string, partition: number): string => `${topicId}-${partition}`;

export class MemoryProducerSnapshotStore implements ProducerSnapshotStore {
  private readonly snapshots = new Map<string, ProducerSnapshot>();

  async takeSnapshot(topicId: string, partition: number): Promise<ProducerSnapshot | null> {
    const k = key(topicId, partition);
    const s = this.snapshots.get(k);
    this.snapshots.delete(k);
    return s ?? null;
  }

  async saveSnapshot(topicId: string, partition: number, snapshot: ProducerSnapshot): Promise<void> {
    this.snapshots.set(key(topicId, partition), structuredClone(snapshot));
  }

  async deleteSnapshot(topicId: string, partition: number): Promise<void> {
    this.snapshots.delete(key(topicId, partition));
  }
}

export class MemoryAbortedTxnIndexStore implements AbortedTxnIndexStore {
  private readonly indexes = new Map<string, AbortedTxnEntry[]>();

  async readAborted(topicId: string, partition: number): Promise<AbortedTxnEntry[]> {
    return structuredClone(this.indexes.get(key(topicId, partition)) ?? []);
  }

  async writeAborted(topicId: string, partition: number, entries: readonly AbortedTxnEntry[]): Promise<void> {
    if (entries.length === 0) this.indexes.delete(key(topicId, partition));
    else this.indexes.set(key(topicId, partition), structuredClone([...entries]));
  }

  async appendAborted(topicId: string, partition: number, entry: AbortedTxnEntry): Promise<void> {
    const k = key(topicId, partition);
    const list = this.indexes.get(k) ?? [];
    list.push([...entry]);
    this.indexes.set(k, list);
  }

  async deleteAborted(topicId: string, partition: number): Promise<void> {
    this.indexes.delete(key(topicId, partition));
  }
}

export class MemoryProducerIdBlockStore implements ProducerIdBlockStore {
  private end: bigint | null = null;

  async readBlockEnd(): Promise<bigint | null> {
    return this.end;
  }

  async reserveBlock(end: bigint): Promise<void> {
    this.end = end;
  }
}

export class MemoryNodeMetadataStore implements NodeMetadataStore {
  private clusterId: string | null = null;

  async readClusterId(): Promise<string | null> {
    return this.clusterId;
  }

  async writeClusterId(id: string): Promise<void> {
    this.clusterId = id;
  }
}

export function memoryStateStores(): BrokerStateStores {
  return {
    producerSnapshots: new MemoryProducerSnapshotStore(),
    abortedTxns: new MemoryAbortedTxnIndexStore(),
    producerIds: new MemoryProducerIdBlockStore(),
    node: new MemoryNodeMetadataStore(),
  };
}
