// The dead-letter envelope: headers added to a failed record, next to its original key, value,
// headers and timestamp. Every value is a UTF-8 string; numbers are decimal (times in ms since
// the epoch). The names are a fixed contract (the streams library writes late records with them);
// add names, never rename. docs/dlq.md has the table and the mapping to Kafka Connect, Spring
// Kafka and Kafka Streams.
import { injectTraceContext } from '@tideline/observability';

/** Every envelope header starts with this; replay strips them before republishing. */
export const DLQ_HEADER_PREFIX = 'tide.dlq.';

export const DLQ_HEADERS = {
  originalTopic: 'tide.dlq.original.topic',
  originalPartition: 'tide.dlq.original.partition',
  originalOffset: 'tide.dlq.original.offset',
  originalTimestamp: 'tide.dlq.original.timestamp',
  /** Consumer group (or streams application id) that failed the record. */
  group: 'tide.dlq.group',
  /** transient | permanent | poison | late */
  errorClass: 'tide.dlq.error.class',
  errorName: 'tide.dlq.error.name',
  errorMessage: 'tide.dlq.error.message',
  errorStack: 'tide.dlq.error.stack',
  /** Name and message of the error's `cause`, when it has one (Spring's exception-cause-fqcn). */
  errorCauseName: 'tide.dlq.error.cause.name',
  errorCauseMessage: 'tide.dlq.error.cause.message',
  /** Attempts made so far (1 after the first failure). */
  attempt: 'tide.dlq.attempt',
  firstFailureMs: 'tide.dlq.first.failure.ms',
  lastFailureMs: 'tide.dlq.last.failure.ms',
  /** On retry-topic records: when the record may be processed again. */
  dueMs: 'tide.dlq.due.ms',
  /** The component that failed it: client id, streams processor node (Connect's connector/task/stage). */
  source: 'tide.dlq.source',
  /** On a republished record: the replay id `<dlq topic>/<partition>/<offset>` of the DLQ record it came from. */
  replayed: 'tide.dlq.replayed',
  /** On a republished record: when it was replayed. */
  replayedMs: 'tide.dlq.replayed.ms',
  /** On a republished record: the id of the replay run that moved it. */
  replayRun: 'tide.dlq.replay.run',
  /** Late-data extras, written by the streams library on error class `late`. */
  lateWatermarkMs: 'tide.dlq.late.watermark.ms',
  lateWindowStartMs: 'tide.dlq.late.window.start.ms',
  lateWindowEndMs: 'tide.dlq.late.window.end.ms',
  lateByMs: 'tide.dlq.late.by.ms',
  /**
   * Schema ids of the failed record's key and value when they are in Confluent's wire format
   * (magic byte 0 + 4-byte id), so the dead letter can be decoded after the schema evolved.
   */
  keySchemaId: 'tide.dlq.original.key.schema.id',
  valueSchemaId: 'tide.dlq.original.value.schema.id',
} as const;

export type DlqHeaderName = (typeof DLQ_HEADERS)[keyof typeof DLQ_HEADERS];

export const ERROR_CLASSES = ['transient', 'permanent', 'poison', 'late'] as const;
export type ErrorClass = (typeof ERROR_CLASSES)[number];

export function isErrorClass(s: string): s is ErrorClass {
  return (ERROR_CLASSES as readonly string[]).includes(s);
}

export interface LateInfo {
  watermarkMs?: number;
  windowStartMs?: number;
  windowEndMs?: number;
  lateByMs?: number;
}

export interface ReplayInfo {
  /** `<dlq topic>/<partition>/<offset>` of the DLQ record that was republished. */
  id: string;
  atMs?: number;
  run?: string;
}

/** What the envelope says about a failed record. */
export interface Envelope {
  originalTopic: string;
  originalPartition: number;
  originalOffset: bigint;
  /** Ms since the epoch. */
  originalTimestamp: number;
  group?: string;
  errorClass: ErrorClass;
  errorName?: string;
  errorMessage?: string;
  errorStack?: string;
  errorCauseName?: string;
  errorCauseMessage?: string;
  attempt?: number;
  firstFailureMs?: number;
  lastFailureMs?: number;
  dueMs?: number;
  source?: string;
  replayed?: ReplayInfo;
  late?: LateInfo;
  /** Schema id of the original key / value (Confluent wire format), when it had one. */
  keySchemaId?: number;
  valueSchemaId?: number;
}

