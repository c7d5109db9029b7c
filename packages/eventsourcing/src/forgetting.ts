// Forgetting (crypto-shredding, GDPR art. 17): the fields of an event marked personal are
// encrypted with AES-256-GCM under a data key of their subject (a customer, a user). The keys live
// in a compacted key topic keyed by subject id; `forget(subjectId)` writes the key's tombstone.
// Events stay in the log untouched, but their personal fields can no longer be opened: every read
// path (through `transform`) returns `REDACTED` in their place, projections rebuilt after the
// forget hold `REDACTED`, snapshots encrypted with `sealState` come back redacted.
//
// An encrypted field is the JSON object { "$pii": "<subject>", "v": "<base64 iv|tag|ciphertext>" }:
// the subject id travels in clear (choose an opaque id, not an e-mail address), the value does not.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CompactedTable, type CompactedTableOptions } from './compacted-table.js';
import { ReadSideError, ReadSideErrorCode } from './read-errors.js';
import type { EventTransform } from './read-event.js';

/** What a personal field reads as once its subject is forgotten. */
export const REDACTED = '[redacted]';

export interface KeyStore {
  /** The subject's data key, or null when there is none (never created, or forgotten). */
  get(subjectId: string): Promise<Buffer | null>;
  /** The subject's data key, created when missing. Refuses a forgotten subject (its data must not come back). */
  getOrCreate(subjectId: string): Promise<Buffer>;
  /** Deletes the subject's key for good. */
  forget(subjectId: string): Promise<void>;
}

/** Keys in memory: tests and the projection testing helpers. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly forgotten = new Set<string>();
  async get(subjectId: string): Promise<Buffer | null> {
    return this.keys.get(subjectId) ?? null;
  }
  async getOrCreate(subjectId: string): Promise<Buffer> {
    if (this.forgotten.has(subjectId)) throw new ReadSideError(ReadSideErrorCode.PersonalDataCorrupt, `subject ${subjectId} was forgotten; no new personal data is accepted for it`);
    let k = this.keys.get(subjectId);
    if (k === undefined) {
      k = randomBytes(32);
      this.keys.set(subjectId, k);
    }
    return k;
  }
  async forget(subjectId: string): Promise<void> {
    this.keys.delete(subjectId);
    this.forgotten.add(subjectId);
  }
}

export interface KafkaKeyStoreOptions extends CompactedTableOptions {
  /**
   * Optional key-encryption key (32 bytes): data keys are stored wrapped under it, so the key
   * topic alone (or a copy of an old segment) does not open the events.
   */
  masterKey?: Buffer;
}

/**
 * Data keys in a compacted topic keyed by subject id. Until the log cleaner has compacted the
 * segment that held a forgotten key, the old record is still on disk: create the topic with a
 * bounded `max.compaction.lag.ms` (default here: one day) and use `masterKey` so a leaked segment
 * is not enough.
 */
export class KafkaKeyStore implements KeyStore {
  private readonly table: CompactedTable;
  private readonly pending = new Map<string, Promise<Buffer>>();

  constructor(private readonly opts: KafkaKeyStoreOptions) {
    this.table = new CompactedTable({ ...opts, topicConfigs: { 'max.compaction.lag.ms': String(24 * 3600 * 1000), 'segment.ms': String(3600 * 1000), ...opts.topicConfigs } });
  }

  start(): Promise<void> {
    return this.table.start();
  }

  close(): Promise<void> {
    return this.table.close();
  }

  async get(subjectId: string): Promise<Buffer | null> {
    const v = this.table.get(subjectId);
    if (v === undefined) return null;
    return this.opts.masterKey === undefined ? v : open(this.opts.masterKey, v, `key:${subjectId}`);
  }

  getOrCreate(subjectId: string): Promise<Buffer> {
    const inflight = this.pending.get(subjectId);
    if (inflight !== undefined) return inflight;
    const p = (async () => {
      const k = await this.get(subjectId);
      if (k !== null) return k;
      const fresh = randomBytes(32);
      await this.table.put(subjectId, this.opts.masterKey === undefined ? fresh : seal(this.opts.masterKey, fresh, `key:${subjectId}`));
      return fresh;
    })();
    this.pending.set(subjectId, p);
    return p.finally(() => this.pending.delete(subjectId));
  }

  async forget(subjectId: string): Promise<void> {
    await this.table.put(subjectId, null);
  }
}

