// SASL/PLAIN (RFC 4616) on the server: one client message `authzid NUL authcid NUL passwd`.
// The authorization id is empty or the user itself (Kafka refuses acting as another user).
// Users and passwords come per listener from SaslSettings.plainUsers (Kafka's PlainLoginModule
// `user_<name>="<password>"` options); passwords are compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { BrokerError } from '../errors.js';
import type { SaslExchange, SaslMechanismServer, SaslStepResult } from './types.js';

/** PLAIN carries three UTF-8 strings of at most 255 octets each in RFC 4616; Kafka takes longer ones, we cap the whole message. */
export const PLAIN_MAX_MESSAGE = 64 * 1024;

const failed = (message: string): BrokerError => new BrokerError('SASL_AUTHENTICATION_FAILED', message);

/** Constant-time comparison of two strings of any lengths (digests first, so lengths do not leak either). */
export function constantTimeEquals(a: string, b: string): boolean {
  const da = createHash('sha256').update(a, 'utf8').digest();
  const db = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(da, db);
}

/** Splits a PLAIN message into its three parts; null if it does not have exactly three. */
export function parsePlainMessage(token: Buffer): { authzid: string; user: string; password: string } | null {
  const first = token.indexOf(0);
  if (first < 0) return null;
  const second = token.indexOf(0, first + 1);
  if (second < 0 || token.indexOf(0, second + 1) >= 0) return null;
  const dec = new TextDecoder('utf-8', { fatal: true });
  try {
    return {
      authzid: dec.decode(token.subarray(0, first)),
      user: dec.decode(token.subarray(first + 1, second)),
      password: dec.decode(token.subarray(second + 1)),
    };
  } catch {
    return null;
  }
}

/** The PLAIN mechanism; `usersOf(listener)` gives the user → password table of a listener. */
export function plainMechanism(usersOf: (listener: string) => Readonly<Record<string, string>> | undefined): SaslMechanismServer {
  return {
    name: 'PLAIN',
    start(listener: string): SaslExchange {
      let used = false;
      return {
        step(token: Buffer): SaslStepResult {
          if (used) throw failed('Authentication failed: PLAIN takes a single message');
          used = true;
          if (token.length > PLAIN_MAX_MESSAGE) throw failed(`Invalid SASL/PLAIN response: ${token.length} bytes, at most ${PLAIN_MAX_MESSAGE}`);
          const m = parsePlainMessage(token);
          if (m === null) throw failed('Invalid SASL/PLAIN response: expected 3 UTF-8 tokens separated by NUL');
          if (m.user === '') throw failed('Authentication failed: username not specified');
          if (m.password === '') throw failed('Authentication failed: password not specified');
          if (m.authzid !== '' && m.authzid !== m.user) {
            throw failed('Authentication failed: Client requested an authorization id that is different from username');
          }
          const users = usersOf(listener);
          const expected = users !== undefined && Object.hasOwn(users, m.user) ? users[m.user]! : undefined;
          // Compare even for unknown users, so the answer takes as long either way.
          const ok = constantTimeEquals(m.password, expected ?? '\u0000unknown-user');
          if (!ok || expected === undefined) throw failed('Authentication failed: Invalid username or password');
          return { response: Buffer.alloc(0), done: true, principal: `User:${m.user}` };
        },
      };
    },
  };
}
