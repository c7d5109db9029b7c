// `tide plan --calibrate`: a short benchmark of this machine whose numbers replace the planner's
// rules of thumb. Three bounded measurements (each stops at a byte count or a time budget,
// whichever comes first): sequential writes with fdatasync after every MiB, loopback TCP, and a
// produce then fetch burst against a throwaway in-process broker (port 0, temporary data dir).
import { mkdtemp, open, rm, statfs } from 'node:fs/promises';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Consumer, Producer } from '@tideline/client';
import { MB, type NodeLimits } from '@tideline/observability';

export interface CalibrateOptions {
  /** Directory whose disk is measured (default: the system temp dir). */
  dir?: string;
  /** Record size of the broker burst, bytes (default 1000). */
  messageBytes?: number;
  /** Time budget of each measurement, ms (default 1500). */
  budgetMs?: number;
  /** Byte budget of each measurement (default 64 MiB). */
  maxBytes?: number;
}

export interface Calibration {
  host: string;
  dir: string;
  disk: { bytes: number; seconds: number; mbps: number; freeBytes: number };
  loopback: { bytes: number; seconds: number; mbps: number };
  broker: {
    records: number;
    recordBytes: number;
    produce: { seconds: number; mbps: number; cpuSeconds: number; mbPerCpuSecond: number };
    fetch: { seconds: number; mbps: number; cpuSeconds: number; mbPerCpuSecond: number };
  };
}

const now = (): number => performance.now() / 1000;
const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function measureDisk(dir: string, budgetMs: number, maxBytes: number): Promise<Calibration['disk']> {
  const block = Buffer.alloc(1024 * 1024, 0x5a);
  const file = join(dir, 'calibrate.bin');
  const fh = await open(file, 'w');
  let bytes = 0;
  const t0 = now();
  try {
    while (bytes < maxBytes && (now() - t0) * 1000 < budgetMs) {
      await fh.write(block, 0, block.length);
      await fh.datasync();
      bytes += block.length;
    }
  } finally {
    await fh.close();
    await rm(file, { force: true });
  }
  const seconds = now() - t0;
  const fs = await statfs(dir);
  return { bytes, seconds, mbps: bytes / MB / seconds, freeBytes: fs.bavail * fs.bsize };
}

async function measureLoopback(budgetMs: number, maxBytes: number): Promise<Calibration['loopback']> {
  let received = 0;
  const server = createServer((s) => s.on('data', (d: Buffer) => void (received += d.length)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const sock = createConnection({ host: '127.0.0.1', port });
  await new Promise<void>((r, j) => sock.once('connect', r).once('error', j));
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  let sent = 0;
  const t0 = now();
  try {
    while (sent < maxBytes * 4 && (now() - t0) * 1000 < budgetMs) {
      sent += chunk.length;
      if (!sock.write(chunk)) await new Promise((r) => sock.once('drain', r));
    }
    while (received < sent && (now() - t0) * 1000 < budgetMs * 2) await new Promise((r) => setImmediate(r));
  } finally {
    sock.destroy();
    await new Promise((r) => server.close(r));
  }
  const seconds = now() - t0;
  return { bytes: received, seconds, mbps: received / MB / seconds };
}

async function measureBroker(dir: string, recordBytes: number, budgetMs: number, maxBytes: number): Promise<Calibration['broker']> {
  const { startBroker } = await import('@tideline/broker');
  const dataDir = await mkdtemp(join(dir, 'tide-calibrate-'));
  const broker = await startBroker({ dataDir, port: 0, host: '127.0.0.1', logLevel: 'error' });
  const bootstrap = broker.bootstrap;
  const topic = 'calibrate';
  try {
    const admin = new Admin({ bootstrap });
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
    await admin.close();
    const producer = new Producer({ bootstrap, lingerMs: 5, batchSize: 256 * 1024 });
    const value = Buffer.alloc(recordBytes, 0x62);
    const perSend = Math.max(1, Math.floor((256 * 1024) / recordBytes));
    const messages = Array.from({ length: perSend }, () => ({ value }));
    let records = 0;
    let c0 = cpuNow();
    let t0 = now();
    const inflight: Array<Promise<unknown>> = [];
    try {
      while (records * recordBytes < maxBytes && (now() - t0) * 1000 < budgetMs) {
        const sent = producer.send({ topic, messages: [...messages] });
        // Awaited below, in order; until then a failure must not count as an unhandled rejection
        // (which would end the process before the first one is awaited and reported).
        sent.catch(() => {});
        inflight.push(sent);
        records += perSend;
        if (inflight.length >= 16) await inflight.shift();
      }
      await Promise.all(inflight);
    } finally {
      await producer.close();
    }
    const pSec = now() - t0;
    const pCpu = cpuNow() - c0;
    const mb = (records * recordBytes) / MB;

    const consumer = new Consumer({ bootstrap, maxWaitMs: 50, maxPartitionBytes: 8 * 1024 * 1024 });
    consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
    let read = 0;
    c0 = cpuNow();
    t0 = now();
    for await (const batch of consumer.batches()) {
      read += batch.records.length;
      if (read >= records || (now() - t0) * 1000 > budgetMs * 4) break;
    }
    await consumer.close();
    const fSec = now() - t0;
    const fCpu = cpuNow() - c0;
    const fmb = (read * recordBytes) / MB;
    return {
      records,
      recordBytes,
      produce: { seconds: pSec, mbps: mb / pSec, cpuSeconds: pCpu, mbPerCpuSecond: mb / Math.max(pCpu, 1e-3) },
      fetch: { seconds: fSec, mbps: fmb / fSec, cpuSeconds: fCpu, mbPerCpuSecond: fmb / Math.max(fCpu, 1e-3) },
    };
  } finally {
    await broker.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Runs the three measurements, one after the other (they would disturb each other). */
export async function calibrate(opts: CalibrateOptions = {}): Promise<Calibration> {
  const budgetMs = opts.budgetMs ?? 1500;
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const base = opts.dir ?? tmpdir();
  const dir = await mkdtemp(join(base, 'tide-plan-'));
  try {
    const disk = await measureDisk(dir, budgetMs, maxBytes);
    const loopback = await measureLoopback(budgetMs, maxBytes);
    const broker = await measureBroker(dir, Math.min(opts.messageBytes ?? 1000, 1024 * 1024), budgetMs, maxBytes);
    return { host: hostname(), dir: base, disk, loopback, broker };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Per-node limits from a calibration: the disk's fsync'd write rate and free space, loopback as the
 * network (an upper bound: a real NIC is slower; --network-mbps sets it), one event loop of the
 * measured MB per CPU-second as the CPU, reads costing the measured fetch/produce CPU ratio, and
 * the one-partition burst rates as the per-partition rates.
 */
export function limitsFromCalibration(c: Calibration): NodeLimits {
  const b = c.broker;
  return {
    diskBytes: c.disk.freeBytes,
    diskWriteMBps: c.disk.mbps,
    networkMBps: c.loopback.mbps,
    vcpus: 1,
    mbpsPerVcpu: b.produce.mbPerCpuSecond,
    readCost: b.produce.mbPerCpuSecond / b.fetch.mbPerCpuSecond,
    partitionProduceMBps: b.produce.mbps,
    partitionConsumeMBps: b.fetch.mbps,
    source: `measured on ${c.host}`,
  };
}
