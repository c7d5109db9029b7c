// Tracing end to end, on Tideline and Apache Kafka: one order is followed through produce ->
// streams (repartition, stream-table join) -> output topic -> a failing consumer that dead-letters
// it -> replay -> the consumer again, and every hop is a span of ONE trace. Interop: a traceparent
// our producer writes is read in W3C format by KafkaJS, and one KafkaJS writes by hand is
// continued by our consumer.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { context, trace, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { Admin, Consumer, Producer } from '@tideline/client';
import { DeadLetterConsumer, replayDlq } from '@tideline/dlq';
import { kcat, toolOrSkip } from '@tideline/interop';
import { registerTestSdk } from '@tideline/observability/testing';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaStreams, Serdes, StreamsBuilder } from '../src/index.js';
import { bothBrokers, uniqueTopic, useApacheKafka } from './brokers.js';
import { waitFor } from './helpers.js';

useApacheKafka();
const sdk = registerTestSdk();
after(() => sdk.shutdown());

const S = Serdes.string();
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

bothBrokers('one order is one trace: produce, streams repartition and join, output, dead letter, replay', { timeout: 180_000 }, async (b) => {
  const app = uniqueTopic('trace-app');
  const orders = uniqueTopic('orders');
  const customers = uniqueTopic('customers');
  const enriched = uniqueTopic('enriched');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([orders, customers, enriched].map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })));
  await admin.close();

  // Customers first (the table side), then the order inside a root span: its trace id is the one to follow.
  const producer = new Producer({ bootstrap: b.bootstrap });
  await producer.send({ topic: customers, messages: [{ key: 'c1', value: 'Ada', timestamp: Date.now() - 1000 }] });
  const root = trace.getTracer('test').startSpan('checkout');
  const traceId = root.spanContext().traceId;
  await context.with(trace.setSpan(context.active(), root), () => producer.send({ topic: orders, messages: [{ key: 'o1', value: 'c1|book' }] }));
  root.end();
  await producer.close();

  const builder = new StreamsBuilder();
  const table = builder.table(customers, { keySerde: S, valueSerde: S });
  builder.stream(orders, { keySerde: S, valueSerde: S })
    .selectKey((_k, v) => v.split('|')[0]!, S) // key change: the join reads through a repartition topic
    .leftJoin(table, (o, c) => `${o}|${c ?? '?'}`)
    .to(enriched, { valueSerde: S });
  const streams = new KafkaStreams(builder.build(), { applicationId: app, bootstrap: b.bootstrap });

  // The failing consumer, exactly-once: its outputs (and dead letters) are sent after the handler, in a transaction.
  const shipped = uniqueTopic('shipped');
  let calls = 0;
  const handled: string[] = [];
  const dlqConsumer = new DeadLetterConsumer({
    bootstrap: b.bootstrap,
    groupId: `${app}-shipping`,
    topics: [enriched],
    classify: () => 'permanent',
    exactlyOnce: { transactionalId: `${app}-shipping` },
    consumer: { maxWaitMs: 100 },
    handler: async (r, ctx) => {
      await new Promise((resolve) => setImmediate(resolve)); // the context survives awaits
      if (++calls === 1) throw new Error('shipping service refused the order');
      ctx.send(shipped, { key: r.key, value: r.value });
      handled.push(r.value!.toString());
    },
  });
  await streams.start();
  const running = dlqConsumer.run();
  try {
    await waitFor('the order dead-lettered', () => sdk.trace(traceId).some((s) => s.name === `send ${enriched}.dlq`), 90_000);
    const replay = await replayDlq({ bootstrap: b.bootstrap }, `${enriched}.dlq`, { dryRun: false });
    assert.equal(replay.moved, 1);
    await waitFor('the replayed order processed', () => handled.length === 1, 60_000);
  } finally {
    await dlqConsumer.close();
    await running.catch(() => undefined);
    await streams.close();
  }
  assert.equal(handled[0], 'c1|book|Ada');

  const spans = sdk.trace(traceId);
  const names = spans.map((s) => s.name);
  const repartition = names.find((n) => n.startsWith('send ') && n.includes('repartition'));
  assert.ok(repartition !== undefined, `a send to the repartition topic in ${names.join(', ')}`);
  const hops = [
    'checkout',
    `send ${orders}`,
    `process ${orders}`, // streams, before the key change
    repartition,
    `process ${repartition.slice('send '.length)}`, // streams, the join
    `send ${enriched}`,
    `process ${enriched}`, // the failing consumer
    `send ${enriched}.dlq`,
    `replay ${enriched}.dlq`,
    `send ${shipped}`, // the consumer's output once the replayed order succeeds
  ];
  for (const h of hops) assert.ok(names.includes(h), `span "${h}" in trace ${traceId}: ${names.join(', ')}`);
  const processEnriched = spans.filter((s) => s.name === `process ${enriched}`);
  assert.equal(processEnriched.length, 2, 'the failed attempt and the replayed one');
  assert.deepEqual(processEnriched.map((s) => s.status.code).sort(), [SpanStatusCode.UNSET, SpanStatusCode.ERROR].sort());
  assert.equal(spans.filter((s) => s.name === `send ${enriched}`).length, 2, 'the streams output and the replay');
  const ok = processEnriched.find((s) => s.status.code === SpanStatusCode.UNSET)!;
  assert.equal(spans.find((s) => s.name === `send ${shipped}`)!.parentSpanContext?.spanId, ok.spanContext().spanId, 'the output sent in the transaction continues the processing');
  // Every span but the root has its parent in the trace: one tree, no orphan.
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  for (const s of spans) if (s.name !== 'checkout') assert.ok(s.parentSpanContext !== undefined && ids.has(s.parentSpanContext.spanId), `${s.name} has its parent in the trace`);
  // Semantic conventions.
  const send = spans.find((s) => s.name === `send ${orders}`)!;
  assert.equal(send.kind, SpanKind.PRODUCER);
  assert.equal(send.attributes['messaging.system'], 'kafka');
  assert.equal(send.attributes['messaging.destination.name'], orders);
  assert.equal(send.attributes['messaging.destination.partition.id'], '0');
  assert.equal(send.attributes['messaging.kafka.offset'], 0);
  const processed = spans.find((s) => s.name === `process ${orders}`)!;
  assert.equal(processed.kind, SpanKind.CONSUMER);
  assert.equal(processed.attributes['messaging.consumer.group.name'], app);
  assert.equal(processed.parentSpanContext?.spanId, send.spanContext().spanId, 'streams continues the producer context');
});

