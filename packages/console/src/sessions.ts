// Sign-in: with it on, a visitor gives their own SASL username and password (the mechanism is the
// console's: PLAIN or SCRAM), the console verifies them by connecting to the cluster with them,
// and the session gets its own ConsoleContext built with those credentials, so the broker's ACLs
// decide what that user sees and does.
//
// A session is an in-memory entry keyed by the SHA-256 of a random 256-bit id. The id travels only
// in an HttpOnly, SameSite=Strict cookie; a second random token (CSRF) is handed to the page in the
// sign-in answer and must come back in the x-csrf-token header of every state-changing call.
// Sessions end on sign-out, after an idle time, or when the console stops; ending one closes its
// clients and aborts its running requests (scans, tails). Passwords are kept only inside the
// session's client options (the client needs them to re-authenticate) and never written anywhere.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ClusterOptions, SaslMechanism } from '@tideline/client';
import { createContext, type ConsoleContext } from './context.js';
import { API_ERRORS, ApiError, toApiError } from './errors.js';

export type SignInMechanism = Extract<SaslMechanism, 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512'>;
export const SIGN_IN_MECHANISMS: readonly SignInMechanism[] = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'];

export interface SignInOptions {
  /** The SASL mechanism users sign in with; default: the cluster options' own (security.sasl.mechanism). */
  mechanism?: SignInMechanism;
  /** A session unused this long ends (default 30 minutes). */
  idleTimeoutMs?: number;
  /** At most this many sessions at once; further sign-ins get 503 (default 200). */
  maxSessions?: number;
  /** Add `Secure` to the cookie (set it when the console is reached over HTTPS, e.g. behind a TLS proxy). */
  secureCookie?: boolean;
}

const MAX_FAILURES = 5;
const LOCK_MS = 30_000;
const MAX_TRACKED = 10_000;

/**
 * The cookie's name: `tideline_session_PORT`. Browsers do not separate cookies by port, so two
 * consoles on one host (two clusters) would otherwise sign each other's users out.
 */
export const sessionCookieName = (port: number): string => `tideline_session_${port}`;

export interface Session {
  readonly principal: string;
  readonly csrfToken: string;
  readonly ctx: ConsoleContext;
  /** Aborted when the session ends. */
  readonly signal: AbortSignal;
  lastUsed: number;
  /** Requests of the session in progress (a live tail keeps its session from idling out). */
  active: number;
}

interface Entry extends Session {
  abort: AbortController;
}

const hash = (id: string): string => createHash('sha256').update(id).digest('base64url');

