// Errors of the event store: one base class with a stable string code (EventStoreErrorCode) and
// a cause, extending Emmett's EmmettError so Emmett's helpers classify them; the version conflict
// extends Emmett's ExpectedVersionConflictError, so Emmett's CommandHandler retries on it.
import { EmmettError, ExpectedVersionConflictError, type ExpectedStreamVersion } from '@event-driven-io/emmett';

export const EventStoreErrorCode = {
  EXPECTED_VERSION_CONFLICT: 'EXPECTED_VERSION_CONFLICT',
  INVALID_STREAM_NAME: 'INVALID_STREAM_NAME',
  INVALID_EXPECTED_VERSION: 'INVALID_EXPECTED_VERSION',
  INVALID_EVENT: 'INVALID_EVENT',
  EVENT_TOO_LARGE: 'EVENT_TOO_LARGE',
  TOO_MANY_EVENTS: 'TOO_MANY_EVENTS',
  INVALID_READ_RANGE: 'INVALID_READ_RANGE',
  TIMEOUT: 'TIMEOUT',
  CLOSED: 'CLOSED',
  NOT_OWNER: 'NOT_OWNER',
} as const;
export type EventStoreErrorCode = (typeof EventStoreErrorCode)[keyof typeof EventStoreErrorCode];

/** Emmett's numeric error code for each of ours (validation problems are 400, as Emmett's ValidationError). */
function emmettCode(code: EventStoreErrorCode): number {
  if (code === 'TIMEOUT' || code === 'CLOSED' || code === 'NOT_OWNER') return EmmettError.Codes.InternalServerError;
  return EmmettError.Codes.ValidationError;
}

export class EventStoreError extends EmmettError {
  readonly code: EventStoreErrorCode;
  constructor(code: EventStoreErrorCode, message: string, opts: { cause?: unknown } = {}) {
    super({ errorCode: emmettCode(code), message });
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'EventStoreError';
    this.code = code;
    if (opts.cause !== undefined) this.cause = opts.cause;
  }
}

/**
 * An append whose expected version did not match the stream's: nothing of it was written.
 * `actualVersion` is the stream's version when the append was checked (0n = no stream).
 */
export class ExpectedVersionConflict extends ExpectedVersionConflictError<bigint> {
  readonly code = EventStoreErrorCode.EXPECTED_VERSION_CONFLICT;
  readonly streamName: string;
  readonly actualVersion: bigint;
  readonly expectedVersion: ExpectedStreamVersion<bigint>;
  constructor(streamName: string, actualVersion: bigint, expectedVersion: ExpectedStreamVersion<bigint>) {
    super(actualVersion, expectedVersion);
    // Emmett's constructor pins its own prototype; restore ours.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = 'ExpectedVersionConflict';
    this.message = `stream '${streamName}': expected version ${String(expectedVersion)}, actual ${actualVersion.toString()}`;
    this.streamName = streamName;
    this.actualVersion = actualVersion;
    this.expectedVersion = expectedVersion;
  }
}

export function isExpectedVersionConflict(e: unknown): e is ExpectedVersionConflict {
  return e instanceof ExpectedVersionConflict;
}
