// Acceptance: durability across a crash and a torn tail, with real clients and the broker as a
// separate process (`tide broker start`).
// 1. The Java 4.x producer (acks=all, idempotent) sends 100,000 small records to partition 0 and
//    prints each ack as it arrives; the broker is killed with SIGKILL while acks are flowing; after
//    a restart on the same data dir every acked record is read back by kcat at its acked offset
//    with its value.
// 2. The broker is stopped cleanly, half a batch is appended to the last segment (a torn write),
//    and on restart the broker truncates it, logs the recovery at warn, and serves the same log end
//    offset and the same records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kcat, runJavaClient, toolOrSkip } from '@tideline/interop';
import { javaClasspath, spawnTracked } from '@tideline/interop/internal';
import { startCliBroker, type CliBroker } from './helpers/cli-broker.js';

const TOTAL = 100_000;
const KILL_AFTER_ACKS = 20_000;
const PAD = 'x'.repeat(88); // values of ~100 bytes

interface Ack { offset: number; key: string; value: string }

/** Starts the streaming Java producer; `acks` fills as acknowledgements arrive. */
function startJavaProducer(bootstrap: string, topic: string) {
  const child = spawnTracked('java', [
    '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=error',
    '-cp', javaClasspath('4'), 'tideline.interop.KafkaCli', 'produce', '--bootstrap', bootstrap, '--topic', topic,
    '--count', String(TOTAL), '--partition', '0', '--acks', 'all', '--linger-ms', '2', '--key-prefix', 'k',
    '--value-prefix', `${PAD}-`, '--stream-acks',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Ack[] = [];
  let partial = '';
  let stderr = '';
  const listeners: Array<() => void> = [];
  child.stdout?.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{"partition"')) continue;
      const r = JSON.parse(line) as { partition: number; offset: number; key: string; value: string };
      assert.equal(r.partition, 0);
      acks.push({ offset: r.offset, key: r.key, value: r.value });
    }
    for (const l of listeners) l();
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<void>((r) => child.once('close', () => r()));
  return {
    acks,
    stderr: () => stderr,
    /** Resolves once `n` acks arrived, or rejects when the producer ends first. */
    waitFor(n: number): Promise<void> {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (acks.length >= n) resolve();
        };
        listeners.push(check);
        check();
        void closed.then(() => (acks.length >= n ? resolve() : reject(new Error(`producer ended after ${acks.length} acks: ${stderr.slice(-2000)}`))));
      });
    },
    async kill(): Promise<void> {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      await closed;
    },
  };
}

/** Every record of partition 0, as "offset\tkey\tvalue" lines, read by kcat. */
async function readAll(bootstrap: string, topic: string): Promise<string[]> {
  const out = await kcat(['-b', bootstrap, '-C', '-t', topic, '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o\t%k\t%s\n'], { timeoutMs: 60_000 });
  return out.stdout.split('\n').filter((l) => l !== '');
}

async function logEndOffset(bootstrap: string, topic: string): Promise<number> {
  const q = await kcat(['-b', bootstrap, '-Q', '-t', `${topic}:0:-1`]);
  const m = /offset (\d+)/.exec(q.stdout);
  assert.ok(m, `kcat -Q: ${q.stdout}${q.stderr}`);
  return Number(m[1]);
}

test('kill -9 during a 100,000-record acks=all Java production, then a torn tail: every acked record survives at its offset', { timeout: 150_000 }, async (t) => {
  if (!toolOrSkip(t, 'java-client-4', 'kcat')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tideline-accept-crash-'));
  let broker: CliBroker | undefined;
  let producer: ReturnType<typeof startJavaProducer> | undefined;
  try {
    broker = await startCliBroker(dir);
    const created = await runJavaClient('4', ['admin', 'create-topic', '--bootstrap', broker.bootstrap, '--topic', 'crash', '--partitions', '1']);
    assert.equal(created.code, 0, created.stderr);

    const t0 = Date.now();
    producer = startJavaProducer(broker.bootstrap, 'crash');
    await producer.waitFor(KILL_AFTER_ACKS);
    await broker.kill9();
    const killedAt = producer.acks.length;
    await new Promise((r) => setTimeout(r, 200)); // acks already on the wire are still printed
    await producer.kill();
    const acked = producer.acks;
    t.diagnostic(`acked ${acked.length} of ${TOTAL} records (${killedAt} when the broker was killed) in ${Date.now() - t0} ms`);
    assert.ok(acked.length < TOTAL, 'the broker was killed during production');

    broker = await startCliBroker(dir);
    const lines = await readAll(broker.bootstrap, 'crash');
    const stored = lines.map((l) => l.split('\t'));
    stored.forEach(([o], i) => assert.equal(Number(o), i, 'offsets are contiguous from 0'));
    let maxAcked = -1;
    for (const a of acked) {
      const row = stored[a.offset];
      assert.ok(row, `acked offset ${a.offset} is readable (log end ${stored.length})`);
      assert.deepEqual([row[1], row[2]], [a.key, a.value], `record at offset ${a.offset}`);
      maxAcked = Math.max(maxAcked, a.offset);
    }
    // The idempotent producer writes in order, so what is stored is a prefix of what was sent.
    stored.forEach(([, k, v], i) => assert.deepEqual([k, v], [`k${i}`, `${PAD}-${i}`]));
    t.diagnostic(`after kill -9: ${stored.length} records stored, ${acked.length} acked offsets checked (max ${maxAcked})`);

    // Torn tail: half of a batch appended to the last segment of a cleanly stopped broker.
    const leo = await logEndOffset(broker.bootstrap, 'crash');
    assert.equal(leo, stored.length);
    await broker.stop();
    const partDir = join(dir, 'crash-0');
    const last = readdirSync(partDir).filter((n) => n.endsWith('.log')).sort().at(-1)!;
    const segPath = join(partDir, last);
    const seg = readFileSync(segPath);
    const batchSize = 12 + seg.readInt32BE(8);
    const torn = seg.subarray(0, Math.floor(batchSize / 2));
    const sizeBefore = statSync(segPath).size;
    appendFileSync(segPath, torn);
    const digest = createHash('sha256').update(lines.join('\n')).digest('hex');

    broker = await startCliBroker(dir);
    assert.equal(await logEndOffset(broker.bootstrap, 'crash'), leo, 'log end offset unchanged');
    const again = await readAll(broker.bootstrap, 'crash');
    assert.equal(createHash('sha256').update(again.join('\n')).digest('hex'), digest, 'the same records at the same offsets');
    assert.equal(statSync(segPath).size, sizeBefore, 'the torn bytes were truncated');
    const warn = broker.output().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r['msg'] === 'log recovery truncated a corrupt or torn tail');
    assert.ok(warn, `recovery is logged:\n${broker.output()}`);
    assert.equal(warn['level'], 40, 'at warn');
    assert.deepEqual([warn['topic'], warn['partition'], warn['droppedBytes']], ['crash', 0, torn.length]);
    t.diagnostic(`torn tail of ${torn.length} bytes truncated; log end offset ${leo} unchanged`);
    await broker.stop();
  } finally {
    await producer?.kill();
    await broker?.kill9();
    rmSync(dir, { recursive: true, force: true });
  }
});
