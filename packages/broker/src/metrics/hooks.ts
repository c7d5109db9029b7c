// What the data path tells the metrics, behind a narrow interface so handlers and the server do
// not import prom-client. `broker.metrics` is undefined when metrics are off: every call site is
// `broker.metrics?.x(...)` (or one `if`), so a broker without metrics pays one property read.

/** Times of one request, from performance.now() (milliseconds). */
export interface RequestTiming {
  readonly apiKey: number;
  /** When the frame's last bytes arrived (the connection's latest 'data' event). */
  readonly receivedAt: number;
  /** When its handler started. */
  readonly startedAt: number;
  /** When the handler's answer was ready (encoded); 0 until then. */
  localDoneAt: number;
}

export interface BrokerMetricsHooks {
  /** Records appended to a topic (after the append succeeded). */
  produced(topic: string, bytes: number, records: number): void;
  /** Whole batches sent to a consumer or follower from a topic. */
  fetched(topic: string, records: Buffer): void;
  /** A request's handler returned `response` (walked for error codes); null: it failed or has no response. */
  requestAnswered(t: RequestTiming, response: unknown): void;
  /** The response's bytes were handed to the socket. */
  responseSent(t: RequestTiming): void;
  /** A handler threw: the connection closes. */
  requestFailed(apiKey: number): void;
  /** A SASL exchange ended. */
  authentication(listener: string, mechanism: string, ok: boolean): void;
  /** Produce requests with acks=-1 waiting for their group commit (the produce purgatory). */
  durableProduceWaiting(delta: 1 | -1): void;
}
