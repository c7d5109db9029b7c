// The cluster id, generated on first start and kept in the data directory (clients notice changes).
import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';

export async function loadClusterId(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => null);
  const id = text?.trim();
  if (id !== undefined && /^[A-Za-z0-9_-]{22}$/.test(id)) return id;
  const fresh = randomBytes(16).toString('base64url');
  await writeFile(`${file}.tmp`, `${fresh}\n`, { flush: true });
  await rename(`${file}.tmp`, file);
  return fresh;
}
