// Topic metadata as an append-only JSON-lines log (`metadata.jsonl`), one fdatasync'ed line per
// change: {"op":"put","topic":{...}} or {"op":"delete","name":"..."}. On open the log is replayed
// (a torn last line is dropped) and compacted: the live topics are written to a temp file,
// fdatasync'ed and renamed over the log (unless the log is already compact: then it is fdatasync'ed
// as it is).
import { mkdir, open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { MetadataStore, TopicMetadata } from '../types.js';
import { ioError } from '../errors.js';
import { fsyncDir } from '../file/io.js';
import { TopicTable } from './topics.js';

export const METADATA_FILE = 'metadata.jsonl';

type Entry = { op: 'put'; topic: TopicMetadata } | { op: 'delete'; name: string };

function parseEntry(line: string): Entry | null {
  try {
    const e = JSON.parse(line) as Partial<{ op: string; topic: TopicMetadata; name: string }>;
    if (e.op === 'put' && e.topic && typeof e.topic.name === 'string') return { op: 'put', topic: e.topic };
    if (e.op === 'delete' && typeof e.name === 'string') return { op: 'delete', name: e.name };
  } catch {
    // torn or garbage line
  }
  return null;
}

export class FileMetadataStore implements MetadataStore {
  private readonly table = new TopicTable();
  private readonly fh: FileHandle;
  private tail: Promise<void> = Promise.resolve();
  /** Lines ignored while replaying (a torn write at the end). */
  readonly droppedLines: number;

  private constructor(fh: FileHandle, table: TopicTable, dropped: number) {
    this.fh = fh;
    this.table = table;
    this.droppedLines = dropped;
  }

  static async open(dir: string): Promise<FileMetadataStore> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, METADATA_FILE);
    const text = await readFile(path, 'utf8').catch((e: { code?: string }) => {
      if (e.code === 'ENOENT') return '';
      throw e;
    });
    const table = new TopicTable();
    let dropped = 0;
    const lines = text.split('\n');
    for (const line of lines) {
      if (line === '') continue;
      const e = parseEntry(line);
      if (e === null) {
        dropped++;
        continue;
      }
      if (e.op === 'put') table.put(e.topic);
      else table.delete(e.name);
    }
    const snapshot = table.list().map((t) => JSON.stringify({ op: 'put', topic: t }) + '\n').join('');
    if (text === snapshot) {
      // Nothing to compact (always so on a first start: no file). What was read may still sit only
      // in the page cache (a previous run killed before its fsync): its data and its directory
      // entry are made durable, side by side, instead of rewriting the same bytes.
      const fh = await open(path, 'a');
      try {
        await Promise.all([text === '' ? undefined : fh.datasync(), fsyncDir(dir)]);
      } catch (e) {
        await fh.close();
        throw e;
      }
      return new FileMetadataStore(fh, table, dropped);
    }
    const tmp = `${path}.tmp`;
    await writeFile(tmp, snapshot, { flush: true });
    await rename(tmp, path);
    await fsyncDir(dir);
    return new FileMetadataStore(await open(path, 'a'), table, dropped);
  }

  private append(e: Entry): Promise<void> {
    const line = Buffer.from(JSON.stringify(e) + '\n');
    const run = async (): Promise<void> => {
      try {
        await this.fh.write(line);
        await this.fh.datasync();
      } catch (err) {
        throw ioError('metadata write', err);
      }
    };
    const p = this.tail.then(run, run);
    this.tail = p.catch(() => {});
    return p;
  }

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
    const t = this.table.checkCreate(topic);
    this.table.put(t);
    try {
      await this.append({ op: 'put', topic: t });
    } catch (e) {
      this.table.delete(t.name);
      throw e;
    }
  }

  async updateTopic(name: string, patch: { partitionCount?: number; configs?: Record<string, string> }): Promise<TopicMetadata> {
    const t = this.table.checkUpdate(name, patch);
    await this.append({ op: 'put', topic: t });
    this.table.put(t);
    return t;
  }

  async deleteTopic(name: string): Promise<void> {
    this.table.checkDelete(name);
    await this.append({ op: 'delete', name });
    this.table.delete(name);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.fh.close();
  }
}
