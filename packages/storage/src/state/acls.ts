// The ACL store: every ACL binding of the cluster, as Kafka's authorizer keeps them. ACL changes are
// rare and small, so the file engine rewrites the whole set on each change: `<dataDir>/broker-state/acls`
// holds one JSON array per line ([resourceType, resourceName, patternType, principal, host,
// operation, permissionType], Kafka's enum codes), replaced through a flushed temp file and a
// directory fsync, so an acknowledged CreateAcls/DeleteAcls survives a crash. The store knows
// nothing of ACL semantics; the broker's authorizer validates and indexes what it loads.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../file/io.js';

/** One stored ACL binding, Kafka's codes: [resourceType, resourceName, patternType, principal, host, operation, permissionType]. */
export type StoredAcl = [number, string, number, string, string, number, number];

export interface AclStore {
  /** Every stored binding; lines that do not parse (not expected: writes are atomic) are skipped. */
  load(): Promise<StoredAcl[]>;
  /** Durably replaces the whole set before resolving. */
  save(acls: readonly StoredAcl[]): Promise<void>;
}

function isStoredAcl(v: unknown): v is StoredAcl {
  return Array.isArray(v) && v.length === 7
    && typeof v[0] === 'number' && typeof v[1] === 'string' && typeof v[2] === 'number' && typeof v[3] === 'string'
    && typeof v[4] === 'string' && typeof v[5] === 'number' && typeof v[6] === 'number';
}

export class FileAclStore implements AclStore {
  private readonly file: string;
  constructor(private readonly dir: string) {
    this.file = join(dir, 'acls');
  }

  async load(): Promise<StoredAcl[]> {
    const text = await readFile(this.file, 'utf8').catch(() => '');
    const out: StoredAcl[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const v: unknown = JSON.parse(line);
        if (isStoredAcl(v)) out.push(v);
      } catch {
        // skipped, see load()
      }
    }
    return out;
  }

  async save(acls: readonly StoredAcl[]): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${this.file}.tmp`, acls.map((a) => `${JSON.stringify(a)}\n`).join(''), { flush: true });
    await rename(`${this.file}.tmp`, this.file);
    await fsyncDir(this.dir);
  }
}

export class MemoryAclStore implements AclStore {
  private acls: StoredAcl[] = [];

  async load(): Promise<StoredAcl[]> {
    return structuredClone(this.acls);
  }

  async save(acls: readonly StoredAcl[]): Promise<void> {
    this.acls = structuredClone([...acls]);
  }
}
