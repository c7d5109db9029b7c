// Sign-in and sign-out (sessions.ts does the work). The password comes only in the POST body,
// never in a URL, and no answer repeats it.
import { ApiError } from '../errors.js';
import { readJson, reqString, type Route } from '../http.js';
import type { Sessions } from '../sessions.js';

const BODY_LIMIT = 16 << 10;

export function sessionRoutes(sessions: Sessions | null): Route[] {
  return [
    {
      method: 'GET', path: '/api/session', public: true,
      summary: 'sign-in state: {signIn, mechanism, user, csrfToken} (user and token null when not signed in or sign-in is off)',
      handler: async ({ req }) => {
        if (sessions === null) return { signIn: false, mechanism: null, user: null, csrfToken: null };
        const s = sessions.get(req);
        return { signIn: true, mechanism: sessions.mechanism, user: s?.principal ?? null, csrfToken: s?.csrfToken ?? null };
      },
    },
    {
      method: 'POST', path: '/api/session', public: true,
      summary: 'sign in: {username, password}; verified by connecting to the cluster with them; sets the session cookie and returns {user, csrfToken}',
      handler: async ({ req, res }) => {
        if (sessions === null) throw new ApiError('BAD_REQUEST', 'sign-in is off: the console was started without it');
        const b = await readJson(req, BODY_LIMIT);
        const username = reqString(b.username, 'username', 256);
        const password = reqString(b.password, 'password', 1024);
        // A new sign-in on this browser replaces the old session.
        await sessions.signOut(req);
        const { session, cookie } = await sessions.signIn(username, password);
        res.setHeader('set-cookie', cookie);
        return { user: session.principal, mechanism: sessions.mechanism, csrfToken: session.csrfToken };
      },
    },
    {
      method: 'DELETE', path: '/api/session', public: true,
      summary: 'sign out: ends the session (its clients are closed, its running scans stopped) and clears the cookie',
      handler: async ({ req, res }) => {
        if (sessions === null) throw new ApiError('BAD_REQUEST', 'sign-in is off: the console was started without it');
        res.setHeader('set-cookie', await sessions.signOut(req));
        return { signedOut: true };
      },
    },
  ];
}
