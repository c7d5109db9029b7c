// W3C trace context (`traceparent`, `tracestate`) in Kafka record headers, through
// @opentelemetry/api only: the globally registered propagator writes and reads the headers, the
// globally registered tracer makes the spans, so any OpenTelemetry SDK and exporter works. With
// no SDK registered the propagator has no fields and every helper returns at once (no span, no
// header copied): tracing costs one function call per send or record.
//
// Spans follow OpenTelemetry's messaging semantic conventions: a PRODUCER span "send <topic>" per
// send() call, a CONSUMER span "process <topic>" per record processed. The process span is a
// CHILD of the context found in the record's headers (not only linked to it), so that one order
// is one trace from its first send to its last consumer; the conventions allow either, and a
// parent keeps the trace whole in every viewer. A send span's parent is the active context; when
// there is none (a batch sent after processing, as the streams runtime does), the first message's
// own context, and it links to every message's context.
//
// Precedence: a message that already carries a `traceparent` keeps it (it was created in that
// context: a streams output, a dead-lettered or replayed record); the producer writes its send
// span's context only into messages without one.
import {
  context, propagation, trace, ROOT_CONTEXT, SpanKind, SpanStatusCode,
  type Attributes, type Context, type Link, type Span, type TextMapGetter, type TextMapSetter,
} from '@opentelemetry/api';

/** A record header as our client, KafkaJS and most others hand them out. */
export interface HeaderLike {
  key: string;
  value: Buffer | string | null;
}

/** A header as our producer writes it. */
export interface TraceHeader {
  key: string;
  value: Buffer | null;
}

export const TRACEPARENT = 'traceparent';
export const TRACESTATE = 'tracestate';

const TRACER_NAME = '@tideline/observability';
const MAX_LINKS = 32;

function headerText(v: Buffer | string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === 'string' ? v : v.toString('latin1');
}

/** Reads header values for the propagator (the last value of a repeated key wins, as Kafka's lastHeader). */
export const headerGetter: TextMapGetter<readonly HeaderLike[]> = {
  keys: (carrier) => carrier.map((h) => h.key),
  get: (carrier, key) => {
    for (let i = carrier.length - 1; i >= 0; i--) {
      const h = carrier[i]!;
      if (h.key === key) return headerText(h.value);
    }
    return undefined;
  },
};

/** Writes header values for the propagator into a plain object (turned into headers afterwards). */
const objectSetter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** True when a propagator is registered (an OpenTelemetry SDK is set up); false costs nothing further. */
export function tracingEnabled(): boolean {
  return propagation.fields().length > 0;
}

/** The headers the registered propagator writes for `ctx` (empty when there is no valid span in it). */
export function traceHeaders(ctx: Context = context.active()): TraceHeader[] {
  if (!tracingEnabled() || trace.getSpanContext(ctx) === undefined) return [];
  const o: Record<string, string> = {};
  propagation.inject(ctx, o, objectSetter);
  const out: TraceHeader[] = [];
  for (const key in o) out.push({ key, value: Buffer.from(o[key]!, 'latin1') });
  return out;
}

/**
 * `headers` with the trace context of `ctx` (default: the active one) in place of any earlier
 * one; the same array when there is nothing to write (no SDK, or no span in the context).
 */
export function injectTraceContext<H extends HeaderLike>(headers: readonly H[], ctx: Context = context.active()): ReadonlyArray<H | TraceHeader> {
  const add = traceHeaders(ctx);
  if (add.length === 0) return headers;
  return mergeTraceHeaders(headers, add);
}

/**
 * Headers in either of the client's shapes (a list or a name → value object) with the active
 * trace context added, as a list; `headers` itself when there is nothing to add or they carry a
 * `traceparent` already. For messages
 * created now and sent later (a transaction's outputs).
 */
export function withActiveTraceContext<H extends Record<string, Buffer | string | null> | readonly HeaderLike[]>(headers: H | undefined): H | HeaderLike[] | undefined {
  const add = traceHeaders();
  if (add.length === 0) return headers;
  const list: HeaderLike[] = headers === undefined ? [] : Array.isArray(headers) ? [...(headers as readonly HeaderLike[])] : Object.entries(headers).map(([key, value]) => ({ key, value }));
  // A message's own context wins (see the file's comment).
  if (hasTraceContext(list)) return headers;
  return mergeTraceHeaders(list, add);
}

/** `headers` without the keys in `add`, followed by `add`. */
export function mergeTraceHeaders<H extends HeaderLike>(headers: readonly H[], add: readonly TraceHeader[]): Array<H | TraceHeader> {
  const out: Array<H | TraceHeader> = [];
  for (const h of headers) if (!add.some((a) => a.key === h.key)) out.push(h);
  for (const a of add) out.push(a);
  return out;
}

/** The context carried by a record's headers, on top of `parent` (default: the root context). */
export function extractTraceContext(headers: readonly HeaderLike[], parent: Context = ROOT_CONTEXT): Context {
  if (!tracingEnabled()) return parent;
  return propagation.extract(parent, headers, headerGetter);
}

