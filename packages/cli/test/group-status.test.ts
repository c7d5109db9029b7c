// tide group describe --status-window: the lag status (Burrow's rules) from committed and end
// offsets sampled over the window, on Tideline and on Apache Kafka (the Kafka APIs carry no
// commit times, so the same sampling serves both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import { sampledLagStatus } from '../src/commands/group.js';
import { tideOk } from './tide.js';

const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-group-status-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});
useApacheKafka();

interface StatusDoc {
  status: string | null;
  totalLag: number;
  partitions: Array<{ partition: number; lag: number; status: string | null }>;
}

bothBrokers('tide group describe --status-window: STOP for a group whose commits ceased while behind, OK once caught up', { timeout: 120_000 }, async (b) => {
  const topic = uniqueTopic('status');
  const group = `${topic}-g`;
  await tideOk(['-b', b.bootstrap, 'topic', 'create', topic, '-p', '1']);
  await tideOk(['-b', b.bootstrap, 'produce', topic], { input: Array.from({ length: 50 }, (_, i) => `r${i}`).join('\n') + '\n' });
  await tideOk(['-b', b.bootstrap, 'group', 'seek', group, '--to', '10', '-t', topic, '--execute']);
  const describe = async (): Promise<StatusDoc> =>
    (JSON.parse((await tideOk(['-b', b.bootstrap, 'group', 'describe', group, '--status-window', '2s', '--format', 'json'])).stdout) as StatusDoc[])[0]!;
  const behind = await describe();
  assert.equal(behind.totalLag, 40);
  assert.equal(behind.partitions[0]!.status, 'STOP');
  assert.equal(behind.status, 'STOP');
  const text = (await tideOk(['-b', b.bootstrap, 'group', 'describe', group, '--status-window', '1s'])).stdout;
  assert.match(text, /STATUS\s+STOP\n/);
  assert.match(text, /LAG\s+STATUS\s+MEMBER-ID/);
  await tideOk(['-b', b.bootstrap, 'group', 'seek', group, '--to', 'end', '-t', topic, '--execute']);
  const caughtUp = await describe();
  assert.equal(caughtUp.status, 'OK');
  // Without a window there is no status to give.
  const plain = (JSON.parse((await tideOk(['-b', b.bootstrap, 'group', 'describe', group, '--format', 'json'])).stdout) as StatusDoc[])[0]!;
  assert.equal(plain.status, null);
});

test('sampled lag status: commits seen as offset changes between samples', () => {
  const at = (s: number): number => s * 1000;
  // Moving and catching up: OK; moving with the lag never going down: WARN.
  assert.equal(sampledLagStatus([{ atMs: at(0), committed: 10n, lag: 50n }, { atMs: at(1), committed: 20n, lag: 45n }, { atMs: at(2), committed: 30n, lag: 40n }], at(2)), 'OK');
  assert.equal(sampledLagStatus([{ atMs: at(0), committed: 10n, lag: 50n }, { atMs: at(1), committed: 20n, lag: 55n }, { atMs: at(2), committed: 30n, lag: 60n }], at(2)), 'WARN');
  // Going back: REWIND. Never moving while behind: STOP (sampling cannot tell STALL from STOP).
  assert.equal(sampledLagStatus([{ atMs: at(0), committed: 30n, lag: 5n }, { atMs: at(1), committed: 10n, lag: 25n }], at(1)), 'REWIND');
  assert.equal(sampledLagStatus([{ atMs: at(0), committed: 30n, lag: 5n }, { atMs: at(1), committed: 30n, lag: 9n }], at(1)), 'STOP');
  // Zero lag in any sample, or nothing committed: OK.
  assert.equal(sampledLagStatus([{ atMs: at(0), committed: 30n, lag: 0n }, { atMs: at(1), committed: 30n, lag: 9n }], at(1)), 'OK');
  assert.equal(sampledLagStatus([{ atMs: at(0), committed: -1n, lag: 9n }], at(1)), 'OK');
});
