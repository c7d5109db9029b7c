// The SASL state of one connection on a SASL listener (Kafka's SaslServerAuthenticator):
//
//   handshake ──SaslHandshake v1──▶ authenticate ──SaslAuthenticate…──▶ complete
//       │                                                                  │
//       └──SaslHandshake v0──▶ raw tokens (size-prefixed, no header) ──────┘
//   complete ──SaslHandshake (same mechanism)──▶ re-authenticate ──▶ complete (same principal)
//
// Before `complete` only ApiVersions, SaslHandshake and SaslAuthenticate are served; anything
// else closes the connection (gate()). A failed exchange answers SASL_AUTHENTICATION_FAILED and
// closes. With connections.max.reauth.ms the session expires: past it only SaslHandshake and
// SaslAuthenticate are served (KIP-368).
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { BrokerError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { SaslExchange, SaslMechanismServer, SaslStepResult, Session } from './types.js';

/** Kafka's sasl.server.max.receive.size: the largest frame read before authentication completes. */
export const SASL_MAX_RECEIVE_SIZE = 524_288;

type State = 'handshake' | 'authenticate' | 'raw' | 'complete' | 'reauth' | 'failed';

export interface AuthenticatorHooks {
  /** Close the connection once the responses already queued are written. */
  closeAfterResponses(reason: string): void;
  /** Authentication completed: frames may be as large as the broker's request cap from now on. */
  authenticated(): void;
  /** An exchange ended (re-authentications included): counted by the metrics. */
  finished?(mechanism: string, ok: boolean): void;
}

export interface AuthenticateAnswer {
  errorCode: number;
  errorMessage: string | null;
  authBytes: Buffer;
  sessionLifetimeMs: bigint;
}

export class SaslAuthenticator {
  private state: State = 'handshake';
  private mechanism: string | null = null;
  private exchange: SaslExchange | null = null;
  private stepping = false;

  constructor(
    private readonly session: Session,
    private readonly mechanisms: ReadonlyMap<string, SaslMechanismServer>,
    private readonly opts: { maxReauthMs: number; now: () => number; log: Logger; connId: number },
    private readonly hooks: AuthenticatorHooks,
  ) {}

  /** A mechanism step is running: the connection handles no further frame until it finished (Kafka mutes the channel). */
  get busy(): boolean {
    return this.stepping;
  }

  /** True when the next frame is a raw SASL token (after a v0 handshake), not a Kafka request. */
  get expectsRawToken(): boolean {
    return this.state === 'raw';
  }

  /**
   * Whether a request of `apiKey` may be served now; false means close the connection.
   * The invariant: no handler other than these three runs before authentication completes.
   */
  gate(apiKey: number): { ok: true } | { ok: false; reason: string } {
    const sasl = apiKey === ApiKey.SaslHandshake || apiKey === ApiKey.SaslAuthenticate;
    if (this.state === 'complete' || this.state === 'reauth') {
      if (sasl || this.session.expiresAtMs === undefined || this.opts.now() < this.session.expiresAtMs) return { ok: true };
      return { ok: false, reason: `session of ${this.session.principal} expired (connections.max.reauth.ms); api ${apiKey} refused` };
    }
    if (this.state === 'failed') return { ok: false, reason: 'authentication failed' };
    if (sasl || (apiKey === ApiKey.ApiVersions && this.state === 'handshake')) return { ok: true };
    return { ok: false, reason: `api ${apiKey} before SASL authentication completed` };
  }

  private fail(message: string): void {
    this.state = 'failed';
    this.exchange = null;
    this.hooks.closeAfterResponses(message);
  }

  handshake(mechanism: string, version: number): { errorCode: number; mechanisms: string[] } {
    const enabled = [...this.mechanisms.keys()];
    const reauth = this.state === 'complete';
    if (this.state !== 'handshake' && !reauth) {
      this.fail('SaslHandshake out of order');
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: enabled };
    }
    const m = this.mechanisms.get(mechanism);
    if (m === undefined) {
      this.fail(`unsupported SASL mechanism ${JSON.stringify(mechanism)}`);
      return { errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: enabled };
    }
    if (reauth && (version === 0 || mechanism !== this.mechanism)) {
      this.fail(`re-authentication with ${mechanism} (v${version}) after ${this.mechanism ?? '?'}`);
      return { errorCode: ErrorCode.ILLEGAL_SASL_STATE, mechanisms: enabled };
    }
    this.mechanism = mechanism;
    this.exchange = m.start(this.session.listener);
    this.state = reauth ? 'reauth' : version === 0 ? 'raw' : 'authenticate';
    return { errorCode: ErrorCode.NONE, mechanisms: enabled };
  }

  /** One SaslAuthenticate request. */
  async authenticate(token: Buffer, version: number): Promise<AuthenticateAnswer> {
    const answer = (errorCode: number, errorMessage: string | null, authBytes: Buffer = Buffer.alloc(0), lifetime = 0): AuthenticateAnswer =>
      ({ errorCode, errorMessage, authBytes, sessionLifetimeMs: BigInt(lifetime) });
    if ((this.state !== 'authenticate' && this.state !== 'reauth') || this.exchange === null || this.stepping) {
      const msg = `Unexpected SaslAuthenticate request (${this.stepping ? 'another one is in progress' : `state ${this.state}`})`;
      this.fail(msg);
      return answer(ErrorCode.ILLEGAL_SASL_STATE, msg);
    }
    const r = await this.run(token, version);
    if ('error' in r) return answer(ErrorCode.SASL_AUTHENTICATION_FAILED, r.error);
    return answer(ErrorCode.NONE, null, r.response, r.lifetime);
  }

  /** One raw token after a v0 handshake: the raw answer, or null when the connection closes. */
  async rawToken(token: Buffer): Promise<Buffer | null> {
    if (this.state !== 'raw' || this.exchange === null || this.stepping) {
      this.fail('unexpected raw SASL token');
      return null;
    }
    const r = await this.run(token, 0);
    return 'error' in r ? null : r.response;
  }

  /** One mechanism step and, when it finishes the exchange, the session's completion; `busy` throughout. */
  private async run(token: Buffer, version: number): Promise<{ response: Buffer; lifetime: number } | { error: string }> {
    this.stepping = true;
    try {
      const r = await this.step(token);
      if ('error' in r) return r;
      if (!r.done) return { response: r.response, lifetime: 0 };
      const done = this.complete(r, version);
      return typeof done === 'string' ? { error: done } : { response: r.response, lifetime: done };
    } finally {
      this.stepping = false;
    }
  }

  private async step(token: Buffer): Promise<SaslStepResult | { error: string }> {
    try {
      return await this.exchange!.step(token);
    } catch (err) {
      const message = err instanceof BrokerError && err.kafkaError === 'SASL_AUTHENTICATION_FAILED'
        ? err.message
        : 'Authentication failed during authentication due to invalid credentials with SASL mechanism ' + (this.mechanism ?? '');
      if (!(err instanceof BrokerError)) this.opts.log.warn({ err, conn: this.opts.connId }, 'SASL mechanism failed');
      this.opts.log.info({ conn: this.opts.connId, listener: this.session.listener, mechanism: this.mechanism }, `SASL authentication failed: ${message}`);
      this.hooks.finished?.(this.mechanism ?? '', false);
      this.fail(message);
      return { error: message };
    }
  }

  /** The exchange succeeded: set the principal and the session's lifetime (ms, 0 = none), or a failure message. */
  private complete(r: SaslStepResult, version: number): number | string {
    const principal = r.principal;
    if (principal === undefined) {
      this.hooks.finished?.(this.mechanism ?? '', false);
      this.fail('SASL mechanism finished without a principal');
      return 'Authentication failed: no principal';
    }
    if (this.state === 'reauth' && principal !== this.session.principal) {
      const msg = `Cannot change principals during re-authentication from ${this.session.principal} to ${principal}`;
      this.opts.log.info({ conn: this.opts.connId }, msg);
      this.hooks.finished?.(this.mechanism ?? '', false);
      this.fail(msg);
      return msg;
    }
    let lifetime = 0;
    if (this.opts.maxReauthMs > 0) {
      lifetime = this.opts.maxReauthMs;
      if (r.credentialLifetimeMs !== undefined) lifetime = Math.max(0, Math.min(lifetime, r.credentialLifetimeMs));
      this.session.expiresAtMs = this.opts.now() + lifetime;
    }
    const first = this.state !== 'reauth';
    this.session.principal = principal;
    this.session.authenticated = true;
    this.state = 'complete';
    this.exchange = null;
    this.hooks.finished?.(this.mechanism ?? '', true);
    if (first) {
      this.opts.log.info({ conn: this.opts.connId, listener: this.session.listener, mechanism: this.mechanism, principal }, 'SASL authentication succeeded');
      this.hooks.authenticated();
    } else {
      this.opts.log.debug({ conn: this.opts.connId, principal }, 'SASL re-authentication succeeded');
    }
    // v0 SaslAuthenticate and raw tokens cannot carry the lifetime; the session still expires.
    return version >= 1 ? lifetime : 0;
  }
}
