import type { MetadataStore, TopicMetadata } from '../types.js';
import { TopicTable } from './topics.js';

export class MemoryMetadataStore implements MetadataStore {
  private readonly table = new TopicTable();

  listTopics(): TopicMetadata[] {
    return this.table.list();
  }
  getTopic(name: string): TopicMetadata | undefined {
    return this.table.get(name);
  }
  getTopicById(id: string): TopicMetadata | undefined {
    return this.table.getById(id);
  }
  async createTopic(topic: TopicMetadata): Promise<void> {
    this.table.put(this.table.checkCreate(topic));
  }
  async updateTopic(name: string, patch: { partitionCount?: number; configs?: Record<string, string> }): Promise<TopicMetadata> {
    const t = this.table.checkUpdate(name, patch);
    this.table.put(t);
    return t;
  }
  async deleteTopic(name: string): Promise<void> {
    this.table.checkDelete(name);
    this.table.delete(name);
  }
  async close(): Promise<void> {}
}
