// Handler registry: each API's handler declares the versions it serves; ApiVersions is built from it.
import type { ApiTypes, RequestHeader } from '@tideline/protocol';
import type { Broker } from './broker-state.js';
import type { Session } from './security/types.js';
import type { SaslAuthenticator } from './security/authenticator.js';

/** Returned by a handler when no response is sent (Produce with acks=0). */
export const NO_RESPONSE: unique symbol = Symbol('no-response');

/**
 * A response may carry a function under this key: the server calls it once the response's bytes
 * have been written to the socket (never if the write fails or the connection closes first), so
 * buffers referenced by the response can be reused (Fetch: the log's pooled read buffers).
 */
export const AFTER_WRITE: unique symbol = Symbol('after-write');

/** Attaches `fn` to `response` under AFTER_WRITE (see there). */
export function afterWrite<T extends object>(response: T, fn: () => void): T {
  return Object.assign(response, { [AFTER_WRITE]: fn });
}

export interface ConnectionInfo {
  readonly id: number;
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** Set when the connection closes; long-polling handlers stop waiting. */
  readonly closed: AbortSignal;
  /** Listener, protocol and principal of this connection (User:ANONYMOUS until authenticated). */
  readonly session: Session;
  /**
   * Mutes the connection for `ms` (KIP-219): no further request of it is read or handled until
   * then. Responses carrying throttleTimeMs > 0 do this by themselves; a request without a
   * response (Produce acks=0) calls it.
   */
  throttle(ms: number): void;
  /** The SASL state machine on SASL listeners (absent elsewhere: SaslHandshake is then out of place). */
  readonly sasl?: SaslAuthenticator;
}

export interface RequestContext {
  readonly broker: Broker;
  readonly connection: ConnectionInfo;
  readonly header: RequestHeader;
  readonly apiVersion: number;
}

export type HandlerResult<K extends keyof ApiTypes> = ApiTypes[K]['responseInput'] | typeof NO_RESPONSE;

export interface Handler<K extends keyof ApiTypes = keyof ApiTypes> {
  readonly apiKey: K;
  /** Versions served; advertised in ApiVersions. */
  readonly minVersion: number;
  readonly maxVersion: number;
  handle(request: ApiTypes[K]['request'], ctx: RequestContext): HandlerResult<K> | Promise<HandlerResult<K>>;
}

export function defineHandler<K extends keyof ApiTypes>(h: Handler<K>): Handler<K> {
  return h;
}

export class HandlerRegistry {
  private readonly byKey = new Map<number, Handler>();

  register(...handlers: Handler<never>[]): this {
    for (const h of handlers as unknown as Handler[]) {
      if (this.byKey.has(h.apiKey)) throw new Error(`handler for api key ${h.apiKey} registered twice`);
      this.byKey.set(h.apiKey, h);
    }
    return this;
  }

  get(apiKey: number): Handler | undefined {
    return this.byKey.get(apiKey);
  }

  supports(apiKey: number, version: number): boolean {
    const h = this.byKey.get(apiKey);
    return h !== undefined && version >= h.minVersion && version <= h.maxVersion;
  }

  /** Served versions, sorted by api key (the ApiVersions answer). */
  list(): Array<{ apiKey: number; minVersion: number; maxVersion: number }> {
    return [...this.byKey.values()]
      .map((h) => ({ apiKey: h.apiKey, minVersion: h.minVersion, maxVersion: h.maxVersion }))
      .sort((a, b) => a.apiKey - b.apiKey);
  }
}
