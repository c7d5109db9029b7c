// One TCP connection to one broker. Requests are pipelined (up to `maxInFlight` awaiting a
// response; more wait in a queue), matched to responses by correlation id, and each carries a
// timeout: a request that times out fails and the connection is closed (a late response could
// otherwise be matched to nothing, and the broker is evidently unwell). On connect the client
// sends ApiVersions and intersects the broker's ranges with its own (see versions.ts).
//
// Security (security.ts): SSL and SASL_SSL wrap the socket in node:tls; SASL_PLAINTEXT and
// SASL_SSL authenticate right after ApiVersions with SaslHandshake v1 and SaslAuthenticate, before
// any other request. When the broker answers with a session lifetime (KIP-368), the connection
// re-authenticates between requests at 85-95% of it: new requests wait in the queue, the in-flight
// ones drain, then SaslHandshake + SaslAuthenticate run again on the same socket.
//
// Hot path: callbacks (`requestFrame`), frames split by protocol's FrameDecoder (no copy when a
// frame sits inside one chunk). Promises only at the edge (`request`).
import net from 'node:net';
import tls from 'node:tls';
import { APIS, ApiKey, ErrorCode, FrameDecoder, FrameSizeError, decodeResponse, encodeRequest, type ApiTypes } from '@tideline/protocol';
import { ClientError, ClientErrorCode, KafkaError } from './errors.js';
import { saslClient, usesSasl, usesTls, validateSecurity, type SecurityOptions } from './security.js';
import { VersionTable } from './versions.js';

export interface ConnectionOptions {
  host: string;
  port: number;
  clientId?: string;
  /** Human label for errors, e.g. `node 1 (127.0.0.1:9092)`. Default `host:port`. */
  label?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Requests awaiting a response at once; more are queued. Default 5. */
  maxInFlight?: number;
  /** Caps on API versions (apiKey -> max version), e.g. to test old versions. */
  versionLimits?: ReadonlyMap<number, number>;
  /** TLS and SASL (default PLAINTEXT). */
  security?: SecurityOptions;
}

/** Socket errors that mean the broker was not reached (retriable), as opposed to a TLS failure. */
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN']);

export type FrameCallback = (err: ClientError | null, frame?: Buffer) => void;

interface Pending {
  correlationId: number;
  apiKey: number;
  buffers: Buffer[] | null;
  expectResponse: boolean;
  timeoutMs: number;
  timer: NodeJS.Timeout | null;
  cb: FrameCallback;
}

export const CLIENT_SOFTWARE_NAME = 'tideline-client';
export const CLIENT_SOFTWARE_VERSION = '0.1.0';

export class Connection {
  readonly label: string;
  readonly clientId: string;
  private readonly sock: net.Socket;
  private readonly requestTimeoutMs: number;
  private readonly maxInFlight: number;
  private nextCorrelationId = 0;
  private readonly inFlight = new Map<number, Pending>();
  private readonly queue: Pending[] = [];
  /** No cap on response size (as Kafka's clients): only a negative size is refused. */
  private readonly frames = new FrameDecoder();
  private closedError: ClientError | null = null;
  private readonly closeListeners: Array<(err: ClientError) => void> = [];
  versions: VersionTable = new VersionTable([]);
  private readonly security: SecurityOptions | undefined;
  /** While true (a re-authentication is due or running) new requests wait in the queue. */
  private paused = false;
  private reauthDue = false;
  private reauthTimer: NodeJS.Timeout | null = null;
  /** Completed SASL authentications on this connection (1 after connect, +1 per re-authentication). */
  authentications = 0;
  /** The session lifetime the broker gave at the last authentication (0: none). */
  sessionLifetimeMs = 0;

