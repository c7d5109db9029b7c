// Messages: browse (newest first, from an offset, from a timestamp), one record in full (JSON or
// raw key/value bytes for download), a range as NDJSON, live tail (server-sent events) and
// produce. Every read goes through readRange (@tideline/client's Consumer).
import type { ServerResponse } from 'node:http';
import type { ConsumerRecord, Message } from '@tideline/client';
import { watermarks, type ConsoleContext, type Watermarks } from '../context.js';
import { ApiError } from '../errors.js';
import { compileFilter, FilterError, type RecordPredicate } from '../filter.js';
import { oneOf, optInt, optOffset, optString, readJson, reqInt, toJson, type Route } from '../http.js';
import { readRange, recordJson, type PartitionRange, type RecordJson } from '../records.js';
import { decoderFor, parseSchemaChoice, serializeWith, type RecordDecoder } from '../registry.js';
import { Consumer } from '@tideline/client';
import { describeOne, topicName } from './topics.js';

const MAX_LIMIT = 1000;
const PRODUCE_LIMIT = 16 << 20;
const FULL_RECORD_BYTES = 256 << 20;
/** A page of records that takes longer than this to read means the broker went away mid-read. */
const READ_TIMEOUT_MS = 30_000;

/** The request's signal, also aborted after READ_TIMEOUT_MS; `timedOut()` says which. */
function bounded(signal: AbortSignal): { signal: AbortSignal; check(why: string): void } {
  const timeout = AbortSignal.timeout(READ_TIMEOUT_MS);
  return {
    signal: AbortSignal.any([signal, timeout]),
    check(why) {
      if (timeout.aborted && !signal.aborted) throw new ApiError('BROKER_UNAVAILABLE', `reading records did not finish within ${READ_TIMEOUT_MS / 1000} s (${why})`);
    },
  };
}

export function parseFilter(src: string | undefined, decoder?: RecordDecoder | null): RecordPredicate {
  try {
    return compileFilter(src ?? '', decoder === undefined || decoder === null ? undefined : (r, which) => decoder.json(r, which));
  } catch (e) {
    if (e instanceof FilterError) throw new ApiError('BAD_FILTER', `filter: ${e.message}`, { position: e.position });
    throw e;
  }
}

/** The partitions asked for (all when `partition` is absent) with their watermarks. */
export async function partitionMarks(ctx: ConsoleContext, topic: string, partition: number | undefined): Promise<Array<{ partition: number } & Watermarks>> {
  const d = await describeOne(ctx, topic);
  const parts = d.partitions.map((p) => p.partition).filter((p) => partition === undefined || p === partition);
  if (parts.length === 0) throw new ApiError('BAD_REQUEST', `topic ${topic} has no partition ${partition} (it has ${d.partitions.length})`);
  const marks = await watermarks(ctx.admin, parts.map((p) => ({ topic, partition: p })));
  return parts.map((p) => ({ partition: p, ...(marks.get(`${topic}\0${p}`) ?? { start: 0n, end: 0n }) }));
}

function decodeBytes(v: unknown, encoding: string, name: string): Buffer | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new ApiError('BAD_REQUEST', `${name} must be a string (or null)`);
  if (encoding === 'base64') {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v)) throw new ApiError('BAD_REQUEST', `${name} is not base64`);
    return Buffer.from(v, 'base64');
  }
  if (encoding === 'hex') {
    const h = v.replace(/\s+/g, '');
    if (!/^([0-9a-fA-F]{2})*$/.test(h)) throw new ApiError('BAD_REQUEST', `${name} is not hex (pairs of 0-9a-f)`);
    return Buffer.from(h, 'hex');
  }
  if (encoding === 'json') {
    try {
      return Buffer.from(JSON.stringify(JSON.parse(v)), 'utf8');
    } catch (e) {
      throw new ApiError('BAD_REQUEST', `${name} is not JSON: ${(e as Error).message}`);
    }
  }
  return Buffer.from(v, 'utf8');
}

const ENCODINGS = ['string', 'json', 'base64', 'hex'] as const;

/** `?decode=auto|registry|none`: the registry decoder a read uses (auto: when --registry is set). */
export function requestDecoder(ctx: ConsoleContext, query: URLSearchParams): RecordDecoder | null {
  return decoderFor(ctx, oneOf(query.get('decode'), 'decode', ['auto', 'registry', 'none'] as const, 'auto'));
}

