// Connection security as Kafka's clients configure it: security.protocol (PLAINTEXT, SSL,
// SASL_PLAINTEXT, SASL_SSL), TLS material as PEM text, and a SASL mechanism with its credentials.
// The SASL exchanges themselves are pure functions here (client side only); connection.ts drives
// them over SaslHandshake v1 + SaslAuthenticate.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { ClientError, ClientErrorCode } from './errors.js';

export type SecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_PLAINTEXT' | 'SASL_SSL';
export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512' | 'OAUTHBEARER';
export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface TlsOptions {
  /** PEM CA certificate(s) the broker's certificate must chain to (ssl.truststore.*). Default: Node's CAs. */
  ca?: string | readonly string[];
  /** PEM client certificate chain for mTLS (ssl.keystore.certificate.chain). */
  cert?: string;
  /** PEM private key for mTLS (ssl.keystore.key). */
  key?: string;
  /** Password of an encrypted `key` (ssl.key.password). */
  passphrase?: string;
  /** SNI name; default: the broker host unless it is an IP address. */
  servername?: string;
  /** false: accept any certificate (tests only). Default true. */
  rejectUnauthorized?: boolean;
  /**
   * Check that the certificate names the host (ssl.endpoint.identification.algorithm=https, the
   * default). false: verify the chain only (the algorithm set to empty).
   */
  checkHostname?: boolean;
}

/** What an OAUTHBEARER token provider returns. */
export interface OAuthBearerToken {
  /** The compact JWS (or any bearer token the broker accepts). */
  value: string;
  /** SASL extensions (RFC 7628 key=value pairs); `auth` is reserved. */
  extensions?: Readonly<Record<string, string>>;
}

export type SaslOptions =
  | { mechanism: 'PLAIN' | ScramMechanism; username: string; password: string }
  | { mechanism: 'OAUTHBEARER'; token: () => OAuthBearerToken | Promise<OAuthBearerToken> };

export interface SecurityOptions {
  /** Default PLAINTEXT. */
  protocol?: SecurityProtocol;
  /** For SSL and SASL_SSL. */
  tls?: TlsOptions;
  /** For SASL_PLAINTEXT and SASL_SSL. */
  sasl?: SaslOptions;
}

export const usesTls = (s: SecurityOptions | undefined): boolean => s?.protocol === 'SSL' || s?.protocol === 'SASL_SSL';
export const usesSasl = (s: SecurityOptions | undefined): boolean => s?.protocol === 'SASL_PLAINTEXT' || s?.protocol === 'SASL_SSL';

/** Throws INVALID_ARGUMENT for contradictory settings (SASL protocol without `sasl`, and so on). */
export function validateSecurity(s: SecurityOptions | undefined): void {
  if (s === undefined) return;
  const protocol = s.protocol ?? 'PLAINTEXT';
  if (!['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'].includes(protocol)) {
    throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `security.protocol ${JSON.stringify(protocol)} is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL`);
  }
  if (usesSasl(s) && s.sasl === undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `security.protocol ${protocol} needs sasl settings`);
  if (!usesSasl(s) && s.sasl !== undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `sasl settings given but security.protocol is ${protocol}`);
  if (!usesTls(s) && s.tls !== undefined) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `tls settings given but security.protocol is ${protocol}`);
  if (s.sasl !== undefined && !['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'].includes(s.sasl.mechanism)) {
    throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `sasl.mechanism ${JSON.stringify(s.sasl.mechanism)} is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER`);
  }
}

/**
 * A client-side SASL exchange: `start()` gives the first token; each server token is passed to
 * `next()`, which returns the next client token, or null when the exchange is complete (the
 * server's last token, if any, has been verified).
 */
export interface SaslClient {
  start(): Promise<Buffer>;
  next(server: Buffer): Buffer | null;
}

export function saslClient(opts: SaslOptions): SaslClient {
  switch (opts.mechanism) {
    case 'PLAIN':
      return plainClient(opts.username, opts.password);
    case 'SCRAM-SHA-256':
    case 'SCRAM-SHA-512':
      return new ScramClient(opts.mechanism, opts.username, opts.password);
    case 'OAUTHBEARER':
      return oauthBearerClient(opts.token);
  }
}

