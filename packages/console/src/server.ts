// The console's HTTP server (node:http): /api/* is the JSON API (routes in api/*.ts), anything
// else is the built front-end from dist/web, with index.html for the app's own paths (deep links).
//
// Limits and guards: request bodies are capped per route; a state-changing call must carry
// `content-type: application/json` and, when the browser sends one, an Origin equal to the
// console's own (a cross-site form or fetch cannot pass both). With sign-in (sessions.ts) every
// route but the public ones needs a session cookie, runs with that session's context, and a
// state-changing call must also carry the session's x-csrf-token header. Unknown API routes are 404,
// unknown methods 405, client mistakes 400, an unreachable broker 503; nothing answers 500 but a
// bug.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClusterOptions } from '@tideline/client';
import { createContext, signedOutContext, type ConsoleContext } from './context.js';
import { ApiError } from './errors.js';
import { Router, sendError, sendJson } from './http.js';
import { sessionCookieName, Sessions, type Session, type SignInOptions } from './sessions.js';
import { securityRoutes } from './api/security.js';
import { sessionRoutes } from './api/session.js';
import { groupRoutes } from './api/groups.js';
import { messageRoutes } from './api/messages.js';
import { overviewRoutes } from './api/overview.js';
import { scanRoutes } from './api/scan.js';
import { schemaRoutes } from './api/schemas.js';
import { topicRoutes } from './api/topics.js';
import { dlqRoutes } from './api/dlq.js';
import { opsRoutes } from './api/ops.js';
import { streamsRoutes } from './api/streams.js';

export interface ConsoleOptions {
  /** How to reach the cluster (bootstrap, security, client id...). */
  cluster: ClusterOptions;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  registryUrl?: string | null;
  metricsUrl?: string | null;
  /** Prometheus endpoints of applications (streams, DLQ monitors) for the operations pages. */
  appMetricsUrls?: readonly string[];
  /** The built front-end; default: this package's dist/web. */
  webDir?: string;
  /**
   * Sign-in: users sign in with their own SASL credentials and act as their own principal. Needs
   * a SASL security protocol in `cluster.security`; its sasl username/password, if any, are not used.
   * true: the defaults of SignInOptions.
   */
  signIn?: boolean | SignInOptions;
}

export interface ConsoleServer {
  /** `http://host:port/` */
  url: string;
  port: number;
  routes: ReadonlyArray<{ method: string; path: string; summary: string }>;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.map': 'application/json',
};
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'",
};

export function defaultWebDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'web');
}

export function buildRouter(sessions: Sessions | null): Router {
  const router = new Router();
  router.add(sessionRoutes(sessions));
  router.add(overviewRoutes());
  router.add(topicRoutes());
  router.add(messageRoutes());
  router.add(scanRoutes());
  router.add(opsRoutes()); // before groupRoutes: /api/groups/status would match /api/groups/:group
  router.add(groupRoutes());
  router.add(dlqRoutes());
  router.add(streamsRoutes());
  router.add(schemaRoutes());
  router.add(securityRoutes());
  router.add([{ method: 'GET', path: '/api', summary: 'this list of routes', public: true, handler: async () => ({ routes: router.list() }) }]);
  return router;
}

export async function startConsole(opts: ConsoleOptions): Promise<ConsoleServer> {
  const cluster: ClusterOptions = { connectTimeoutMs: 3000, retries: 3, retryBackoffMaxMs: 1000, clientId: 'tideline-console', ...opts.cluster };
  const urls = { registryUrl: opts.registryUrl ?? null, metricsUrl: opts.metricsUrl ?? null, appMetricsUrls: opts.appMetricsUrls ?? [] };
  const sessions = opts.signIn === undefined || opts.signIn === false ? null : new Sessions(cluster, urls, opts.signIn === true ? {} : opts.signIn);
  // Without sign-in, one context for every request; with it, none outside a session.
  const shared: ConsoleContext = sessions === null ? createContext(cluster, urls) : signedOutContext(urls);
  const router = buildRouter(sessions);
  const webDir = opts.webDir ?? defaultWebDir();
  const sockets = new Set<import('node:net').Socket>();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => sendError(res, e));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 0; // scans and tails stream for as long as the client wants

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    const url = new URL(req.url ?? '/', 'http://console.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === '/api' || path.startsWith('/api/')) {
      const m = router.match(method, path);
      if (m === null) throw new ApiError('NOT_FOUND', `no route ${method} ${path}; GET /api lists them`);
      if (m === 'method') throw new ApiError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
      const changing = method !== 'GET' && method !== 'HEAD';
      if (changing) checkStateChanging(req);
      let ctx = shared;
      let session: Session | null = null;
      if (sessions !== null) {
        const s = sessions.get(req);
        if (s === null && m.route.public !== true) throw new ApiError('SIGN_IN_REQUIRED');
        if (s !== null) {
          if (changing) sessions.checkCsrf(req, s);
          ctx = s.ctx;
          session = s;
        }
      }
      const abort = new AbortController();
      const onClose = (): void => {
        if (!res.writableFinished) abort.abort();
      };
      res.on('close', onClose);
      const signal = session === null ? abort.signal : AbortSignal.any([abort.signal, session.signal]);
      if (session !== null) session.active++;
      try {
        const out = await m.route.handler({ ctx, req, res, params: m.params, query: url.searchParams, signal });
        if (out !== undefined && !res.headersSent) sendJson(res, 200, out);
      } finally {
        res.off('close', onClose);
        if (session !== null) {
          session.active--;
          session.lastUsed = Date.now();
        }
      }
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') throw new ApiError('METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`);
    await serveStatic(webDir, path, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  if (sessions !== null) sessions.cookieName = sessionCookieName(port);
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    routes: router.list(),
    async close() {
      const closed = new Promise<void>((r) => server.close(() => r()));
      for (const s of sockets) s.destroy();
      await closed;
      await Promise.all([shared.close(), sessions?.closeAll()]);
    },
  };
}

function checkStateChanging(req: IncomingMessage): void {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new ApiError('BAD_REQUEST', 'state-changing calls must send content-type: application/json');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new ApiError('FORBIDDEN', `bad Origin ${origin}`);
    }
    if (host !== req.headers.host) throw new ApiError('FORBIDDEN', `cross-origin call from ${origin} refused`);
  }
}

async function serveStatic(webDir: string, path: string, res: ServerResponse): Promise<void> {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(path)).replace(/^([/\\])+/, '');
  } catch {
    throw new ApiError('BAD_REQUEST', 'bad path');
  }
  if (rel.split(sep).includes('..')) throw new ApiError('NOT_FOUND', 'no such file');
  const ext = extname(rel);
  // App paths (no extension) get the index: the front-end routes them (deep links).
  const file = rel === '' || ext === '' ? join(webDir, 'index.html') : join(webDir, rel);
  const st = await stat(file).catch(() => null);
  if (st === null || !st.isFile()) {
    if (file.endsWith('index.html')) throw new ApiError('NOT_FOUND', 'the front-end is not built: run npm run build');
    throw new ApiError('NOT_FOUND', `no file ${path}`);
  }
  const body = await readFile(file);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': body.length,
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300',
  });
  res.end(body);
}
