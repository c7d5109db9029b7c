// TCP (and TLS) server speaking the Kafka wire protocol on one or more named listeners. Frames are
// read with a size cap before buffering; requests on a connection are handled concurrently but
// answered strictly in request order. On SASL listeners a connection's frames go through its
// SaslAuthenticator's gate first: before authentication only ApiVersions, SaslHandshake and
// SaslAuthenticate reach a handler (anything else closes the connection), and after a v0
// handshake the frames are raw SASL tokens.
import net from 'node:net';
import tls from 'node:tls';
import {
  ApiKey, ErrorCode, FrameDecoder, FrameSizeError, ProtocolError, decodeRequest, encodeResponse, type ApiTypes, type FrameCopyTarget,
} from '@tideline/protocol';
import { AFTER_WRITE, NO_RESPONSE, type ConnectionInfo, type HandlerRegistry, type RequestContext } from './registry.js';
import type { Broker } from './broker-state.js';
import type { Logger } from './logger.js';
import { ANONYMOUS, type ListenerSpec, type Principal, type SaslMechanismServer, type Session } from './security/types.js';
import { SASL_MAX_RECEIVE_SIZE, SaslAuthenticator } from './security/authenticator.js';
import { distinguishedName } from './security/principal-mapper.js';
import type { RequestTiming } from './metrics/hooks.js';
import { frameBuffers } from './frame-buffers.js';

/** One listener the server opens: a plain TCP or a TLS server, with or without SASL. */
export interface ServerListener {
  readonly spec: ListenerSpec;
  /** TLS server options (SSL and SASL_SSL listeners). */
  readonly tls?: tls.TlsOptions;
  /** ssl.client.auth (SSL/SASL_SSL listeners); 'requested' checks a certificate the client sends. */
  readonly clientAuth?: 'none' | 'requested' | 'required';
  /** SSL listeners: the principal of a client certificate's subject DN (ssl.principal.mapping.rules). */
  readonly principalOf?: (dn: string) => Principal;
}

/** SASL for SASL_PLAINTEXT / SASL_SSL listeners. */
export interface ServerSasl {
  /** Enabled mechanisms by name, per listener name (any listener missing here has none enabled). */
  mechanismsFor(listener: string): ReadonlyMap<string, SaslMechanismServer>;
  /** connections.max.reauth.ms; 0: sessions do not expire. */
  readonly maxReauthMs: number;
}

export interface ServerOptions {
  /** The PLAINTEXT listener's address when `listeners` is absent. */
  host: string;
  port: number;
  /** Named listeners (the first is the broker's default); absent: one PLAINTEXT listener on host:port. */
  listeners?: readonly ServerListener[];
  sasl?: ServerSasl;
  /** Frames larger than this are refused before any of their bytes are buffered (Kafka: socket.request.max.bytes). */
  maxRequestSize: number;
  /** Requests handled at once per connection before reading pauses (Kafka handles one: queued requests stay in the socket). */
  maxInFlightPerConnection: number;
  /**
   * Fetch requests handled at once per connection. A Fetch answer can be as large as its maxBytes,
   * so without this cap a client pipelining Fetch requests makes the broker hold
   * maxInFlightPerConnection answers at once. Real clients send one Fetch per connection at a time.
   */
  maxInFlightFetchesPerConnection: number;
  /**
   * Stop handling requests of a connection while more than this many response bytes wait in its
   * socket (the kernel's send buffer is full: the client does not read). Kafka mutes a channel
   * until its response is sent; this is the same with a little slack.
   */
  maxPendingWriteBytes: number;
  /** Frames one connection handles before yielding to the event loop, so one busy client cannot starve the others. */
  framesPerTurn: number;
}

/** The limits `startBroker` uses. */
export const DEFAULT_CONNECTION_LIMITS = {
  maxInFlightPerConnection: 64,
  maxInFlightFetchesPerConnection: 1,
  maxPendingWriteBytes: 256 * 1024,
  framesPerTurn: 16,
} as const;

