/** Base class of every Tideline application error: a stable string code plus an optional cause. */
export class TidelineError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Malformed bytes on the wire. `kafkaError` is the Kafka error name a broker should answer with
 * (usually CORRUPT_MESSAGE or INVALID_REQUEST); a decoder never returns partial data.
 */
export class ProtocolError extends TidelineError {
  readonly kafkaError: string;
  constructor(kafkaError: string, message: string, options?: { cause?: unknown }) {
    super('PROTOCOL_ERROR', message, options);
    this.kafkaError = kafkaError;
  }
}
