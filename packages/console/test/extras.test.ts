// The overview's metrics source (a Prometheus endpoint given with --metrics) and the live tail
// (server-sent events), against Tideline and Apache Kafka.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import kafkajs from 'kafkajs';
import { parsePrometheus, startConsole } from '../src/index.js';
import { bothBrokers, call, uniqueTopic, useApacheKafka, withConsole } from './brokers.js';
import { seedTopic } from './seed.js';

useApacheKafka();

const PROM = `# HELP tideline_bytes_in_total Bytes produced
# TYPE tideline_bytes_in_total counter
tideline_bytes_in_total{topic="a"} 1024
tideline_bytes_in_total{topic="b\\"q"} 2048
tideline_log_size_bytes 4096
garbage line without value
`;

test('parsePrometheus reads samples and labels, skips comments and junk', () => {
  const s = parsePrometheus(PROM);
  assert.deepEqual(s, [
    { name: 'tideline_bytes_in_total', labels: { topic: 'a' }, value: 1024 },
    { name: 'tideline_bytes_in_total', labels: { topic: 'b"q' }, value: 2048 },
    { name: 'tideline_log_size_bytes', labels: {}, value: 4096 },
  ]);
});

test('/api/metrics reads the --metrics endpoint; without it 404; unreachable 502', async () => {
  const srv = createServer((_req, res) => res.end(PROM));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  const c = await startConsole({ cluster: { bootstrap: '127.0.0.1:1', retries: 1 }, port: 0, metricsUrl: `http://127.0.0.1:${port}/metrics` });
  const none = await startConsole({ cluster: { bootstrap: '127.0.0.1:1', retries: 1 }, port: 0 });
  try {
    const m = await call<{ samples: Array<{ name: string }> }>(c, 'GET', '/api/metrics?prefix=tideline_log');
    assert.equal(m.status, 200);
    assert.deepEqual(m.body.samples.map((x) => x.name), ['tideline_log_size_bytes']);
    assert.equal((await call(none, 'GET', '/api/metrics')).status, 404);
    await new Promise<void>((r) => srv.close(() => r()));
    srv.closeAllConnections();
    assert.equal((await call(c, 'GET', '/api/metrics')).status, 502);
  } finally {
    await c.close();
    await none.close();
    if (srv.listening) srv.close();
  }
});

bothBrokers('live tail: records produced (by KafkaJS) after the tail opens arrive as server-sent events, filtered', { timeout: 90_000 }, async (b) => {
  const topic = uniqueTopic('console-tail');
  await seedTopic(b.bootstrap, topic, { partitions: 2, count: 10 });
  await withConsole(b.bootstrap, async (c) => {
    const ac = new AbortController();
    const res = await fetch(new URL(`/api/topics/${topic}/tail?filter=${encodeURIComponent('key startsWith "live-"')}`, c.url), { signal: ac.signal });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the opening comment: the tail is positioned at the end
    const kafka = new kafkajs.Kafka({ clientId: 'console-tail', brokers: [b.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
    const kp = kafka.producer();
    await kp.connect();
    await kp.send({ topic, messages: [{ key: 'skip-1', value: 'no' }, { key: 'live-1', value: 'yes', partition: 1 }] });
    await kp.disconnect();
    let text = '';
    const deadline = Date.now() + 30_000;
    while (!text.includes('event: record') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    ac.abort();
    const data = /event: record\ndata: (.*)\n/.exec(text);
    assert.ok(data, text);
    const rec = JSON.parse(data[1]!) as { key: { base64: string }; partition: number; offset: string };
    assert.equal(Buffer.from(rec.key.base64, 'base64').toString(), 'live-1');
    assert.ok(!text.includes(Buffer.from('skip-1').toString('base64')), 'the filter applies to the tail');
  });
});
