// Confluent Schema Registry's error codes, as data: the HTTP status is the code's first three digits.
// Clients (Confluent's, KafkaJS's, librdkafka's) branch on these numbers, so they never change.

export const RegistryErrorCode = {
  UNAUTHORIZED: 40101,
  FORBIDDEN: 40301,
  SUBJECT_NOT_FOUND: 40401,
  VERSION_NOT_FOUND: 40402,
  SCHEMA_NOT_FOUND: 40403,
  SUBJECT_SOFT_DELETED: 40404,
  SUBJECT_NOT_SOFT_DELETED: 40405,
  SCHEMA_VERSION_SOFT_DELETED: 40406,
  SCHEMA_VERSION_NOT_SOFT_DELETED: 40407,
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED: 40408,
  SUBJECT_MODE_NOT_CONFIGURED: 40409,
  INCOMPATIBLE_SCHEMA: 40901,
  INVALID_SCHEMA: 42201,
  INVALID_VERSION: 42202,
  INVALID_COMPATIBILITY_LEVEL: 42203,
  INVALID_MODE: 42204,
  OPERATION_NOT_PERMITTED: 42205,
  REFERENCE_EXISTS: 42206,
  ID_DOES_NOT_MATCH: 42207,
  INVALID_SUBJECT: 42208,
  SCHEMA_TOO_LARGE: 42209,
  INVALID_RULESET: 42210,
  CONTEXT_NOT_EMPTY: 42211,
  STORE_ERROR: 50001,
  OPERATION_TIMEOUT: 50002,
  REQUEST_FORWARDING_FAILED: 50003,
  UNKNOWN_LEADER: 50004,
  // Plain HTTP errors carry the status itself as the code (as Confluent's Jersey answers do).
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_ENTITY: 422,
  INTERNAL: 500,
} as const;

export type RegistryErrorName = keyof typeof RegistryErrorCode;

/** An answer of the registry's HTTP API that is not a success. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  readonly errorCode: number;

  constructor(code: RegistryErrorName, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.errorCode = RegistryErrorCode[code];
  }

  /** The HTTP status: the first three digits of the code. */
  get status(): number {
    return this.errorCode >= 1000 ? Math.floor(this.errorCode / 100) : this.errorCode;
  }

  toJSON(): { error_code: number; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }
}

export const subjectNotFound = (s: string): RegistryError => new RegistryError('SUBJECT_NOT_FOUND', `Subject '${s}' not found.`);
export const versionNotFound = (v: number | string): RegistryError => new RegistryError('VERSION_NOT_FOUND', `Version ${v} not found.`);
export const schemaNotFound = (id?: number): RegistryError => new RegistryError('SCHEMA_NOT_FOUND', id === undefined ? 'Schema not found' : `Schema ${id} not found`);
