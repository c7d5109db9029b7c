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
// Quota throttling (KIP-219): a broker that violates no quota answers throttleTimeMs 0; one that
// does answers at once with throttleTimeMs > 0 and then stops reading this connection for that
// long. Like Kafka's NetworkClient, the connection then holds its queued requests until the
// throttle has passed instead of pipelining into a muted socket (the one place this happens is
// `onFrame`, before the queue drains). Requests already in flight stay in flight; their timeout
// is pushed back by the throttle (the broker will not read them before it ends), and a held
// request's timeout starts only when it is written, so a throttle never turns into a timeout.
// Every throttle is counted into the `ThrottleStats` the connection was given (the Cluster's, so
// Producer, Consumer and Admin expose it).
//
// Hot path: callbacks (`requestFrame`, `requestDecoded`), frames split by protocol's FrameDecoder
// (no copy when a frame sits inside one chunk). Promises only at the edge (`request`).
import net from 'node:net';
import tls from 'node:tls';
import { APIS, ApiKey, ErrorCode, FrameDecoder, FrameSizeError, decodeResponse, encodeRequest, type ApiTypes } from '@tideline/protocol';
import { ClientError, ClientErrorCode, KafkaError } from './errors.js';
import { saslClient, usesSasl, usesTls, validateSecurity, type SecurityOptions } from './security.js';
import { VersionTable, clientRange } from './versions.js';

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
  /** Where throttle times (KIP-219) are counted; shared by a Cluster's connections. */
  throttleStats?: ThrottleStats;
}

/** Quota throttling the broker(s) asked for (KIP-219), as responses' throttleTimeMs reported it. */
export interface ThrottleStats {
  /** Responses that carried throttleTimeMs > 0. */
  count: number;
  /** Sum of those throttle times (ms). */
  totalMs: number;
  /** The largest throttle time seen (ms). */
  maxMs: number;
  /** The latest throttle time seen (ms). */
  lastMs: number;
}

export function newThrottleStats(): ThrottleStats {
  return { count: 0, totalMs: 0, maxMs: 0, lastMs: 0 };
}

/**
 * The first version of each API at which a broker sends a throttled response before muting the
 * channel (KIP-219); at older versions it delays the response itself, so the client must not
 * hold as well. APIs not listed are newer than KIP-219 (every version) or carry no throttle time.
 */
const KIP219_FROM: ReadonlyMap<number, number> = new Map([
  [ApiKey.Produce, 6], [ApiKey.Fetch, 8], [ApiKey.ListOffsets, 3], [ApiKey.Metadata, 6],
  [ApiKey.OffsetCommit, 4], [ApiKey.OffsetFetch, 4], [ApiKey.FindCoordinator, 2], [ApiKey.JoinGroup, 3],
  [ApiKey.Heartbeat, 2], [ApiKey.LeaveGroup, 2], [ApiKey.SyncGroup, 2], [ApiKey.DescribeGroups, 2],
  [ApiKey.ListGroups, 2], [ApiKey.ApiVersions, 2], [ApiKey.CreateTopics, 3], [ApiKey.DeleteTopics, 2],
  [ApiKey.DeleteRecords, 1], [ApiKey.InitProducerId, 1], [ApiKey.AddPartitionsToTxn, 1],
  [ApiKey.AddOffsetsToTxn, 1], [ApiKey.EndTxn, 1], [ApiKey.TxnOffsetCommit, 1], [ApiKey.DescribeAcls, 1],
  [ApiKey.CreateAcls, 1], [ApiKey.DeleteAcls, 1], [ApiKey.DescribeConfigs, 2], [ApiKey.AlterConfigs, 1],
  [ApiKey.AlterReplicaLogDirs, 1], [ApiKey.DescribeLogDirs, 1], [ApiKey.CreatePartitions, 1],
  [ApiKey.CreateDelegationToken, 1], [ApiKey.RenewDelegationToken, 1], [ApiKey.ExpireDelegationToken, 1],
  [ApiKey.DescribeDelegationToken, 1], [ApiKey.DeleteGroups, 1],
]);

/** The response's throttleTimeMs (0 when it has none). */
function throttleTimeMs(body: unknown): number {
  const t = (body as { throttleTimeMs?: unknown }).throttleTimeMs;
  return typeof t === 'number' && t > 0 ? t : 0;
}

/** Socket errors that mean the broker was not reached (retriable), as opposed to a TLS failure. */
const NETWORK_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN']);

export type FrameCallback = (err: ClientError | null, frame?: Buffer) => void;
/** `body` is undefined when no response is expected (Produce with acks=0). */
export type ResponseCallback<K extends keyof ApiTypes> = (err: unknown, body?: ApiTypes[K]['response']) => void;

interface Pending {
  correlationId: number;
  apiKey: number;
  version: number;
  buffers: Buffer[] | null;
  expectResponse: boolean;
  timeoutMs: number;
  /** When the request times out (ms since the epoch), set when it is written. */
  deadline: number;
  timer: NodeJS.Timeout | null;
  cb: FrameCallback;
  /** Set by `requestDecoded`: the connection decodes the response (reading its throttle time) and answers here. */
  decoded: ((err: unknown, body?: unknown) => void) | null;
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
  /** Throttle times received (KIP-219); shared with the Cluster when it opened this connection. */
  readonly throttleStats: ThrottleStats;
  /** Queued requests are held until this time (ms since the epoch) while `throttleTimer` runs. */
  throttledUntil = 0;
  private throttleTimer: NodeJS.Timeout | null = null;

