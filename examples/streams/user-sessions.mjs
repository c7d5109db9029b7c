// User sessions: a session ends after 30 minutes without activity and never lasts more than
// 24 hours (a longer one is closed and a new one starts). One result per session when it closes.
//
//   npm run build && node examples/streams/user-sessions.mjs
//   with `tide dev` running: TIDE_BROKERS=127.0.0.1:9092 node examples/streams/user-sessions.mjs
import { Producer } from '@tideline/client';
import { KafkaStreams, Serdes, SessionWindows, StreamsBuilder } from '@tideline/streams';
import { broker, createTopics, readUntil } from './common.mjs';

const b = await broker();
const run = Date.now();
const activity = `user-activity-${run}`;
const sessions = `user-sessions-${run}`;
await createTopics(b.bootstrap, [{ topic: activity, numPartitions: 1 }, { topic: sessions, numPartitions: 1 }]);

const MIN = 60_000;
const HOUR = 60 * MIN;
const t0 = Date.UTC(2026, 0, 1, 0);
const events = [];
// ann: two sessions (a 45-minute pause); bob: active every 20 minutes for 30 hours: capped at 24 h.
for (const m of [0, 10, 25, 70, 80]) events.push(['ann', t0 + m * MIN]);
for (let m = 0; m <= 30 * 60; m += 20) events.push(['bob', t0 + m * MIN]);
events.sort((x, y) => x[1] - y[1]);
events.push(['zed', t0 + 40 * HOUR]); // moves event time on so the last sessions close
const producer = new Producer({ bootstrap: b.bootstrap });
await producer.send({ topic: activity, messages: events.map(([user, at]) => ({ key: user, value: JSON.stringify({ user, at }) })) });
await producer.close();

const builder = new StreamsBuilder();
builder
  .stream(activity, { keySerde: Serdes.string(), valueSerde: Serdes.json(), timestampExtractor: (r) => r.value.at })
  .groupByKey()
  .windowedBy(SessionWindows.withGap(30 * MIN).maxDuration(24 * HOUR))
  .count({ name: 'sessions' })
  .to(sessions);
const streams = new KafkaStreams(builder.build(), { applicationId: `sessions-${run}`, bootstrap: b.bootstrap });
await streams.start();

const fmt = (ms) => new Date(ms).toISOString().slice(5, 16).replace('T', ' ');
let n = 0;
await readUntil(b.bootstrap, sessions, (r) => {
  const w = JSON.parse(r.key.toString());
  console.log(`${w.key}: ${fmt(w.start)} -> ${fmt(w.end)} (${((w.end - w.start) / HOUR).toFixed(1)} h, ${r.value.toString()} events)`);
  n++;
}, () => n >= 4);
await streams.close();
await b.close();
