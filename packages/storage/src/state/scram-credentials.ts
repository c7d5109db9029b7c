// SCRAM credentials (salt, iterations, StoredKey, ServerKey per user and mechanism; never a
// password), the state behind SASL/SCRAM and Describe/AlterUserScramCredentials.
// File engine: `<dataDir>/broker-state/scram-credentials.json`, one JSON document replaced
// atomically (temp file flushed, renamed, directory synced) on every change; read whole at open.
// Memory engine: a map for the life of the process.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from '../file/io.js';

export type ScramMechanismName = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

/** One stored credential. Byte fields are base64 so both engines keep plain JSON. */
export interface ScramCredentialRecord {
  readonly user: string;
  readonly mechanism: ScramMechanismName;
  readonly iterations: number;
  readonly salt: string;
  readonly storedKey: string;
  readonly serverKey: string;
}

export interface ScramCredentialChanges {
  readonly upserts?: readonly ScramCredentialRecord[];
  readonly deletions?: readonly { readonly user: string; readonly mechanism: ScramMechanismName }[];
}

/** Durable SCRAM credentials; reads are synchronous (loaded at open), writes durable before resolving. */
export interface ScramCredentialStore {
  get(user: string, mechanism: ScramMechanismName): ScramCredentialRecord | undefined;
  /** Every credential, sorted by user then mechanism. */
  list(): ScramCredentialRecord[];
  /** Applies every change at once (all or nothing), durably. */
  alter(changes: ScramCredentialChanges): Promise<void>;
}

const MECHANISMS: readonly string[] = ['SCRAM-SHA-256', 'SCRAM-SHA-512'];
const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

const keyOf = (user: string, mechanism: string): string => `${mechanism}\u0000${user}`;

function isRecord(x: unknown): x is ScramCredentialRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r.user === 'string' && typeof r.mechanism === 'string' && MECHANISMS.includes(r.mechanism)
    && Number.isInteger(r.iterations) && typeof r.salt === 'string' && B64.test(r.salt)
    && typeof r.storedKey === 'string' && B64.test(r.storedKey) && typeof r.serverKey === 'string' && B64.test(r.serverKey);
}

function copy(r: ScramCredentialRecord): ScramCredentialRecord {
  return { user: r.user, mechanism: r.mechanism, iterations: r.iterations, salt: r.salt, storedKey: r.storedKey, serverKey: r.serverKey };
}

export class MemoryScramCredentialStore implements ScramCredentialStore {
  protected readonly creds = new Map<string, ScramCredentialRecord>();

  get(user: string, mechanism: ScramMechanismName): ScramCredentialRecord | undefined {
    const r = this.creds.get(keyOf(user, mechanism));
    return r === undefined ? undefined : copy(r);
  }

  list(): ScramCredentialRecord[] {
    return [...this.creds.values()].map(copy).sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : a.mechanism < b.mechanism ? -1 : 1));
  }

  /** The map after `changes`, without touching the current one. */
  protected applied(changes: ScramCredentialChanges): Map<string, ScramCredentialRecord> {
    const next = new Map(this.creds);
    for (const d of changes.deletions ?? []) next.delete(keyOf(d.user, d.mechanism));
    for (const u of changes.upserts ?? []) {
      if (!isRecord(u)) throw new TypeError(`invalid SCRAM credential for ${String((u as { user?: unknown }).user)}`);
      next.set(keyOf(u.user, u.mechanism), copy(u));
    }
    return next;
  }

  async alter(changes: ScramCredentialChanges): Promise<void> {
    this.replace(this.applied(changes));
  }

  protected replace(next: Map<string, ScramCredentialRecord>): void {
    this.creds.clear();
    for (const [k, v] of next) this.creds.set(k, v);
  }
}

export const SCRAM_CREDENTIALS_FILE = 'scram-credentials.json';

export class FileScramCredentialStore extends MemoryScramCredentialStore {
  private writing: Promise<void> = Promise.resolve();

  private constructor(private readonly dir: string) {
    super();
  }

  /** Opens the store in `dir` (the broker-state directory); a missing file is an empty store. */
  static async open(dir: string): Promise<FileScramCredentialStore> {
    const s = new FileScramCredentialStore(dir);
    const text = await readFile(join(dir, SCRAM_CREDENTIALS_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (text !== null) {
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (e) {
        throw new Error(`${join(dir, SCRAM_CREDENTIALS_FILE)} is not valid JSON`, { cause: e });
      }
      const list = (doc as { credentials?: unknown } | null)?.credentials;
      if (!Array.isArray(list) || !list.every(isRecord)) throw new Error(`${join(dir, SCRAM_CREDENTIALS_FILE)} is not a SCRAM credential file`);
      for (const r of list) s.creds.set(keyOf(r.user, r.mechanism), copy(r));
    }
    return s;
  }

  override async alter(changes: ScramCredentialChanges): Promise<void> {
    // Writes are serialized; each one's map is computed when its turn comes.
    const run = this.writing.then(async () => {
      const next = this.applied(changes);
      const body = JSON.stringify({ version: 1, credentials: [...next.values()] });
      const file = join(this.dir, SCRAM_CREDENTIALS_FILE);
      await mkdir(this.dir, { recursive: true });
      await writeFile(`${file}.tmp`, body, { flush: true });
      await rename(`${file}.tmp`, file);
      await fsyncDir(this.dir);
      this.replace(next);
    });
    this.writing = run.catch(() => {});
    return run;
  }
}
