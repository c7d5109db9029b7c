// The file engine's broker state, under `<dataDir>/broker-state/`:
//   cluster-id                          the cluster id, one line
//   producer-ids                        end of the last reserved producer-id block (decimal)
//   producer-snapshots/<topicId>-<p>.json     producer-state snapshot (JSON), written at clean shutdown
//   producer-snapshots/<topicId>-<p>.aborted  aborted-transactions index, JSON lines
// Whole-file writes go to a temp file that is renamed over the old one; what must survive a power
// loss (snapshots, cluster id, id blocks) is flushed first, and the id block's directory too.
import { appendFile, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir } from '../file/io.js';
import type {
  AbortedTxnEntry, AbortedTxnIndexStore, BrokerStateStores, NodeMetadataStore, ProducerIdBlockStore, ProducerSnapshot,
  ProducerSnapshotEntry, ProducerSnapshotStore,
} from '../types.js';

export const BROKER_STATE_DIR = 'broker-state';

async function replaceFile(file: string, text: string, flush: boolean): Promise<void> {
  await writeFile(`${file}.tmp`, text, { flush });
  await rename(`${file}.tmp`, file);
}

interface SnapshotFile {
  offset: string;
  producers: ProducerSnapshotEntry[];
  aborted?: AbortedTxnEntry[];
}

function parseSnapshot(text: string): ProducerSnapshot | null {
  try {
    const s = JSON.parse(text) as SnapshotFile;
    if (typeof s !== 'object' || s === null || typeof s.offset !== 'string' || !/^\d+$/.test(s.offset) || !Array.isArray(s.producers)) return null;
    if (s.aborted !== undefined && !Array.isArray(s.aborted)) return null;
    return { offset: BigInt(s.offset), producers: s.producers, aborted: s.aborted ?? [] };
  } catch {
    return null;
  }
}

const ABORTED_LINE = /^\["\d+","\d+","\d+"\]$/;

/** Snapshots as `<dir>/<topicId>-<partition>.json`. */
export class FileProducerSnapshotStore implements ProducerSnapshotStore {
  constructor(private readonly dir: string) {}

  private file(topicId: string, partition: number): string {
    return join(this.dir, `${topicId}-${partition}.json`);
  }

  async takeSnapshot(topicId: string, partition: number): Promise<ProducerSnapshot | null> {
    const f = this.file(topicId, partition);
    const text = await readFile(f, 'utf8').catch(() => null);
    await rm(f, { force: true });
    return text === null ? null : parseSnapshot(text);
  }

  async saveSnapshot(topicId: string, partition: number, s: ProducerSnapshot): Promise<void> {
    const body: SnapshotFile = { offset: String(s.offset), producers: s.producers, aborted: s.aborted };
    await mkdir(this.dir, { recursive: true });
    await replaceFile(this.file(topicId, partition), JSON.stringify(body), true);
  }

  async deleteSnapshot(topicId: string, partition: number): Promise<void> {
    await rm(this.file(topicId, partition), { force: true });
  }
}

/** Aborted-transactions indexes as `<dir>/<topicId>-<partition>.aborted`, one JSON array per line. */
export class FileAbortedTxnIndexStore implements AbortedTxnIndexStore {
  constructor(private readonly dir: string) {}

  private file(topicId: string, partition: number): string {
    return join(this.dir, `${topicId}-${partition}.aborted`);
  }

  async readAborted(topicId: string, partition: number): Promise<AbortedTxnEntry[]> {
    const text = await readFile(this.file(topicId, partition), 'utf8').catch(() => '');
    const out: AbortedTxnEntry[] = [];
    for (const line of text.split('\n')) {
      // A torn last line (a crash during an append) is skipped.
      if (ABORTED_LINE.test(line)) out.push(JSON.parse(line) as AbortedTxnEntry);
    }
    return out;
  }

  async writeAborted(topicId: string, partition: number, entries: readonly AbortedTxnEntry[]): Promise<void> {
    const f = this.file(topicId, partition);
    if (entries.length === 0) {
      await rm(f, { force: true });
      return;
    }
    await mkdir(this.dir, { recursive: true });
    await replaceFile(f, entries.map((a) => `${JSON.stringify(a)}\n`).join(''), false);
  }

  async appendAborted(topicId: string, partition: number, entry: AbortedTxnEntry): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await appendFile(this.file(topicId, partition), `${JSON.stringify(entry)}\n`);
  }

  async deleteAborted(topicId: string, partition: number): Promise<void> {
    await rm(this.file(topicId, partition), { force: true });
  }
}

/** The end of the last reserved block as a decimal line in `file`. */
export class FileProducerIdBlockStore implements ProducerIdBlockStore {
  constructor(private readonly file: string) {}

  async readBlockEnd(): Promise<bigint | null> {
    const text = await readFile(this.file, 'utf8').catch(() => null);
    return text !== null && /^\d+\s*$/.test(text) ? BigInt(text.trim()) : null;
  }

  async reserveBlock(end: bigint): Promise<void> {
    await replaceFile(this.file, `${end}\n`, true);
    await fsyncDir(dirname(this.file));
  }
}

/** Node facts as small files in `dir` (today: `cluster-id`). */
export class FileNodeMetadataStore implements NodeMetadataStore {
  constructor(private readonly dir: string) {}

  async readClusterId(): Promise<string | null> {
    const text = await readFile(join(this.dir, 'cluster-id'), 'utf8').catch(() => null);
    return text === null ? null : text.trim();
  }

  async writeClusterId(id: string): Promise<void> {
    const file = join(this.dir, 'cluster-id');
    // A first start (no file) writes it in place and flushes the file and its directory side by
    // side, one disk round instead of two: the id is shown to nobody before both are done, so a
    // crash in between at worst leaves a torn file, read back as no valid id, and a new one is made.
    const fh = await open(file, 'wx').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST') return null;
      throw e;
    });
    if (fh !== null) {
      try {
        await fh.writeFile(`${id}\n`);
        await Promise.all([fh.sync(), fsyncDir(this.dir)]);
      } finally {
        await fh.close();
      }
      return;
    }
    await replaceFile(file, `${id}\n`, true);
    // The rename too: a crash must not bring back a directory without it (a new id at restart).
    await fsyncDir(this.dir);
  }
}

/** The file engine's state stores under `<dataDir>/broker-state` (created here). */
export async function openFileStateStores(dataDir: string): Promise<BrokerStateStores> {
  const dir = join(dataDir, BROKER_STATE_DIR);
  await mkdir(dir, { recursive: true });
  const snapshots = join(dir, 'producer-snapshots');
  return {
    producerSnapshots: new FileProducerSnapshotStore(snapshots),
    abortedTxns: new FileAbortedTxnIndexStore(snapshots),
    producerIds: new FileProducerIdBlockStore(join(dir, 'producer-ids')),
    node: new FileNodeMetadataStore(dir),
  };
}
