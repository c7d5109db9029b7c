// Application errors of @tideline/streams: one class, a stable code, an optional cause.
import { TidelineError } from '@tideline/protocol';

/** Every error code (docs/streams.md lists them; a test keeps the two in sync). */
export const STREAMS_ERROR_CODES = ['INVALID_TOPOLOGY', 'MISSING_SERDE', 'UNKNOWN_STORE', 'COPARTITIONING', 'MISSING_TOPIC', 'INVALID_STATE', 'PROCESSING'] as const;

export type StreamsErrorCode = (typeof STREAMS_ERROR_CODES)[number];

export class StreamsError extends TidelineError {
  override readonly name = 'StreamsError';
  declare readonly code: StreamsErrorCode;
  constructor(code: StreamsErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
