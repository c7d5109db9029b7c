// Application errors of @tideline/streams: one class, a stable code, an optional cause.

export type StreamsErrorCode =
  | 'INVALID_TOPOLOGY'
  | 'MISSING_SERDE'
  | 'UNKNOWN_STORE'
  | 'COPARTITIONING'
  | 'MISSING_TOPIC'
  | 'INVALID_STATE'
  | 'PROCESSING';

export class StreamsError extends Error {
  override readonly name = 'StreamsError';
  constructor(readonly code: StreamsErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