  private constructor(sock: net.Socket, opts: ConnectionOptions) {
    this.sock = sock;
    this.security = opts.security;
    this.label = opts.label ?? `${opts.host}:${opts.port}`;
    this.clientId = opts.clientId ?? 'tideline';
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
    this.maxInFlight = Math.max(1, opts.maxInFlight ?? 5);
    this.throttleStats = opts.throttleStats ?? newThrottleStats();
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
    let version = clientRange(ApiKey.ApiVersions).maxVersion;
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
      const next = Math.min(theirs.maxVersion, clientRange(ApiKey.ApiVersions).maxVersion);
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
      throw new ClientError(ClientErrorCode.UNSUPPORTED_VERSION, `${APIS[apiKey].name}: no common version with ${this.label}, which ${range} (client: v${clientRange(apiKey).minVersion}-${clientRange(apiKey).maxVersion})`, { broker: this.label });
    }
    return v;
  }

  /** Sends a typed request at the negotiated (or given) version; resolves with the decoded body. */
  async request<K extends keyof ApiTypes>(apiKey: K, body: ApiTypes[K]['requestInput'], opts: { version?: number; timeoutMs?: number } = {}): Promise<ApiTypes[K]['response']> {
    const version = opts.version ?? this.versionFor(apiKey);
    return new Promise((resolve, reject) => {
      this.requestDecoded(apiKey, version, body, opts.timeoutMs ?? this.requestTimeoutMs, true, (err, res) => (err === null ? resolve(res!) : reject(err)));
    });
  }

  /**
   * Callback form of `request`: `cb(null, body)` with the decoded response, `cb(null)` once written
   * when `expectResponse` is false, or `cb(err)`. The response's throttle time is honoured.
   */
  requestDecoded<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput'], timeoutMs: number, expectResponse: boolean, cb: ResponseCallback<K>): void {
    this.send(apiKey, version, body, timeoutMs, expectResponse, (err) => cb(err), cb as (err: unknown, body?: unknown) => void, false);
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
    this.send(apiKey, version, body, timeoutMs, expectResponse, cb, null, internal);
  }

  private send<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput'], timeoutMs: number, expectResponse: boolean, cb: FrameCallback, decoded: Pending['decoded'], internal: boolean): void {
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
    const p: Pending = { correlationId, apiKey, version, buffers, expectResponse, timeoutMs, deadline: 0, timer: null, cb, decoded };
    if (internal || (!this.paused && this.throttleTimer === null && this.inFlight.size < this.maxInFlight && this.queue.length === 0)) this.write(p);
    else this.queue.push(p);
  }

  private write(p: Pending): void {
    const buffers = p.buffers!;
    p.buffers = null;
    if (p.expectResponse) {
      this.inFlight.set(p.correlationId, p);
      p.deadline = Date.now() + p.timeoutMs;
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
    if (p.decoded === null) {
      this.drainQueue();
      p.cb(null, frame);
    } else {
      let body: unknown;
      try {
        body = decodeResponse(p.apiKey as keyof ApiTypes, p.version, frame).body;
      } catch (e) {
        this.drainQueue();
        p.decoded(e);
        this.maybeReauthenticate();
        return;
      }
      const throttleMs = throttleTimeMs(body);
      if (throttleMs > 0) this.throttle(throttleMs, p.version >= (KIP219_FROM.get(p.apiKey) ?? 0));
      this.drainQueue();
      p.decoded(null, body);
    }
    this.maybeReauthenticate();
  }

  /**
   * A response carried a throttle time: it is counted, and under KIP-219 (`hold`; at older
   * versions the broker delayed the response itself) the broker reads nothing more from this
   * connection for `ms`, so queued requests wait until then and the in-flight ones' timeouts are
   * pushed back by as much.
   */
  private throttle(ms: number, hold: boolean): void {
    const s = this.throttleStats;
    s.count++;
    s.totalMs += ms;
    s.lastMs = ms;
    if (ms > s.maxMs) s.maxMs = ms;
    if (!hold) return;
    const now = Date.now();
    const until = now + ms;
    if (until <= this.throttledUntil) return;
    const extra = until - Math.max(now, this.throttledUntil);
    this.throttledUntil = until;
    for (const q of this.inFlight.values()) {
      clearTimeout(q.timer!);
      q.deadline += extra;
      q.timer = setTimeout(() => this.onTimeout(q), Math.max(0, q.deadline - now));
    }
    if (this.throttleTimer !== null) clearTimeout(this.throttleTimer);
    this.throttleTimer = setTimeout(() => {
      this.throttleTimer = null;
      this.drainQueue();
    }, ms);
  }

  private drainQueue(): void {
    while (!this.paused && this.throttleTimer === null && this.queue.length > 0 && this.inFlight.size < this.maxInFlight && this.closedError === null) this.write(this.queue.shift()!);
  }

  private fail(err: ClientError): void {
    if (this.closedError !== null) return;
    this.closedError = err;
    if (this.reauthTimer !== null) clearTimeout(this.reauthTimer);
    this.reauthTimer = null;
    if (this.throttleTimer !== null) clearTimeout(this.throttleTimer);
    this.throttleTimer = null;
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
