// Client quotas (Describe/AlterClientQuotas) as durable state. An entity is a set of
// (type, name) pairs: user, client-id or ip, a null name meaning the type's default entity.
// The broker keeps the whole table in memory and writes it back after each change: a cluster
// has tens of quota entities, not millions.
// File engine: `<dataDir>/broker-state/client-quotas.json`, replaced through a flushed temp file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from '../file/io.js';

/** One quota entity and its values, e.g. `{ entity: [['client-id', 'app']], values: { producer_byte_rate: 1048576 } }`. */
export interface StoredClientQuota {
  /** (entity type, entity name) pairs; a null name is the type's default entity. */
  readonly entity: ReadonlyArray<readonly [string, string | null]>;
  readonly values: Readonly<Record<string, number>>;
}

export interface ClientQuotaStore {
  /** Every stored entity; an unreadable or malformed file reads as no quotas. */
  load(): Promise<StoredClientQuota[]>;
  /** Durably replaces the whole table. */
  save(quotas: readonly StoredClientQuota[]): Promise<void>;
}

function valid(q: unknown): q is StoredClientQuota {
  if (typeof q !== 'object' || q === null) return false;
  const { entity, values } = q as { entity?: unknown; values?: unknown };
  if (!Array.isArray(entity) || entity.length === 0) return false;
  for (const e of entity) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || (e[1] !== null && typeof e[1] !== 'string')) return false;
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return false;
  return Object.values(values).every((v) => typeof v === 'number' && Number.isFinite(v));
}

const copy = (q: StoredClientQuota): StoredClientQuota => ({
  entity: q.entity.map(([t, n]) => [t, n] as const),
  values: { ...q.values },
});

export class FileClientQuotaStore implements ClientQuotaStore {
  constructor(private readonly file: string) {}

  async load(): Promise<StoredClientQuota[]> {
    const text = await readFile(this.file, 'utf8').catch(() => null);
    if (text === null) return [];
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? parsed.filter(valid).map(copy) : [];
    } catch {
      return [];
    }
  }

  async save(quotas: readonly StoredClientQuota[]): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(`${this.file}.tmp`, `${JSON.stringify(quotas.map(copy))}\n`, { flush: true });
    await rename(`${this.file}.tmp`, this.file);
    await fsyncDir(dirname(this.file));
  }
}

export class MemoryClientQuotaStore implements ClientQuotaStore {
  private quotas: StoredClientQuota[] = [];

  async load(): Promise<StoredClientQuota[]> {
    return this.quotas.map(copy);
  }

  async save(quotas: readonly StoredClientQuota[]): Promise<void> {
    this.quotas = quotas.map(copy);
  }
}
