// Test helper (not a test file): the secured broker matrix for the console (SASL PLAIN/SCRAM, ACLs
// on; TEST_USERS: admin is a super user, alice has no ACLs), a console with sign-in in front of
// its SASL_PLAINTEXT listener, and signing in over the JSON API.
import { startBroker } from '@tideline/broker';
import { secureBrokerMatrix, secureTidelineSecurity, type BrokerKind, type TestCerts } from '@tideline/interop';
import { startConsole, type ConsoleServer, type SignInOptions } from '../src/index.js';
import { call, type Reply } from './brokers.js';

export { TEST_USERS } from '@tideline/interop';
export type { SecureTestBroker } from '@tideline/interop';

export function secureMatrix(kinds: readonly BrokerKind[]): ReturnType<typeof secureBrokerMatrix> {
  return secureBrokerMatrix({
    tmpPrefix: 'tideline-console-sec-',
    kinds,
    startTideline: async (dataDir: string, certs: TestCerts) => {
      const broker = await startBroker({ dataDir, port: 0, security: secureTidelineSecurity(certs) });
      const at = (n: 'SASL_PLAINTEXT' | 'SASL_SSL' | 'SSL'): string => broker.listeners[n]!.bootstrap;
      return { listeners: { SASL_PLAINTEXT: at('SASL_PLAINTEXT'), SASL_SSL: at('SASL_SSL'), SSL: at('SSL') }, close: () => broker.close() };
    },
  });
}

/** A console with sign-in in front of `bootstrap` (a SASL_PLAINTEXT listener). */
export async function withSignInConsole<T>(bootstrap: string, fn: (c: ConsoleServer) => Promise<T>, signIn: SignInOptions = { mechanism: 'SCRAM-SHA-256' }): Promise<T> {
  const c = await startConsole({ cluster: { bootstrap, security: { protocol: 'SASL_PLAINTEXT' } }, port: 0, signIn });
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

export interface Signed {
  user: string;
  cookie: string;
  csrf: string;
  /** A JSON call as this session (cookie and CSRF header). */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Reply<T>>;
  setCookie: string;
}

export async function signIn(c: ConsoleServer, username: string, password: string): Promise<Signed> {
  const r = await call<{ user: string; csrfToken: string }>(c, 'POST', '/api/session', { username, password });
  if (r.status !== 200) throw new Error(`sign-in as ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  const setCookie = r.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0]!;
  const csrf = r.body.csrfToken;
  return {
    user: r.body.user, cookie, csrf, setCookie,
    call: (method, path, body) => call(c, method, path, body, { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) }),
  };
}
