// The machine's own limits, measured in the same run as the systems: sequential write with
// fdatasync on the data directory's disk, append+fdatasync latency, loopback TCP through Node
// sockets, Buffer.copy. These are the "physical limit" rows of every table.
import { closeSync, fdatasyncSync, openSync, rmSync, writeSync, readFileSync, statfsSync } from 'node:fs';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Writes `chunk`-sized blocks to a new file, fdatasync after each, for `seconds`. */
export function seqWriteFdatasync(dir, chunk, seconds) {
  const file = join(dir, `seqwrite-${chunk}.bin`);
  const buf = Buffer.alloc(chunk);
  for (let i = 0; i < chunk; i += 4) buf.writeUInt32LE((i * 2654435761) >>> 0, i);
  const fd = openSync(file, 'w');
  let bytes = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  try {
    while (performance.now() < end) {
      writeSync(fd, buf);
      fdatasyncSync(fd);
      bytes += chunk;
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  const secs = (performance.now() - t0) / 1000;
  return { chunkBytes: chunk, mbPerSec: bytes / secs / 1e6, seconds: secs };
}

/** 4 KiB appends, each followed by fdatasync: the cost of one durable commit. */
export function fsyncLatency(dir, n) {
  const file = join(dir, 'fsync-latency.bin');
  const buf = Buffer.alloc(4096, 7);
  const fd = openSync(file, 'w');
  const lat = [];
  try {
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      writeSync(fd, buf);
      fdatasyncSync(fd);
      lat.push(performance.now() - t);
    }
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
  lat.sort((a, b) => a - b);
  return { ops: n, p50Ms: percentile(lat, 50), p99Ms: percentile(lat, 99), p999Ms: percentile(lat, 99.9), maxMs: lat[lat.length - 1] };
}

const SINK = `
const net = require('node:net');
let bytes = 0, first = 0;
const srv = net.createServer((s) => {
  s.on('data', (b) => { if (bytes === 0) first = performance.now(); bytes += b.length; });
  s.on('end', () => { process.stdout.write(JSON.stringify({ bytes, ms: performance.now() - first }) + '\\n'); s.end(); srv.close(); });
});
srv.listen(0, '127.0.0.1', () => process.stdout.write(JSON.stringify({ port: srv.address().port }) + '\\n'));
`;

/** Loopback TCP: this process writes 1 MiB buffers to a sink in another Node process for `seconds`. */
export async function loopbackTcp(seconds) {
  const child = spawn(process.execPath, ['-e', SINK], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = [];
  let buffered = '';
  let wake;
  child.stdout.on('data', (b) => {
    buffered += b.toString();
    let i;
    while ((i = buffered.indexOf('\n')) >= 0) {
      lines.push(JSON.parse(buffered.slice(0, i)));
      buffered = buffered.slice(i + 1);
      wake?.();
    }
  });
  const next = async () => {
    while (lines.length === 0) await new Promise((r) => (wake = r));
    return lines.shift();
  };
  try {
    const { port } = await next();
    const sock = net.connect({ port, host: '127.0.0.1' });
    await new Promise((r, j) => sock.once('connect', r).once('error', j));
    const buf = Buffer.alloc(1 << 20, 3);
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      if (!sock.write(buf)) await new Promise((r) => sock.once('drain', r));
    }
    sock.end();
    const r = await next();
    sock.destroy();
    return { mbPerSec: r.bytes / (r.ms / 1000) / 1e6, bytes: r.bytes, note: 'Node net sockets, 1 MiB writes, writer and reader in two processes' };
  } finally {
    child.kill('SIGKILL');
  }
}

/** Buffer.copy of 1 MiB: cache-hot (same buffers) and across a 256 MiB working set. */
export function bufferCopy(seconds) {
  const MiB = 1 << 20;
  const hotSrc = Buffer.alloc(MiB, 1);
  const hotDst = Buffer.alloc(MiB);
  const time = (fn) => {
    for (let i = 0; i < 10; i++) fn();
    let n = 0;
    const t0 = performance.now();
    const end = t0 + seconds * 500;
    while (performance.now() < end) {
      for (let i = 0; i < 8; i++) fn();
      n += 8;
    }
    return (n * MiB) / ((performance.now() - t0) / 1000) / 1e6;
  };
  const hot = time(() => hotSrc.copy(hotDst));
  const RING = 256 * MiB;
  const src = Buffer.alloc(RING, 1);
  const dst = Buffer.alloc(RING, 2);
  let pos = 0;
  const cold = time(() => {
    src.copy(dst, pos, pos, pos + MiB);
    pos = (pos + MiB) % RING;
  });
  return { hotMbPerSec: hot, workingSet256MiBMbPerSec: cold };
}

/** Cores, memory, and the disk under `dir` (device, size, rotational flag, model where known). */
export function machineInfo(dir) {
  const cpus = os.cpus();
  let disk = { dir };
  try {
    const line = execFileSync('df', ['-P', '-T', dir], { encoding: 'utf8' }).trim().split('\n').pop().split(/\s+/);
    disk = { ...disk, device: line[0], fsType: line[1], sizeGiB: Math.round(Number(line[2]) / 2 ** 20) };
    const dev = line[0].replace(/^\/dev\//, '').replace(/[0-9]+$/, '').replace(/(nvme\d+n\d+)p$/, '$1');
    const q = (f) => readFileSync(`/sys/block/${dev}/${f}`, 'utf8').trim();
    try { disk.rotational = q('queue/rotational') === '1'; } catch { /* unknown */ }
    try { disk.model = q('device/model'); } catch { /* virtio disks have none */ }
    try { disk.scheduler = q('queue/scheduler'); } catch { /* unknown */ }
  } catch {
    try { disk.freeGiB = Math.round((statfsSync(dir).bavail * statfsSync(dir).bsize) / 2 ** 30); } catch { /* unknown */ }
  }
  const versions = {};
  const tryVersion = (name, cmd, args, re) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
    const m = re.exec(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    if (m) versions[name] = m[1];
  };
  tryVersion('java', 'java', ['-version'], /version "([^"]+)"/);
  tryVersion('redis', 'redis-server', ['--version'], /v=([\d.]+)/);
  tryVersion('nats', 'nats-server', ['--version'], /v([\d.]+)/);
  tryVersion('kcat', 'kcat', ['-V'], /Version ([\d.]+)/);
  tryVersion('librdkafka', 'kcat', ['-V'], /librdkafka ([\d.]+)/);
  // The reference broker and Kafka's tools, as provisioning pins them.
  const pinned = (pom) => {
    try {
      return /<artifactId>kafka[^<]*<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(readFileSync(new URL(`../../packages/interop/java/${pom}/pom.xml`, import.meta.url), 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  };
  versions.kafkaBroker = pinned('broker');
  versions.kafkaTools = pinned('clients-4');
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    disk,
    versions,
  };
}

export function loadAverage() {
  const [a, b, c] = os.loadavg();
  return { load1: +a.toFixed(2), load5: +b.toFixed(2), load15: +c.toFixed(2), at: new Date().toISOString() };
}

const CLK_TCK = 100; // USER_HZ on Linux

/** User and system CPU seconds a process (all its threads) has used so far, or undefined if it is gone. */
export function cpuTimes(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name, which may itself hold ") ".
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(f[11]) / CLK_TCK, system: Number(f[12]) / CLK_TCK }; // utime, stime (fields 14 and 15)
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far, or undefined if it is gone. */
export function cpuSeconds(pid) {
  const t = cpuTimes(pid);
  return t === undefined ? undefined : t.user + t.system;
}

/** Machine-wide CPU counters (all processes, all cores) in seconds: { busy, total }. */
export function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + (f[4] ?? 0);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / CLK_TCK, total: total / CLK_TCK };
}

/**
 * Snapshot of CPU counters for named PIDs and the machine; `since(prev)` gives cores used by
 * each PID and by the whole machine over the interval (2.0 = both cores busy on this machine).
 */
export function cpuSnapshot(pids) {
  return { t: performance.now(), pids: Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuSeconds(pid)])), machine: machineCpu() };
}

export function cpuSince(a, b) {
  const secs = (b.t - a.t) / 1000;
  const out = {};
  for (const k of Object.keys(a.pids)) {
    if (a.pids[k] !== undefined && b.pids[k] !== undefined) out[k] = +((b.pids[k] - a.pids[k]) / secs).toFixed(2);
  }
  const cores = os.cpus().length;
  const dt = b.machine.total - a.machine.total;
  out.machine = dt > 0 ? +(((b.machine.busy - a.machine.busy) / dt) * cores).toFixed(2) : undefined;
  return out;
}