/**
 * The schema id of bytes in Confluent's wire format (magic byte 0, then a 4-byte big-endian id),
 * or undefined. Only the prefix is looked at: plain bytes that happen to start with 0 and are at
 * least 5 bytes long read as an id too, which is harmless in an envelope.
 */
export function wireSchemaId(value: Buffer | null | undefined): number | undefined {
  if (value === null || value === undefined || value.length < 5 || value[0] !== 0) return undefined;
  const id = value.readInt32BE(1);
  return id >= 0 ? id : undefined;
}

/** A header as both our client and most others hand them out. */
export interface HeaderLike {
  key: string;
  value: Buffer | string | null;
}

export interface EncodedHeader {
  key: string;
  value: Buffer;
}

/** Longest stack trace kept, in UTF-8 bytes (records have size limits). */
export const MAX_STACK_BYTES = 8192;

function put(out: EncodedHeader[], key: string, v: string | number | bigint | undefined): void {
  if (v === undefined) return;
  out.push({ key, value: Buffer.from(typeof v === 'string' ? v : v.toString(10), 'utf8') });
}

function clip(s: string | undefined, max: number): string | undefined {
  if (s === undefined) return undefined;
  const b = Buffer.from(s, 'utf8');
  return b.length <= max ? s : b.subarray(0, max).toString('utf8');
}

/** The envelope as headers (only the `tide.dlq.*` ones; see withEnvelope to add them to a record's own). */
export function encodeEnvelope(e: Envelope): EncodedHeader[] {
  const out: EncodedHeader[] = [];
  const H = DLQ_HEADERS;
  put(out, H.originalTopic, e.originalTopic);
  put(out, H.originalPartition, e.originalPartition);
  put(out, H.originalOffset, e.originalOffset);
  put(out, H.originalTimestamp, e.originalTimestamp);
  put(out, H.group, e.group);
  put(out, H.errorClass, e.errorClass);
  put(out, H.errorName, e.errorName);
  put(out, H.errorMessage, clip(e.errorMessage, MAX_STACK_BYTES));
  put(out, H.errorStack, clip(e.errorStack, MAX_STACK_BYTES));
  put(out, H.errorCauseName, e.errorCauseName);
  put(out, H.errorCauseMessage, clip(e.errorCauseMessage, MAX_STACK_BYTES));
  put(out, H.attempt, e.attempt);
  put(out, H.firstFailureMs, e.firstFailureMs);
  put(out, H.lastFailureMs, e.lastFailureMs);
  put(out, H.dueMs, e.dueMs);
  put(out, H.source, e.source);
  if (e.replayed) {
    put(out, H.replayed, e.replayed.id);
    put(out, H.replayedMs, e.replayed.atMs);
    put(out, H.replayRun, e.replayed.run);
  }
  put(out, H.keySchemaId, e.keySchemaId);
  put(out, H.valueSchemaId, e.valueSchemaId);
  if (e.late) {
    put(out, H.lateWatermarkMs, e.late.watermarkMs);
    put(out, H.lateWindowStartMs, e.late.windowStartMs);
    put(out, H.lateWindowEndMs, e.late.windowEndMs);
    put(out, H.lateByMs, e.late.lateByMs);
  }
  return out;
}

/** The last value of each `tide.dlq.*` header, as strings. */
export function envelopeHeaderMap(headers: readonly HeaderLike[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const h of headers) {
    if (!h.key.startsWith(DLQ_HEADER_PREFIX) || h.value === null) continue;
    m.set(h.key, typeof h.value === 'string' ? h.value : h.value.toString('utf8'));
  }
  return m;
}