/**
 * Produce frames go into pooled buffers (frame-buffers.ts); every other request keeps the
 * decoder's default, because handlers of other APIs may keep views of their request (a group
 * member's metadata, a SASL token).
 */
const produceFramesPooled: FrameCopyTarget = (size, head) => (head === ApiKey.Produce ? frameBuffers.take(size) : undefined);

/** Responses smaller than this are copied into one exact-size buffer before being queued on a socket. */
const COALESCE_BELOW = 16 * 1024;

interface Slot {
  done: boolean;
  bufs: Buffer[] | null;
  fetch: boolean;
  /** Set only when the broker has metrics. */
  timing: RequestTiming | null;
  /** The response's AFTER_WRITE function (see registry.ts). */
  afterWrite: (() => void) | null;
}

export class KafkaServer {
  private servers: net.Server[] = [];
  private readonly connections = new Set<Connection>();
  /** Every accepted TCP socket, including TLS ones still in their handshake (close() ends them too). */
  private readonly sockets = new Set<net.Socket>();
  private nextId = 1;
  /** Bound address of each listener, by name, in listener order. */
  readonly addresses = new Map<string, { host: string; port: number }>();

  constructor(
    private readonly broker: Broker,
    private readonly registry: HandlerRegistry,
    private readonly opts: ServerOptions,
    private readonly log: Logger,
  ) {}

  private listeners(): readonly ServerListener[] {
    return this.opts.listeners ?? [{ spec: { name: 'PLAINTEXT', host: this.opts.host, port: this.opts.port, securityProtocol: 'PLAINTEXT' } }];
  }

  /** Opens every listener; resolves with the first one's bound address. On failure, closes those opened. */
  async listen(): Promise<{ host: string; port: number }> {
    try {
      for (const l of this.listeners()) this.addresses.set(l.spec.name, await this.listenOne(l));
    } catch (err) {
      await this.close();
      throw err;
    }
    return [...this.addresses.values()][0]!;
  }