/** True when the headers carry a `traceparent`. */
export function hasTraceContext(headers: readonly HeaderLike[]): boolean {
  for (const h of headers) if (h.key === TRACEPARENT) return true;
  return false;
}

function tracer(): ReturnType<typeof trace.getTracer> {
  return trace.getTracer(TRACER_NAME);
}

function endWith(span: Span, error: unknown): void {
  if (error !== undefined && error !== null) {
    span.recordException(error instanceof Error ? error : new Error(String(error)));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
    if (error instanceof Error) span.setAttribute('error.type', error.name);
  }
  span.end();
}

// ---- producer ------------------------------------------------------------------------------

/** Where the records of a send landed, for the span's attributes. */
export interface SentRecord {
  partition: number;
  offset: bigint;
}

export interface SendSpan {
  /** The headers to add to messages that carry no trace context of their own. */
  readonly headers: readonly TraceHeader[];
  /** Ends the span: with the records' partitions and offsets, or with the error. */
  end(result: readonly SentRecord[] | null, error?: unknown): void;
}

/**
 * Starts the PRODUCER span of one send() call (null when tracing is off). `messageHeaders` are
 * the messages' own headers: their contexts become links, and the first one the parent when no
 * context is active.
 */
export function startSendSpan(topic: string, messageHeaders: ReadonlyArray<readonly HeaderLike[] | undefined>, clientId?: string): SendSpan | null {
  if (!tracingEnabled()) return null;
  let parent = context.active();
  const links: Link[] = [];
  for (const h of messageHeaders) {
    if (h === undefined || !hasTraceContext(h)) continue;
    const ctx = extractTraceContext(h);
    const sc = trace.getSpanContext(ctx);
    if (sc === undefined) continue;
    if (trace.getSpanContext(parent) === undefined) parent = ctx;
    if (links.length < MAX_LINKS) links.push({ context: sc });
  }
  const attributes: Attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.name': 'send',
    'messaging.operation.type': 'send',
    'messaging.destination.name': topic,
  };
  if (messageHeaders.length !== 1) attributes['messaging.batch.message_count'] = messageHeaders.length;
  if (clientId !== undefined) attributes['messaging.client.id'] = clientId;
  const span = tracer().startSpan(`send ${topic}`, { kind: SpanKind.PRODUCER, attributes, links }, parent);
  const headers = traceHeaders(trace.setSpan(parent, span));
  return {
    headers,
    end(result, error) {
      if (result !== null && result.length > 0) {
        const first = result[0]!;
        if (result.every((r) => r.partition === first.partition)) span.setAttribute('messaging.destination.partition.id', String(first.partition));
        if (result.length === 1 && first.offset >= 0n) span.setAttribute('messaging.kafka.offset', Number(first.offset));
      }
      endWith(span, error);
    },
  };
}

// ---- consumer ------------------------------------------------------------------------------

/** The parts of a consumed record a process span describes. */
export interface TracedRecord {
  topic: string;
  partition: number;
  offset: bigint;
  headers: readonly HeaderLike[];
}

export interface ProcessSpanOptions {
  /** Consumer group (or streams application id). */
  group?: string;
  /** The operation in the span name; default 'process'. */
  operation?: string;
}

export interface ProcessSpan {
  /** The record's context with the process span active: run the processing in it. */
  readonly context: Context;
  end(error?: unknown): void;
}

/** Starts the CONSUMER span processing one record, a child of the context in its headers (null when tracing is off). */
export function startProcessSpan(record: TracedRecord, opts: ProcessSpanOptions = {}): ProcessSpan | null {
  if (!tracingEnabled()) return null;
  const op = opts.operation ?? 'process';
  const parent = extractTraceContext(record.headers, context.active());
  const attributes: Attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.name': op,
    'messaging.operation.type': 'process',
    'messaging.destination.name': record.topic,
    'messaging.destination.partition.id': String(record.partition),
    'messaging.kafka.offset': Number(record.offset),
  };
  if (opts.group !== undefined) attributes['messaging.consumer.group.name'] = opts.group;
  const span = tracer().startSpan(`${op} ${record.topic}`, { kind: SpanKind.CONSUMER, attributes }, parent);
  return { context: trace.setSpan(parent, span), end: (error) => endWith(span, error) };
}

/** Runs `fn` with the span's context active (or plainly when `span` is null). */
export function withSpanContext<T>(span: ProcessSpan | null, fn: () => T): T {
  return span === null ? fn() : context.with(span.context, fn);
}

/**
 * Processes one record inside a process span: `fn` runs with the span active (so what it sends
 * carries the same trace), the span ends when `fn` returns or its promise settles, with the error
 * if it threw.
 */
export function processRecord<T>(record: TracedRecord, fn: () => T, opts: ProcessSpanOptions = {}): T {
  const span = startProcessSpan(record, opts);
  if (span === null) return fn();
  let result: T;
  try {
    result = context.with(span.context, fn);
  } catch (e) {
    span.end(e);
    throw e;
  }
  if (result instanceof Promise) {
    return result.then(
      (v: unknown) => {
        span.end();
        return v;
      },
      (e: unknown) => {
        span.end(e);
        throw e;
      },
    ) as T;
  }
  span.end();
  return result;
}
