// The API client: JSON calls that raise ApiFailure with the server's error, and the broker status.
// A 503 marks the broker down; a poll of /api/health brings it back and bumps `epoch`, which
// every page's data hook depends on, so the page reloads itself when the broker returns.
import { useEffect, useState } from 'preact/hooks';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

type Listener = () => void;
export const brokerStatus = { down: false, message: '', epoch: 0 };
const listeners = new Set<Listener>();
let polling: ReturnType<typeof setInterval> | null = null;

function notify(): void {
  for (const l of listeners) l();
}

function markDown(message: string): void {
  if (!brokerStatus.down) {
    brokerStatus.down = true;
    brokerStatus.message = message;
    notify();
  }
  polling ??= setInterval(() => {
    fetch('/api/health', { headers: { accept: 'application/json' } }).then((r) => {
      if (r.ok) {
        if (polling !== null) clearInterval(polling);
        polling = null;
        brokerStatus.down = false;
        brokerStatus.message = '';
        brokerStatus.epoch++;
        notify();
      }
    }).catch(() => undefined);
  }, 1500);
}

export function useBrokerStatus(): typeof brokerStatus {
  const [, set] = useState(0);
  useEffect(() => {
    const l = (): void => set((n) => n + 1);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return brokerStatus;
}

/**
 * Sign-in state (GET /api/session). With sign-in on, the CSRF token of the session is kept here
 * (in memory only) and sent as x-csrf-token on every state-changing call; a 401 SIGN_IN_REQUIRED
 * (the session ended: signed out elsewhere, idle, console restarted) shows the sign-in form again.
 */
export const session: { loaded: boolean; signIn: boolean; mechanism: string | null; user: string | null; csrfToken: string | null } = {
  loaded: false, signIn: false, mechanism: null, user: null, csrfToken: null,
};
const sessionListeners = new Set<Listener>();

export function setSession(s: { signIn: boolean; mechanism: string | null; user: string | null; csrfToken: string | null }): void {
  Object.assign(session, s, { loaded: true });
  for (const l of sessionListeners) l();
}

export function useSession(): typeof session {
  const [, set] = useState(0);
  useEffect(() => {
    const l = (): void => set((n) => n + 1);
    sessionListeners.add(l);
    return () => void sessionListeners.delete(l);
  }, []);
  return session;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  let res: Response;
  try {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && session.csrfToken !== null) headers['x-csrf-token'] = session.csrfToken;
    res = await fetch(path, {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      ...(init.signal === undefined ? {} : { signal: init.signal }),
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    markDown('the console server cannot be reached');
    throw new ApiFailure(0, 'CONSOLE_UNAVAILABLE', 'the console server cannot be reached');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    const f = new ApiFailure(res.status, err?.code ?? 'HTTP_' + res.status, err?.message ?? `${res.status} ${res.statusText}`);
    if (res.status === 503) markDown(f.message);
    if (f.code === 'SIGN_IN_REQUIRED' && session.user !== null) setSession({ signIn: true, mechanism: session.mechanism, user: null, csrfToken: null });
    throw f;
  }
  return body as T;
}

export interface Loaded<T> {
  data: T | null;
  error: ApiFailure | null;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (null: nothing) when it changes, when reload() is called and when the broker comes back. */
export function useApi<T>(path: string | null): Loaded<T> {
  const status = useBrokerStatus();
  const [n, setN] = useState(0);
  const [state, setState] = useState<{ data: T | null; error: ApiFailure | null; loading: boolean }>({ data: null, error: null, loading: path !== null });
  useEffect(() => {
    if (path === null) return;
    const ac = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    api<T>(path, { signal: ac.signal }).then(
      (data) => setState({ data, error: null, loading: false }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setState((s) => ({ data: s.data, error: e instanceof ApiFailure ? e : new ApiFailure(0, 'ERROR', String(e)), loading: false }));
      },
    );
    return () => ac.abort();
  }, [path, n, status.epoch]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

/** Percent-encodes one path segment. */
export const seg = (s: string): string => encodeURIComponent(s);