/** Runs `f` once the decoder has what the records need (at once without a decoder). */
export function whenDecoded<T>(decoder: RecordDecoder | null, recs: readonly ConsumerRecord[], f: () => T): T | Promise<T> {
  return decoder === null ? f() : decoder.prepare(recs).then(f);
}

async function oneRecord(ctx: ConsoleContext, topic: string, partition: number, offset: bigint, signal: AbortSignal): Promise<ConsumerRecord> {
  const [m] = await partitionMarks(ctx, topic, partition);
  if (m === undefined || offset < m.start || offset >= m.end) throw new ApiError('UNKNOWN_RECORD', `no record at ${topic}/${partition} offset ${offset} (the partition holds ${m?.start ?? 0} to ${(m?.end ?? 1n) - 1n})`);
  let found: ConsumerRecord | null = null;
  const b = bounded(signal);
  await readRange({
    cluster: ctx.cluster, signal: b.signal, maxPartitionBytes: 1 << 20,
    ranges: [{ topic, partition, from: offset, to: offset + 1n }],
    onRecords: (recs) => {
      found = recs.find((r) => r.offset === offset) ?? null;
      return 'stop';
    },
  });
  b.check(`${topic}/${partition} offset ${offset}`);
  if (found === null) throw new ApiError('UNKNOWN_RECORD', `no record at ${topic}/${partition} offset ${offset}`);
  return found;
}