/** RFC 4616: authzid NUL authcid NUL password, one message, the server answers with nothing. */
function plainClient(username: string, password: string): SaslClient {
  return {
    start: () => Promise.resolve(Buffer.from(`\u0000${username}\u0000${password}`, 'utf8')),
    next: () => null,
  };
}

/** RFC 7628 client-first message: gs2 header, auth=Bearer, extensions, each ended by ^A. */
export function oauthBearerInitial(token: OAuthBearerToken): Buffer {
  let ext = '';
  for (const [k, v] of Object.entries(token.extensions ?? {})) {
    if (k === 'auth' || !/^[A-Za-z]+$/.test(k)) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `OAUTHBEARER extension name ${JSON.stringify(k)} is not allowed`);
    if (/[\u0000-\u001f]/.test(v)) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `OAUTHBEARER extension ${k} has a control character`);
    ext += `\u0001${k}=${v}`;
  }
  return Buffer.from(`n,,\u0001auth=Bearer ${token.value}${ext}\u0001\u0001`, 'utf8');
}

function oauthBearerClient(provider: () => OAuthBearerToken | Promise<OAuthBearerToken>): SaslClient {
  return {
    start: async () => oauthBearerInitial(await provider()),
    next: () => null,
  };
}

/**
 * An unsecured JWS (`alg: none`) for brokers with Kafka's unsecured validator (development only),
 * as Kafka's OAuthBearerUnsecuredLoginCallbackHandler makes it: `sub`, `iat`, `exp`, optional scope.
 */
export function unsecuredJwt(opts: { principal: string; lifetimeMs?: number; scope?: readonly string[]; principalClaim?: string; claims?: Readonly<Record<string, string | number>> }): string {
  const now = Date.now();
  const b64 = (o: object): string => Buffer.from(JSON.stringify(o), 'utf8').toString('base64url');
  const payload: Record<string, unknown> = {
    ...opts.claims,
    [opts.principalClaim ?? 'sub']: opts.principal,
    iat: Math.floor(now / 1000),
    exp: Math.floor((now + (opts.lifetimeMs ?? 3_600_000)) / 1000),
  };
  if (opts.scope !== undefined) payload['scope'] = opts.scope.join(' ');
  return `${b64({ alg: 'none' })}.${b64(payload)}.`;
}

// --- SCRAM (RFC 5802, RFC 7677) ---

const SCRAM_HASH: Record<ScramMechanism, { hash: 'sha256' | 'sha512'; keyLength: number }> = {
  'SCRAM-SHA-256': { hash: 'sha256', keyLength: 32 },
  'SCRAM-SHA-512': { hash: 'sha512', keyLength: 64 },
};
/** Kafka's minimum for both mechanisms; a server asking for fewer is refused. */
export const SCRAM_MIN_ITERATIONS = 4096;
/** Kafka's maximum; a server asking for more is refused (each iteration costs the client). */
export const SCRAM_MAX_ITERATIONS = 16384;

/** Hi(password, salt, i) = PBKDF2 with HMAC-H, one block. */
export function scramSaltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const { hash, keyLength } = SCRAM_HASH[mechanism];
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, keyLength, hash);
}

/** RFC 5802 saslname: `=` and `,` escaped. */
const saslName = (s: string): string => s.replace(/=/g, '=3D').replace(/,/g, '=2C');

function scramFail(message: string): ClientError {
  return new ClientError(ClientErrorCode.AUTHENTICATION_FAILED, `SCRAM: ${message}`);
}

/** Parses `k=v,k=v` (values may contain `=`). */
function scramAttributes(msg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of msg.split(',')) {
    const m = /^([A-Za-z])=(.*)$/s.exec(part);
    if (m === null) throw scramFail(`malformed server message ${JSON.stringify(msg.slice(0, 200))}`);
    out.set(m[1]!, m[2]!);
  }
  return out;
}

export class ScramClient implements SaslClient {
  private state: 'initial' | 'first-sent' | 'final-sent' | 'done' = 'initial';
  private readonly clientNonce: string;
  private clientFirstBare = '';
  private serverSignature: Buffer | null = null;