  private constructor(sock: net.Socket, opts: ConnectionOptions) {
    this.sock = sock;
    this.security = opts.security;
    this.label = opts.label ?? `${opts.host}:${opts.port}`;
    this.clientId = opts.clientId ?? 'tideline';
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 5);
    sock.setNoDelay(true);
    sock.on('data', (d: Buffer) => this.onData(d));
    sock.on('error', (e) => this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `connection to ${this.label} failed: ${e.message}`, { broker: this.label, retriable: true, cause: e })));
    sock.on('close', () => this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `connection to ${this.label} closed by the broker`, { broker: this.label, retriable: true })));
  }

  /** Connects and negotiates API versions. */
  static async connect(opts: ConnectionOptions): Promise<Connection> {
    const label = opts.label ?? `${opts.host}:${opts.port}`;
    validateSecurity(opts.security);
    const secure = usesTls(opts.security);
    const sock = await new Promise<net.Socket>((resolve, reject) => {
      const s = secure ? tls.connect(tlsConnectOptions(opts)) : net.connect({ host: opts.host, port: opts.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new ClientError(ClientErrorCode.CONNECTION_ERROR, `connection to ${label} timed out after ${opts.connectTimeoutMs ?? 10_000} ms`, { broker: label, retriable: true }));
      }, opts.connectTimeoutMs ?? 10_000);
      s.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        resolve(s);
      });
      s.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        s.destroy();
        if (secure && (e.code === undefined || !NETWORK_ERRORS.has(e.code))) {
          reject(new ClientError(ClientErrorCode.TLS_HANDSHAKE_FAILED, `TLS handshake with ${label} failed: ${e.message}`, { broker: label, cause: e }));
          return;
        }
        reject(new ClientError(ClientErrorCode.CONNECTION_ERROR, `connection to ${label} failed: ${e.message}`, { broker: label, retriable: true, cause: e }));
      });
    });
    const conn = new Connection(sock, { ...opts, label });
    try {
      await conn.negotiate(opts.versionLimits);
      if (usesSasl(opts.security)) await conn.authenticate();
    } catch (e) {
      conn.close();
      throw e;
    }
    return conn;
  }

  get closed(): boolean {
    return this.closedError !== null;
  }

  onClose(fn: (err: ClientError) => void): void {
    if (this.closedError !== null) fn(this.closedError);
    else this.closeListeners.push(fn);
  }

  /**
   * ApiVersions at our highest version; a broker that does not know it answers UNSUPPORTED_VERSION
   * with a v0 body listing its range (KIP-511), and we retry at the highest common version.
   */
  private async negotiate(limits?: ReadonlyMap<number, number>): Promise<void> {
    const body = { clientSoftwareName: CLIENT_SOFTWARE_NAME, clientSoftwareVersion: CLIENT_SOFTWARE_VERSION };
    let version = APIS[ApiKey.ApiVersions].maxVersion;
    for (let attempt = 0; attempt < 2; attempt++) {
      const frame = await this.requestFrameAsync(ApiKey.ApiVersions, version, body, this.requestTimeoutMs);
      let res: ApiTypes[18]['response'] | undefined;
      try {
        res = decodeResponse(ApiKey.ApiVersions, version, frame).body;
      } catch {
        res = undefined;
      }
      if (res !== undefined && res.errorCode === ErrorCode.NONE) {
        this.versions = new VersionTable(res.apiKeys, limits);
        return;
      }
      // UNSUPPORTED_VERSION (or undecodable at our version): read the v0 body for the broker's range.
      const v0 = decodeResponse(ApiKey.ApiVersions, 0, frame).body;
      const theirs = v0.apiKeys.find((k) => k.apiKey === ApiKey.ApiVersions);
      if (theirs === undefined) break;
      const next = Math.min(theirs.maxVersion, APIS[ApiKey.ApiVersions].maxVersion);
      if (next >= version) break;
      version = next;
    }
    throw new ClientError(ClientErrorCode.UNSUPPORTED_VERSION, `${this.label}: ApiVersions negotiation failed`, { broker: this.label });
  }

  /**
   * SaslHandshake v1 then SaslAuthenticate rounds until the mechanism completes. Runs at connect
   * and again for each re-authentication; a broker error (SASL_AUTHENTICATION_FAILED,
   * UNSUPPORTED_SASL_MECHANISM, ILLEGAL_SASL_STATE) becomes a non-retriable KafkaError with the
   * broker's message.
   */
  private async authenticate(): Promise<void> {
    const sasl = this.security!.sasl!;
    const hv = this.versions.version(ApiKey.SaslHandshake);
    if (hv < 1) throw new ClientError(ClientErrorCode.UNSUPPORTED_VERSION, `${this.label} does not support SaslHandshake v1 (SASL tokens in SaslAuthenticate)`, { broker: this.label });
    const hframe = await this.requestFrameAsync(ApiKey.SaslHandshake, hv, { mechanism: sasl.mechanism }, this.requestTimeoutMs, true);
    const hs = decodeResponse(ApiKey.SaslHandshake, hv, hframe).body;
    if (hs.errorCode !== ErrorCode.NONE) {
      throw new KafkaError(hs.errorCode, { broker: this.label, message: `${sasl.mechanism} requested; the broker enables ${hs.mechanisms.length === 0 ? 'none' : hs.mechanisms.join(', ')}` });
    }
    const av = this.versionFor(ApiKey.SaslAuthenticate);
    const client = saslClient(sasl);
    let token: Buffer | null = await client.start();
    for (let round = 0; token !== null; round++) {
      if (round >= 8) throw new ClientError(ClientErrorCode.AUTHENTICATION_FAILED, `${sasl.mechanism} with ${this.label} did not complete in ${round} rounds`, { broker: this.label });
      const frame = await this.requestFrameAsync(ApiKey.SaslAuthenticate, av, { authBytes: token }, this.requestTimeoutMs, true);
      const res = decodeResponse(ApiKey.SaslAuthenticate, av, frame).body;
      if (res.errorCode !== ErrorCode.NONE) throw new KafkaError(res.errorCode, { broker: this.label, message: res.errorMessage });
      try {
        token = client.next(res.authBytes);
      } catch (e) {
        if (e instanceof ClientError) throw new ClientError(ClientErrorCode.AUTHENTICATION_FAILED, `${this.label}: ${e.message}`, { broker: this.label, cause: e });
        throw e;
      }
      if (token === null) this.sessionLifetimeMs = Number(res.sessionLifetimeMs);
    }
    this.authentications++;
    this.scheduleReauth();
  }

  /** KIP-368: re-authenticate at a random point in 85-95% of the session lifetime. */
  private scheduleReauth(): void {
    if (this.reauthTimer !== null) clearTimeout(this.reauthTimer);
    this.reauthTimer = null;
    if (this.sessionLifetimeMs <= 0 || this.closedError !== null) return;
    const delay = Math.max(1, Math.floor(this.sessionLifetimeMs * (0.85 + Math.random() * 0.1)));
    this.reauthTimer = setTimeout(() => {
      this.reauthTimer = null;
      this.reauthDue = true;
      this.paused = true;
      this.maybeReauthenticate();
    }, delay);
    this.reauthTimer.unref();
  }

  private maybeReauthenticate(): void {
    if (!this.reauthDue || this.inFlight.size > 0 || this.closedError !== null) return;
    this.reauthDue = false;
    this.authenticate().then(
      () => {
        this.paused = false;
        this.drainQueue();
      },
      (e: unknown) => {
        const err = e instanceof ClientError || e instanceof KafkaError ? e : new ClientError(ClientErrorCode.AUTHENTICATION_FAILED, String(e));
        this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `re-authentication with ${this.label} failed: ${err.message}`, { broker: this.label, retriable: !(err instanceof KafkaError), cause: err }));
      },
    );
  }

  /** The negotiated version of an API; throws when the broker and the client share none. */
  versionFor(apiKey: keyof ApiTypes): number {
    const v = this.versions.version(apiKey);
    if (v < 0) {
      const theirs = this.versions.broker.get(apiKey);
      const range = theirs === undefined ? 'does not support it' : `supports v${theirs.minVersion}-${theirs.maxVersion}`;
      throw new ClientError(ClientErrorCode.UNSUPPORTED_VERSION, `${APIS[apiKey].name}: no common version with ${this.label}, which ${range} (client: v${APIS[apiKey].minVersion}-${APIS[apiKey].maxVersion})`, { broker: this.label });
    }
    return v;
  }

  /** Sends a typed request at the negotiated (or given) version; resolves with the decoded body. */
  async request<K extends keyof ApiTypes>(apiKey: K, body: ApiTypes[K]['requestInput'], opts: { version?: number; timeoutMs?: number } = {}): Promise<ApiTypes[K]['response']> {
    const version = opts.version ?? this.versionFor(apiKey);
    const frame = await this.requestFrameAsync(apiKey, version, body, opts.timeoutMs ?? this.requestTimeoutMs);
    return decodeResponse(apiKey, version, frame).body;
  }

  /** `internal`: an authentication request, written at once past the queue (which re-authentication pauses). */
  private requestFrameAsync<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput'], timeoutMs: number, internal = false): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.requestFrame(apiKey, version, body, timeoutMs, true, (err, frame) => (err === null ? resolve(frame!) : reject(err)), internal);
    });
  }

  /**
   * Callback form: `cb(null, frame)` with the response frame (after the size prefix), or
   * `cb(null)` once written when `expectResponse` is false (Produce with acks=0).
   */
  requestFrame<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput'], timeoutMs: number, expectResponse: boolean, cb: FrameCallback, internal = false): void {
    if (this.closedError !== null) {
      cb(this.closedError);
      return;
    }
    const correlationId = this.nextCorrelationId;
    this.nextCorrelationId = (this.nextCorrelationId + 1) & 0x7fffffff;
    let buffers: Buffer[];
    try {
      buffers = encodeRequest(apiKey, version, correlationId, this.clientId, body);
    } catch (e) {
      cb(new ClientError(ClientErrorCode.INVALID_ARGUMENT, `cannot encode ${APIS[apiKey].name} v${version}: ${(e as Error).message}`, { cause: e }));
      return;
    }
    const p: Pending = { correlationId, apiKey, buffers, expectResponse, timeoutMs, timer: null, cb };
    if (internal || (!this.paused && this.inFlight.size < this.maxInFlight && this.queue.length === 0)) this.write(p);
    else this.queue.push(p);
  }

  private write(p: Pending): void {
    const buffers = p.buffers!;
    p.buffers = null;
    if (p.expectResponse) {
      this.inFlight.set(p.correlationId, p);
      p.timer = setTimeout(() => this.onTimeout(p), p.timeoutMs);
    }
    this.sock.cork();
    for (let i = 0; i < buffers.length; i++) {
      if (i === buffers.length - 1 && !p.expectResponse) {
        this.sock.write(buffers[i]!, (err) => {
          if (err) p.cb(new ClientError(ClientErrorCode.CONNECTION_ERROR, `write to ${this.label} failed: ${err.message}`, { broker: this.label, retriable: true, cause: err }));
          else p.cb(null);
        });
      } else {
        this.sock.write(buffers[i]!);
      }
    }
    this.sock.uncork();
  }

  private onTimeout(p: Pending): void {
    if (!this.inFlight.has(p.correlationId)) return;
    this.inFlight.delete(p.correlationId);
    p.cb(new ClientError(ClientErrorCode.REQUEST_TIMEOUT, `${APIS[p.apiKey as keyof ApiTypes]?.name ?? p.apiKey} request to ${this.label} timed out after ${p.timeoutMs} ms`, { broker: this.label, retriable: true }));
    this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `connection to ${this.label} closed after a request timeout`, { broker: this.label, retriable: true }));
  }

  private onData(d: Buffer): void {
    this.frames.push(d);
    for (;;) {
      let frame: Buffer | undefined;
      try {
        frame = this.frames.next();
      } catch (e) {
        if (!(e instanceof FrameSizeError)) throw e;
        this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `${this.label} sent a frame size of ${e.size}`, { broker: this.label, retriable: true, cause: e }));
        return;
      }
      if (frame === undefined) return;
      this.onFrame(frame);
      if (this.closedError !== null) return;
    }
  }

  private onFrame(frame: Buffer): void {
    if (frame.length < 4) {
      this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `${this.label} sent a ${frame.length}-byte frame`, { broker: this.label, retriable: true }));
      return;
    }
    const id = frame.readInt32BE(0);
    const p = this.inFlight.get(id);
    if (p === undefined) {
      this.fail(new ClientError(ClientErrorCode.CONNECTION_ERROR, `${this.label} answered unknown correlation id ${id}`, { broker: this.label, retriable: true }));
      return;
    }
    this.inFlight.delete(id);
    clearTimeout(p.timer!);
    this.drainQueue();
    p.cb(null, frame);
    this.maybeReauthenticate();
  }

  private drainQueue(): void {
    while (!this.paused && this.queue.length > 0 && this.inFlight.size < this.maxInFlight && this.closedError === null) this.write(this.queue.shift()!);
  }

  private fail(err: ClientError): void {
    if (this.closedError !== null) return;
    this.closedError = err;
    if (this.reauthTimer !== null) clearTimeout(this.reauthTimer);
    this.reauthTimer = null;
    this.sock.destroy();
    const pending = [...this.inFlight.values(), ...this.queue];
    this.inFlight.clear();
    this.queue.length = 0;
    for (const p of pending) {
      if (p.timer !== null) clearTimeout(p.timer);
      p.cb(err);
    }
    for (const l of this.closeListeners.splice(0)) l(err);
  }

  /** Closes the socket; pending requests fail with CLIENT_CLOSED. */
  close(): void {
    this.fail(new ClientError(ClientErrorCode.CLOSED, `connection to ${this.label} closed by the client`, { broker: this.label }));
  }

  /** Test hook: destroys the socket as if the network dropped it. */
  destroySocket(): void {
    this.sock.destroy();
  }
}

function tlsConnectOptions(opts: ConnectionOptions): tls.ConnectionOptions {
  const t = opts.security?.tls ?? {};
  const servername = t.servername ?? (net.isIP(opts.host) === 0 ? opts.host : undefined);
  return {
    host: opts.host,
    port: opts.port,
    ...(t.ca !== undefined ? { ca: typeof t.ca === 'string' ? t.ca : [...t.ca] } : {}),
    ...(t.cert !== undefined ? { cert: t.cert } : {}),
    ...(t.key !== undefined ? { key: t.key } : {}),
    ...(t.passphrase !== undefined ? { passphrase: t.passphrase } : {}),
    ...(servername !== undefined ? { servername } : {}),
    rejectUnauthorized: t.rejectUnauthorized ?? true,
    ...(t.checkHostname === false ? { checkServerIdentity: () => undefined } : {}),
  };
}
