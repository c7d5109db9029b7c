// Dynamic broker configs (AlterConfigs / IncrementalAlterConfigs on the BROKER resource) as
// durable state: the configs set for this broker by id and the cluster-wide defaults (resource
// name ""). A broker has tens of them; the whole table is rewritten on each change.
// File engine: `<dataDir>/broker-state/broker-configs.json`, replaced through a flushed temp file.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir } from '../file/io.js';

export interface StoredBrokerConfigs {
  /** Set for this broker (DYNAMIC_BROKER_CONFIG). */
  readonly perBroker: Readonly<Record<string, string>>;
  /** Set as the cluster-wide default (DYNAMIC_DEFAULT_BROKER_CONFIG). */
  readonly clusterDefault: Readonly<Record<string, string>>;
}

export interface BrokerConfigStore {
  /** The stored configs; an absent, unreadable or malformed file reads as none. */
  load(): Promise<StoredBrokerConfigs>;
  /** Durably replaces them. */
  save(configs: StoredBrokerConfigs): Promise<void>;
}

const EMPTY: StoredBrokerConfigs = { perBroker: {}, clusterDefault: {} };

function strings(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

const copy = (c: StoredBrokerConfigs): StoredBrokerConfigs => ({ perBroker: { ...c.perBroker }, clusterDefault: { ...c.clusterDefault } });

export class FileBrokerConfigStore implements BrokerConfigStore {
  constructor(private readonly file: string) {}

  async load(): Promise<StoredBrokerConfigs> {
    const text = await readFile(this.file, 'utf8').catch(() => null);
    if (text === null) return copy(EMPTY);
    try {
      const parsed = JSON.parse(text) as { perBroker?: unknown; clusterDefault?: unknown };
      return { perBroker: strings(parsed.perBroker), clusterDefault: strings(parsed.clusterDefault) };
    } catch {
      return copy(EMPTY);
    }
  }

  async save(configs: StoredBrokerConfigs): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    await writeFile(`${this.file}.tmp`, `${JSON.stringify(copy(configs))}\n`, { flush: true });
    await rename(`${this.file}.tmp`, this.file);
    await fsyncDir(dirname(this.file));
  }
}

export class MemoryBrokerConfigStore implements BrokerConfigStore {
  private configs: StoredBrokerConfigs = copy(EMPTY);

  async load(): Promise<StoredBrokerConfigs> {
    return copy(this.configs);
  }

  async save(configs: StoredBrokerConfigs): Promise<void> {
    this.configs = copy(configs);
  }
}
