// The HTTP plumbing: a route table (method + path pattern → handler), request helpers that
// bounds-check what they read, and the JSON / error writers. Handlers throw ApiError for client
// mistakes; anything else is mapped by toApiError (Kafka errors by name, an unreachable broker 503).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsoleContext } from './context.js';
import { ApiError, toApiError } from './errors.js';

export interface RequestContext {
  /**
   * The cluster as this request's user: the signed-in session's context (its Admin, Producer and
   * cluster options carry that user's SASL credentials) or, without sign-in, the console's one.
   * Handlers use only this one, never a context captured when the routes were built.
   */
  ctx: ConsoleContext;
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Aborted when the client goes away (a closed tab, a cancelled scan). */
  signal: AbortSignal;
}

/** A handler returns a JSON-able value (written with 200), or undefined after writing the response itself. */
export type Handler = (ctx: RequestContext) => Promise<unknown>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  handler: Handler;
  /** One line for docs/console.md and GET /api. */
  summary: string;
  /**
   * With sign-in on, routes need a signed-in session unless `public` (the sign-in routes and the
   * route list); a public route gets the session's context if there is one, else one whose
   * clients throw SIGN_IN_REQUIRED.
   */
  public?: boolean;
}

interface CompiledRoute extends Route {
  re: RegExp;
  names: string[];
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(routes: readonly Route[]): void {
    for (const r of routes) {
      const names: string[] = [];
      const re = new RegExp('^' + r.path.replace(/:([a-zA-Z]+)/g, (_m, n: string) => {
        names.push(n);
        return '([^/]+)';
      }) + '$');
      this.routes.push({ ...r, re, names });
    }
  }

  list(): ReadonlyArray<Pick<Route, 'method' | 'path' | 'summary'>> {
    return this.routes.map(({ method, path, summary }) => ({ method, path, summary }));
  }

  match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const r of this.routes) {
      const m = r.re.exec(path);
      if (m === null) continue;
      pathMatched = true;
      if (r.method !== method && !(method === 'HEAD' && r.method === 'GET')) continue;
      const params: Record<string, string> = {};
      for (let i = 0; i < r.names.length; i++) {
        try {
          params[r.names[i]!] = decodeURIComponent(m[i + 1]!);
        } catch {
          throw new ApiError('BAD_REQUEST', `path segment is not valid percent-encoding: ${m[i + 1]}`);
        }
      }
      return { route: r, params };
    }
    return pathMatched ? 'method' : null;
  }
}

/** JSON with bigint written as decimal strings (offsets do not fit a double). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = toJson(value);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function sendError(res: ServerResponse, e: unknown): void {
  const err = toApiError(e);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, err.status, { error: { code: err.code, message: err.message, ...(err.details ?? {}) } });
}

/** Reads a JSON object body of at most `limit` bytes. */
export async function readJson(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new ApiError('PAYLOAD_TOO_LARGE', `request body is ${declared} bytes; the limit is ${limit}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError('PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new ApiError('BAD_REQUEST', `body is not JSON: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ApiError('BAD_REQUEST', 'body must be a JSON object');
  return v as Record<string, unknown>;
}

// Field readers: each names the field in its error so a script author knows what to fix.

export function optInt(v: unknown, name: string, min: number, max: number): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'string' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new ApiError('BAD_REQUEST', `${name} must be an integer from ${min} to ${max}`);
  return n;
}

export function reqInt(v: unknown, name: string, min: number, max: number): number {
  const n = optInt(v, name, min, max);
  if (n === undefined) throw new ApiError('BAD_REQUEST', `${name} is required`);
  return n;
}

/** A non-negative offset as bigint (JSON numbers or decimal strings). */
export function optOffset(v: unknown, name: string): bigint | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v === 'string' && /^\d{1,19}$/.test(v)) {
    const b = BigInt(v);
    if (b <= 0x7fffffffffffffffn) return b;
  }
  throw new ApiError('BAD_REQUEST', `${name} must be a non-negative integer offset`);
}

export function optString(v: unknown, name: string, maxLength = 1 << 16): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ApiError('BAD_REQUEST', `${name} must be a string`);
  if (v.length > maxLength) throw new ApiError('BAD_REQUEST', `${name} is longer than ${maxLength} characters`);
  return v;
}

export function reqString(v: unknown, name: string, maxLength = 1 << 16): string {
  const s = optString(v, name, maxLength);
  if (s === undefined || s === '') throw new ApiError('BAD_REQUEST', `${name} is required`);
  return s;
}

export function optBool(v: unknown, name: string): boolean | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new ApiError('BAD_REQUEST', `${name} must be true or false`);
}

export function optStringMap(v: unknown, name: string): Record<string, string> | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new ApiError('BAD_REQUEST', `${name} must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val !== 'string') throw new ApiError('BAD_REQUEST', `${name}.${k} must be a string`);
    out[k] = val;
  }
  return out;
}

export function oneOf<T extends string>(v: unknown, name: string, allowed: readonly T[], dflt: T): T {
  if (v === undefined || v === null || v === '') return dflt;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new ApiError('BAD_REQUEST', `${name} must be one of ${allowed.join(', ')}`);
  return v as T;
}

export { toApiError };
