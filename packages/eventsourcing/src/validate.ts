// Input checks shared by every store, applied before anything is written, and the expected-version
// rule (Emmett's matchesExpectedVersion, over both spellings of the constants).
import { NO_CONCURRENCY_CHECK, STREAM_DOES_NOT_EXIST, STREAM_EXISTS, type Event, type ExpectedStreamVersion } from '@event-driven-io/emmett';
import { EventStoreError, ExpectedVersionConflict } from './errors.js';
import type { AppendOptions, ExpectedVersion, StoreLimits } from './types.js';

/** The expected version in one form: Emmett's constants or a non-negative bigint. */
export type NormalExpected = ExpectedStreamVersion<bigint>;

/** Versions beyond this are refused as absurd (2^53: more events than any partition could hold). */
export const MAX_VERSION = 2n ** 53n;

export function normalizeExpected(v: ExpectedVersion | undefined): NormalExpected {
  if (v === undefined || v === 'any' || v === NO_CONCURRENCY_CHECK) return NO_CONCURRENCY_CHECK;
  if (v === 'no_stream' || v === STREAM_DOES_NOT_EXIST) return STREAM_DOES_NOT_EXIST;
  if (v === 'stream_exists' || v === STREAM_EXISTS) return STREAM_EXISTS;
  let b: bigint;
  if (typeof v === 'bigint') b = v;
  else if (typeof v === 'number' && Number.isSafeInteger(v)) b = BigInt(v);
  else throw new EventStoreError('INVALID_EXPECTED_VERSION', `expected version ${String(v)} is neither a version nor one of no_stream, stream_exists, any`);
  if (b < 0n || b > MAX_VERSION) throw new EventStoreError('INVALID_EXPECTED_VERSION', `expected version ${b.toString()} is outside 0..2^53`);
  return b;
}

export function expectedFrom(opts: AppendOptions | undefined): NormalExpected {
  if (opts?.expectedVersion !== undefined && opts.expectedStreamVersion !== undefined) {
    throw new EventStoreError('INVALID_EXPECTED_VERSION', 'give expectedVersion or expectedStreamVersion, not both');
  }
  return normalizeExpected(opts?.expectedVersion ?? (opts?.expectedStreamVersion as ExpectedVersion | undefined));
}

/** Throws ExpectedVersionConflict when `current` (0n = no stream) does not satisfy `expected`. */
export function checkExpected(streamName: string, current: bigint, expected: NormalExpected): void {
  let ok: boolean;
  if (expected === NO_CONCURRENCY_CHECK) ok = true;
  else if (expected === STREAM_DOES_NOT_EXIST) ok = current === 0n;
  else if (expected === STREAM_EXISTS) ok = current !== 0n;
  else ok = current === expected;
  if (!ok) throw new ExpectedVersionConflict(streamName, current, expected);
}

export function validateStreamName(name: unknown, limits: StoreLimits): asserts name is string {
  if (typeof name !== 'string' || name.length === 0) throw new EventStoreError('INVALID_STREAM_NAME', 'a stream name is a non-empty string');
  if (Buffer.byteLength(name) > limits.maxStreamIdBytes) throw new EventStoreError('INVALID_STREAM_NAME', `stream name longer than ${limits.maxStreamIdBytes} bytes`);
  if (/[\u0000-\u001f]/.test(name)) throw new EventStoreError('INVALID_STREAM_NAME', 'stream name contains control characters');
}

export function validateEvents(events: unknown, opts: AppendOptions | undefined, limits: StoreLimits): asserts events is Event[] {
  if (!Array.isArray(events)) throw new EventStoreError('INVALID_EVENT', 'events must be an array');
  if (events.length === 0) throw new EventStoreError('INVALID_EVENT', 'an append needs at least one event');
  if (events.length > limits.maxEventsPerAppend) throw new EventStoreError('TOO_MANY_EVENTS', `${events.length} events in one append; the limit is ${limits.maxEventsPerAppend}`);
  for (const e of events as unknown[]) {
    if (typeof e !== 'object' || e === null) throw new EventStoreError('INVALID_EVENT', 'an event is an object { type, data }');
    const { type, data } = e as { type?: unknown; data?: unknown };
    if (typeof type !== 'string' || type.length === 0 || type.length > 256) throw new EventStoreError('INVALID_EVENT', 'an event type is a string of 1..256 characters');
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new EventStoreError('INVALID_EVENT', `event '${type}': data must be an object`);
  }
  const ids = opts?.eventIds;
  if (ids !== undefined) {
    if (ids.length !== events.length) throw new EventStoreError('INVALID_EVENT', `${ids.length} event ids for ${events.length} events`);
    if (new Set(ids).size !== ids.length || ids.some((i) => typeof i !== 'string' || i.length === 0 || i.length > 128)) {
      throw new EventStoreError('INVALID_EVENT', 'event ids must be distinct non-empty strings of at most 128 characters');
    }
  }
  const sv = opts?.schemaVersion;
  if (sv !== undefined && (!Number.isSafeInteger(sv) || sv < 1 || sv > 65535)) throw new EventStoreError('INVALID_EVENT', `schema version ${sv} is outside 1..65535`);
  if (opts?.commandId !== undefined && (typeof opts.commandId !== 'string' || opts.commandId.length === 0 || opts.commandId.length > 128)) {
    throw new EventStoreError('INVALID_EVENT', 'a command id is a non-empty string of at most 128 characters');
  }
}

export function validateReadRange(from: bigint | undefined, to: bigint | undefined, maxCount: bigint | undefined): void {
  for (const [n, v] of [['from', from], ['to', to], ['maxCount', maxCount]] as const) {
    if (v === undefined) continue;
    if (typeof v !== 'bigint' && typeof v !== 'number') throw new EventStoreError('INVALID_READ_RANGE', `${n} must be a bigint`);
    const b = BigInt(v);
    if (b < 0n || b > MAX_VERSION) throw new EventStoreError('INVALID_READ_RANGE', `${n} = ${b.toString()} is outside 0..2^53`);
  }
}