  constructor(
    private readonly mechanism: ScramMechanism,
    private readonly username: string,
    private readonly password: string,
    /** Tests only: a fixed client nonce (the RFC 7677 vector). */
    nonce?: string,
  ) {
    this.clientNonce = nonce ?? randomBytes(24).toString('base64url');
  }

  start(): Promise<Buffer> {
    return Promise.resolve(this.first());
  }

  first(): Buffer {
    if (this.state !== 'initial') throw scramFail('exchange already started');
    this.clientFirstBare = `n=${saslName(this.username)},r=${this.clientNonce}`;
    this.state = 'first-sent';
    return Buffer.from(`n,,${this.clientFirstBare}`, 'utf8');
  }

  next(server: Buffer): Buffer | null {
    const msg = server.toString('utf8');
    if (this.state === 'first-sent') return this.onServerFirst(msg);
    if (this.state === 'final-sent') {
      this.onServerFinal(msg);
      return null;
    }
    throw scramFail(`unexpected server message in state ${this.state}`);
  }

  private onServerFirst(serverFirst: string): Buffer {
    const a = scramAttributes(serverFirst);
    if (a.has('e')) throw scramFail(`server error ${a.get('e')}`);
    const nonce = a.get('r');
    const saltB64 = a.get('s');
    const iterStr = a.get('i');
    if (nonce === undefined || saltB64 === undefined || iterStr === undefined) throw scramFail('server-first message lacks r, s or i');
    if (!nonce.startsWith(this.clientNonce) || nonce.length <= this.clientNonce.length) throw scramFail('server nonce does not extend the client nonce');
    if (!/^\d{1,9}$/.test(iterStr)) throw scramFail(`bad iteration count ${JSON.stringify(iterStr)}`);
    const iterations = Number(iterStr);
    if (iterations < SCRAM_MIN_ITERATIONS || iterations > SCRAM_MAX_ITERATIONS) {
      throw scramFail(`iteration count ${iterations} is outside ${SCRAM_MIN_ITERATIONS}..${SCRAM_MAX_ITERATIONS}`);
    }
    const salt = Buffer.from(saltB64, 'base64');
    if (salt.length === 0) throw scramFail('empty salt');
    const { hash } = SCRAM_HASH[this.mechanism];
    const salted = scramSaltedPassword(this.mechanism, this.password, salt, iterations);
    const clientKey = createHmac(hash, salted).update('Client Key').digest();
    const storedKey = createHash(hash).update(clientKey).digest();
    const withoutProof = `c=biws,r=${nonce}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const clientSignature = createHmac(hash, storedKey).update(authMessage).digest();
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < proof.length; i++) proof[i] = clientKey[i]! ^ clientSignature[i]!;
    const serverKey = createHmac(hash, salted).update('Server Key').digest();
    this.serverSignature = createHmac(hash, serverKey).update(authMessage).digest();
    this.state = 'final-sent';
    return Buffer.from(`${withoutProof},p=${proof.toString('base64')}`, 'utf8');
  }

  private onServerFinal(serverFinal: string): void {
    const a = scramAttributes(serverFinal);
    if (a.has('e')) throw scramFail(`server error ${a.get('e')}`);
    const v = a.get('v');
    if (v === undefined) throw scramFail('server-final message lacks v');
    const got = Buffer.from(v, 'base64');
    const want = this.serverSignature!;
    if (got.length !== want.length || !timingSafeEqual(got, want)) throw scramFail('the server signature does not match: the broker does not know the password');
    this.state = 'done';
  }

  get complete(): boolean {
    return this.state === 'done';
  }
}

/** A SCRAM credential computed client-side, as Kafka's Admin sends it in AlterUserScramCredentials. */
export function scramCredential(mechanism: ScramMechanism, password: string, iterations = SCRAM_MIN_ITERATIONS, salt: Buffer = randomBytes(32)): { salt: Buffer; saltedPassword: Buffer; iterations: number } {
  if (!Number.isInteger(iterations) || iterations < SCRAM_MIN_ITERATIONS || iterations > SCRAM_MAX_ITERATIONS) {
    throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `SCRAM iterations must be ${SCRAM_MIN_ITERATIONS}..${SCRAM_MAX_ITERATIONS}, got ${iterations}`);
  }
  return { salt, saltedPassword: scramSaltedPassword(mechanism, password, salt, iterations), iterations };
}
