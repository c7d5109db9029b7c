// The console API's errors as data: a stable code, the HTTP status and a default message. Every
// error the API answers is `{ "error": { "code", "message" } }`; docs/console.md lists the codes.
import { ClientError, ClientErrorCode, ErrorCode, KafkaError } from '@tideline/client';

export const API_ERRORS = {
  NOT_FOUND: { status: 404, message: 'no such route' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'method not allowed on this route' },
  BAD_REQUEST: { status: 400, message: 'bad request' },
  BAD_FILTER: { status: 400, message: 'the filter does not parse' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'request body too large' },
  UNKNOWN_TOPIC: { status: 404, message: 'no such topic' },
  UNKNOWN_GROUP: { status: 404, message: 'no such group' },
  UNKNOWN_RECORD: { status: 404, message: 'no record at that offset' },
  CONFLICT: { status: 409, message: 'conflict' },
  SIGN_IN_REQUIRED: { status: 401, message: 'sign in first: POST /api/session' },
  SIGN_IN_FAILED: { status: 401, message: 'the broker did not accept these credentials' },
  CSRF_TOKEN_INVALID: { status: 403, message: 'state-changing calls need the x-csrf-token header of the session' },
  TOO_MANY_SESSIONS: { status: 503, message: 'too many signed-in sessions; try again later' },
  TOO_MANY_ATTEMPTS: { status: 429, message: 'too many failed sign-ins for this user; wait and try again' },
  FORBIDDEN: { status: 403, message: 'the broker refused the operation' },
  KAFKA_ERROR: { status: 422, message: 'the broker refused the request' },
  BROKER_UNAVAILABLE: { status: 503, message: 'the broker cannot be reached' },
  METRICS_UNAVAILABLE: { status: 502, message: 'the metrics endpoint cannot be read' },
  REGISTRY_NOT_CONFIGURED: { status: 404, message: 'the console has no schema registry (--registry URL)' },
  UNKNOWN_SUBJECT: { status: 404, message: 'no such subject or version in the registry' },
  UNKNOWN_SCHEMA: { status: 404, message: 'no such schema in the registry' },
  INCOMPATIBLE_SCHEMA: { status: 409, message: 'the schema is incompatible with the subject' },
  REGISTRY_ERROR: { status: 422, message: 'the registry refused the request' },
  REGISTRY_UNAVAILABLE: { status: 502, message: 'the schema registry cannot be reached' },
  INTERNAL: { status: 500, message: 'internal error' },
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ApiErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? API_ERRORS[code].message);
    this.code = code;
    this.status = API_ERRORS[code].status;
    this.details = details;
  }
}

const CONFLICTS = new Set<number>([ErrorCode.TOPIC_ALREADY_EXISTS, ErrorCode.NON_EMPTY_GROUP, ErrorCode.GROUP_SUBSCRIBED_TO_TOPIC, ErrorCode.REBALANCE_IN_PROGRESS, ErrorCode.UNKNOWN_MEMBER_ID]);
const NOT_FOUND_TOPIC = new Set<number>([ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.UNKNOWN_TOPIC_ID]);
const NOT_FOUND_GROUP = new Set<number>([ErrorCode.GROUP_ID_NOT_FOUND]);
const FORBIDDEN = new Set<number>([
  ErrorCode.TOPIC_AUTHORIZATION_FAILED, ErrorCode.GROUP_AUTHORIZATION_FAILED, ErrorCode.CLUSTER_AUTHORIZATION_FAILED, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
  ErrorCode.DELEGATION_TOKEN_AUTHORIZATION_FAILED, ErrorCode.SASL_AUTHENTICATION_FAILED,
]);
const UNAVAILABLE_CLIENT = new Set<string>([ClientErrorCode.CONNECTION_ERROR, ClientErrorCode.REQUEST_TIMEOUT, ClientErrorCode.RETRIES_EXHAUSTED, ClientErrorCode.TLS_HANDSHAKE_FAILED]);

/** Maps anything thrown by a handler onto an ApiError: Kafka errors by name, connection failures as 503. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof KafkaError) {
    const details = { kafkaError: e.code };
    if (NOT_FOUND_TOPIC.has(e.errorCode)) return new ApiError('UNKNOWN_TOPIC', e.message, details);
    if (NOT_FOUND_GROUP.has(e.errorCode)) return new ApiError('UNKNOWN_GROUP', e.message, details);
    if (CONFLICTS.has(e.errorCode)) return new ApiError('CONFLICT', e.message, details);
    if (FORBIDDEN.has(e.errorCode)) return new ApiError('FORBIDDEN', e.message, details);
    if (e.retriable) return new ApiError('BROKER_UNAVAILABLE', e.message, details);
    return new ApiError('KAFKA_ERROR', e.message, details);
  }
  if (e instanceof ClientError) {
    if (e.code === ClientErrorCode.RETRIES_EXHAUSTED && e.cause instanceof KafkaError) return toApiError(e.cause);
    if (UNAVAILABLE_CLIENT.has(e.code) || e.retriable) return new ApiError('BROKER_UNAVAILABLE', `${API_ERRORS.BROKER_UNAVAILABLE.message}: ${e.message}`);
    if (e.code === ClientErrorCode.INVALID_ARGUMENT) return new ApiError('BAD_REQUEST', e.message);
    if (e.code === ClientErrorCode.INVALID_STATE) return new ApiError('CONFLICT', e.message);
    if (e.code === ClientErrorCode.AUTHENTICATION_FAILED) return new ApiError('FORBIDDEN', e.message);
  }
  return new ApiError('INTERNAL', e instanceof Error ? e.message : String(e));
}
