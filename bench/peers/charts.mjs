// One PNG per workload from a results object (see bench/systems.bench.mjs).
import { join } from 'node:path';
import { groupedBars, lines, renderPng, systemColor as colorOf } from './chart.mjs';

const sizeLabel = (n) => (n === 1024 ? '1 KiB records' : `${n} B records`);
const MiB = 2 ** 20;

export async function writeCharts(r, dir) {
  const out = {};
  const disk = r.limits.seqWrite1MiB?.mbPerSec;
  const diskRule = disk ? [{ value: disk, label: `disk, 1 MiB writes + fdatasync: ${disk.toFixed(0)} MB/s` }] : [];

  const produceRows = [];
  for (const size of r.config.sizes) {
    for (const p of r.produce.filter((x) => x.recordSize === size)) produceRows.push({ group: sizeLabel(size), series: p.label, value: p.mbPerSec });
    for (const p of r.peers.filter((x) => x.recordSize === size)) produceRows.push({ group: sizeLabel(size), series: p.label, value: p.mbPerSec });
  }
  if (produceRows.length) {
    out.produce = await renderPng(groupedBars({ title: 'Produce throughput, acks=all / durable publish (MB/s of record values)', rows: produceRows, unit: 'MB/s', rules: diskRule, colorOf }), join(dir, 'produce.png'));
  }
  const kcatRows = r.kcatProduce.map((p) => ({ group: sizeLabel(p.recordSize), series: p.label, value: p.mbPerSec }));
  if (kcatRows.length) {
    out.kcatProduce = await renderPng(groupedBars({ title: 'Produce throughput with librdkafka (kcat -P, acks=all), MB/s', rows: kcatRows, unit: 'MB/s', rules: diskRule, colorOf }), join(dir, 'produce-kcat.png'));
  }
  const latRows = [];
  for (const l of r.latency) {
    for (const [k, v] of [['ack p50', l.producer.p50Ms], ['ack p99', l.producer.p99Ms], ['ack p99.9', l.producer.p999Ms], ['end-to-end p50', l.e2e.p50Ms], ['end-to-end p99', l.e2e.p99Ms], ['end-to-end p99.9', l.e2e.p999Ms]]) {
      latRows.push({ group: l.label, series: k, value: Math.max(0.5, v), label: `${v} ms` });
    }
  }
  if (latRows.length) {
    const f = r.limits.fsync4KiB;
    out.latency = await renderPng(groupedBars({
      title: `Latency at ${r.latencyRate?.recordsPerSec ?? '?'} records/s of 1 KiB (50% of the lowest peak), ms, log scale`, rows: latRows, unit: 'ms', log: true,
      rules: f ? [{ value: f.p99Ms, label: `4 KiB append + fdatasync p99: ${f.p99Ms.toFixed(1)} ms` }] : [],
    }), join(dir, 'latency.png'));
  }
  const consRows = r.consume.map((c) => ({ group: sizeLabel(c.recordSize), series: `${c.label} (${c.tool})`, value: c.tool === 'kcat' ? c.mbPerSec : c.fetchMbPerSec }));
  if (consRows.length) {
    const tcp = r.limits.loopbackTcp?.mbPerSec;
    out.consume = await renderPng(groupedBars({ title: 'Cold consume from offset 0 (MB/s of record values)', rows: consRows, unit: 'MB/s', colorOf, rules: tcp ? [{ value: tcp, label: `loopback TCP: ${tcp.toFixed(0)} MB/s` }] : [] }), join(dir, 'consume.png'));
  }
  const coldRows = [];
  for (const sys of [...new Set(r.coldStart.map((c) => c.system))]) {
    const xs = r.coldStart.filter((c) => c.system === sys).map((c) => c.launchToAckMs).sort((a, b) => a - b);
    coldRows.push({ group: 'launch to first acked produce', series: sys === 'tideline' ? 'Tideline (tide broker start)' : 'Kafka (kafka.Kafka)', value: xs[Math.floor(xs.length / 2)] });
  }
  if (r.floors.nodeStartExitMs) coldRows.push({ group: 'floors', series: 'node -e 0', value: r.floors.nodeStartExitMs });
  if (r.floors.javaVersionMs) coldRows.push({ group: 'floors', series: 'java -version', value: r.floors.javaVersionMs });
  if (coldRows.length) out.coldStart = await renderPng(groupedBars({ title: 'Cold start (median, ms, log scale)', rows: coldRows, unit: 'ms', log: true, colorOf }), join(dir, 'cold-start.png'));
  const rssRows = [];
  for (const [key, group] of [['idleBytes', 'idle after start'], ['underLoadBytes', 'peak under produce load'], ['afterLoadBytes', 'idle after the workloads']]) {
    for (const e of r.rss) if (e[key] !== undefined) rssRows.push({ group, series: e.label, value: e[key] / MiB });
  }
  if (rssRows.length) out.rss = await renderPng(groupedBars({ title: 'Resident memory (MiB)', rows: rssRows, unit: 'MiB', colorOf }), join(dir, 'rss.png'));
  const partRows = r.partitions.map((p) => ({ x: p.partitions, series: p.label, value: p.mbPerSec }));
  if (partRows.length) {
    if (disk) for (const n of r.config.partitions) partRows.push({ x: n, series: 'disk limit (1 MiB + fdatasync)', value: disk });
    out.partitions = await renderPng(lines({ title: 'Produce throughput vs partitions (1 KiB records, acks=all)', rows: partRows, xTitle: 'partitions (log scale)', yTitle: 'MB/s', logX: true, colorOf }), join(dir, 'partitions.png'));
  }
  return out;
}
