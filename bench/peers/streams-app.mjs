// The click-count job of bench/streams.bench.mjs with @tideline/streams, in its own process (as the
// Kafka Streams job runs in its own JVM). One argument: a JSON object
//   { bootstrap, applicationId, input, output, records, guarantee, commitIntervalMs,
//     mode: { type: 'per-event' } | { type: 'micro-batch', triggerMs }, emit: 'final' | 'update' }
// Hourly tumbling windows, a 10-minute watermark (maxOutOfOrdernessMs) and no grace: a window
// closes once the partition's max event time reaches end + 10 min, the rule of Kafka Streams'
// 10-minute grace. Late records go to `<applicationId>-late`.
//
// Timing, printed as one JSON line at the end: from just before start() until (processedMs) the
// application's processedTotal reaches `records` (cpuSeconds: this process's CPU time until then;
// after an exactly-once abort the reprocessed records count again, so this can come a little
// early: the tasks' own counters restart with the rebuilt tasks and never got there), and
// (committedMs) the group's committed offsets on the input reach the input's end offsets (polled
// every 50 ms with an Admin client). Then close().
import { Admin } from '@tideline/client';
import { KafkaStreams, Serdes, StreamsBuilder, TimeWindows } from '@tideline/streams';

export const HOUR = 3_600_000;
export const WATERMARK_MS = 600_000;

export function clickCountTopology(input, output, emit = 'final') {
  const b = new StreamsBuilder();
  b.stream(input, { keySerde: Serdes.string(), valueSerde: Serdes.json(), timestampExtractor: (r) => r.value.ts })
    .groupByKey()
    .windowedBy(TimeWindows.tumbling(HOUR))
    .count({ name: 'click-counts', emit })
    .to(output);
  return b.build();
}

async function main(cfg) {
  const admin = new Admin({ bootstrap: cfg.bootstrap });
  const [desc] = await admin.describeTopics([cfg.input]);
  const parts = desc.partitions.map((p) => p.partition);
  const ends = await admin.listOffsets(parts.map((partition) => ({ topic: cfg.input, partition, spec: 'latest' })));
  const end = ends.reduce((s, x) => s + Number(x.offset), 0);
  let failure;
  const app = new KafkaStreams(clickCountTopology(cfg.input, cfg.output, cfg.emit), {
    applicationId: cfg.applicationId,
    bootstrap: cfg.bootstrap,
    guarantee: cfg.guarantee,
    commitIntervalMs: cfg.commitIntervalMs,
    mode: cfg.mode,
    ...(cfg.lingerMs !== undefined ? { lingerMs: cfg.lingerMs } : {}),
    ...(cfg.adaptiveLinger !== undefined ? { adaptiveLinger: cfg.adaptiveLinger } : {}),
    maxOutOfOrdernessMs: WATERMARK_MS,
    instanceId: 'bench-1',
    onError: (e) => (failure = e),
    // STREAMS_APP_LOG=1: the application's warnings and errors on stderr (why a run aborted or stalled).
    ...(process.env.STREAMS_APP_LOG ? { logger: (level, msg, data) => level !== 'debug' && console.error(new Date().toISOString(), level, msg, data === undefined ? '' : JSON.stringify(data, (_, v) => (typeof v === 'bigint' ? String(v) : v))) } : {}),
  });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const metric = (f) => app.metrics().tasks.reduce((s, t) => s + t[f], 0);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let cpuSeconds = -1; // this process's CPU time until every record was processed
  const deadline = Date.now() + (cfg.timeoutSec ?? 1800) * 1000;
  await app.start();
  let processedMs = -1;
  let committedMs = -1;
  let nextProgress = t0 + 5000;
  while (Date.now() < deadline && failure === undefined) {
    const now = performance.now();
    if (processedMs < 0 && app.metrics().processedTotal >= cfg.records) {
      processedMs = now - t0;
      const c = process.cpuUsage(cpu0);
      cpuSeconds = (c.user + c.system) / 1e6;
    }
    if (processedMs >= 0) {
      const offs = await admin.listGroupOffsets(cfg.applicationId);
      const committed = offs.filter((o) => o.topic === cfg.input && o.offset >= 0n).reduce((s, o) => s + Number(o.offset), 0);
      if (committed >= end) {
        committedMs = performance.now() - t0;
        break;
      }
    }
    if (now >= nextProgress) {
      console.log(JSON.stringify({ event: 'progress', ms: Math.round(now - t0), processed: app.metrics().processedTotal }));
      nextProgress += 5000;
    }
    await sleep(processedMs >= 0 ? 50 : 10);
  }
  const summary = { event: 'done', processed: app.metrics().processedTotal, end, processedMs, committedMs, cpuSeconds, late: metric('lateRecords'), commits: app.metrics().commits, state: app.metrics().state, error: failure?.message };
  await app.close();
  await admin.close();
  console.log(JSON.stringify(summary));
  process.exitCode = committedMs < 0 ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main(JSON.parse(process.argv[2]));
