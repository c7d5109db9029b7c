// Client errors. Every error the client raises is a TidelineError (stable string `code`, optional
// `cause`). Broker error codes become KafkaError, which keeps the Kafka name, numeric code,
// retriable flag (from the generated KAFKA_ERRORS table) and the topic/partition concerned.
import { ErrorCode, KAFKA_ERRORS, TidelineError, type KafkaErrorInfo } from '@tideline/protocol';

const BY_CODE = new Map<number, KafkaErrorInfo>(KAFKA_ERRORS.map((e) => [e.code, e]));

export interface KafkaErrorContext {
  topic?: string;
  partition?: number;
  /** Which broker answered, as `nodeId@host:port` (or the bootstrap address). */
  broker?: string;
  /** The broker's error message, when the response carries one. */
  message?: string | null;
}

/** An error code returned by a broker. `code` is the Kafka error name, e.g. `NOT_LEADER_OR_FOLLOWER`. */
export class KafkaError extends TidelineError {
  readonly errorCode: number;
  readonly retriable: boolean;
  readonly topic: string | undefined;
  readonly partition: number | undefined;
  readonly broker: string | undefined;

  constructor(errorCode: number, ctx: KafkaErrorContext = {}, options?: { cause?: unknown }) {
    const info = BY_CODE.get(errorCode);
    const name = info?.name ?? `UNKNOWN_ERROR_CODE_${errorCode}`;
    const where = ctx.topic === undefined ? '' : ` (${ctx.topic}${ctx.partition === undefined ? '' : `/${ctx.partition}`})`;
    const from = ctx.broker === undefined ? '' : ` from ${ctx.broker}`;
    const detail = ctx.message === undefined || ctx.message === null || ctx.message === '' ? '' : `: ${ctx.message}`;
    super(name, `${name}${where}${from}${detail}`, options);
    this.errorCode = errorCode;
    this.retriable = info?.retriable ?? false;
    this.topic = ctx.topic;
    this.partition = ctx.partition;
    this.broker = ctx.broker;
  }
}

/** Throws a KafkaError when `errorCode` is not NONE. */
export function checkError(errorCode: number, ctx?: KafkaErrorContext): void {
  if (errorCode !== ErrorCode.NONE) throw new KafkaError(errorCode, ctx);
}

export const kafkaErrorInfo = (code: number): KafkaErrorInfo | undefined => BY_CODE.get(code);

/** Client-side error codes (not broker error codes). */
export const ClientErrorCode = {
  /** The TCP connection failed, closed or errored; `retriable`. */
  CONNECTION_ERROR: 'CONNECTION_ERROR',
  /** No response within the request timeout; the connection is closed. */
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  /** No version of an API is supported by both the client and the broker. */
  UNSUPPORTED_VERSION: 'CLIENT_UNSUPPORTED_VERSION',
  /** The client (producer, consumer, admin) was closed. */
  CLOSED: 'CLIENT_CLOSED',
  /** Invalid argument or configuration. */
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  /** An operation that the client's state does not allow (e.g. send outside a transaction). */
  INVALID_STATE: 'INVALID_STATE',
  /** A SASL exchange failed on the client's side (e.g. the broker's SCRAM signature did not match); not retriable. */
  AUTHENTICATION_FAILED: 'AUTHENTICATION_FAILED',
  /** The TLS handshake failed (certificate not trusted, wrong host name, client certificate refused); not retriable. */
  TLS_HANDSHAKE_FAILED: 'TLS_HANDSHAKE_FAILED',
  /** Retries exhausted; `cause` is the last error. */
  RETRIES_EXHAUSTED: 'RETRIES_EXHAUSTED',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** A client-side failure (connection, timeout, version negotiation, closed client, bad argument). */
export class ClientError extends TidelineError {
  readonly retriable: boolean;
  readonly broker: string | undefined;
  constructor(code: ClientErrorCode, message: string, opts: { broker?: string; retriable?: boolean; cause?: unknown } = {}) {
    super(code, message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.retriable = opts.retriable ?? false;
    this.broker = opts.broker;
  }
}

/** True for errors worth retrying after a backoff (retriable Kafka codes, connection failures, timeouts). */
export function isRetriable(e: unknown): boolean {
  return (e instanceof KafkaError || e instanceof ClientError) && e.retriable;
}

/**
 * Error codes after which the client refreshes its metadata before retrying: Kafka's
 * InvalidMetadataException family (the table's `invalidMetadata` flag), plus two outside it that
 * this client has always refreshed on (Kafka's own client retries those without a refresh).
 */
const STALE_METADATA = new Set<number>([
  ...KAFKA_ERRORS.filter((e) => e.invalidMetadata).map((e) => e.code),
  ErrorCode.UNKNOWN_LEADER_EPOCH,
  ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR,
]);
export function needsMetadataRefresh(e: unknown): boolean {
  if (e instanceof KafkaError) return STALE_METADATA.has(e.errorCode);
  return e instanceof ClientError && e.code === ClientErrorCode.CONNECTION_ERROR;
}