function cookieValue(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (header === undefined) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

export class Sessions {
  readonly mechanism: SignInMechanism;
  private readonly idleMs: number;
  private readonly max: number;
  private readonly secure: boolean;
  private readonly byHash = new Map<string, Entry>();
  private readonly sweeper: ReturnType<typeof setInterval>;
  private pending = 0;
  /** Failed sign-ins per username: after MAX_FAILURES in a row, refused for LOCK_MS. Bounded. */
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  /** Set by the server once it listens (sessionCookieName of its port). */
  cookieName = sessionCookieName(0);

  constructor(private readonly cluster: ClusterOptions, private readonly urls: { registryUrl: string | null; metricsUrl: string | null; appMetricsUrls?: readonly string[] }, opts: SignInOptions) {
    const protocol = cluster.security?.protocol;
    if (protocol !== 'SASL_PLAINTEXT' && protocol !== 'SASL_SSL') {
      throw new ApiError('BAD_REQUEST', 'sign-in needs a SASL listener: set security.protocol=SASL_PLAINTEXT or SASL_SSL (and sasl.mechanism) in the client config');
    }
    const configured = cluster.security?.sasl?.mechanism;
    const m = opts.mechanism ?? (configured === undefined || configured === 'OAUTHBEARER' ? undefined : configured);
    if (m === undefined || !SIGN_IN_MECHANISMS.includes(m)) {
      throw new ApiError('BAD_REQUEST', `sign-in works with ${SIGN_IN_MECHANISMS.join(', ')}; set sasl.mechanism to one of them`);
    }
    this.mechanism = m;
    this.idleMs = opts.idleTimeoutMs ?? 30 * 60_000;
    this.max = opts.maxSessions ?? 200;
    this.secure = opts.secureCookie ?? false;
    this.sweeper = setInterval(() => this.sweep(), Math.min(60_000, Math.max(1000, this.idleMs / 2)));
    this.sweeper.unref();
  }

  get size(): number {
    return this.byHash.size;
  }

  /** Verifies the credentials by connecting with them (a metadata request); the new session and its cookie. */
  async signIn(username: string, password: string): Promise<{ session: Session; cookie: string }> {
    if (this.byHash.size + this.pending >= this.max) throw new ApiError('TOO_MANY_SESSIONS');
    const failed = this.failures.get(username);
    if (failed !== undefined && failed.lockedUntil > Date.now()) {
      throw new ApiError('TOO_MANY_ATTEMPTS', `${MAX_FAILURES} failed sign-ins in a row for this user; try again in ${Math.ceil((failed.lockedUntil - Date.now()) / 1000)} s`);
    }
    this.pending++;
    try {
      const security = { ...this.cluster.security!, sasl: { mechanism: this.mechanism, username, password } };
      const principal = `User:${username}`;
      const ctx = createContext({ ...this.cluster, security }, { ...this.urls, principal });
      try {
        await ctx.admin.describeCluster();
      } catch (e) {
        await ctx.close();
        const err = toApiError(e);
        if (err.code === 'BROKER_UNAVAILABLE') throw err;
        this.failed(username);
        // The broker's reason (e.g. SASL_AUTHENTICATION_FAILED: Authentication failed ...) names no secret.
        throw new ApiError('SIGN_IN_FAILED', `${API_ERRORS.SIGN_IN_FAILED.message}: ${err.message}`, err.details);
      }
      this.failures.delete(username);
      const id = randomBytes(32).toString('base64url');
      const abort = new AbortController();
      const entry: Entry = { principal, csrfToken: randomBytes(32).toString('base64url'), ctx, signal: abort.signal, abort, lastUsed: Date.now(), active: 0 };
      this.byHash.set(hash(id), entry);
      return { session: entry, cookie: this.cookie(id) };
    } finally {
      this.pending--;
    }
  }

  /** The request's live session (and marks it used), or null. */
  get(req: IncomingMessage): Session | null {
    const id = cookieValue(req, this.cookieName);
    if (id === null || id.length > 100) return null;
    const h = hash(id);
    const e = this.byHash.get(h);
    if (e === undefined) return null;
    const now = Date.now();
    if (e.active === 0 && now - e.lastUsed > this.idleMs) {
      void this.end(h);
      return null;
    }
    e.lastUsed = now;
    return e;
  }

  /** Throws CSRF_TOKEN_INVALID unless the request's x-csrf-token header is the session's token. */
  checkCsrf(req: IncomingMessage, s: Session): void {
    const sent = req.headers['x-csrf-token'];
    const a = Buffer.from(typeof sent === 'string' ? sent : '');
    const b = Buffer.from(s.csrfToken);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError('CSRF_TOKEN_INVALID');
  }

  /** Ends the request's session (if any); the cookie that clears it in the browser. */
  async signOut(req: IncomingMessage): Promise<string> {
    const id = cookieValue(req, this.cookieName);
    if (id !== null) await this.end(hash(id));
    return `${this.cookieName}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.secure ? '; Secure' : ''}`;
  }

  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.byHash.keys()].map((h) => this.end(h)));
  }

  private cookie(id: string): string {
    // No Max-Age: a browser-session cookie; the server ends idle sessions itself.
    return `${this.cookieName}=${id}; Path=/; HttpOnly; SameSite=Strict${this.secure ? '; Secure' : ''}`;
  }

  private failed(username: string): void {
    const f = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    this.failures.delete(username); // re-inserted last: the map's order is oldest failure first
    f.count++;
    if (f.count >= MAX_FAILURES) {
      f.count = 0;
      f.lockedUntil = Date.now() + LOCK_MS;
    }
    this.failures.set(username, f);
    if (this.failures.size > MAX_TRACKED) this.failures.delete(this.failures.keys().next().value!);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [h, e] of this.byHash) if (e.active === 0 && now - e.lastUsed > this.idleMs) void this.end(h);
  }

  private async end(h: string): Promise<void> {
    const e = this.byHash.get(h);
    if (e === undefined) return;
    this.byHash.delete(h);
    e.abort.abort();
    await e.ctx.close();
  }
}
