// Errors of the read side (projections, snapshots, upcasters, forgetting): one class with a stable
// string code, as the rest of the package. The list below is the documented set (docs/eventsourcing.md).

export const ReadSideErrorCode = {
  /** An event's data does not match the schema registered for its type and schema version. */
  EventSchemaViolation: 'EVENT_SCHEMA_VIOLATION',
  /** No upcaster step leads from an event's schema version to the current one. */
  UpcasterMissing: 'UPCASTER_MISSING',
  /** An event's schema version is newer than the reader knows (written by a newer deployment). */
  SchemaVersionFromTheFuture: 'SCHEMA_VERSION_FROM_THE_FUTURE',
  /** A record on the event topic lacks the headers of the event record format. */
  MalformedEventRecord: 'MALFORMED_EVENT_RECORD',
  /** A personal-data envelope could not be opened although its key exists (tampered or corrupt). */
  PersonalDataCorrupt: 'PERSONAL_DATA_CORRUPT',
  /** The schema registry refused a request. */
  RegistryError: 'REGISTRY_ERROR',
  /** A projection's handler failed; the batch's transaction was rolled back, the checkpoint did not move. */
  ProjectionFailed: 'PROJECTION_FAILED',
} as const;
export type ReadSideErrorCode = (typeof ReadSideErrorCode)[keyof typeof ReadSideErrorCode];

export class ReadSideError extends Error {
  override readonly name = 'ReadSideError';
  constructor(
    readonly code: ReadSideErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** An event's data failed its schema: `problems` lists what is wrong, nothing was written. */
export class EventSchemaError extends ReadSideError {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly problems: readonly string[],
  ) {
    super(ReadSideErrorCode.EventSchemaViolation, `event ${eventType} v${schemaVersion} fails its schema: ${problems.join('; ')}`);
  }
}
