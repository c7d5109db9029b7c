// The cluster id, generated on first start and kept in storage's node metadata (clients notice changes).
import { randomBytes } from 'node:crypto';
import type { NodeMetadataStore } from '@tideline/storage';

export async function loadClusterId(store: NodeMetadataStore): Promise<string> {
  const id = await store.readClusterId();
  if (id !== null && /^[A-Za-z0-9_-]{22}$/.test(id)) return id;
  const fresh = randomBytes(16).toString('base64url');
  await store.writeClusterId(fresh);
  return fresh;
}