export function messageRoutes(): Route[] {
  return [
    {
      method: 'GET', path: '/api/topics/:topic/messages',
      summary: 'browse: ?mode=newest|offset|timestamp &partition &offset &timestamp (ms) &limit (≤1000) &maxBytes (display cap per key/value, default 16384) &filter &decode (auto|registry|none)',
      handler: async ({ ctx, params, query, signal }) => {
        const topic = topicName(params.topic!);
        const mode = oneOf(query.get('mode'), 'mode', ['newest', 'offset', 'timestamp'] as const, 'newest');
        const partition = optInt(query.get('partition'), 'partition', 0, 1_000_000);
        const limit = optInt(query.get('limit'), 'limit', 1, MAX_LIMIT) ?? 50;
        const maxBytes = optInt(query.get('maxBytes'), 'maxBytes', 0, 1 << 20) ?? 16384;
        const decoder = requestDecoder(ctx, query);
        const pred = parseFilter(optString(query.get('filter'), 'filter'), decoder);
        const marks = await partitionMarks(ctx, topic, partition);
        let ranges: PartitionRange[];
        if (mode === 'newest') {
          ranges = marks.map((m) => ({ topic, partition: m.partition, from: m.end - BigInt(limit) > m.start ? m.end - BigInt(limit) : m.start, to: m.end }));
        } else if (mode === 'offset') {
          const offset = optOffset(query.get('offset'), 'offset') ?? 0n;
          ranges = marks.map((m) => {
            const from = offset < m.start ? m.start : offset;
            return { topic, partition: m.partition, from, to: from + BigInt(limit) < m.end ? from + BigInt(limit) : m.end };
          });
        } else {
          const ts = optInt(query.get('timestamp'), 'timestamp', 0, Number.MAX_SAFE_INTEGER);
          if (ts === undefined) throw new ApiError('BAD_REQUEST', 'timestamp (milliseconds since the epoch) is required with mode=timestamp');
          const found = await ctx.admin.listOffsets(marks.map((m) => ({ topic, partition: m.partition, spec: BigInt(ts) })));
          ranges = marks.map((m) => {
            const f = found.find((x) => x.partition === m.partition);
            const from = f === undefined || f.offset < 0n ? m.end : f.offset;
            return { topic, partition: m.partition, from, to: from + BigInt(limit) < m.end ? from + BigInt(limit) : m.end };
          });
        }
        const records: ConsumerRecord[] = [];
        const b = bounded(signal);
        await readRange({
          cluster: ctx.cluster, signal: b.signal, ranges,
          onRecords: (recs) => whenDecoded(decoder, recs, () => {
            for (const r of recs) if (pred(r)) records.push(r);
            return true;
          }),
        });
        b.check(`${topic}, ${mode}`);
        if (mode === 'newest') records.sort((a, b) => (a.timestamp === b.timestamp ? (a.offset < b.offset ? 1 : -1) : a.timestamp < b.timestamp ? 1 : -1));
        else if (mode === 'timestamp') records.sort((a, b) => (a.timestamp === b.timestamp ? a.partition - b.partition : a.timestamp < b.timestamp ? -1 : 1));
        else records.sort((a, b) => a.partition - b.partition || (a.offset < b.offset ? -1 : 1));
        return {
          topic, mode,
          partitions: marks.map((m) => ({ partition: m.partition, logStartOffset: m.start, highWatermark: m.end })),
          records: records.slice(0, limit).map((r) => recordJson(r, maxBytes, decoder)),
        };
      },
    },
    {
      method: 'GET', path: '/api/topics/:topic/partitions/:partition/records/:offset',
      summary: 'one record in full (no display cap) as JSON; ?decode',
      handler: async ({ ctx, params, query, signal }) => {
        const topic = topicName(params.topic!);
        const partition = reqInt(params.partition, 'partition', 0, 1_000_000);
        const offset = optOffset(params.offset, 'offset')!;
        const decoder = requestDecoder(ctx, query);
        const rec = await oneRecord(ctx, topic, partition, offset, signal);
        await decoder?.prepare([rec]);
        return recordJson(rec, FULL_RECORD_BYTES, decoder);
      },
    },
    {
      method: 'GET', path: '/api/topics/:topic/partitions/:partition/records/:offset/:part',
      summary: 'the raw bytes of a record\'s key or value (part = key | value), as a download',
      handler: async ({ ctx, params, signal, res }) => {
        const topic = topicName(params.topic!);
        const partition = reqInt(params.partition, 'partition', 0, 1_000_000);
        const offset = optOffset(params.offset, 'offset')!;
        const part = oneOf(params.part, 'part', ['key', 'value'] as const, 'value');
        const r = await oneRecord(ctx, topic, partition, offset, signal);
        const bytes = part === 'key' ? r.key : r.value;
        if (bytes === null) throw new ApiError('UNKNOWN_RECORD', `the record's ${part} is null`);
        res.writeHead(200, {
          'content-type': 'application/octet-stream', 'content-length': bytes.length, 'cache-control': 'no-store',
          'content-disposition': `attachment; filename="${encodeURIComponent(topic)}-${partition}-${offset}.${part}"`,
        });
        res.end(bytes);
        return undefined;
      },
    },
    {
      method: 'GET', path: '/api/topics/:topic/download',
      summary: 'download a range as JSON lines (full bytes, base64): ?partition &from &to (exclusive; default the high watermark) &filter &decode',
      handler: async ({ ctx, params, query, signal, res }) => {
        const topic = topicName(params.topic!);
        const partition = optInt(query.get('partition'), 'partition', 0, 1_000_000);
        const from = optOffset(query.get('from'), 'from');
        const to = optOffset(query.get('to'), 'to');
        const decoder = requestDecoder(ctx, query);
        const pred = parseFilter(optString(query.get('filter'), 'filter'), decoder);
        const marks = await partitionMarks(ctx, topic, partition);
        const ranges = marks.map((m) => ({
          topic, partition: m.partition,
          from: from === undefined || from < m.start ? m.start : from,
          to: to === undefined || to > m.end ? m.end : to,
        }));
        res.writeHead(200, {
          'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store',
          'content-disposition': `attachment; filename="${encodeURIComponent(topic)}${partition === undefined ? '' : `-${partition}`}.jsonl"`,
        });
        await readRange({
          cluster: ctx.cluster, signal, ranges, maxPartitionBytes: 4 << 20,
          onRecords: (recs) => whenDecoded(decoder, recs, () => {
            let chunk = '';
            for (const r of recs) if (pred(r)) chunk += toJson(recordJson(r, FULL_RECORD_BYTES, decoder)) + '\n';
            if (chunk !== '') res.write(chunk);
            return true;
          }),
        });
        res.end();
        return undefined;
      },
    },
    {
      method: 'GET', path: '/api/topics/:topic/tail',
      summary: 'live tail as server-sent events (event "record", data: a record): ?partition &filter &maxBytes &decode',
      handler: async ({ ctx, params, query, signal, res }) => {
        const topic = topicName(params.topic!);
        const partition = optInt(query.get('partition'), 'partition', 0, 1_000_000);
        const maxBytes = optInt(query.get('maxBytes'), 'maxBytes', 0, 1 << 20) ?? 16384;
        const decoder = requestDecoder(ctx, query);
        const pred = parseFilter(optString(query.get('filter'), 'filter'), decoder);
        const marks = await partitionMarks(ctx, topic, partition);
        await tail(ctx, res, signal, marks.map((m) => ({ topic, partition: m.partition, offset: m.end })), pred, maxBytes, decoder);
        return undefined;
      },
    },
    {
      method: 'POST', path: '/api/topics/:topic/messages',
      summary: 'produce one record: {key?, value, headers? [{key, value}], partition?, keyEncoding?, valueEncoding? (string|json|base64|hex), keySchema?, valueSchema? ({subject, version?}: key/value given as JSON, serialized by the registry\'s serializer with that subject\'s latest or given version)}',
      handler: async ({ ctx, params, req }) => {
        const topic = topicName(params.topic!);
        const b = await readJson(req, PRODUCE_LIMIT);
        const keyEncoding = oneOf(b.keyEncoding, 'keyEncoding', ENCODINGS, 'string');
        const valueEncoding = oneOf(b.valueEncoding, 'valueEncoding', ENCODINGS, 'string');
        const partition = optInt(b.partition, 'partition', 0, 1_000_000);
        const headers: Array<{ key: string; value: Buffer | null }> = [];
        if (b.headers !== undefined && b.headers !== null) {
          if (!Array.isArray(b.headers)) throw new ApiError('BAD_REQUEST', 'headers must be an array of {key, value}');
          for (const [i, h] of (b.headers as unknown[]).entries()) {
            if (typeof h !== 'object' || h === null || typeof (h as { key?: unknown }).key !== 'string') throw new ApiError('BAD_REQUEST', `headers[${i}] must be {key: string, value: string | null}`);
            const hh = h as { key: string; value?: unknown };
            headers.push({ key: hh.key, value: decodeBytes(hh.value, 'string', `headers[${i}].value`) });
          }
        }
        const keySchema = parseSchemaChoice(b.keySchema, 'keySchema');
        const valueSchema = parseSchemaChoice(b.valueSchema, 'valueSchema');
        await describeOne(ctx, topic);
        const schemas: Record<string, { id: number; version: number | undefined }> = {};
        const encode = async (v: unknown, enc: string, choice: typeof keySchema, isKey: boolean): Promise<Buffer | null> => {
          const name = isKey ? 'key' : 'value';
          if (choice === undefined || v === undefined || v === null) return decodeBytes(v, enc, name);
          const s = await serializeWith(ctx, topic, choice, v, isKey, name);
          schemas[name] = { id: s.id, version: s.version };
          return s.bytes;
        };
        const msg: Message = { key: await encode(b.key, keyEncoding, keySchema, true), value: await encode(b.value, valueEncoding, valueSchema, false), headers, ...(partition !== undefined ? { partition } : {}) };
        const [meta] = await ctx.producer().send({ topic, messages: [msg] });
        return { topic, partition: meta?.partition ?? null, offset: meta?.offset ?? null, timestamp: meta === undefined ? null : Number(meta.timestamp), ...(Object.keys(schemas).length > 0 ? { schemas } : {}) };
      },
    },
  ];
}

