// SASL/OAUTHBEARER on the server (RFC 7628, KIP-255, KIP-768) as Kafka serves it. The client's
// first message is `n,[a=authzid],\x01auth=Bearer <token>\x01[key=value\x01...]\x01`. A valid
// token completes the exchange with an empty answer; an invalid one is answered with the JSON
// error (`{"status":"invalid_token"}`, or `insufficient_scope` with the missing scopes) and the
// exchange then fails when the client acknowledges it with a lone \x01.
//
// Two validators:
// - `unsecured` (development; Kafka's OAuthBearerUnsecuredValidatorCallbackHandler): an unsecured
//   JWS (`alg: none`, empty signature), the principal from `sub` or the configured claim, `exp`
//   required, `iat` optional, both checked with the allowable clock skew, required scopes from the
//   `scope` claim (a space-separated string or an array of strings).
// - `jwks` (production; Kafka's OAuthBearerValidatorCallbackHandler): a signed JWT verified with
//   the keys of a JSON Web Key Set fetched from an http(s) URL (cached, refreshed hourly and on an
//   unknown key id) or given as text (read from a file by the configuration loader), with the
//   expected issuer and audience.
// The token's `exp` bounds the session (credentialLifetimeMs, KIP-368).
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { BrokerError } from '../errors.js';
import type { SaslExchange, SaslMechanismServer, SaslStepResult } from './types.js';

/** Largest client message accepted (checked before decoding). */
export const OAUTHBEARER_MAX_MESSAGE_BYTES = 64 * 1024;

export interface OAuthBearerOptions {
  readonly mode: 'unsecured' | 'jwks';
  /** Claim holding the principal name; default `sub`. */
  readonly principalClaim?: string;
  /** Claim holding the scopes; default `scope`. */
  readonly scopeClaim?: string;
  readonly requiredScopes?: readonly string[];
  /** Default 0 in unsecured mode (Kafka's unsecuredValidatorAllowableClockSkewMs), 30 s in jwks mode. */
  readonly allowableClockSkewMs?: number;
  /** jwks mode: an http(s) URL of the key set (or, with `jwks`, where that text came from). */
  readonly jwksSource?: string;
  /** jwks mode: the JSON Web Key Set as text, when read from a file by the configuration loader. */
  readonly jwks?: string;
  readonly expectedAudience?: readonly string[];
  readonly expectedIssuer?: string;
  /** How long fetched keys are used before a refresh; default one hour (sasl.oauthbearer.jwks.endpoint.refresh.ms). */
  readonly jwksRefreshMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
}

/** Why a token was refused: the RFC 7628 error status, missing scopes, and a reason for logs. */
export class TokenRejected extends Error {
  constructor(readonly status: 'invalid_token' | 'insufficient_scope', message: string, readonly scope?: string) {
    super(message);
  }
}

export interface ValidatedToken {
  readonly principal: string;
  /** Expiry, in milliseconds since the epoch. */
  readonly expiresAtMs: number;
}

export type TokenValidator = (token: string) => Promise<ValidatedToken>;

/** Kafka's generic answer; the reason stays in the cause. */
function fail(reason: string): never {
  throw new BrokerError('SASL_AUTHENTICATION_FAILED', 'Authentication failed during authentication due to invalid credentials with SASL mechanism OAUTHBEARER', { cause: new Error(reason) });
}