  private listenOne(l: ServerListener): Promise<{ host: string; port: number }> {
    const { spec } = l;
    return new Promise((resolve, reject) => {
      const accept = (socket: net.Socket, session: Session): void => {
        const sasl = spec.securityProtocol === 'SASL_PLAINTEXT' || spec.securityProtocol === 'SASL_SSL';
        const c = new Connection(this.nextId++, socket, session, sasl ? this.opts.sasl : undefined, this.broker, this.registry, this.opts, this.log);
        this.connections.add(c);
        socket.once('close', () => this.connections.delete(c));
      };
      const newSession = (): Session => ({
        listener: spec.name,
        securityProtocol: spec.securityProtocol,
        principal: ANONYMOUS,
        authenticated: spec.securityProtocol === 'PLAINTEXT' || spec.securityProtocol === 'SSL',
      });
      let server: net.Server;
      if (l.tls !== undefined) {
        const clientAuth = l.clientAuth ?? 'none';
        const ts = tls.createServer({
          ...l.tls,
          requestCert: clientAuth !== 'none',
          rejectUnauthorized: clientAuth === 'required',
        }, (socket) => {
          socket.setNoDelay(true);
          const session = newSession();
          const cert = clientAuth === 'none' ? undefined : socket.getPeerX509Certificate();
          if (cert !== undefined && !socket.authorized) {
            // ssl.client.auth=requested: a certificate the client chose to send must still verify.
            this.log.info({ listener: spec.name, remote: socket.remoteAddress, err: String(socket.authorizationError) }, 'TLS client certificate refused');
            socket.destroy();
            return;
          }
          if (cert !== undefined && spec.securityProtocol === 'SSL') {
            const dn = distinguishedName(cert.subject);
            try {
              session.principal = l.principalOf !== undefined ? l.principalOf(dn) : `User:${dn}`;
            } catch (err) {
              this.log.warn({ listener: spec.name, dn, err }, 'no principal for the client certificate; closing');
              socket.destroy();
              return;
            }
            this.log.info({ listener: spec.name, remote: socket.remoteAddress, dn, principal: session.principal }, 'TLS client authenticated');
          }
          accept(socket, session);
        });
        // Garbage or failed handshakes: node:tls destroys the socket; note it and keep serving.
        ts.on('tlsClientError', (err, socket) => {
          this.log.debug({ listener: spec.name, remote: socket.remoteAddress, err: err.message }, 'TLS handshake failed');
        });
        server = ts;
      } else {
        server = net.createServer({ noDelay: true }, (socket) => accept(socket, newSession()));
      }
      server.on('connection', (socket: net.Socket) => {
        this.sockets.add(socket);
        socket.once('close', () => this.sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(spec.port, spec.host, () => {
        server.off('error', reject);
        server.on('error', (err) => this.log.error({ err, listener: spec.name }, 'server error'));
        const addr = server.address() as net.AddressInfo;
        this.servers.push(server);
        resolve({ host: spec.host, port: addr.port });
      });
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Open connections per listener and state (authenticating, authenticated, closing), for the metrics. */
  connectionStates(): Array<{ listener: string; state: string; count: number }> {
    const counts = new Map<string, { listener: string; state: string; count: number }>();
    for (const c of this.connections) {
      const listener = c.listener;
      const state = c.state;
      const k = `${listener}\u0000${state}`;
      const e = counts.get(k);
      if (e !== undefined) e.count++;
      else counts.set(k, { listener, state, count: 1 });
    }
    return [...counts.values()];
  }

  async close(): Promise<void> {
    const servers = this.servers;
    this.servers = [];
    const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
    for (const c of this.connections) c.destroy();
    for (const s of this.sockets) s.destroy();
    await Promise.all(closed);
  }
}

/**
 * One client connection. Requests are handled while none of these holds, and the socket is not
 * read (so the kernel's buffers push back on the client) while one does:
 * - `maxInFlightPerConnection` requests are being handled;
 * - the next frame is a Fetch and `maxInFlightFetchesPerConnection` Fetches are being handled;
 * - more than `maxPendingWriteBytes` response bytes wait in the socket (the client does not read);
 * - the connection handled `framesPerTurn` frames in a row and waits for its next event-loop turn;
 * - it is muted for a quota (KIP-219): a response carried throttleTimeMs > 0 (or the handler called
 *   `throttle`), so nothing more of it is read or handled until `mutedUntil`. Requests already
 *   being handled finish; the response itself goes out at once. Without quotas this costs one
 *   comparison per drain.
 * Frames already buffered are not handled while blocked either: one 'data' chunk can hold
 * hundreds of pipelined requests, and socket.pause() only stops further 'data' events.
 */
class Connection {
  private frames: FrameDecoder;
  private readonly slots: Slot[] = [];
  private inFlight = 0;
  private fetchesInFlight = 0;
  /** The next buffered frame is a Fetch that waits for the one being handled. */
  private waitingForFetch = false;
  /** This connection used its turn; the rest of its buffered frames wait for setImmediate. */
  private turnScheduled = false;
  private reading = true;
  /** Muted for a quota until this time (ms since the epoch); 0 when not muted. */
  private mutedUntil = 0;
  private muteTimer: NodeJS.Timeout | null = null;
  private draining = false;
  private readonly abort = new AbortController();
  private readonly info: ConnectionInfo;
  /** Set when the connection is to close once its queued responses are written; no frame is handled after. */
  private closing: string | null = null;
  /** performance.now() of the latest 'data' event (kept only with metrics): a frame's arrival for its queue time. */
  private lastDataAt = 0;

  constructor(
    id: number,
    private readonly socket: net.Socket,
    session: Session,
    saslConfig: ServerSasl | undefined,
    private readonly broker: Broker,
    private readonly registry: HandlerRegistry,
    private readonly opts: ServerOptions,
    private readonly log: Logger,
  ) {
    // Until a SASL client authenticated, frames are capped at Kafka's sasl.server.max.receive.size.
    const preAuthCap = Math.min(SASL_MAX_RECEIVE_SIZE, opts.maxRequestSize);
    this.frames = new FrameDecoder(saslConfig !== undefined ? preAuthCap : opts.maxRequestSize, produceFramesPooled);
    const sasl = saslConfig === undefined ? undefined : new SaslAuthenticator(
      session,
      saslConfig.mechanismsFor(session.listener),
      { maxReauthMs: saslConfig.maxReauthMs, now: () => broker.now(), log, connId: id },
      {
        closeAfterResponses: (reason) => this.closeAfterResponses(reason),
        authenticated: () => {
          this.frames.maxFrameSize = opts.maxRequestSize;
        },
        finished: (mechanism, ok) => broker.metrics?.authentication(session.listener, mechanism, ok),
      },
    );
    this.info = {
      id, remoteAddress: socket.remoteAddress ?? '', remotePort: socket.remotePort ?? 0, closed: this.abort.signal, session, sasl,
      throttle: (ms: number) => this.mute(ms),
    };
    socket.on('data', (d: Buffer) => this.onData(d));
    socket.on('drain', () => this.drainFrames());
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.abort.abort();
      if (this.muteTimer !== null) clearTimeout(this.muteTimer);
      this.frames = new FrameDecoder(this.opts.maxRequestSize);
      this.slots.length = 0;
    });
  }

  destroy(): void {
    this.socket.destroy();
  }

  get listener(): string {
    return this.info.session.listener;
  }

  get state(): 'authenticating' | 'authenticated' | 'closing' {
    if (this.closing !== null) return 'closing';
    return this.info.session.authenticated ? 'authenticated' : 'authenticating';
  }

  /** Stops handling frames; the socket ends once the responses already queued are written. */
  private closeAfterResponses(reason: string): void {
    if (this.closing !== null) return;
    this.closing = reason;
    this.log.info({ conn: this.info.id, remote: `${this.info.remoteAddress}:${this.info.remotePort}` }, `closing connection after its responses: ${reason}`);
    this.endIfFlushed();
  }

  private endIfFlushed(): void {
    if (this.closing === null || this.slots.length > 0 || this.socket.destroyed) return;
    this.socket.end();
    // A client that does not read its answer does not hold the socket open.
    setTimeout(() => this.socket.destroy(), 5000).unref();
  }

  private fail(reason: string): void {
    this.log.warn({ conn: this.info.id, remote: `${this.info.remoteAddress}:${this.info.remotePort}` }, `closing connection: ${reason}`);
    this.socket.destroy();
  }

  private onData(d: Buffer): void {
    if (this.socket.destroyed) return;
    if (this.broker.metrics !== undefined) this.lastDataAt = performance.now();
    this.frames.push(d);
    this.drainFrames();
  }

  /** KIP-219: stop reading and handling this connection's requests for `ms`. */
  private mute(ms: number): void {
    if (!(ms > 0) || this.socket.destroyed) return;
    const until = Date.now() + ms;
    if (until <= this.mutedUntil) return;
    this.mutedUntil = until;
    if (this.muteTimer !== null) clearTimeout(this.muteTimer);
    this.muteTimer = setTimeout(() => {
      this.muteTimer = null;
      this.mutedUntil = 0;
      this.drainFrames();
    }, ms);
    this.updateReading();
  }

  private writeBlocked(): boolean {
    return this.inFlight >= this.opts.maxInFlightPerConnection || this.socket.writableLength > this.opts.maxPendingWriteBytes;
  }

  /** Handles buffered complete frames until blocked, then starts or stops reading the socket. */
  private drainFrames(): void {
    if (this.draining || this.socket.destroyed) return; // re-entered from a request completing synchronously
    this.draining = true;
    try {
      this.drainLoop();
    } finally {
      this.draining = false;
    }
    this.updateReading();
  }

  private drainLoop(): void {
    this.waitingForFetch = false;
    let handled = 0;
    while (!this.socket.destroyed && this.closing === null && !this.turnScheduled && this.mutedUntil === 0 && !this.writeBlocked() && this.info.sasl?.busy !== true) {
      let frame: Buffer | undefined;
      try {
        frame = this.frames.peek();
      } catch (err) {
        if (err instanceof FrameSizeError) return this.fail(err.message);
        throw err;
      }
      if (frame === undefined) return;
      if (frame.length >= 2 && this.fetchesInFlight >= this.opts.maxInFlightFetchesPerConnection && frame.readInt16BE(0) === ApiKey.Fetch) {
        this.waitingForFetch = true;
        return;
      }
      if (handled === this.opts.framesPerTurn) {
        this.turnScheduled = true;
        setImmediate(() => {
          this.turnScheduled = false;
          this.drainFrames();
        });
        return;
      }
      handled++;
      this.frames.next();
      this.onFrame(frame);
    }
  }

  private updateReading(): void {
    if (this.socket.destroyed) return;
    const want = !this.writeBlocked() && !this.waitingForFetch && !this.turnScheduled && this.mutedUntil === 0 && this.info.sasl?.busy !== true;
    if (want === this.reading) return;
    this.reading = want;
    if (want) this.socket.resume();
    else this.socket.pause();
  }

  /** A raw SASL token after a v0 SaslHandshake: answered with a raw size-prefixed token, or the connection closes. */
  private onRawToken(sasl: SaslAuthenticator, token: Buffer): void {
    const slot = this.newSlot(false);
    sasl.rawToken(token).then((answer) => {
      if (this.socket.destroyed) return;
      if (answer === null) return this.complete(slot, null);
      const size = Buffer.allocUnsafe(4);
      size.writeInt32BE(answer.length, 0);
      this.complete(slot, [size, answer]);
    }, (err: unknown) => this.handlerFailed(ApiKey.SaslAuthenticate, err));
  }

  private onFrame(frame: Buffer): void {
    const sasl = this.info.sasl;
    if (sasl?.expectsRawToken === true) return this.onRawToken(sasl, frame);
    if (frame.length < 8) return this.fail(`request frame of ${frame.length} bytes`);
    const apiKey = frame.readInt16BE(0);
    const apiVersion = frame.readInt16BE(2);
    const correlationId = frame.readInt32BE(4);
    if (sasl !== undefined) {
      // The pre-authentication gate: nothing else reaches a handler unauthenticated or past the session's expiry.
      const g = sasl.gate(apiKey);
      if (!g.ok) return this.fail(g.reason);
    }
    if (!this.registry.supports(apiKey, apiVersion)) {
      if (apiKey === ApiKey.ApiVersions) {
        // KIP-511: answer an unknown ApiVersions version with a v0 response listing what we serve.
        const slot = this.newSlot(false);
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
    const slot = this.newSlot(apiKey === ApiKey.Fetch);
    const metrics = this.broker.metrics;
    if (metrics !== undefined) slot.timing = { apiKey, receivedAt: this.lastDataAt, startedAt: performance.now(), localDoneAt: 0 };
    // request_percentage (KIP-124): the handler's own time (its synchronous part and the
    // encoding; not time spent waiting on I/O or long polls), measured only while such a quota exists.
    const quotas = this.broker.quotas;
    const timed = quotas.requestQuotaEnabled;
    let nanos = 0;
    let t0 = timed ? process.hrtime.bigint() : 0n;
    let result: unknown;
    try {
      result = handler.handle(decoded.body as never, ctx);
    } catch (err) {
      return this.handlerFailed(apiKey, err);
    }
    if (timed) nanos += Number(process.hrtime.bigint() - t0);
    const finish = (r: unknown): void => {
      if (this.socket.destroyed) return;
      if (timed) t0 = process.hrtime.bigint();
      if (r === NO_RESPONSE) {
        if (slot.timing !== null) {
          slot.timing.localDoneAt = performance.now();
          metrics!.requestAnswered(slot.timing, null);
        }
        return this.complete(slot, null);
      }
      const withThrottle = r as { throttleTimeMs?: unknown };
      let bufs: Buffer[];
      try {
        bufs = encodeResponse(apiKey as keyof ApiTypes, apiVersion, correlationId, r as never);
        if (timed && typeof withThrottle.throttleTimeMs === 'number') {
          // The response carries the larger of its own delay and the request quota's (Kafka's max).
          nanos += Number(process.hrtime.bigint() - t0);
          const t = quotas.recordRequestTime(this.info.session, decoded.header.clientId ?? '', nanos);
          if (t > withThrottle.throttleTimeMs) {
            withThrottle.throttleTimeMs = t;
            bufs = encodeResponse(apiKey as keyof ApiTypes, apiVersion, correlationId, r as never);
          }
        }
      } catch (err) {
        return this.handlerFailed(apiKey, err);
      }
      const throttle = withThrottle.throttleTimeMs;
      if (typeof throttle === 'number' && throttle > 0) this.mute(throttle);
      if (slot.timing !== null) {
        slot.timing.localDoneAt = performance.now();
        metrics!.requestAnswered(slot.timing, r);
      }
      const written = (r as { [AFTER_WRITE]?: () => void })[AFTER_WRITE];
      if (written !== undefined) slot.afterWrite = written;
      this.complete(slot, bufs);
    };
    if (apiKey === ApiKey.Produce && result instanceof Promise) {
      // The frame goes back to the pool once the handler resolved: every append it started has
      // settled by then and nothing keeps a view of it (frame-buffers.ts). Never on failure.
      result.then((r: unknown) => {
        frameBuffers.release(frame);
        finish(r);
      }, (err: unknown) => this.handlerFailed(apiKey, err));
    } else if (result instanceof Promise) {
      result.then(finish, (err: unknown) => this.handlerFailed(apiKey, err));
    } else {
      finish(result);
    }
  }

  private handlerFailed(apiKey: number, err: unknown): void {
    this.broker.metrics?.requestFailed(apiKey);
    this.log.error({ err, apiKey, conn: this.info.id }, 'request handler failed; closing connection');
    this.socket.destroy();
  }

  private newSlot(fetch: boolean): Slot {
    const slot: Slot = { done: false, bufs: null, fetch, timing: null, afterWrite: null };
    this.slots.push(slot);
    this.inFlight++;
    if (fetch) this.fetchesInFlight++;
    return slot;
  }

  private complete(slot: Slot, bufs: Buffer[] | null): void {
    slot.done = true;
    slot.bufs = bufs;
    this.inFlight--;
    if (slot.fetch) this.fetchesInFlight--;
    if (this.slots[0] === slot) {
      const s = this.socket;
      s.cork();
      while (this.slots.length > 0 && this.slots[0]!.done) {
        const head = this.slots.shift()!;
        if (head.bufs !== null) {
          const out = coalesce(head.bufs);
          const after = head.afterWrite;
          for (let i = 0; i < out.length; i++) {
            // The last buffer's callback runs once all of the response has been written.
            if (after !== null && i === out.length - 1) s.write(out[i]!, (err) => err == null && after());
            else s.write(out[i]!);
          }
        }
        if (head.timing !== null) this.broker.metrics?.responseSent(head.timing);
      }
      s.uncork();
    }
    if (this.closing !== null) return this.endIfFlushed();
    this.drainFrames();
  }
}

/**
 * A small response as one exact-size buffer: the encoder's buffers are slices of larger
 * allocations, and a client that does not read would otherwise pin them by the thousand.
 */
function coalesce(bufs: Buffer[]): Buffer[] {
  let total = 0;
  for (const b of bufs) total += b.length;
  return total < COALESCE_BELOW ? [Buffer.concat(bufs, total)] : bufs;
}
