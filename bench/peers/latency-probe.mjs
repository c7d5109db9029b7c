// Preload for a Tideline broker under the latency workload (node --import): where a Produce
// request's time goes inside the broker. Records event-loop delay, GC pauses, every FileHandle
// datasync/writev duration, and each Produce request's residence (its frame seen in a socket
// 'data' event -> its response written). Debug only: it patches net.Socket and FileHandle.
// LATENCY_PROBE_OUT names the JSON file, rewritten every 2 s and on SIGTERM/SIGINT.
import net from 'node:net';
import fsp from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';

const out = process.env.LATENCY_PROBE_OUT;
if (out === undefined) throw new Error('latency-probe: set LATENCY_PROBE_OUT');
const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();
// [startMs, durationMs(, gc kind)]; eventLoop: one [endMs, p50, p99, max] per second (reset each time).
const series = { gc: [], fsync: [], writev: [], produce: [], eventLoop: [] };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) series.gc.push([Math.round(e.startTime), +e.duration.toFixed(2), e.detail?.kind]);
}).observe({ entryTypes: ['gc'] });

const probe = await fsp.open(process.execPath, 'r');
const FH = Object.getPrototypeOf(probe);
await probe.close();
for (const [method, key] of [['datasync', 'fsync'], ['writev', 'writev']]) {
  const orig = FH[method];
  FH[method] = async function (...args) {
    const t = performance.now();
    try {
      return await orig.apply(this, args);
    } finally {
      series[key].push([Math.round(t), +(performance.now() - t).toFixed(2)]);
    }
  };
}

const pending = new Map();
const origEmit = net.Socket.prototype.emit;
// Frame boundaries of the inbound stream: only each frame's first 12 bytes (size, API key,
// version, correlation id) are kept; the rest is skipped without copying, so the probe adds next
// to no external memory of its own (copying every chunk into one growing buffer did: it drove
// mark-compacts that the broker alone does not have).
net.Socket.prototype.emit = function (event, ...args) {
  if (event === 'data' && this.server) {
    const now = performance.now();
    const st = (this.__latencyProbe ??= { head: Buffer.alloc(12), have: 0, skip: 0, key: null });
    const chunk = args[0];
    let i = 0;
    while (i < chunk.length) {
      if (st.skip > 0) {
        const n = Math.min(st.skip, chunk.length - i);
        st.skip -= n;
        i += n;
        if (st.skip === 0 && st.key !== null) pending.set(st.key, now); // the whole request is in
        continue;
      }
      const n = Math.min(12 - st.have, chunk.length - i);
      chunk.copy(st.head, st.have, i, i + n);
      st.have += n;
      i += n;
      if (st.have < 12) break;
      st.key = st.head.readInt16BE(4) === 0 ? `${this.remotePort}:${st.head.readInt32BE(8)}` : null;
      st.skip = st.head.readInt32BE(0) - 8;
      st.have = 0;
      if (st.skip <= 0 && st.key !== null) pending.set(st.key, now);
    }
  }
  return origEmit.call(this, event, ...args);
};
const origWrite = net.Socket.prototype.write;
net.Socket.prototype.write = function (chunk, ...args) {
  if (this.server && pending.size > 0 && Buffer.isBuffer(chunk) && chunk.length >= 8) {
    const key = `${this.remotePort}:${chunk.readInt32BE(4)}`;
    const t = pending.get(key);
    if (t !== undefined) {
      pending.delete(key);
      series.produce.push([Math.round(t), +(performance.now() - t).toFixed(2)]);
    }
  }
  return origWrite.call(this, chunk, ...args);
};

const ms = (ns) => +(ns / 1e6).toFixed(2);
setInterval(() => {
  series.eventLoop.push([Math.round(performance.now()), ms(eld.percentile(50)), ms(eld.percentile(99)), ms(eld.max)]);
  eld.reset();
}, 1000).unref();
const dump = () => writeFileSync(out, JSON.stringify(series));
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => {
  dump();
  process.exit(0);
});
setInterval(dump, 2000).unref();
