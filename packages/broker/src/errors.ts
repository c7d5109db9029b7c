import { ErrorCode, TidelineError, type ErrorName } from '@tideline/protocol';

/** A failure that maps to a Kafka error code in a response (never closes the connection). */
export class BrokerError extends TidelineError {
  readonly kafkaError: ErrorName;
  constructor(kafkaError: ErrorName, message: string, options?: { cause?: unknown }) {
    super(`KAFKA_${kafkaError}`, message, options);
    this.kafkaError = kafkaError;
  }
  get errorCode(): number {
    return ErrorCode[this.kafkaError];
  }
}

/** The Kafka error code for any thrown value (unknown errors become UNKNOWN_SERVER_ERROR). */
export function errorCodeOf(err: unknown): number {
  if (err instanceof BrokerError) return err.errorCode;
  if (err instanceof TidelineError && 'kafkaError' in err && typeof err.kafkaError === 'string' && err.kafkaError in ErrorCode) {
    return ErrorCode[err.kafkaError as ErrorName];
  }
  return ErrorCode.UNKNOWN_SERVER_ERROR;
}

export function errorMessageOf(err: unknown): string | null {
  return err instanceof Error ? err.message : null;
}
