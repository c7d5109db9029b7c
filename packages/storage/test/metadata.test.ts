import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileMetadataStore, StorageError, newTopicId, openStorage } from '../src/index.js';
import { METADATA_FILE } from '../src/metadata/file-metadata-store.js';
import { logConfig, tempDir } from './helpers.js';

test('file metadata store persists topics across restarts and compacts its log on open', async (t) => {
  const dir = tempDir(t);
  let store = await FileMetadataStore.open(dir);
  const id = newTopicId();
  assert.equal(Buffer.from(id, 'base64url').length, 16);
  await store.createTopic({ name: 'orders', id, partitionCount: 3, configs: { 'cleanup.policy': 'compact' } });
  await store.createTopic({ name: 'tmp', id: newTopicId(), partitionCount: 1, configs: {} });
  await assert.rejects(store.createTopic({ name: 'orders', id: newTopicId(), partitionCount: 1, configs: {} }),
    (e: unknown) => e instanceof StorageError && e.kafkaError === 'TOPIC_ALREADY_EXISTS');
  await store.updateTopic('orders', { partitionCount: 6 });
  await store.deleteTopic('tmp');
  await assert.rejects(store.deleteTopic('tmp'), (e: unknown) => e instanceof StorageError && e.kafkaError === 'UNKNOWN_TOPIC_OR_PARTITION');
  await store.close();
  // A torn last line (crash mid-write) is ignored.
  appendFileSync(join(dir, METADATA_FILE), '{"op":"put","topic":{"na');
  store = await FileMetadataStore.open(dir);
  assert.equal(store.droppedLines, 1);
  assert.deepEqual(store.listTopics(), [{ name: 'orders', id, partitionCount: 6, configs: { 'cleanup.policy': 'compact' } }]);
  assert.equal(store.getTopicById(id)?.name, 'orders');
  assert.equal(readFileSync(join(dir, METADATA_FILE), 'utf8').trim().split('\n').length, 1);
  await store.close();
});

test('openStorage with a file URL gives persistent logs and metadata', async (t) => {
  const dir = tempDir(t);
  const s = await openStorage(new URL(`file://${dir}/data`).href, { maintenanceIntervalMs: 0 });
  await s.metadata.createTopic({ name: 'x', id: newTopicId(), partitionCount: 1, configs: {} });
  const log = await s.logs.open({ topic: 'x', partition: 0 }, logConfig());
  assert.equal(log.logEndOffset, 0n);
  await s.logs.delete({ topic: 'x', partition: 0 });
  assert.equal(s.logs.get({ topic: 'x', partition: 0 }), undefined);
  await s.close();
  const again = await openStorage(join(dir, 'data'), { maintenanceIntervalMs: 0 });
  assert.equal(again.metadata.getTopic('x')?.partitionCount, 1);
  await again.close();
});
