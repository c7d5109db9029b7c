// One tenant of the noisy-neighbour bench in its own process: `node noisy-worker.mjs '<json job>'`
// prints one JSON line. Job: { role: 'flood'|'steady', bootstrap, topic, clientId, size, seconds,
// rate (steady), chunk and window (flood) }.
// flood: sends `chunk` records per send() with at most `window` calls outstanding, as fast as the
//   broker takes them, for `seconds`; reports the acknowledged bytes per second.
// steady: one record per send() at a fixed `rate` for `seconds`; reports each record's time from
//   send() to its acknowledgement (p50/p99/p99.9/max) and the achieved rate.
import { randomBytes } from 'node:crypto';
import { Producer } from '@tideline/client';

const job = JSON.parse(process.argv[2]);
const payload = randomBytes(job.size);
const pct = (s, p) => (s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]);

async function main() {
  const p = new Producer({ bootstrap: job.bootstrap, clientId: job.clientId, acks: 'all', lingerMs: job.role === 'flood' ? 5 : 0, batchSize: 65_536, bufferMemory: 256 << 20 });
  await p.send({ topic: job.topic, messages: [{ value: payload }] }); // connections and producer id, untimed
  const t0 = performance.now();
  const end = t0 + job.seconds * 1000;
  if (job.role === 'flood') {
    const chunk = Array.from({ length: job.chunk }, () => ({ value: payload }));
    let bytes = 0;
    const inflight = new Set();
    while (performance.now() < end) {
      const s = p.send({ topic: job.topic, messages: chunk }).then(() => {
        bytes += job.chunk * job.size;
        inflight.delete(s);
      });
      inflight.add(s);
      if (inflight.size >= job.window) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    const secs = (performance.now() - t0) / 1000;
    await p.close();
    return { ok: true, mbPerSec: bytes / secs / 1e6, seconds: secs };
  }
  const lat = [];
  const pending = [];
  const interval = 1000 / job.rate;
  for (let i = 0; ; i++) {
    const due = t0 + i * interval;
    if (due >= end) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const sent = performance.now();
    pending.push(p.send({ topic: job.topic, messages: [{ value: payload }] }).then(() => lat.push(performance.now() - sent)));
  }
  await Promise.all(pending);
  const secs = (performance.now() - t0) / 1000;
  await p.close();
  const s = Float64Array.from(lat).sort();
  return { ok: true, n: s.length, rate: s.length / secs, p50Ms: pct(s, 50), p99Ms: pct(s, 99), p999Ms: pct(s, 99.9), maxMs: s[s.length - 1] };
}

main().then((r) => console.log(JSON.stringify(r)), (e) => console.log(JSON.stringify({ ok: false, error: e instanceof Error ? e.stack ?? e.message : String(e) })));
