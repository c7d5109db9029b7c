// Hourly page-view counts in event time: a 10-minute watermark (max out-of-orderness), results
// once per hour window when it closes, and clicks that arrive after their hour closed in the
// late-data DLQ with the reason in headers.
//
//   npm run build && node examples/streams/page-views.mjs
//   tide dev   # in another terminal, then: TIDE_BROKERS=127.0.0.1:9092 node examples/streams/page-views.mjs
import { Producer } from '@tideline/client';
import { KafkaStreams, Serdes, StreamsBuilder, TimeWindows } from '@tideline/streams';
import { broker, createTopics, readUntil } from './common.mjs';

const b = await broker();
const run = Date.now();
const clicks = `clicks-${run}`;
const counts = `page-views-hourly-${run}`;
const app = `page-views-${run}`;
await createTopics(b.bootstrap, [{ topic: clicks }, { topic: counts, numPartitions: 1 }]);

const MIN = 60_000;
const HOUR = 60 * MIN;
const t0 = Date.UTC(2026, 0, 1, 9); // 09:00
// page, minutes after 09:00. The docs click of 09:58 arrives after the one of 10:35: the
// watermark (max event time - 10 min = 10:25) has passed 10:00, so its hour is closed: late.
// Each page is its own partition here, and each partition its own task and watermark.
const sample = [['home', 1], ['home', 15], ['docs', 30], ['home', 55], ['docs', 62], ['home', 58], ['home', 70], ['docs', 95], ['home', 129], ['docs', 58], ['home', 190], ['docs', 190]];
const producer = new Producer({ bootstrap: b.bootstrap });
for (const [page, m] of sample) await producer.send({ topic: clicks, messages: [{ key: page, value: JSON.stringify({ page, at: t0 + m * MIN }) }] });
await producer.close();

const builder = new StreamsBuilder();
builder
  .stream(clicks, { keySerde: Serdes.string(), valueSerde: Serdes.json(), timestampExtractor: (r) => r.value.at })
  .groupByKey()
  .windowedBy(TimeWindows.tumbling(HOUR))
  .count({ name: 'hourly-views' })
  .to(counts);
const streams = new KafkaStreams(builder.build(), { applicationId: app, bootstrap: b.bootstrap, maxOutOfOrdernessMs: 10 * MIN, guarantee: 'exactly-once' });
await streams.start();

const hhmm = (ms) => new Date(ms).toISOString().slice(11, 16);
let n = 0;
await readUntil(b.bootstrap, counts, (r) => {
  const w = JSON.parse(r.key.toString());
  console.log(`${w.key.padEnd(5)} ${hhmm(w.start)}-${hhmm(w.end)}  ${r.value.toString()} views`);
  n++;
}, () => n >= 5);
await readUntil(b.bootstrap, `${app}-late`, (r) => {
  const h = Object.fromEntries(r.headers.map((x) => [x.key, x.value?.toString()]));
  console.log(`late: ${r.value.toString()} (watermark ${hhmm(Number(h['tide.dlq.late.watermark.ms']))}, window ${hhmm(Number(h['tide.dlq.late.window.start.ms']))}-${hhmm(Number(h['tide.dlq.late.window.end.ms']))}, ${Number(h['tide.dlq.late.by.ms']) / MIN} min behind)`);
}, () => true);
console.log('watermarks:', streams.metrics().tasks.flatMap((t) => t.partitions.map((p) => `${p.topic}:${p.partition}=${Number.isFinite(p.watermark) ? hhmm(p.watermark) : '-'}`)).join(' '));
await streams.close();
await b.close();
