// SCRAM credentials on the broker side: deriving StoredKey/ServerKey from a password (random salt)
// or from a salted password (AlterUserScramCredentials' upsertion), Kafka's iteration bounds, the
// mechanism ids of the protocol, and the initial users applied at start.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { ScramCredentialRecord, ScramCredentialStore, ScramMechanismName } from '@tideline/storage';
import type { InitialScramUser } from './types.js';

export type ScramMechanism = ScramMechanismName;

/** Kafka's bounds (ScramMechanism.minIterations, ScramControlManager.MAX_ITERATIONS). */
export const SCRAM_MIN_ITERATIONS = 4096;
export const SCRAM_MAX_ITERATIONS = 16384;
export const SCRAM_DEFAULT_ITERATIONS = 4096;

/** The int8 mechanism ids of Describe/AlterUserScramCredentials (0 is UNKNOWN). */
export const SCRAM_MECHANISM_IDS: Readonly<Record<ScramMechanism, number>> = { 'SCRAM-SHA-256': 1, 'SCRAM-SHA-512': 2 };

export function scramMechanismOfId(id: number): ScramMechanism | undefined {
  return id === 1 ? 'SCRAM-SHA-256' : id === 2 ? 'SCRAM-SHA-512' : undefined;
}

export interface ScramHash {
  readonly hash: 'sha256' | 'sha512';
  readonly size: number;
}

export function scramHash(mechanism: ScramMechanism): ScramHash {
  return mechanism === 'SCRAM-SHA-256' ? { hash: 'sha256', size: 32 } : { hash: 'sha512', size: 64 };
}

export const hmac = (h: ScramHash, key: Buffer, data: Buffer | string): Buffer => createHmac(h.hash, key).update(data).digest();
export const digest = (h: ScramHash, data: Buffer): Buffer => createHash(h.hash).update(data).digest();

/** Hi() of RFC 5802: PBKDF2 with the mechanism's HMAC. The password is SASLprep'ed by NFKC only. */
export function saltPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const h = scramHash(mechanism);
  return pbkdf2Sync(Buffer.from(password.normalize('NFKC'), 'utf8'), salt, iterations, h.size, h.hash);
}

/** StoredKey and ServerKey from a salted password. */
export function scramKeys(mechanism: ScramMechanism, saltedPassword: Buffer): { storedKey: Buffer; serverKey: Buffer } {
  const h = scramHash(mechanism);
  const clientKey = hmac(h, saltedPassword, 'Client Key');
  return { storedKey: digest(h, clientKey), serverKey: hmac(h, saltedPassword, 'Server Key') };
}

/** Null when the count is acceptable, else Kafka's message. */
export function iterationsProblem(iterations: number): string | null {
  if (iterations < SCRAM_MIN_ITERATIONS) return 'Too few iterations';
  if (iterations > SCRAM_MAX_ITERATIONS) return 'Too many iterations';
  return null;
}

export function credentialFromSaltedPassword(user: string, mechanism: ScramMechanism, salt: Buffer, saltedPassword: Buffer, iterations: number): ScramCredentialRecord {
  const { storedKey, serverKey } = scramKeys(mechanism, saltedPassword);
  return { user, mechanism, iterations, salt: salt.toString('base64'), storedKey: storedKey.toString('base64'), serverKey: serverKey.toString('base64') };
}

export function credentialFromPassword(user: string, mechanism: ScramMechanism, password: string, iterations = SCRAM_DEFAULT_ITERATIONS, salt: Buffer = randomBytes(32)): ScramCredentialRecord {
  return credentialFromSaltedPassword(user, mechanism, salt, saltPassword(mechanism, password, salt, iterations), iterations);
}

/** The broker's view of the credential store. */
export class ScramCredentials {
  constructor(readonly store: ScramCredentialStore) {}

  get(user: string, mechanism: ScramMechanism): ScramCredentialRecord | undefined {
    return this.store.get(user, mechanism);
  }

  /** Creates a credential from a password (random salt). */
  async setPassword(user: string, mechanism: ScramMechanism, password: string, iterations = SCRAM_DEFAULT_ITERATIONS): Promise<void> {
    const problem = iterationsProblem(iterations);
    if (problem !== null) throw new RangeError(`${problem} for ${mechanism} user ${user}: ${iterations} (allowed ${SCRAM_MIN_ITERATIONS}-${SCRAM_MAX_ITERATIONS})`);
    if (user === '') throw new RangeError('Username must not be empty');
    await this.store.alter({ upserts: [credentialFromPassword(user, mechanism, password, iterations)] });
  }

  /**
   * Applies `sasl.initialScramUsers` at start: a user whose credential for that mechanism exists
   * keeps it (idempotent across restarts, like kafka-storage format --add-scram on a formatted log).
   * Returns the users created.
   */
  async applyInitialUsers(users: readonly InitialScramUser[]): Promise<string[]> {
    const upserts: ScramCredentialRecord[] = [];
    const seen = new Set<string>();
    for (const u of users) {
      const iterations = u.iterations ?? SCRAM_DEFAULT_ITERATIONS;
      const problem = iterationsProblem(iterations);
      if (problem !== null) throw new RangeError(`initial SCRAM user ${u.name} (${u.mechanism}): ${problem} (${iterations}; allowed ${SCRAM_MIN_ITERATIONS}-${SCRAM_MAX_ITERATIONS})`);
      if (u.name === '') throw new RangeError('initial SCRAM user: the name must not be empty');
      const k = `${u.mechanism}:${u.name}`;
      if (seen.has(k)) continue;
      seen.add(k);
      if (this.store.get(u.name, u.mechanism) !== undefined) continue;
      const salt = u.salt === undefined ? undefined : Buffer.from(u.salt, 'base64');
      if (salt !== undefined && salt.length === 0) throw new RangeError(`initial SCRAM user ${u.name} (${u.mechanism}): the salt must not be empty`);
      upserts.push(credentialFromPassword(u.name, u.mechanism, u.password, iterations, salt));
    }
    if (upserts.length > 0) await this.store.alter({ upserts });
    return upserts.map((u) => `${u.mechanism}:${u.user}`);
  }
}
