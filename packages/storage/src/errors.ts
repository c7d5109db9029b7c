// Storage errors: one class, a stable code and the Kafka error name the broker answers with.
import { TidelineError } from '@tideline/protocol';

/** Kafka error names a storage failure maps to. The broker puts this name's code in its response. */
export type StorageErrorKind =
  | 'KAFKA_STORAGE_ERROR'
  | 'OFFSET_OUT_OF_RANGE'
  | 'CORRUPT_MESSAGE'
  | 'INVALID_RECORD'
  | 'UNKNOWN_TOPIC_OR_PARTITION'
  | 'TOPIC_ALREADY_EXISTS'
  | 'INVALID_CONFIG';

export class StorageError extends TidelineError {
  readonly kafkaError: StorageErrorKind;
  /** Set when a read hit a stored batch that fails validation (the log itself is still usable). */
  readonly corruptBatch: boolean;
  constructor(kafkaError: StorageErrorKind, message: string, options?: { cause?: unknown; corruptBatch?: boolean }) {
    super('STORAGE_ERROR', message, options);
    this.kafkaError = kafkaError;
    this.corruptBatch = options?.corruptBatch ?? false;
  }
}

/** Wraps an I/O failure (ENOSPC, EIO, ...) as KAFKA_STORAGE_ERROR, keeping the errno code in the message. */
export function ioError(what: string, cause: unknown): StorageError {
  const errno = (cause as { code?: unknown } | null)?.code;
  const suffix = typeof errno === 'string' ? ` (${errno})` : '';
  return new StorageError('KAFKA_STORAGE_ERROR', `${what} failed${suffix}`, { cause });
}

export const offsetOutOfRange = (offset: bigint, start: bigint, end: bigint): StorageError =>
  new StorageError('OFFSET_OUT_OF_RANGE', `offset ${offset} is outside [${start}, ${end}]`);
