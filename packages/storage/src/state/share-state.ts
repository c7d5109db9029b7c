// Share-group state (KIP-932): one snapshot per share-partition (group, topic, partition), holding
// its start offset and the state and delivery count of every in-flight offset. The file engine
// keeps one file per share-partition under `<dataDir>/broker-state/share-state/`, named by a hash
// of the key (group ids may be longer than a file name), with the key inside. A write replaces
// the file through a flushed temp file and a rename, so a crash (kill -9 or power loss) leaves the
// old snapshot or the new one, never a torn one.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../file/io.js';

export interface ShareStateKey {
  group: string;
  topicId: string;
  partition: number;
}

/** A run of offsets with one state (0 available, 2 acknowledged, 4 archived) and delivery count. */
export interface ShareStateRange {
  firstOffset: bigint;
  lastOffset: bigint;
  state: number;
  deliveryCount: number;
}

export interface ShareStateSnapshot {
  startOffset: bigint;
  /** Covers [startOffset, end) without holes. */
  ranges: ShareStateRange[];
}

export interface StoredShareState extends ShareStateKey {
  snapshot: ShareStateSnapshot;
}

export interface ShareStateStore {
  /** Every stored snapshot; a file that does not parse is skipped. */
  readAll(): Promise<StoredShareState[]>;
  /** Durably replaces the share-partition's snapshot before resolving. Callers serialise writes per key. */
  write(key: ShareStateKey, snapshot: ShareStateSnapshot): Promise<void>;
  delete(key: ShareStateKey): Promise<void>;
  /** Group configs (share.*) of every group: group id -> name -> value. */
  readGroupConfigs(): Promise<Record<string, Record<string, string>>>;
  /** Durably replaces every group's configs. */
  writeGroupConfigs(configs: Record<string, Record<string, string>>): Promise<void>;
}

interface ShareStateFile {
  group: string;
  topicId: string;
  partition: number;
  startOffset: string;
  /** [first, last, state, deliveryCount] with offsets as decimal strings. */
  ranges: Array<[string, string, number, number]>;
}

const DECIMAL = /^\d{1,19}$/;

function parse(text: string): StoredShareState | null {
  try {
    const f = JSON.parse(text) as ShareStateFile;
    if (typeof f !== 'object' || f === null || typeof f.group !== 'string' || typeof f.topicId !== 'string') return null;
    if (!Number.isInteger(f.partition) || typeof f.startOffset !== 'string' || !DECIMAL.test(f.startOffset) || !Array.isArray(f.ranges)) return null;
    const ranges: ShareStateRange[] = [];
    for (const r of f.ranges) {
      if (!Array.isArray(r) || r.length !== 4 || !DECIMAL.test(String(r[0])) || !DECIMAL.test(String(r[1]))) return null;
      if (![0, 2, 4].includes(r[2]) || !Number.isInteger(r[3]) || r[3] < 0 || r[3] > 32767) return null;
      ranges.push({ firstOffset: BigInt(r[0]), lastOffset: BigInt(r[1]), state: r[2], deliveryCount: r[3] });
    }
    return { group: f.group, topicId: f.topicId, partition: f.partition, snapshot: { startOffset: BigInt(f.startOffset), ranges } };
  } catch {
    return null;
  }
}

export class FileShareStateStore implements ShareStateStore {
  private dirSynced = false;
  private readonly named = new Set<string>();
  constructor(private readonly dir: string) {}

  private file(k: ShareStateKey): string {
    const h = createHash('sha256').update(k.group).update('\0').update(k.topicId).update('\0').update(String(k.partition)).digest('hex');
    return join(this.dir, `${h.slice(0, 40)}.json`);
  }

  async readAll(): Promise<StoredShareState[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: StoredShareState[] = [];
    for (const n of names) {
      if (!n.endsWith('.json')) continue;
      const s = parse(await readFile(join(this.dir, n), 'utf8').catch(() => ''));
      if (s !== null && this.file(s) === join(this.dir, n)) out.push(s);
    }
    return out;
  }

  async write(k: ShareStateKey, s: ShareStateSnapshot): Promise<void> {
    const body: ShareStateFile = {
      group: k.group, topicId: k.topicId, partition: k.partition, startOffset: String(s.startOffset),
      ranges: s.ranges.map((r) => [String(r.firstOffset), String(r.lastOffset), r.state, r.deliveryCount]),
    };
    const f = this.file(k);
    if (!this.dirSynced) await mkdir(this.dir, { recursive: true });
    await writeFile(`${f}.tmp`, JSON.stringify(body), { flush: true });
    await rename(`${f}.tmp`, f);
    // A new name must survive a power loss: sync the directory once per file. A later rename
    // replaces an existing name (a process crash keeps it; a power loss may keep the previous
    // snapshot, which redelivers the records acknowledged since: at-least-once).
    if (!this.named.has(f)) {
      await fsyncDir(this.dir);
      this.named.add(f);
    }
    this.dirSynced = true;
  }

  async delete(k: ShareStateKey): Promise<void> {
    await rm(this.file(k), { force: true });
  }

  async readGroupConfigs(): Promise<Record<string, Record<string, string>>> {
    const text = await readFile(join(this.dir, 'group-configs'), 'utf8').catch(() => '{}');
    try {
      const o = JSON.parse(text) as unknown;
      if (typeof o !== 'object' || o === null) return {};
      const out: Record<string, Record<string, string>> = {};
      for (const [g, m] of Object.entries(o)) {
        if (typeof m !== 'object' || m === null) continue;
        out[g] = Object.fromEntries(Object.entries(m as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
      }
      return out;
    } catch {
      return {};
    }
  }

  async writeGroupConfigs(configs: Record<string, Record<string, string>>): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const f = join(this.dir, 'group-configs');
    await writeFile(`${f}.tmp`, JSON.stringify(configs), { flush: true });
    await rename(`${f}.tmp`, f);
    await fsyncDir(this.dir);
  }
}

export class MemoryShareStateStore implements ShareStateStore {
  private readonly states = new Map<string, StoredShareState>();

  async readAll(): Promise<StoredShareState[]> {
    return [...this.states.values()].map((s) => structuredClone(s));
  }

  async write(k: ShareStateKey, snapshot: ShareStateSnapshot): Promise<void> {
    this.states.set(JSON.stringify([k.group, k.topicId, k.partition]), structuredClone({ ...k, snapshot }));
  }

  async delete(k: ShareStateKey): Promise<void> {
    this.states.delete(JSON.stringify([k.group, k.topicId, k.partition]));
  }

  private configs: Record<string, Record<string, string>> = {};

  async readGroupConfigs(): Promise<Record<string, Record<string, string>>> {
    return structuredClone(this.configs);
  }

  async writeGroupConfigs(configs: Record<string, Record<string, string>>): Promise<void> {
    this.configs = structuredClone(configs);
  }
}
