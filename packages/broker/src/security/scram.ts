// SASL/SCRAM-SHA-256 and SCRAM-SHA-512 on the server (RFC 5802, RFC 7677), as Kafka serves them:
// gs2 header `n` only (no channel binding), an authorization id only when equal to the user,
// iterations from the stored credential, the ClientProof checked against StoredKey in constant
// time, the ServerSignature returned in the server-final message.
//
// An unknown user is not refused at the client-first message (Kafka refuses it there): the
// exchange goes on with a salt derived from the name and a per-process secret, and fails at the
// client-final message with the same message as a wrong password, so neither the answer nor the
// step reveals whether the user exists.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BrokerError } from '../errors.js';
import {
  digest, hmac, iterationsProblem, SCRAM_DEFAULT_ITERATIONS, scramHash, type ScramCredentials, type ScramHash, type ScramMechanism,
} from './scram-credentials.js';
import type { SaslExchange, SaslMechanismServer, SaslStepResult } from './types.js';

/** Largest SCRAM message accepted, checked before the bytes are decoded. */
export const SCRAM_MAX_MESSAGE_BYTES = 8192;

const INVALID_CREDENTIALS = 'Authentication failed: Invalid user credentials';

/**
 * Why an exchange failed. As Kafka, the client is told only the generic message (see
 * ScramExchange.step); the reason stays in the BrokerError's cause, for logs and tests.
 */
export class ScramFailure extends Error {}

function fail(reason: string): never {
  throw new ScramFailure(reason);
}

/** Kafka's answer to every SCRAM failure but an authorization id mismatch. */
export function scramFailedMessage(mechanism: ScramMechanism): string {
  return `Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`;
}

/** A SASL name (RFC 5802 5.1) back to the user name: `=2C` is `,`, `=3D` is `=`; any other `=` is malformed. */
export function decodeSaslName(name: string): string | null {
  if (/=(?!2C|3D)/.test(name)) return null;
  return name.replace(/=2C/g, ',').replace(/=3D/g, '=');
}

export function encodeSaslName(user: string): string {
  return user.replace(/=/g, '=3D').replace(/,/g, '=2C');
}

// printable ASCII except ',' (RFC 5802 nonce); value-safe: no NUL, no ','.
const NONCE = /^[\x21-\x2b\x2d-\x7e]+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ATTR = /^[A-Za-z]=/;

function text(token: Buffer, what: string): string {
  if (token.length > SCRAM_MAX_MESSAGE_BYTES) fail(`${what} is too large (${token.length} bytes, at most ${SCRAM_MAX_MESSAGE_BYTES})`);
  const s = token.toString('utf8');
  if (!Buffer.from(s, 'utf8').equals(token) || s.includes('\u0000')) fail(`Invalid SCRAM ${what}: not UTF-8`);
  return s;
}

interface ClientFirst {
  readonly gs2Header: string;
  readonly user: string;
  readonly nonce: string;
  readonly bare: string;
}

export function parseClientFirst(s: string): ClientFirst {
  // gs2-header = gs2-cbind-flag "," [ authzid ] "," ; we accept only the flag "n".
  if (s.startsWith('p=')) fail('Invalid SCRAM client first message: channel binding is not supported');
  if (s.startsWith('y,')) fail('Invalid SCRAM client first message: channel binding is not supported');
  if (!s.startsWith('n,')) fail('Invalid SCRAM client first message: gs2 header must be "n"');
  const second = s.indexOf(',', 2);
  if (second < 0) fail('Invalid SCRAM client first message');
  const authzPart = s.slice(2, second);
  const gs2Header = s.slice(0, second + 1);
  const bare = s.slice(second + 1);
  const attrs = bare.split(',');
  // m= (mandatory extensions) is not supported; n= and r= come first, extensions may follow.
  if (attrs.length < 2 || !attrs[0]!.startsWith('n=') || !attrs[1]!.startsWith('r=')) fail('Invalid SCRAM client first message');
  for (const a of attrs.slice(2)) {
    if (!ATTR.test(a)) fail('Invalid SCRAM client first message: malformed extension');
  }
  const user = decodeSaslName(attrs[0]!.slice(2));
  if (user === null || user === '') fail('Invalid SCRAM client first message: malformed user name');
  const nonce = attrs[1]!.slice(2);
  if (!NONCE.test(nonce)) fail('Invalid SCRAM client first message: malformed nonce');
  if (authzPart !== '') {
    if (!authzPart.startsWith('a=')) fail('Invalid SCRAM client first message: malformed gs2 header');
    const authzid = decodeSaslName(authzPart.slice(2));
    // The one failure whose reason the client is told, as in Kafka.
    if (authzid !== '' && authzid !== user) throw new BrokerError('SASL_AUTHENTICATION_FAILED', 'Authentication failed: Client requested an authorization id that is different from username');
  }
  return { gs2Header, user, nonce, bare };
}

interface ClientFinal {
  readonly channelBinding: string;
  readonly nonce: string;
  readonly proof: Buffer;
  readonly withoutProof: string;
}

