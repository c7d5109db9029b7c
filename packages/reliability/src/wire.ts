// A small pipelining wire client (the same idea as packages/broker/test/wire-client.ts, which is a
// test file of another package and not importable): typed requests with our codecs, responses
// matched by correlation id, and a `timeoutMs` per request so a health probe can tell a hung
// broker from a slow one.
import net from 'node:net';
import { ApiKey, ErrorCode, FrameDecoder, decodeResponse, encodeRequest, encodeBatch, type ApiTypes, type RecordInput } from '@tideline/protocol';

interface Pending {
  resolve: (frame: Buffer) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class WireClient {
  private readonly frames = new FrameDecoder();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closedErr: Error | null = null;

  private constructor(private readonly sock: net.Socket) {
    sock.on('data', (d: Buffer) => this.onData(d));
    sock.on('error', () => {});
    sock.once('close', () => {
      this.closedErr = new Error('connection closed');
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(this.closedErr);
      }
      this.pending.clear();
    });
  }

  static connect(port: number, timeoutMs = 5000): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`connect to 127.0.0.1:${port} timed out`));
      }, timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(new WireClient(s));
      });
      s.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  private onData(d: Buffer): void {
    this.frames.push(d);
    for (;;) {
      let frame: Buffer | undefined;
      try {
        frame = this.frames.next();
      } catch {
        this.sock.destroy(); // a negative frame size: 'close' fails what is pending
        return;
      }
      if (frame === undefined) return;
      const id = frame.readInt32BE(0);
      const p = this.pending.get(id);
      if (p === undefined) continue;
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.resolve(frame);
    }
  }

  async send<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput'], timeoutMs = 10_000): Promise<ApiTypes[K]['response']> {
    if (this.closedErr !== null) throw this.closedErr;
    const id = this.nextId++;
    const frame = await new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`api ${apiKey} v${version}: no response within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      for (const b of encodeRequest(apiKey, version, id, 'reliability', body)) this.sock.write(b);
    });
    return decodeResponse(apiKey, version, frame).body;
  }

  close(): void {
    this.sock.destroy();
  }
}

export function batch(values: string[], opts: { producerId?: bigint; producerEpoch?: number; baseSequence?: number } = {}): Buffer {
  const records: RecordInput[] = values.map((v) => ({ key: null, value: Buffer.from(v) }));
  return encodeBatch({ ...opts, records });
}

/** ApiVersions v3 on a fresh connection; resolves with the round-trip time in ms. */
export async function probe(port: number, timeoutMs = 2000): Promise<number> {
  const t0 = performance.now();
  const c = await WireClient.connect(port, timeoutMs);
  try {
    const r = await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 'probe', clientSoftwareVersion: '1' }, timeoutMs);
    if (r.errorCode !== ErrorCode.NONE) throw new Error(`ApiVersions error ${r.errorCode}`);
    return performance.now() - t0;
  } finally {
    c.close();
  }
}

/** The (api key, max version) pairs the broker serves, from ApiVersions. */
export async function servedApis(port: number): Promise<Array<{ apiKey: number; minVersion: number; maxVersion: number }>> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 'reliability', clientSoftwareVersion: '1' });
    return r.apiKeys.map((k) => ({ apiKey: k.apiKey, minVersion: k.minVersion, maxVersion: k.maxVersion }));
  } finally {
    c.close();
  }
}

export async function createTopic(port: number, name: string, partitions = 1, configs: Array<{ name: string; value: string }> = []): Promise<void> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name, numPartitions: partitions, replicationFactor: 1, configs }] });
    const code = r.topics[0]!.errorCode;
    if (code !== ErrorCode.NONE && code !== ErrorCode.TOPIC_ALREADY_EXISTS) throw new Error(`CreateTopics ${name}: error ${code}`);
  } finally {
    c.close();
  }
}
