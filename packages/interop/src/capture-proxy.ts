// A TCP proxy on 127.0.0.1 that forwards bytes unchanged and records every complete Kafka
// frame (int32 size prefix + body) in both directions. Requests are read for apiKey, apiVersion
// and correlationId; responses are paired with their request by correlationId per connection.
//
// Clients learn broker addresses from Metadata: to keep them on the proxy, start the broker
// with its advertised port set to the proxy's port (startApacheKafka({ advertisedPort })).
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { FrameDecoder } from '@tideline/protocol';

export type FrameDirection = 'request' | 'response';

export interface CapturedFrame {
  /** Sequence number of the client connection (1, 2, ...). */
  connection: number;
  direction: FrameDirection;
  /** From the request header; for a response, from its paired request (-1 if unpaired). */
  apiKey: number;
  apiVersion: number;
  correlationId: number;
  /** The frame without its 4-byte size prefix: header then body. */
  bytes: Buffer;
  /** Milliseconds since the proxy started. */
  at: number;
}

export interface CaptureExchange {
  request: CapturedFrame;
  /** Missing for requests without a response (Produce with acks=0) or still in flight. */
  response?: CapturedFrame;
}

export interface CaptureProxyOptions {
  /** The upstream broker, `host:port` or `{ host, port }`. */
  target: string | { host: string; port: number };
  /** Listen port; a free one by default. */
  port?: number;
  /** Called for every captured frame, after it is recorded. */
  onFrame?: (frame: CapturedFrame) => void;
}

export interface CaptureProxy {
  port: number;
  /** `127.0.0.1:<port>`. */
  address: string;
  /** Every frame in capture order. */
  frames: CapturedFrame[];
  /** Requests paired with their responses, in request order. */
  exchanges(): CaptureExchange[];
  /** Closes the listener and every proxied connection. */
  stop(): Promise<void>;
}

/**
 * Splits a byte stream into size-prefixed frames, each copied out of the socket's chunks (captured
 * frames are kept for the whole run). Throws protocol's FrameSizeError on a negative size.
 */
export class FrameSplitter {
  private readonly frames = new FrameDecoder();

  push(chunk: Buffer): Buffer[] {
    this.frames.push(chunk);
    const out: Buffer[] = [];
    for (let f = this.frames.next(); f !== undefined; f = this.frames.next()) out.push(Buffer.from(f));
    return out;
  }
}

function parseTarget(t: CaptureProxyOptions['target']): { host: string; port: number } {
  if (typeof t !== 'string') return t;
  const i = t.lastIndexOf(':');
  if (i < 0) throw new Error(`capture proxy target needs host:port, got ${t}`);
  return { host: t.slice(0, i), port: Number(t.slice(i + 1)) };
}

export async function startCaptureProxy(opts: CaptureProxyOptions): Promise<CaptureProxy> {
  const target = parseTarget(opts.target);
  const frames: CapturedFrame[] = [];
  const sockets = new Set<Socket>();
  const t0 = Date.now();
  let connections = 0;

  const record = (f: CapturedFrame): void => {
    frames.push(f);
    opts.onFrame?.(f);
  };

  const server: Server = createServer((client) => {
    const connection = ++connections;
    const upstream = createConnection(target);
    sockets.add(client);
    sockets.add(upstream);
    const inFlight = new Map<number, { apiKey: number; apiVersion: number }>();
    const reqs = new FrameSplitter();
    const resps = new FrameSplitter();
    const closeBoth = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', closeBoth);
    upstream.on('error', closeBoth);
    client.on('close', closeBoth);
    upstream.on('close', closeBoth);
    client.pipe(upstream);
    upstream.pipe(client);

    client.on('data', (chunk: Buffer) => {
      for (const bytes of reqs.push(chunk)) {
        if (bytes.length < 8) continue;
        const apiKey = bytes.readInt16BE(0);
        const apiVersion = bytes.readInt16BE(2);
        const correlationId = bytes.readInt32BE(4);
        inFlight.set(correlationId, { apiKey, apiVersion });
        record({ connection, direction: 'request', apiKey, apiVersion, correlationId, bytes, at: Date.now() - t0 });
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      for (const bytes of resps.push(chunk)) {
        if (bytes.length < 4) continue;
        const correlationId = bytes.readInt32BE(0);
        const req = inFlight.get(correlationId);
        inFlight.delete(correlationId);
        record({
          connection,
          direction: 'response',
          apiKey: req?.apiKey ?? -1,
          apiVersion: req?.apiVersion ?? -1,
          correlationId,
          bytes,
          at: Date.now() - t0,
        });
      }
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;

  const exchanges = (): CaptureExchange[] => {
    const out: CaptureExchange[] = [];
    const open = new Map<string, CaptureExchange>();
    for (const f of frames) {
      const k = `${f.connection}/${f.correlationId}`;
      if (f.direction === 'request') {
        const ex: CaptureExchange = { request: f };
        out.push(ex);
        open.set(k, ex);
      } else {
        const ex = open.get(k);
        if (ex !== undefined) {
          ex.response = f;
          open.delete(k);
        }
      }
    }
    return out;
  };

  const stop = async (): Promise<void> => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((r) => server.close(() => r()));
  };

  return { port, address: `127.0.0.1:${port}`, frames, exchanges, stop };
}