export function parseClientFinal(s: string): ClientFinal {
  const at = s.lastIndexOf(',p=');
  if (!s.startsWith('c=') || at < 0) fail('Invalid SCRAM client final message');
  const withoutProof = s.slice(0, at);
  const proof64 = s.slice(at + 3);
  const attrs = withoutProof.split(',');
  if (attrs.length < 2 || !attrs[1]!.startsWith('r=')) fail('Invalid SCRAM client final message');
  for (const a of attrs.slice(2)) {
    if (!ATTR.test(a)) fail('Invalid SCRAM client final message: malformed extension');
  }
  const channelBinding = attrs[0]!.slice(2);
  if (!BASE64.test(channelBinding) || !BASE64.test(proof64)) fail('Invalid SCRAM client final message: malformed base64');
  return { channelBinding, nonce: attrs[1]!.slice(2), proof: Buffer.from(proof64, 'base64'), withoutProof };
}

/** A per-process secret for the fake credentials of unknown users. */
const FAKE_SECRET = randomBytes(32);

interface Credential {
  readonly salt: Buffer;
  readonly iterations: number;
  readonly storedKey: Buffer;
  readonly serverKey: Buffer;
  readonly real: boolean;
}

function fakeCredential(mechanism: ScramMechanism, h: ScramHash, user: string): Credential {
  const salt = createHmac('sha256', FAKE_SECRET).update(`${mechanism}\u0000${user}`).digest();
  return { salt, iterations: SCRAM_DEFAULT_ITERATIONS, storedKey: randomBytes(h.size), serverKey: randomBytes(h.size), real: false };
}

type State = 'first' | 'final' | 'done' | 'failed';

class ScramExchange implements SaslExchange {
  private state: State = 'first';
  private readonly h: ScramHash;
  private first: ClientFirst | undefined;
  private serverFirst = '';
  private nonce = '';
  private cred: Credential | undefined;

  constructor(private readonly mechanism: ScramMechanism, private readonly credentials: ScramCredentials, private readonly serverNonce: () => string) {
    this.h = scramHash(mechanism);
  }

  step(token: Buffer): SaslStepResult {
    try {
      return this.advance(token);
    } catch (e) {
      if (e instanceof ScramFailure) throw new BrokerError('SASL_AUTHENTICATION_FAILED', scramFailedMessage(this.mechanism), { cause: e });
      throw e;
    }
  }

  private advance(token: Buffer): SaslStepResult {
    const state = this.state;
    // Any failure ends the exchange for good: a later token (a replay) fails too.
    this.state = 'failed';
    if (state === 'first') {
      const r = this.clientFirst(text(token, 'client first message'));
      this.state = 'final';
      return r;
    }
    if (state === 'final') {
      const r = this.clientFinal(text(token, 'client final message'));
      this.state = 'done';
      return r;
    }
    fail(state === 'done' ? 'Unexpected SCRAM message after authentication completed' : 'SCRAM exchange already failed');
  }

  private clientFirst(s: string): SaslStepResult {
    const first = parseClientFirst(s);
    const stored = this.credentials.get(first.user, this.mechanism);
    let cred: Credential;
    if (stored === undefined || iterationsProblem(stored.iterations) !== null) {
      cred = fakeCredential(this.mechanism, this.h, first.user);
    } else {
      cred = {
        salt: Buffer.from(stored.salt, 'base64'),
        iterations: stored.iterations,
        storedKey: Buffer.from(stored.storedKey, 'base64'),
        serverKey: Buffer.from(stored.serverKey, 'base64'),
        real: true,
      };
    }
    this.first = first;
    this.cred = cred;
    this.nonce = first.nonce + this.serverNonce();
    this.serverFirst = `r=${this.nonce},s=${cred.salt.toString('base64')},i=${cred.iterations}`;
    return { response: Buffer.from(this.serverFirst, 'utf8'), done: false };
  }

  private clientFinal(s: string): SaslStepResult {
    const first = this.first!;
    const cred = this.cred!;
    const fin = parseClientFinal(s);
    if (fin.nonce !== this.nonce) fail('Invalid client nonce in the final client message.');
    if (!Buffer.from(fin.channelBinding, 'base64').equals(Buffer.from(first.gs2Header, 'utf8'))) fail('Invalid channel binding in the final client message.');
    const authMessage = `${first.bare},${this.serverFirst},${fin.withoutProof}`;
    const clientSignature = hmac(this.h, cred.storedKey, authMessage);
    if (fin.proof.length !== clientSignature.length) fail(INVALID_CREDENTIALS);
    const clientKey = Buffer.alloc(clientSignature.length);
    for (let i = 0; i < clientKey.length; i++) clientKey[i] = fin.proof[i]! ^ clientSignature[i]!;
    const ok = timingSafeEqual(digest(this.h, clientKey), cred.storedKey);
    if (!ok || !cred.real) fail(INVALID_CREDENTIALS);
    const serverSignature = hmac(this.h, cred.serverKey, authMessage);
    return { response: Buffer.from(`v=${serverSignature.toString('base64')}`, 'utf8'), done: true, principal: `User:${first.user}` };
  }
}

export interface ScramServerOptions {
  /** The server's part of the nonce; default 24 random bytes in base64. Tests pin it. */
  readonly serverNonce?: () => string;
}

const randomNonce = (): string => randomBytes(24).toString('base64');

export class ScramMechanismServer implements SaslMechanismServer {
  constructor(readonly name: ScramMechanism, private readonly credentials: ScramCredentials, private readonly opts: ScramServerOptions = {}) {}

  start(_listener: string): SaslExchange {
    return new ScramExchange(this.name, this.credentials, this.opts.serverNonce ?? randomNonce);
  }
}