function b64urlJson(part: string, what: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new TokenRejected('invalid_token', `the ${what} is not base64url`);
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TokenRejected('invalid_token', `the ${what} is not JSON`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TokenRejected('invalid_token', `the ${what} is not a JSON object`);
  return v as Record<string, unknown>;
}

function scopesOf(claims: Record<string, unknown>, claim: string): string[] {
  const v = claims[claim];
  if (v === undefined) return [];
  if (typeof v === 'string') return v.split(' ').filter((s) => s !== '');
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v as string[];
  throw new TokenRejected('invalid_token', `the ${claim} claim is neither a string nor a list of strings`);
}

/** Principal, exp, iat and scopes: the checks both validators share. */
function checkClaims(claims: Record<string, unknown>, opts: OAuthBearerOptions, nowMs: number, skewMs: number): ValidatedToken {
  const principalClaim = opts.principalClaim ?? 'sub';
  const principal = claims[principalClaim];
  if (typeof principal !== 'string' || principal.trim() === '') throw new TokenRejected('invalid_token', `no principal: the ${principalClaim} claim is missing or not a non-empty string`);
  const exp = claims['exp'];
  if (typeof exp !== 'number' || !Number.isFinite(exp)) throw new TokenRejected('invalid_token', 'no expiration time (exp)');
  const iat = claims['iat'];
  if (iat !== undefined && (typeof iat !== 'number' || !Number.isFinite(iat))) throw new TokenRejected('invalid_token', 'the issued-at time (iat) is not a number');
  const expMs = exp * 1000;
  if (nowMs - skewMs >= expMs) throw new TokenRejected('invalid_token', 'the token expired');
  if (typeof iat === 'number') {
    if (iat * 1000 > nowMs + skewMs) throw new TokenRejected('invalid_token', 'the token was issued in the future');
    if (exp <= iat) throw new TokenRejected('invalid_token', 'the expiration time is not after the issued-at time');
  }
  const required = opts.requiredScopes ?? [];
  if (required.length > 0) {
    const have = new Set(scopesOf(claims, opts.scopeClaim ?? 'scope'));
    const missing = required.filter((s) => !have.has(s));
    if (missing.length > 0) throw new TokenRejected('insufficient_scope', `missing required scopes: ${missing.join(' ')}`, required.join(' '));
  }
  return { principal, expiresAtMs: expMs };
}

/** Kafka's unsecured JWS validation (alg none, no signature). */
export function unsecuredValidator(opts: OAuthBearerOptions): TokenValidator {
  const now = opts.now ?? Date.now;
  const skew = opts.allowableClockSkewMs ?? 0;
  return async (token) => {
    const parts = token.split('.');
    if (parts.length !== 3) throw new TokenRejected('invalid_token', 'an unsecured JWS has three dot-separated parts');
    if (parts[2] !== '') throw new TokenRejected('invalid_token', 'an unsecured JWS has no signature');
    const header = b64urlJson(parts[0]!, 'JOSE header');
    if (header['alg'] !== 'none') throw new TokenRejected('invalid_token', 'the JOSE header alg must be "none"');
    return checkClaims(b64urlJson(parts[1]!, 'payload'), opts, now(), skew);
  };
}

/** Signed JWTs checked against a JSON Web Key Set (jose). */
export function jwksValidator(opts: OAuthBearerOptions): TokenValidator {
  const now = opts.now ?? Date.now;
  const skew = opts.allowableClockSkewMs ?? 30_000;
  let keys: JWTVerifyGetKey;
  if (opts.jwks !== undefined) {
    let set: unknown;
    try {
      set = JSON.parse(opts.jwks);
    } catch (e) {
      throw new TypeError(`OAUTHBEARER: the JSON Web Key Set${opts.jwksSource === undefined ? '' : ` from ${opts.jwksSource}`} is not JSON`, { cause: e });
    }
    if (typeof set !== 'object' || set === null || !Array.isArray((set as { keys?: unknown }).keys)) {
      throw new TypeError('OAUTHBEARER: the JSON Web Key Set has no "keys" array');
    }
    keys = createLocalJWKSet(set as Parameters<typeof createLocalJWKSet>[0]);
  } else {
    const src = opts.jwksSource;
    if (src === undefined || !/^https?:\/\//i.test(src)) {
      throw new TypeError(`OAUTHBEARER jwks mode needs an http(s) JWKS URL or the key set's text (got ${src === undefined ? 'nothing' : src})`);
    }
    const refresh = opts.jwksRefreshMs ?? 3_600_000;
    keys = createRemoteJWKSet(new URL(src), { cacheMaxAge: refresh, cooldownDuration: Math.min(30_000, refresh), timeoutDuration: 10_000 });
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: opts.expectedIssuer,
        audience: opts.expectedAudience === undefined || opts.expectedAudience.length === 0 ? undefined : [...opts.expectedAudience],
        clockTolerance: skew / 1000,
        currentDate: new Date(now()),
        requiredClaims: ['exp'],
      }));
    } catch (e) {
      if (e instanceof joseErrors.JOSEError) throw new TokenRejected('invalid_token', `${e.code}: ${e.message}`);
      throw e;
    }
    return checkClaims(payload as Record<string, unknown>, opts, now(), skew);
  };
}

