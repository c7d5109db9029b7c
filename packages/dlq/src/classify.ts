// Error classification: which failures are worth retrying.
import { TidelineError } from '@tideline/protocol';

/** The codes of the DLQ's own errors (docs/dlq.md lists them; a test keeps the two in sync). */
export const DLQ_ERROR_CODES = ['DEAD_LETTER', 'RETRY_LATER'] as const;
export type DlqErrorCode = (typeof DLQ_ERROR_CODES)[number];

/** Thrown by a handler to send the record to the dead-letter topic at once (class `permanent`). */
export class DeadLetter extends TidelineError {
  override readonly name: string = 'DeadLetter';
  declare readonly code: 'DEAD_LETTER';
  constructor(message: string, options?: { cause?: unknown }) {
    super('DEAD_LETTER', message, options);
  }
}

/** Thrown by a handler to ask for a retry whatever the classifier says (class `transient`). */
export class RetryLater extends TidelineError {
  override readonly name: string = 'RetryLater';
  declare readonly code: 'RETRY_LATER';
  constructor(message: string, options?: { cause?: unknown }) {
    super('RETRY_LATER', message, options);
  }
}

export type FailureClass = 'transient' | 'permanent';

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EHOSTUNREACH',
  'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND', 'EADDRINUSE', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ABORT_ERR',
]);
const TRANSIENT_NAMES = new Set(['TimeoutError', 'AbortError', 'RetryLater', 'FetchError', 'ConnectionError', 'NetworkError']);
const PERMANENT_NAMES = new Set(['SyntaxError', 'TypeError', 'RangeError', 'ValidationError', 'ZodError', 'ParseError', 'DeadLetter']);
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
const TRANSIENT_TEXT = /\b(time[d ]?out|timed out|rate.?limit|too many requests|throttl|temporarily unavailable|connection (refused|reset|closed)|socket hang up|econnreset|service unavailable)\b/i;

function field(e: object, k: string): unknown {
  return (e as Record<string, unknown>)[k];
}

/**
 * The default classifier. Transient: timeouts, rate limits (HTTP 429, 503), connection errors
 * (ECONNRESET and friends), `RetryLater`, and errors marked `retriable: true` (our client's
 * KafkaError). Permanent: `DeadLetter`, parse and validation errors (SyntaxError, TypeError,
 * RangeError, names ending in ValidationError/ParseError), and anything not recognised.
 */
export function defaultClassify(err: unknown): FailureClass {
  if (err instanceof DeadLetter) return 'permanent';
  if (err instanceof RetryLater) return 'transient';
  if (typeof err !== 'object' || err === null) return 'permanent';
  const name = field(err, 'name');
  if (typeof name === 'string') {
    if (PERMANENT_NAMES.has(name) || /(Validation|Parse)Error$/.test(name)) return 'permanent';
    if (TRANSIENT_NAMES.has(name) || /Timeout/.test(name)) return 'transient';
  }
  if (field(err, 'retriable') === true || field(err, 'retryable') === true) return 'transient';
  const code = field(err, 'code');
  if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return 'transient';
  const status = field(err, 'status') ?? field(err, 'statusCode');
  if (typeof status === 'number' && TRANSIENT_STATUS.has(status)) return 'transient';
  const message = field(err, 'message');
  if (typeof message === 'string' && TRANSIENT_TEXT.test(message)) return 'transient';
  const cause = field(err, 'cause');
  if (cause !== undefined && cause !== err) {
    if (defaultClassify(cause) === 'transient') return 'transient';
  }
  return 'permanent';
}
