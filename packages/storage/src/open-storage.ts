// Engine selection by URL: `memory://` or `file:///path/to/data` (a bare path means file).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileLogManager, type StorageEvent } from './file/log-manager.js';
import { FileMetadataStore } from './metadata/file-metadata-store.js';
import { MemoryMetadataStore } from './metadata/memory-metadata-store.js';
import { MemoryLogManager } from './memory/memory-log.js';
import { BROKER_STATE_DIR, openFileStateStores } from './state/file-state.js';
import { memoryStateStores } from './state/memory-state.js';
import { FileScramCredentialStore, MemoryScramCredentialStore, type ScramCredentialStore } from './state/scram-credentials.js';
import { FileClientQuotaStore, MemoryClientQuotaStore, type ClientQuotaStore } from './state/client-quotas.js';
import type { BrokerStateStores, LogManager, MetadataStore } from './types.js';
import type { CleanerSchedule } from './config.js';
import { FileAclStore, MemoryAclStore, type AclStore } from './state/acls.js';
import { FileShareStateStore, MemoryShareStateStore, type ShareStateStore } from './state/share-state.js';
import { FileBrokerConfigStore, MemoryBrokerConfigStore, type BrokerConfigStore } from './state/broker-configs.js';

/** Every store of one engine: a `memory://` storage touches no file. */
export interface Storage extends BrokerStateStores {
  logs: LogManager;
  metadata: MetadataStore;
  acls: AclStore;
  scramCredentials: ScramCredentialStore;
  clientQuotas: ClientQuotaStore;
  /** Share-group state (KIP-932), one snapshot per share-partition. */
  shareState: ShareStateStore;
  /** Dynamic broker configs (AlterConfigs on the BROKER resource). */
  brokerConfigs: BrokerConfigStore;
  close(): Promise<void>;
}

export interface StorageOptions {
  maintenanceIntervalMs?: number;
  /** The cleaner's schedule (file engine); absent: enabled, every 15 s. */
  cleaner?: CleanerSchedule;
  onEvent?: (e: StorageEvent) => void;
}

export async function openStorage(url: string, opts: StorageOptions = {}): Promise<Storage> {
  if (url === 'memory://' || url.startsWith('memory:')) {
    const logs = new MemoryLogManager();
    const metadata = new MemoryMetadataStore();
    return {
      logs, metadata, ...memoryStateStores(),
      acls: new MemoryAclStore(), scramCredentials: new MemoryScramCredentialStore(), clientQuotas: new MemoryClientQuotaStore(), shareState: new MemoryShareStateStore(), brokerConfigs: new MemoryBrokerConfigStore(),
      close: async () => {},
    };
  }
  const dataDir = url.startsWith('file:') ? fileURLToPath(url) : url;
  const metadata = await FileMetadataStore.open(dataDir);
  const state = await openFileStateStores(dataDir);
  const scramCredentials = await FileScramCredentialStore.open(join(dataDir, BROKER_STATE_DIR));
  const logs = await FileLogManager.open({ dataDir, ...opts });
  return {
    logs,
    metadata,
    ...state,
    acls: new FileAclStore(join(dataDir, BROKER_STATE_DIR)),
    scramCredentials,
    clientQuotas: new FileClientQuotaStore(join(dataDir, 'broker-state', 'client-quotas.json')),
    shareState: new FileShareStateStore(join(dataDir, BROKER_STATE_DIR, 'share-state')),
    brokerConfigs: new FileBrokerConfigStore(join(dataDir, BROKER_STATE_DIR, 'broker-configs.json')),
    close: async () => {
      await logs.close();
      await metadata.close();
    },
  };
}