function num(m: Map<string, string>, k: string): number | undefined {
  const s = m.get(k);
  if (s === undefined || s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads the envelope from a record's headers; null when the record has none (no original topic or
 * no valid error class). Unknown `tide.dlq.*` headers are ignored.
 */
export function decodeEnvelope(headers: readonly HeaderLike[]): Envelope | null {
  const m = envelopeHeaderMap(headers);
  const H = DLQ_HEADERS;
  const topic = m.get(H.originalTopic);
  const cls = m.get(H.errorClass);
  if (topic === undefined || cls === undefined || !isErrorClass(cls)) return null;
  let offset = -1n;
  try {
    offset = BigInt(m.get(H.originalOffset) ?? '-1');
  } catch {
    offset = -1n;
  }
  const e: Envelope = {
    originalTopic: topic,
    originalPartition: num(m, H.originalPartition) ?? -1,
    originalOffset: offset,
    originalTimestamp: num(m, H.originalTimestamp) ?? -1,
    errorClass: cls,
  };
  const str = (k: string): string | undefined => m.get(k);
  const opt = <K extends keyof Envelope>(field: K, v: Envelope[K] | undefined): void => {
    if (v !== undefined) e[field] = v;
  };
  opt('group', str(H.group));
  opt('errorName', str(H.errorName));
  opt('errorMessage', str(H.errorMessage));
  opt('errorStack', str(H.errorStack));
  opt('errorCauseName', str(H.errorCauseName));
  opt('errorCauseMessage', str(H.errorCauseMessage));
  opt('attempt', num(m, H.attempt));
  opt('firstFailureMs', num(m, H.firstFailureMs));
  opt('lastFailureMs', num(m, H.lastFailureMs));
  opt('dueMs', num(m, H.dueMs));
  opt('source', str(H.source));
  opt('keySchemaId', num(m, H.keySchemaId));
  opt('valueSchemaId', num(m, H.valueSchemaId));
  const rid = str(H.replayed);
  if (rid !== undefined) {
    const r: ReplayInfo = { id: rid };
    const at = num(m, H.replayedMs);
    if (at !== undefined) r.atMs = at;
    const run = str(H.replayRun);
    if (run !== undefined) r.run = run;
    e.replayed = r;
  }
  const late: LateInfo = {};
  const lw = num(m, H.lateWatermarkMs);
  const ls = num(m, H.lateWindowStartMs);
  const le = num(m, H.lateWindowEndMs);
  const lb = num(m, H.lateByMs);
  if (lw !== undefined) late.watermarkMs = lw;
  if (ls !== undefined) late.windowStartMs = ls;
  if (le !== undefined) late.windowEndMs = le;
  if (lb !== undefined) late.lateByMs = lb;
  if (Object.keys(late).length > 0) e.late = late;
  return e;
}

/** The record's own headers, without any `tide.dlq.*` ones (what replay republishes). */
export function stripEnvelope<H extends HeaderLike>(headers: readonly H[]): H[] {
  return headers.filter((h) => !h.key.startsWith(DLQ_HEADER_PREFIX));
}

/**
 * The record's own headers followed by the envelope (earlier `tide.dlq.*` headers replaced). The
 * W3C trace context (`traceparent`) becomes the active one when a span is active (the failed
 * processing's), so the dead letter and its replay stay in the record's trace.
 */
export function withEnvelope(headers: readonly HeaderLike[], e: Envelope): Array<{ key: string; value: Buffer | null }> {
  const own: Array<{ key: string; value: Buffer | null }> = injectTraceContext(stripEnvelope(headers)).map((h) => ({
    key: h.key,
    value: typeof h.value === 'string' ? Buffer.from(h.value, 'utf8') : h.value,
  }));
  return own.concat(encodeEnvelope(e));
}

/** Envelope fields describing an error: name, message, stack and cause. */
export function describeError(err: unknown): Pick<Envelope, 'errorName' | 'errorMessage' | 'errorStack' | 'errorCauseName' | 'errorCauseMessage'> {
  if (err instanceof Error) {
    const out: ReturnType<typeof describeError> = { errorName: err.name, errorMessage: err.message };
    if (err.stack !== undefined) out.errorStack = err.stack;
    const c: unknown = err.cause;
    if (c instanceof Error) {
      out.errorCauseName = c.name;
      out.errorCauseMessage = c.message;
    } else if (c !== undefined) {
      out.errorCauseName = typeof c;
      out.errorCauseMessage = String(c);
    }
    return out;
  }
  return { errorName: typeof err, errorMessage: String(err) };
}
