// The group commit on its own, on this disk: appends of `--bytes` every `--every` ms (the latency
// workload's 128 KiB producer batches at 31,000 records/s of 1 KiB: one every ~4.2 ms), written one
// at a time as the partition log's writer does, each acknowledged after a GroupCommit round that
// started after its write. Alternates blocks with 1 and 2 rounds in flight (B/A/B...) in one
// process and prints per block the ack latency (write call -> round settled), the fdatasync count
// and duration, and the process CPU. Debug only, not part of the bench suite:
//   node bench/peers/group-commit-probe.mjs [--blocks 6] [--appends 1500] [--bytes 131072] [--every 4.2]
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GroupCommit } from '@tideline/storage/internal';

const { values: opt } = parseArgs({
  options: {
    blocks: { type: 'string', default: '6' }, appends: { type: 'string', default: '1500' },
    bytes: { type: 'string', default: '131072' }, every: { type: 'string', default: '4.2' },
  },
});
const q = (s, p) => (s.length === 0 ? null : +s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))].toFixed(2));
const dist = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: q(s, 50), p99: q(s, 99), p999: q(s, 99.9), max: q(s, 100) };
};

const dir = mkdtempSync(join(tmpdir(), 'tideline-gc-probe-'));
const payload = Buffer.alloc(Number(opt.bytes), 7);
try {
  for (let block = 0; block < Number(opt.blocks); block++) {
    const maxInFlight = block % 2 === 0 ? 1 : 2;
    const fh = await open(join(dir, `seg-${block}`), 'w');
    let pos = 0;
    let dirty = false;
    const fsyncMs = [];
    // Mirrors the partition log's round: sync if anything was written since the last round
    // started, then wait for the previous round.
    const commit = new GroupCommit(async (previous) => {
      if (dirty) {
        dirty = false;
        const t = performance.now();
        await fh.datasync();
        fsyncMs.push(performance.now() - t);
      }
      if (previous) await previous;
    }, maxInFlight);
    let writer = Promise.resolve();
    const acks = [];
    const cpu0 = process.cpuUsage();
    const load0 = loadavg()[0];
    const t0 = performance.now();
    const done = [];
    for (let i = 0; i < Number(opt.appends); i++) {
      const due = t0 + i * Number(opt.every);
      while (performance.now() < due) await new Promise((r) => setTimeout(r, Math.max(0, Math.floor(due - performance.now()))));
      const at = performance.now();
      writer = writer.then(async () => {
        await fh.write(payload, 0, payload.length, pos);
        pos += payload.length;
        dirty = true;
      });
      done.push(writer.then(() => commit.sync()).then(() => acks.push(performance.now() - at)));
    }
    await Promise.all(done);
    await commit.idle();
    const cpu = process.cpuUsage(cpu0);
    await fh.close();
    rmSync(join(dir, `seg-${block}`));
    console.log(JSON.stringify({
      block, maxInFlight, load1: [load0, loadavg()[0]].map((x) => +x.toFixed(2)), seconds: +((performance.now() - t0) / 1000).toFixed(1),
      ackMs: dist(acks), fdatasyncs: fsyncMs.length, appendsPerFdatasync: +(acks.length / fsyncMs.length).toFixed(2),
      fdatasyncMs: dist(fsyncMs), cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    }));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