function seal(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), ct]);
}

function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < 28) throw new ReadSideError(ReadSideErrorCode.PersonalDataCorrupt, 'sealed value too short');
  try {
    const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
  } catch (e) {
    throw new ReadSideError(ReadSideErrorCode.PersonalDataCorrupt, `personal data could not be opened (${aad})`, { cause: e });
  }
}

interface Envelope {
  $pii: string;
  v: string;
}

function isEnvelope(x: unknown): x is Envelope {
  return typeof x === 'object' && x !== null && typeof (x as Envelope).$pii === 'string' && typeof (x as Envelope).v === 'string';
}

export interface PersonalFields {
  /** Where the subject id is found in the data (a dot path), or a function of the data. */
  subject: string | ((data: Record<string, unknown>) => string);
  /** Dot paths of the personal fields. */
  fields: readonly string[];
}

function getPath(o: Record<string, unknown>, path: string): unknown {
  let cur: unknown = o;
  for (const p of path.split('.')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

/** A copy of `o` with `path` set (copying the objects along the path only). */
function setPath(o: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const out = { ...o };
  if (rest.length === 0) out[head!] = value;
  else {
    const inner = out[head!];
    if (typeof inner !== 'object' || inner === null) return o;
    out[head!] = setPath(inner as Record<string, unknown>, rest.join('.'), value);
  }
  return out;
}

/** Walks any JSON value, replacing each envelope by what `fn` gives (for data and snapshot states). */
async function mapEnvelopes(x: unknown, fn: (e: Envelope) => Promise<unknown>): Promise<unknown> {
  if (isEnvelope(x)) return fn(x);
  if (Array.isArray(x)) return Promise.all(x.map((v) => mapEnvelopes(v, fn)));
  if (typeof x === 'object' && x !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = await mapEnvelopes(v, fn);
    return out;
  }
  return x;
}

export class PersonalDataCodec {
  private readonly byType = new Map<string, PersonalFields>();

  constructor(readonly keys: KeyStore) {}

  /** Marks the personal fields of events of `type`. */
  personal(type: string, spec: PersonalFields): this {
    this.byType.set(type, spec);
    return this;
  }

  /** Encrypts the personal fields of an event's data (before appending). Other types pass through. */
  async encrypt<D>(type: string, data: D): Promise<D> {
    const spec = this.byType.get(type);
    if (spec === undefined || typeof data !== 'object' || data === null) return data;
    const d = data as Record<string, unknown>;
    const subject = typeof spec.subject === 'function' ? spec.subject(d) : String(getPath(d, spec.subject));
    let out = d;
    for (const f of spec.fields) {
      const v = getPath(d, f);
      if (v === undefined || isEnvelope(v)) continue;
      out = setPath(out, f, await this.sealValue(subject, v));
    }
    return out as D;
  }

  /** Encrypts one value for `subject` (the subject id is bound as associated data). */
  async sealValue(subject: string, value: unknown): Promise<Envelope> {
    const key = await this.keys.getOrCreate(subject);
    return { $pii: subject, v: seal(key, Buffer.from(JSON.stringify(value)), `pii:${subject}`).toString('base64') };
  }

  /** Opens every envelope in `x` (any JSON value); a forgotten subject's fields become `REDACTED`. */
  async decrypt<T>(x: T): Promise<T> {
    return (await mapEnvelopes(x, async (e) => {
      const key = await this.keys.get(e.$pii);
      if (key === null) return REDACTED;
      return JSON.parse(open(key, Buffer.from(e.v, 'base64'), `pii:${e.$pii}`).toString('utf8'));
    })) as T;
  }

  /** Re-seals a state's personal fields for storage (snapshots): values become envelopes again. */
  async sealState<S>(state: S, fields: ReadonlyArray<{ path: string; subject: string }>): Promise<S> {
    let out = state as unknown as Record<string, unknown>;
    for (const f of fields) {
      const v = getPath(out, f.path);
      if (v === undefined || v === REDACTED || isEnvelope(v)) continue;
      out = setPath(out, f.path, await this.sealValue(f.subject, v));
    }
    return out as unknown as S;
  }

  forget(subjectId: string): Promise<void> {
    return this.keys.forget(subjectId);
  }

  /** Decryption as a transform for the read paths (after the upcasters, or before when they read personal fields). */
  readonly transform: EventTransform = async (e) => ({ ...e, data: await this.decrypt(e.data) });
}