interface ClientInitial {
  readonly authzid: string;
  readonly token: string;
}

const KEY = /^[A-Za-z]+$/;
const VALUE = /^[\x21-\x7e \t\r\n]*$/;
const BEARER = /^Bearer +([-._~+/A-Za-z0-9]+=*) *$/i;

/** Parses the client's initial response; null when malformed. */
export function parseClientInitial(s: string): ClientInitial | null {
  if (!s.startsWith('n,')) return null;
  const comma = s.indexOf(',', 2);
  if (comma < 0) return null;
  const authz = s.slice(2, comma);
  if (authz !== '' && !authz.startsWith('a=')) return null;
  const rest = s.slice(comma + 1);
  if (!rest.startsWith('\x01') || !rest.endsWith('\x01\x01')) return null;
  const pairs = rest.slice(1, -2).split('\x01');
  let token: string | undefined;
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) return null;
    const key = p.slice(0, eq);
    const value = p.slice(eq + 1);
    if (!KEY.test(key) || !VALUE.test(value)) return null;
    if (key === 'auth') {
      if (token !== undefined) return null;
      const m = BEARER.exec(value);
      if (m === null) return null;
      token = m[1]!;
    }
  }
  if (token === undefined) return null;
  return { authzid: authz === '' ? '' : authz.slice(2).replace(/=2C/g, ',').replace(/=3D/g, '='), token };
}

class OAuthBearerExchange implements SaslExchange {
  private state: 'first' | 'error-sent' | 'done' = 'first';
  /** The JSON error sent to the client, which is also the failure's message (as Kafka). */
  private errorMessage = '';
  private rejection: TokenRejected | undefined;

  constructor(private readonly validate: TokenValidator, private readonly now: () => number) {}

  async step(token: Buffer): Promise<SaslStepResult> {
    if (this.state === 'error-sent') {
      this.state = 'done';
      if (token.length === 1 && token[0] === 0x01) throw new BrokerError('SASL_AUTHENTICATION_FAILED', this.errorMessage, { cause: this.rejection });
      throw new BrokerError('SASL_AUTHENTICATION_FAILED', this.errorMessage, { cause: new Error(`the client did not acknowledge the error (${this.rejection?.message ?? ''})`) });
    }
    if (this.state === 'done') fail('Unexpected OAUTHBEARER message after the exchange ended');
    this.state = 'done';
    if (token.length > OAUTHBEARER_MAX_MESSAGE_BYTES) fail(`OAUTHBEARER client message is too large (${token.length} bytes, at most ${OAUTHBEARER_MAX_MESSAGE_BYTES})`);
    const initial = parseClientInitial(token.toString('latin1'));
    if (initial === null) fail('Invalid OAUTHBEARER client first message');
    let valid: ValidatedToken;
    try {
      valid = await this.validate(initial.token);
    } catch (e) {
      if (!(e instanceof TokenRejected)) throw e;
      const body: Record<string, string> = { status: e.status };
      if (e.scope !== undefined) body['scope'] = e.scope;
      const json = JSON.stringify(body);
      this.errorMessage = json;
      this.rejection = e;
      this.state = 'error-sent';
      return { response: Buffer.from(json, 'utf8'), done: false };
    }
    if (initial.authzid !== '' && initial.authzid !== valid.principal) {
      fail(`Authentication failed: Client requested an authorization id (${initial.authzid}) that is different from the token's principal name (${valid.principal})`);
    }
    return { response: Buffer.alloc(0), done: true, principal: `User:${valid.principal}`, credentialLifetimeMs: Math.max(1, Math.floor(valid.expiresAtMs - this.now())) };
  }
}

export class OAuthBearerMechanismServer implements SaslMechanismServer {
  readonly name = 'OAUTHBEARER' as const;
  private readonly validate: TokenValidator;
  private readonly now: () => number;

  constructor(opts: OAuthBearerOptions) {
    this.validate = opts.mode === 'jwks' ? jwksValidator(opts) : unsecuredValidator(opts);
    this.now = opts.now ?? Date.now;
  }

  start(_listener: string): SaslExchange {
    return new OAuthBearerExchange(this.validate, this.now);
  }
}
