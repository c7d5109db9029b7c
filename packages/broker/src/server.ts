// TCP server speaking the Kafka wire protocol. Frames are read with a size cap before buffering;
// requests on a connection are handled concurrently but answered strictly in request order.
import net from 'node:net';
import {
  ApiKey, ErrorCode, ProtocolError, decodeRequest, encodeResponse, type ApiTypes,
} from '@tideline/protocol';
import { NO_RESPONSE, type ConnectionInfo, type HandlerRegistry, type RequestContext } from './registry.js';
import type { Broker } from './broker-state.js';
import type { Logger } from './logger.js';

export interface ServerOptions {
  host: string;
  port: number;
  /** Frames larger than this are refused before any of their bytes are buffered (Kafka: socket.request.max.bytes). */
  maxRequestSize: number;
  /** Requests handled at once per connection before reading pauses. */
  maxInFlightPerConnection: number;
  /** Pause reading while this many response bytes wait in the socket (slow readers). */
  maxPendingWriteBytes: number;
}

interface Slot {
  done: boolean;
  bufs: Buffer[] | null;
}

export class KafkaServer {
  private server: net.Server | null = null;
  private readonly connections = new Set<Connection>();
  private nextId = 1;

  constructor(
    private readonly broker: Broker,
    private readonly registry: HandlerRegistry,
    private readonly opts: ServerOptions,
    private readonly log: Logger,
  ) {}

  listen(): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      const server = net.createServer({ noDelay: true }, (socket) => {
        const c = new Connection(this.nextId++, socket, this.broker, this.registry, this.opts, this.log);
        this.connections.add(c);
        socket.once('close', () => this.connections.delete(c));
      });
      server.once('error', reject);
      server.listen(this.opts.port, this.opts.host, () => {
        server.off('error', reject);
        server.on('error', (err) => this.log.error({ err }, 'server error'));
        const addr = server.address() as net.AddressInfo;
        this.server = server;
        resolve({ host: this.opts.host, port: addr.port });
      });
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s === null) return;
    const closed = new Promise<void>((resolve) => s.close(() => resolve()));
    for (const c of this.connections) c.destroy();
    await closed;
  }
}

class Connection {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private readonly slots: Slot[] = [];
  private inFlight = 0;
  private paused = false;
  private readonly abort = new AbortController();
  private readonly info: ConnectionInfo;

  constructor(
    id: number,
    private readonly socket: net.Socket,
    private readonly broker: Broker,
    private readonly registry: HandlerRegistry,
    private readonly opts: ServerOptions,
    private readonly log: Logger,
  ) {
    this.info = { id, remoteAddress: socket.remoteAddress ?? '', remotePort: socket.remotePort ?? 0, closed: this.abort.signal };
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('drain', () => this.maybeResume());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.abort.abort();
      this.chunks = [];
      this.slots.length = 0;
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  private fail(reason: string): void {
    this.log.warn({ conn: this.info.id, remote: `${this.info.remoteAddress}:${this.info.remotePort}` }, `closing connection: ${reason}`);
    this.socket.destroy();
  }

  private onData(d: Buffer): void {
    this.chunks.push(d);
    this.buffered += d.length;
    while (this.buffered >= 4 && !this.socket.destroyed) {
      const size = this.peekInt32();
      if (size < 0 || size > this.opts.maxRequestSize) {
        this.fail(`frame size ${size} outside 0..${this.opts.maxRequestSize}`);
        return;
      }
      if (this.buffered < 4 + size) return;
      const frame = this.take(4 + size).subarray(4);
      this.onFrame(frame);
    }
  }

  private peekInt32(): number {
    const first = this.chunks[0]!;
    if (first.length >= 4) return first.readInt32BE(0);
    return Buffer.concat(this.chunks, 4).readInt32BE(0);
  }

  /** Removes and returns the first n buffered bytes, without copying when they sit in one chunk. */
  private take(n: number): Buffer {
    this.buffered -= n;
    const first = this.chunks[0]!;
    if (first.length >= n) {
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      return first.subarray(0, n);
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - off);
      c.copy(out, off, 0, k);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    return out;
  }

  private onFrame(frame: Buffer): void {
    if (frame.length < 8) return this.fail(`request frame of ${frame.length} bytes`);
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const correlationId = frame.readInt32BE(4);
    if (!this.registry.supports(apiKey, apiVersion)) {
      if (apiKey === ApiKey.ApiVersions) {
        // KIP-511: answer an unknown ApiVersions version with a v0 response listing what we serve.
        const slot = this.newSlot();
        this.complete(slot, encodeResponse(ApiKey.ApiVersions, 0, correlationId, {
          errorCode: ErrorCode.UNSUPPORTED_VERSION,
          apiKeys: this.registry.list().map((a) => ({ apiKey: a.apiKey, minVersion: a.minVersion, maxVersion: a.maxVersion })),
        }));
        return;
      }
      return this.fail(`unsupported api key ${apiKey} version ${apiVersion}`);
    }
    let decoded: ReturnType<typeof decodeRequest>;
    try {
      decoded = decodeRequest(frame);
    } catch (err) {
      if (err instanceof ProtocolError) return this.fail(`malformed request (api ${apiKey} v${apiVersion}): ${err.message}`);
      throw err;
    }
    const handler = this.registry.get(apiKey)!;
    const ctx: RequestContext = { broker: this.broker, connection: this.info, header: decoded.header, apiVersion };
    const slot = this.newSlot();
    let result: unknown;
    try {
      result = handler.handle(decoded.body as never, ctx);
    } catch (err) {
      return this.handlerFailed(apiKey, err);
    }
    const finish = (r: unknown): void => {
      if (this.socket.destroyed) return;
      if (r === NO_RESPONSE) return this.complete(slot, null);
      let bufs: Buffer[];
      try {
        bufs = encodeResponse(apiKey as keyof ApiTypes, apiVersion, correlationId, r as never);
      } catch (err) {
        return this.handlerFailed(apiKey, err);
      }
      this.complete(slot, bufs);
    };
    if (result instanceof Promise) result.then(finish, (err: unknown) => this.handlerFailed(apiKey, err));
    else finish(result);
  }

  private handlerFailed(apiKey: number, err: unknown): void {
    this.log.error({ err, apiKey, conn: this.info.id }, 'request handler failed; closing connection');
    this.socket.destroy();
  }

  private newSlot(): Slot {
    const slot: Slot = { done: false, bufs: null };
    this.slots.push(slot);
    this.inFlight++;
    if (this.inFlight >= this.opts.maxInFlightPerConnection) this.pause();
    return slot;
  }

  private complete(slot: Slot, bufs: Buffer[] | null): void {
    slot.done = true;
    slot.bufs = bufs;
    this.inFlight--;
    if (this.slots[0] !== slot) return;
    const s = this.socket;
    s.cork();
    while (this.slots.length > 0 && this.slots[0]!.done) {
      const head = this.slots.shift()!;
      if (head.bufs !== null) for (const b of head.bufs) s.write(b);
    }
    s.uncork();
    if (s.writableLength > this.opts.maxPendingWriteBytes) this.pause();
    else this.maybeResume();
  }

  private pause(): void {
    if (!this.paused) {
      this.paused = true;
      this.socket.pause();
    }
  }

  private maybeResume(): void {
    if (this.paused && this.inFlight < this.opts.maxInFlightPerConnection && this.socket.writableLength <= this.opts.maxPendingWriteBytes) {
      this.paused = false;
      this.socket.resume();
    }
  }
}
