// Tiny benchmark helpers: time a function for a fixed wall-clock budget, report MB/s and ops/s.
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';

const BUDGET_MS = Number(process.env.BENCH_MS ?? (process.env.BENCH_QUICK ? 150 : 1000));

export function measure(name, bytesPerOp, fn) {
  for (let i = 0; i < 20; i++) fn(); // warm-up
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(BUDGET_MS) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 10; i++) fn();
    ops += 10;
    now = process.hrtime.bigint();
  }
  const secs = Number(now - start) / 1e9;
  return { name, opsPerSec: ops / secs, mbPerSec: (ops * bytesPerOp) / secs / 1e6 };
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
}

export function report(suite, results) {
  const base = results[0];
  console.log(`\n${suite} (${JSON.stringify(machine())})`);
  console.log('| benchmark | MB/s | ops/s | vs first row |\n| --- | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(`| ${r.name} | ${r.mbPerSec.toFixed(0)} | ${r.opsPerSec.toFixed(0)} | ${(r.mbPerSec / base.mbPerSec).toFixed(2)}x |`);
  }
  const dir = new URL('./results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(`${suite}.json`, dir), JSON.stringify({ suite, machine: machine(), results }, null, 2) + '\n');
}
