// Trace context in record headers: nothing happens without an SDK; with one, the W3C headers
// round-trip, replace earlier ones, and a message's own context wins over the send span's.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { context, trace } from '@opentelemetry/api';
import { extractTraceContext, injectTraceContext, processRecord, startProcessSpan, startSendSpan, traceHeaders, tracingEnabled } from '../src/index.js';
import { registerTestSdk } from './sdk.js';

const record = (headers: Array<{ key: string; value: Buffer | string | null }>) => ({ topic: 't', partition: 3, offset: 7n, headers });

test('without an SDK: no spans, the same header array back, processing runs plainly', () => {
  assert.equal(tracingEnabled(), false);
  const h = [{ key: 'a', value: Buffer.from('1') }];
  assert.equal(injectTraceContext(h), h);
  assert.equal(startSendSpan('t', [h]), null);
  assert.equal(startProcessSpan(record(h)), null);
  assert.equal(processRecord(record(h), () => 42), 42);
});

test('with an SDK: inject and extract round-trip in W3C format; earlier trace headers are replaced', async () => {
  const sdk = registerTestSdk();
  try {
    const span = trace.getTracer('t').startSpan('root');
    const ctx = trace.setSpan(context.active(), span);
    const out = injectTraceContext([{ key: 'a', value: 'x' }, { key: 'traceparent', value: 'stale' }], ctx);
    assert.deepEqual(out.map((h) => h.key), ['a', 'traceparent']);
    const tp = out[1]!.value!.toString();
    assert.equal(tp, `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
    assert.equal(trace.getSpanContext(extractTraceContext(out))?.spanId, span.spanContext().spanId);
    assert.deepEqual(traceHeaders(context.active()), [], 'no span active: nothing to write');

    // A send span: child of the active context; its headers carry its own id.
    const send = context.with(ctx, () => startSendSpan('orders', [undefined, undefined], 'c1'))!;
    send.end([{ partition: 0, offset: 5n }, { partition: 0, offset: 6n }]);
    const sent = sdk.spans().find((s) => s.name === 'send orders')!;
    assert.equal(sent.parentSpanContext?.spanId, span.spanContext().spanId);
    assert.equal(send.headers[0]!.value!.toString(), `00-${span.spanContext().traceId}-${sent.spanContext().spanId}-01`);
    assert.equal(sent.attributes['messaging.batch.message_count'], 2);
    assert.equal(sent.attributes['messaging.destination.partition.id'], '0');
    assert.equal(sent.attributes['messaging.client.id'], 'c1');

    // No active context: the first message's own context is the parent, and each is a link.
    const own = injectTraceContext([], ctx);
    startSendSpan('later', [own])!.end(null, new Error('boom'));
    const later = sdk.spans().find((s) => s.name === 'send later')!;
    assert.equal(later.parentSpanContext?.spanId, span.spanContext().spanId);
    assert.equal(later.links.length, 1);
    assert.equal(later.status.code, 2);

    // Processing: a child of the record's context, active while fn runs, ended when its promise settles.
    const inner = await processRecord(record([...own]), async () => trace.getActiveSpan()?.spanContext().traceId, { group: 'g' });
    assert.equal(inner, span.spanContext().traceId);
    const p = sdk.spans().find((s) => s.name === 'process t')!;
    assert.equal(p.parentSpanContext?.spanId, span.spanContext().spanId);
    assert.equal(p.attributes['messaging.kafka.offset'], 7);
    assert.equal(p.attributes['messaging.consumer.group.name'], 'g');
    await assert.rejects(processRecord(record([]), async () => {
      throw new Error('bad');
    }));
    span.end();
  } finally {
    await sdk.shutdown();
  }
});