bothBrokers('interop: KafkaJS and kcat read our traceparent in W3C format; our consumer continues one KafkaJS wrote', { timeout: 120_000 }, async (b, t) => {
  const topic = uniqueTopic('trace-interop');
  const admin = new Admin({ bootstrap: b.bootstrap });
  await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1 }]);
  await admin.close();

  // Ours -> KafkaJS.
  const producer = new Producer({ bootstrap: b.bootstrap });
  const root = trace.getTracer('test').startSpan('interop-root');
  await context.with(trace.setSpan(context.active(), root), () => producer.send({ topic, messages: [{ key: 'ours', value: 'x' }] }));
  root.end();
  await producer.close();
  const sendSpan = sdk.trace(root.spanContext().traceId).find((s) => s.name === `send ${topic}`)!;
  const kafka = new Kafka({ brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
  const kc = kafka.consumer({ groupId: uniqueTopic('kjs'), maxWaitTimeInMs: 100 });
  await kc.connect();
  await kc.subscribe({ topics: [topic], fromBeginning: true });
  const seen = new Promise<string>((resolve) => {
    void kc.run({ eachMessage: async ({ message }) => resolve(String(message.headers?.['traceparent'])) });
  });
  const tp = await seen;
  await kc.disconnect();
  const m = TRACEPARENT.exec(tp);
  assert.ok(m !== null, `W3C traceparent: ${tp}`);
  assert.equal(m[1], root.spanContext().traceId);
  assert.equal(m[2], sendSpan.spanContext().spanId, 'the parent id is our send span');
  if (toolOrSkip(t, 'kcat')) {
    const k = await kcat(['-b', b.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-c', '1', '-e', '-J', '-q']);
    const row = JSON.parse(k.stdout.trim().split('\n')[0]!) as { headers?: string[] };
    const h = row.headers ?? [];
    assert.equal(h[h.indexOf('traceparent') + 1], tp, 'kcat -J shows the same header');
  }

  // KafkaJS (a hand-built W3C header) -> ours.
  const foreignTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const foreignSpan = '00f067aa0ba902b7';
  const kp = kafka.producer();
  await kp.connect();
  await kp.send({ topic, messages: [{ key: 'theirs', value: 'y', headers: { traceparent: `00-${foreignTrace}-${foreignSpan}-01`, tracestate: 'vendor=abc' } }] });
  await kp.disconnect();
  const consumer = new Consumer({ bootstrap: b.bootstrap, maxWaitMs: 100 });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  let inner: string | undefined;
  for await (const r of consumer) {
    if (r.key?.toString() !== 'theirs') continue;
    inner = consumer.process(r, () => trace.getActiveSpan()?.spanContext().traceId);
    break;
  }
  await consumer.close();
  assert.equal(inner, foreignTrace, 'the processing runs inside the foreign trace');
  const span = sdk.trace(foreignTrace).find((s) => s.name === `process ${topic}`);
  assert.ok(span !== undefined);
  assert.equal(span.parentSpanContext?.spanId, foreignSpan);
  assert.equal(span.parentSpanContext?.traceState?.get('vendor'), 'abc');
});
