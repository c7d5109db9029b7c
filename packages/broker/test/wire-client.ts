// A minimal pipelining Kafka client for tests: typed requests with our own codecs, responses
// matched by correlation id. Not a test file itself.
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey, ErrorCode, FrameDecoder, decodeResponse, encodeRequest, encodeBatch, type ApiTypes, type RecordInput, type EncodeBatchOptions } from '@tideline/protocol';
import { startBroker, type BrokerOptions, type RunningBroker } from '../src/index.js';

interface Pending {
  apiKey: number;
  version: number;
  resolve: (frame: Buffer) => void;
  reject: (e: unknown) => void;
}

export class WireClient {
  private readonly sock: net.Socket;
  private readonly frames = new FrameDecoder();
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  readonly closed: Promise<void>;

  private constructor(sock: net.Socket, private readonly clientId: string) {
    this.sock = sock;
    sock.on('data', (d: Buffer) => this.onData(d));
    this.closed = new Promise((resolve) => sock.once('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('connection closed'));
      this.pending.clear();
      resolve();
    }));
    sock.on('error', () => {});
  }

  static connect(port: number, clientId = 'wire-client'): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new WireClient(s, clientId)));
      s.once('error', reject);
    });
  }

  /** Connects to a SASL listener and authenticates `user` with PLAIN (SaslHandshake v1, SaslAuthenticate v2). */
  static async connectPlain(port: number, user: string, password: string): Promise<WireClient> {
    const c = await WireClient.connect(port, user);
    const h = await c.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' });
    if (h.errorCode !== ErrorCode.NONE) throw new Error(`SaslHandshake failed: ${h.errorCode}`);
    const a = await c.send(ApiKey.SaslAuthenticate, 2, { authBytes: Buffer.from(`\u0000${user}\u0000${password}`) });
    if (a.errorCode !== ErrorCode.NONE) throw new Error(`SaslAuthenticate failed for ${user}: ${a.errorMessage ?? a.errorCode}`);
    return c;
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
      p.resolve(frame);
    }
  }

  /** Sends a request and resolves with the decoded response body. */
  async send<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput']): Promise<ApiTypes[K]['response']> {
    const id = this.nextId++;
    const frame = await new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { apiKey, version, resolve, reject });
      for (const b of encodeRequest(apiKey, version, id, this.clientId, body)) this.sock.write(b);
    });
    return decodeResponse(apiKey, version, frame).body;
  }

  /** Sends a request that gets no response (acks=0). */
  sendOneWay<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput']): void {
    for (const b of encodeRequest(apiKey, version, this.nextId++, this.clientId, body)) this.sock.write(b);
  }

  close(): void {
    this.sock.destroy();
  }
}

export function batch(records: Array<string | RecordInput>, opts: Omit<EncodeBatchOptions, 'records'> = {}): Buffer {
  return encodeBatch({
    ...opts,
    records: records.map((r) => (typeof r === 'string' ? { key: null, value: Buffer.from(r) } : r)),
  });
}

export interface TestBroker {
  broker: RunningBroker;
  dir: string;
  client: WireClient;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A broker on a free port in a fresh temp dir, with one connected client. */
export async function withBroker(fn: (t: TestBroker) => Promise<void>, opts: Partial<BrokerOptions> = {}): Promise<void> {
  const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tideline-broker-'));
  let broker = await startBroker({ port: 0, ...opts, dataDir: dir });
  let client = await WireClient.connect(broker.port);
  let stopped = false;
  const t: TestBroker = {
    get broker() { return broker; },
    dir,
    get client() { return client; },
    async restart() {
      client.close();
      await broker.close();
      broker = await startBroker({ port: 0, ...opts, dataDir: dir });
      client = await WireClient.connect(broker.port);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      client.close();
      await broker.close();
    },
  };
  try {
    await fn(t);
  } finally {
    await t.stop();
    if (opts.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