async function tail(ctx: ConsoleContext, res: ServerResponse, signal: AbortSignal, from: Array<{ topic: string; partition: number; offset: bigint }>, pred: RecordPredicate, maxBytes: number, decoder: RecordDecoder | null): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': tail\n\n');
  const consumer = new Consumer({ ...ctx.cluster, autoCommit: false, maxWaitMs: 500 });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  const stop = (): void => void consumer.close().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  // Gone during the await before this call: 'abort' will not fire again, and a quiet topic would
  // keep this consumer (and the keep-alive timer) forever.
  if (signal.aborted) stop();
  try {
    consumer.assign(from);
    for await (const batch of consumer.batches()) {
      let chunk = '';
      await decoder?.prepare(batch.records);
      for (const r of batch.records) {
        if (!pred(r)) continue;
        const j: RecordJson = recordJson(r, maxBytes, decoder);
        chunk += `event: record\ndata: ${toJson(j)}\n\n`;
      }
      if (chunk !== '') res.write(chunk);
      if (signal.aborted) break;
    }
  } catch (e) {
    res.write(`event: error\ndata: ${toJson({ message: (e as Error).message })}\n\n`);
  } finally {
    clearInterval(keepAlive);
    signal.removeEventListener('abort', stop);
    await consumer.close().catch(() => undefined);
    res.end();
  }
}
