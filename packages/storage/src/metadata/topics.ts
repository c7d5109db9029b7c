// Topic bookkeeping shared by the metadata store engines.
import { randomBytes } from 'node:crypto';
import { StorageError } from '../errors.js';
import type { TopicMetadata } from '../types.js';

/** A fresh 16-byte topic id in the protocol's uuid text form (base64url). */
export const newTopicId = (): string => randomBytes(16).toString('base64url');

export const cloneTopic = (t: TopicMetadata): TopicMetadata => ({ ...t, configs: { ...t.configs } });

export class TopicTable {
  private readonly byName = new Map<string, TopicMetadata>();

  list(): TopicMetadata[] {
    return [...this.byName.values()].map(cloneTopic);
  }

  get(name: string): TopicMetadata | undefined {
    const t = this.byName.get(name);
    return t && cloneTopic(t);
  }

  getById(id: string): TopicMetadata | undefined {
    for (const t of this.byName.values()) if (t.id === id) return cloneTopic(t);
    return undefined;
  }

  checkCreate(t: TopicMetadata): TopicMetadata {
    if (this.byName.has(t.name)) throw new StorageError('TOPIC_ALREADY_EXISTS', `topic ${t.name} already exists`);
    if (!Number.isInteger(t.partitionCount) || t.partitionCount < 1) {
      throw new StorageError('INVALID_CONFIG', `invalid partition count ${t.partitionCount}`);
    }
    if (Buffer.from(t.id, 'base64url').length !== 16) throw new StorageError('INVALID_CONFIG', `invalid topic id ${t.id}`);
    return cloneTopic(t);
  }

  checkUpdate(name: string, patch: { partitionCount?: number; configs?: Record<string, string> }): TopicMetadata {
    const t = this.byName.get(name);
    if (!t) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `unknown topic ${name}`);
    const next = cloneTopic(t);
    if (patch.partitionCount !== undefined) {
      if (!Number.isInteger(patch.partitionCount) || patch.partitionCount < t.partitionCount) {
        throw new StorageError('INVALID_CONFIG', `partition count can only grow (${t.partitionCount} -> ${patch.partitionCount})`);
      }
      next.partitionCount = patch.partitionCount;
    }
    if (patch.configs !== undefined) next.configs = { ...patch.configs };
    return next;
  }

  checkDelete(name: string): void {
    if (!this.byName.has(name)) throw new StorageError('UNKNOWN_TOPIC_OR_PARTITION', `unknown topic ${name}`);
  }

  put(t: TopicMetadata): void {
    this.byName.set(t.name, cloneTopic(t));
  }

  delete(name: string): void {
    this.byName.delete(name);
  }
}
