// Crash test: a child appends durable batches; we SIGKILL it at a random moment, reopen the log,
// and check that every acknowledged offset is readable with the value that was acknowledged.
// (SIGKILL loses the process, not the page cache: this pins recovery and ack ordering, not power loss.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileLogManager } from '../../src/index.js';
import { CLEAN_SHUTDOWN_FILE } from '../../src/file/log-manager.js';
import { logConfig, parseRecords, tempDir } from '../helpers.js';

const child = fileURLToPath(new URL('../fixtures/crash-child.js', import.meta.url));

interface Ack {
  base: bigint;
  last: bigint;
  tag: string;
}

function runUntilKilled(dataDir: string, runId: string, killAfterAcks: number): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, dataDir, runId], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acks: Ack[] = [];
    let pending = '';
    const timer = setTimeout(() => p.kill('SIGKILL'), 8000);
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const [kind, base, last, tag] = line.split(' ');
        if (kind !== 'acked') continue;
        acks.push({ base: BigInt(base!), last: BigInt(last!), tag: tag! });
        if (acks.length === killAfterAcks) p.kill('SIGKILL');
      }
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`child exited with ${code ?? signal}`));
      else resolve(acks);
    });
  });
}

test('every acked offset survives SIGKILL at a random moment', { timeout: 30_000 }, async (t) => {
  const dir = tempDir(t, 'tideline-crash-');
  const acked = new Map<bigint, string>();
  for (let run = 0; run < 3; run++) {
    const acks = await runUntilKilled(dir, `r${run}`, 100 + Math.floor(Math.random() * 600));
    assert.ok(acks.length > 0);
    for (const a of acks) for (let o = a.base; o <= a.last; o++) acked.set(o, `${a.tag}-${o - a.base}`);

    const mgr = await FileLogManager.open({ dataDir: dir, maintenanceIntervalMs: 0 });
    assert.equal(mgr.wasClean, false);
    const log = await mgr.open({ topic: 'crash', partition: 0 }, logConfig({ segmentBytes: 32 * 1024 }));
    const found = new Map<bigint, string>();
    let next = 0n;
    while (next < log.highWatermark) {
      const recs = parseRecords((await log.read(next, 256 * 1024)).records);
      if (recs.length === 0) break;
      for (const r of recs) found.set(r.offset, r.value!.replace(/#+$/, ''));
      next = recs[recs.length - 1]!.offset + 1n;
    }
    assert.equal(BigInt(found.size), log.logEndOffset, 'offsets are dense');
    for (const [offset, value] of acked) assert.equal(found.get(offset), value, `acked offset ${offset}`);
    // Leave it unclean again for the next round.
    await mgr.close();
    rmSync(join(dir, CLEAN_SHUTDOWN_FILE));
  }
});
