// `tide share-group` and `tide consume --share-group` end to end against a Tideline broker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type RunningBroker } from '@tideline/broker';
import { tideOk } from './tide.js';

let broker: RunningBroker;
let dir: string;
let B: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tide-share-'));
  broker = await startBroker({ dataDir: join(dir, 'data'), port: 0, logLevel: 'silent' });
  B = broker.bootstrap;
});

after(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

interface ShareDoc { groupId: string; state: string; members: unknown[]; partitions: Array<{ topic: string; partition: number; startOffset: number; lag: number }> }

test('reset-offsets, consume --share-group -n (the rest released), list, describe, consume the rest', { timeout: 60_000 }, async () => {
  await tideOk(['-b', B, 'topic', 'create', 'jobs', '-p', '1']);
  await tideOk(['-b', B, 'produce', 'jobs'], { input: 'a\nb\nc\nd\ne\n' });
  const dry = await tideOk(['-b', B, 'share-group', 'reset-offsets', 'workers', '--to', 'start', '-t', 'jobs', '--format', 'json']);
  assert.equal((JSON.parse(dry.stdout) as { executed: boolean }).executed, false);
  await tideOk(['-b', B, 'share-group', 'reset-offsets', 'workers', '--to', 'start', '-t', 'jobs', '--execute']);
  const first = await tideOk(['-b', B, 'consume', 'jobs', '--share-group', 'workers', '-n', '3']);
  assert.deepEqual(first.stdout.trim().split('\n'), ['a', 'b', 'c']);
  const list = await tideOk(['-b', B, 'share-group', 'list', '--format', 'json']);
  assert.deepEqual((JSON.parse(list.stdout) as Array<{ groupId: string }>).map((g) => g.groupId), ['workers']);
  const desc = JSON.parse((await tideOk(['-b', B, 'share-group', 'describe', 'workers', '--format', 'json'])).stdout) as ShareDoc[];
  assert.deepEqual(desc[0]!.partitions, [{ topic: 'jobs', partition: 0, startOffset: 3, lag: 2 }]);
  const rest = await tideOk(['-b', B, 'consume', 'jobs', '--share-group', 'workers']);
  assert.deepEqual(rest.stdout.trim().split('\n'), ['d', 'e']);
});
