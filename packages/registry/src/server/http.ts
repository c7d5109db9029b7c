// The HTTP front: node:http with bounded request bodies, Confluent's content types, errors as
// {"error_code", "message"}, 404 for any unknown route (Confluent's JS client probes
// /associations/... and falls back only on 404), basic auth, request metrics, and writes forwarded
// to the primary when this instance is not it.
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Counter, Histogram, Registry as MetricsRegistry } from 'prom-client';
import { authenticate, authorize, authorized, type RegistryAuthOptions } from './auth.js';
import type { Election } from './election.js';
import { RegistryError, RegistryErrorCode } from './errors.js';
import { RawBody, ROUTES, type Route, type RouteContext } from './routes.js';
import type { RegistryService } from './service.js';

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const ACCEPTED_TYPES = new Set(['application/vnd.schemaregistry.v1+json', 'application/vnd.schemaregistry+json', 'application/json', 'application/octet-stream']);
/** Marks a request another instance forwarded here, so it is never forwarded twice. */
const FORWARDED_HEADER = 'x-tideline-registry-forwarded';
/** On an answer: the instance a write was forwarded to is not the primary (the forwarder retries). */
const NOT_PRIMARY_HEADER = 'x-tideline-registry-not-primary';

export interface HttpOptions {
  service: RegistryService;
  election: Election;
  maxBodyBytes: number;
  auth: RegistryAuthOptions | null;
  /** How long a write waits for a primary to be known before 50004. */
  primaryWaitMs: number;
  clusterId(): Promise<string>;
  /** Waits until this instance has read the topic to its end (after a forwarded write). */
  catchUp(): Promise<void>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

const compiled: CompiledRoute[] = ROUTES.map((route) => ({ route, segments: route.template.split('/').filter((s) => s !== '') }));

/** The route for a path; `methodMismatch` when the path exists with other methods. */
function match(method: string, path: string): { route: Route; params: Record<string, string> } | { methodMismatch: boolean } {
  const parts = path.split('/').filter((s) => s !== '');
  let mismatch = false;
  for (const c of compiled) {
    if (c.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = c.segments[i]!;
      if (seg.startsWith(':')) {
        try {
          params[seg.slice(1)] = decodeURIComponent(parts[i]!);
        } catch {
          ok = false;
        }
      } else if (seg !== parts[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
    if (c.route.method === method) return { route: c.route, params };
    mismatch = true;
  }
  return { methodMismatch: mismatch };
}

export function createMetrics(): { registry: MetricsRegistry; requests: Counter; latency: Histogram } {
  const registry = new MetricsRegistry();
  const requests = new Counter({
    name: 'tideline_registry_http_requests_total', help: 'Registry HTTP requests by route template, method and status',
    labelNames: ['route', 'method', 'status'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'tideline_registry_http_request_duration_seconds', help: 'Registry HTTP request latency by route template and method',
    labelNames: ['route', 'method'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  return { registry, requests, latency };
}

class BodyTooLarge extends Error {}
class PrimaryUnreachable extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > max) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, contentType = CONTENT_TYPE, close = false): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = { 'content-type': contentType, 'content-length': Buffer.byteLength(body) };
  if (close) headers['connection'] = 'close';
  res.writeHead(status, headers);
  res.end(body);
}

function sendError(res: ServerResponse, e: RegistryError, close = false): void {
  if (e.errorCode === RegistryErrorCode.UNAUTHORIZED && !res.headersSent) res.setHeader('www-authenticate', 'Basic realm="schema-registry"');
  send(res, e.status, JSON.stringify(e.toJSON()), CONTENT_TYPE, close);
}

export function createHttpServer(opts: HttpOptions): { server: Server; metrics: MetricsRegistry } {
  const m = createMetrics();
  const server = createServer({ maxHeaderSize: 64 * 1024, requestTimeout: 120_000, headersTimeout: 60_000, keepAliveTimeout: 30_000 }, (req, res) => {
    const started = process.hrtime.bigint();
    let template = 'unmatched';
    res.on('finish', () => {
      m.requests.inc({ route: template, method: req.method ?? '', status: String(res.statusCode) });
      m.latency.observe({ route: template, method: req.method ?? '' }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    const url = new URL(req.url ?? '/', 'http://registry');
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/metrics') {
      template = '/metrics';
      m.registry.metrics().then((text) => send(res, 200, text, m.registry.contentType), () => send(res, 500, ''));
      return;
    }
    const found = match(method, url.pathname);
    if (!('route' in found)) {
      req.resume();
      if (found.methodMismatch) sendError(res, new RegistryError('METHOD_NOT_ALLOWED', 'HTTP 405 Method Not Allowed'));
      else sendError(res, new RegistryError('NOT_FOUND', 'HTTP 404 Not Found'));
      return;
    }
    template = found.route.template;
    handle(opts, found.route, found.params, url, req, res).catch((e: unknown) => {
      const err = e instanceof RegistryError ? e : new RegistryError('INTERNAL', `Internal error: ${(e as Error)?.message ?? String(e)}`, { cause: e });
      sendError(res, err, e instanceof RegistryError && e.errorCode === RegistryErrorCode.PAYLOAD_TOO_LARGE);
    });
  });
  return { server, metrics: m.registry };
}

/** How many times one write is attempted across changes of the primary role before its error is answered. */
const MAX_TERM_RETRIES = 4;

async function handle(opts: HttpOptions, route: Route, params: Record<string, string>, url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const principal = opts.auth === null ? null : authenticate(opts.auth, req);
  const ct = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  let raw: Buffer;
  try {
    raw = await readBody(req, opts.maxBodyBytes);
  } catch (e) {
    if (e instanceof BodyTooLarge) throw new RegistryError('PAYLOAD_TOO_LARGE', `Request body larger than ${opts.maxBodyBytes} bytes`);
    throw e;
  }
  let body: unknown = null;
  if (raw.length > 0) {
    if (ct !== '' && !ACCEPTED_TYPES.has(ct)) throw new RegistryError('UNSUPPORTED_MEDIA_TYPE', `HTTP 415 Unsupported Media Type: ${ct}`);
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch (e) {
      throw new RegistryError('UNPROCESSABLE_ENTITY', `Unrecognized request body: ${(e as Error).message}`);
    }
  }

  if (route.write && !opts.election.isPrimary() && req.headers[FORWARDED_HEADER] !== undefined) {
    // Forwarded here by an instance that still thought we lead (a rebalance is moving the role):
    // never forward twice; tell it to look for the primary again.
    throw notPrimary(res, 'is not the primary');
  }
  if (route.write && !opts.election.isPrimary()) {
    // Not the primary: forward, waiting (up to primaryWaitMs) for one to be known and to answer,
    // so a write sent during a failover lands once the group has elected the next primary.
    if (await forwardToPrimary(opts, req, url, raw, res)) return;
  }

  const ctx: RouteContext = {
    params,
    query: url.searchParams,
    body,
    service: opts.service,
    authorize: (type, subject, op) => {
      if (opts.auth !== null) authorize(opts.auth, principal!, type, subject, op);
    },
    mayRead: (subject) => opts.auth === null || authorized(opts.auth, principal!, 'SUBJECT', subject, 'read'),
    secured: opts.auth !== null,
    clusterId: opts.clusterId,
  };
  let out: unknown;
  for (let attempt = 1; ; attempt++) {
    const term = opts.election.term();
    try {
      out = await route.handle(ctx);
      break;
    } catch (e) {
      // The primary role moved while this instance wrote (its writer is closed at demotion, and a
      // rebalance can demote and promote it again within one write): the write belongs to the
      // current term. Registry writes are idempotent (the same schema gets the same id), so asking
      // again is safe. Still or again the primary: write again with this term's writer. Not the
      // primary: a forwarder is told to look for the primary again; a client's own request is
      // forwarded from here.
      if (!route.write || opts.election.term() === term || attempt >= MAX_TERM_RETRIES) throw e;
      if (opts.election.isPrimary()) continue;
      if (req.headers[FORWARDED_HEADER] !== undefined) throw notPrimary(res, 'lost the primary role during the write');
      if (await forwardToPrimary(opts, req, url, raw, res)) return;
    }
  }
  if (out instanceof RawBody) {
    send(res, 200, out.text);
    return;
  }
  send(res, 200, out === null || out === undefined ? '' : JSON.stringify(out));
}

/** The answer to a forwarded write this instance cannot take: the forwarder looks for the primary again. */
function notPrimary(res: ServerResponse, why: string): RegistryError {
  res.setHeader(NOT_PRIMARY_HEADER, '1');
  return new RegistryError('REQUEST_FORWARDING_FAILED', `Error while forwarding the request to the primary: the receiving instance ${why}`);
}

/**
 * Forwards a write to the primary, waiting (up to primaryWaitMs) for one to be known and to answer.
 * True once answered; false when this instance became the primary meanwhile (it writes itself).
 */
async function forwardToPrimary(opts: HttpOptions, req: IncomingMessage, url: URL, raw: Buffer, res: ServerResponse): Promise<boolean> {
  const deadline = Date.now() + opts.primaryWaitMs;
  for (;;) {
    const primary = await opts.election.waitForPrimary(Math.max(0, deadline - Date.now()));
    if (opts.election.isPrimary()) return false;
    if (primary === null) throw new RegistryError('UNKNOWN_LEADER', 'Unknown leader: no primary is known for the registry group; retry later');
    try {
      await forward(primary, req, url, raw, res, opts.catchUp);
      return true;
    } catch (e) {
      if (!(e instanceof PrimaryUnreachable) || Date.now() >= deadline) {
        throw e instanceof PrimaryUnreachable ? new RegistryError('REQUEST_FORWARDING_FAILED', e.message, { cause: e }) : e;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Sends a write to the primary and relays its answer. */
async function forward(primary: string | null, req: IncomingMessage, url: URL, body: Buffer, res: ServerResponse, catchUp: () => Promise<void>): Promise<void> {

  if (primary === null) throw new RegistryError('UNKNOWN_LEADER', 'Unknown leader');
  const target = new URL(url.pathname + url.search, primary);
  const headers: Record<string, string> = { [FORWARDED_HEADER]: '1', 'content-length': String(body.length) };
  for (const h of ['content-type', 'accept', 'authorization']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  let sent = false;
  await new Promise<void>((resolve, reject) => {
    const out = httpRequest(target, { method: req.method, headers, timeout: 60_000 }, (up) => {
      const chunks: Buffer[] = [];
      up.on('data', (c: Buffer) => chunks.push(c));
      up.on('end', () => {
        const status = up.statusCode ?? 502;
        if (up.headers[NOT_PRIMARY_HEADER] !== undefined) {
          reject(new PrimaryUnreachable(`The instance at ${primary} is no longer the primary`));
          return;
        }
        const answer = (): void => {
          send(res, status, Buffer.concat(chunks).toString('utf8'), up.headers['content-type'] ?? CONTENT_TYPE);
          resolve();
        };
        // Read-your-writes here too: answer once our own reader has applied what the primary wrote.
        if (status >= 200 && status < 300) catchUp().then(answer, answer);
        else answer();
      });
      up.on('error', reject);
    });
    out.on('timeout', () => out.destroy(new Error('timed out')));
    out.on('error', (e: NodeJS.ErrnoException) => {
      const msg = `Error while forwarding the request to the primary at ${primary}: ${e.message}`;
      // Refused before anything was sent: safe to try again (the primary is gone or restarting).
      reject(e.code === 'ECONNREFUSED' || (e.code === 'ECONNRESET' && !sent) ? new PrimaryUnreachable(msg) : new RegistryError('REQUEST_FORWARDING_FAILED', msg, { cause: e }));
    });
    out.on('finish', () => (sent = true));
    out.end(body);
  });
}
