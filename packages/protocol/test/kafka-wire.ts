// A minimal Kafka client for interop tests, built only from our own codecs: one TCP socket,
// requests encoded with encodeRequest, responses decoded with decodeResponse, matched by
// correlation id. Just enough to create a topic, produce raw record batches and fetch a
// partition's raw bytes from a real broker. Test-only: the protocol package's src stays free of I/O.
import { createConnection, type Socket } from 'node:net';
import {
  ApiKey,
  ErrorCode,
  decodeResponse,
  encodeRequest,
  iterateBatches,
  lastOffsetOf,
  type ApiTypes,
  type DecodedBatch,
} from '../src/index.js';

const CLIENT_ID = 'tideline-wire-test';
const REQUEST_TIMEOUT_MS = 15_000;

interface Pending {
  apiKey: keyof ApiTypes;
  version: number;
  resolve: (frame: Buffer) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class WireClient {
  private nextCorrelationId = 1;
  private readonly pending = new Map<number, Pending>();
  private buffered: Buffer = Buffer.alloc(0);
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (e) => this.failAll(e));
    socket.on('close', () => this.failAll(new Error('connection closed')));
  }

  static connect(bootstrap: string): Promise<WireClient> {
    const i = bootstrap.lastIndexOf(':');
    const host = bootstrap.slice(0, i);
    const port = Number(bootstrap.slice(i + 1));
    return new Promise((resolve, reject) => {
      const s = createConnection({ host, port }, () => {
        s.off('error', reject);
        resolve(new WireClient(s));
      });
      s.once('error', reject);
    });
  }

  /** Sends one request and resolves with the decoded response body. */
  async request<K extends keyof ApiTypes>(
    apiKey: K,
    version: number,
    body: ApiTypes[K]['requestInput'],
  ): Promise<ApiTypes[K]['response']> {
    if (this.closed) throw new Error('client is closed');
    const correlationId = this.nextCorrelationId++;
    const frame = await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(correlationId);
        reject(new Error(`api ${apiKey} v${version}: no response in ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(correlationId, { apiKey, version, resolve, reject, timer });
      this.socket.write(Buffer.concat(encodeRequest(apiKey, version, correlationId, CLIENT_ID, body)));
    });
    const r = decodeResponse(apiKey, version, frame);
    if (r.correlationId !== correlationId) throw new Error(`correlation id ${r.correlationId}, expected ${correlationId}`);
    return r.body;
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    while (this.buffered.length >= 4) {
      const size = this.buffered.readInt32BE(0);
      if (this.buffered.length < 4 + size) break;
      const frame = this.buffered.subarray(4, 4 + size);
      this.buffered = this.buffered.subarray(4 + size);
      const p = this.pending.get(frame.readInt32BE(0));
      if (p === undefined) continue;
      this.pending.delete(frame.readInt32BE(0));
      clearTimeout(p.timer);
      p.resolve(frame);
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The broker's version range per api key (ApiVersions v3). */
export async function apiVersions(c: WireClient): Promise<Map<number, { min: number; max: number }>> {
  const r = await c.request(ApiKey.ApiVersions, 3, { clientSoftwareName: 'tideline-test', clientSoftwareVersion: '0.1.0' });
  if (r.errorCode !== ErrorCode.NONE) throw new Error(`ApiVersions error ${r.errorCode}`);
  return new Map(r.apiKeys.map((k) => [k.apiKey, { min: k.minVersion, max: k.maxVersion }]));
}

/** Creates a topic (CreateTopics v7) and waits until partition 0 answers a Fetch. */
export async function createTopic(c: WireClient, name: string, numPartitions = 1): Promise<void> {
  const r = await c.request(ApiKey.CreateTopics, 7, {
    topics: [{ name, numPartitions, replicationFactor: 1 }],
    timeoutMs: 10_000,
  });
  const t = r.topics[0];
  if (t === undefined || (t.errorCode !== ErrorCode.NONE && t.errorCode !== ErrorCode.TOPIC_ALREADY_EXISTS)) {
    throw new Error(`CreateTopics ${name}: error ${t?.errorCode} ${t?.errorMessage}`);
  }
  const deadline = Date.now() + 15_000;
  for (;;) {
    const f = await fetchOnce(c, name, 0, 0n);
    if (f.errorCode === ErrorCode.NONE) return;
    if (Date.now() > deadline) throw new Error(`topic ${name} not ready: fetch error ${f.errorCode}`);
    await sleep(100);
  }
}

export interface ProduceResult {
  errorCode: number;
  baseOffset: bigint;
  errorMessage: string | null;
}

/** Sends one Produce request with `records` (one or more batches) to `topic`/`partition`. */
export async function produce(
  c: WireClient,
  topic: string,
  partition: number,
  records: Buffer,
  opts: { version: number; acks?: number },
): Promise<ProduceResult> {
  const r = await c.request(ApiKey.Produce, opts.version, {
    transactionalId: null,
    acks: opts.acks ?? -1,
    timeoutMs: 10_000,
    topicData: [{ name: topic, partitionData: [{ index: partition, records }] }],
  });
  const p = r.responses[0]?.partitionResponses[0];
  if (p === undefined) throw new Error('Produce response without a partition');
  return { errorCode: p.errorCode, baseOffset: p.baseOffset, errorMessage: p.errorMessage };
}

/** One Fetch v12 (flexible, topic names) of a partition from `offset`. */
export async function fetchOnce(
  c: WireClient,
  topic: string,
  partition: number,
  offset: bigint,
): Promise<{ errorCode: number; highWatermark: bigint; records: Buffer }> {
  const r = await c.request(ApiKey.Fetch, 12, {
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes: 32 << 20,
    isolationLevel: 0,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [{ topic, partitions: [{ partition, fetchOffset: offset, partitionMaxBytes: 16 << 20 }] }],
  });
  if (r.errorCode !== ErrorCode.NONE) return { errorCode: r.errorCode, highWatermark: -1n, records: Buffer.alloc(0) };
  const p = r.responses[0]?.partitions[0];
  if (p === undefined) throw new Error('Fetch response without a partition');
  return { errorCode: p.errorCode, highWatermark: p.highWatermark, records: p.records ?? Buffer.alloc(0) };
}

export interface FetchedBatch extends DecodedBatch {
  /** The batch exactly as the broker sent it. */
  bytes: Buffer;
}

/** Fetches and decodes every batch of a partition from `from` up to the high watermark. */
export async function fetchAllBatches(c: WireClient, topic: string, partition: number, from = 0n): Promise<FetchedBatch[]> {
  const out: FetchedBatch[] = [];
  let offset = from;
  for (;;) {
    const f = await fetchOnce(c, topic, partition, offset);
    if (f.errorCode !== ErrorCode.NONE) throw new Error(`Fetch ${topic}/${partition}@${offset}: error ${f.errorCode}`);
    if (offset >= f.highWatermark) return out;
    let progressed = false;
    let pos = 0;
    for (const b of iterateBatches(f.records)) {
      const size = b.header.batchLength + 12;
      const bytes = f.records.subarray(pos, pos + size);
      pos += size;
      const last = lastOffsetOf(b.header);
      if (last < offset) continue;
      out.push({ ...b, bytes });
      offset = last + 1n;
      progressed = true;
    }
    if (!progressed) throw new Error(`Fetch ${topic}/${partition}@${offset} returned no complete batch`);
  }
}
