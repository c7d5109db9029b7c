// The serdes' errors: one class with a stable string code (docs/registry.md lists them).

export const SERDE_ERROR_CODES = [
  /** The bytes are not in Confluent's wire format (no magic byte, truncated prefix). */
  'WIRE_FORMAT',
  /** The value does not match the schema. */
  'INVALID_VALUE',
  /** The registered schema cannot be used by the codec library. */
  'INVALID_SCHEMA',
  /** The schema id (or GUID, or message indexes) is unknown. */
  'UNKNOWN_SCHEMA',
  /** A data-contract rule refused the record (see RuleViolationError). */
  'RULE_VIOLATION',
  /** A serde used before its schema was loaded (a streams serde before ready()). */
  'NOT_READY',
  /** A configuration that cannot work (no schema to auto-register, no record name for a strategy). */
  'CONFIG',
] as const;

export type SerdeErrorCode = (typeof SERDE_ERROR_CODES)[number];

export class SerdeError extends Error {
  override readonly name: string = 'SerdeError';
  constructor(readonly code: SerdeErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A record broke a CONDITION rule of the schema's data contract. */
export class RuleViolationError extends SerdeError {
  override readonly name = 'RuleViolationError';
  constructor(readonly rule: string, readonly expr: string, readonly subject: string, message: string, options?: { cause?: unknown }) {
    super('RULE_VIOLATION', message, options);
  }
}
