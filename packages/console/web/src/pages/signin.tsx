// Sign-in (only when the console runs with sign-in): the user's own SASL username and password,
// checked by the cluster; the session then acts as that principal.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, setSession, useSession, type ApiFailure } from '../api';
import { ErrorBox, Field } from '../components';

export function SignInPage(): JSX.Element {
  const s = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | Error | null>(null);
  const submit = (e: Event): void => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    api<{ user: string; mechanism: string; csrfToken: string }>('/api/session', { method: 'POST', body: { username, password } }).then(
      (r) => {
        setPassword('');
        setSession({ signIn: true, mechanism: r.mechanism, user: r.user, csrfToken: r.csrfToken });
      },
      (err: unknown) => setError(err as Error),
    ).finally(() => setBusy(false));
  };
  return (
    <div class="signin">
      <h1>Sign in</h1>
      <p class="muted">The cluster checks your credentials ({s.mechanism ?? 'SASL'}). The console then acts as your principal, so the cluster's ACLs decide what you see and can change.</p>
      <form aria-label="Sign in" onSubmit={submit}>
        <Field label="Username"><input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} /></Field>
        <Field label="Password"><input name="password" type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} /></Field>
        <div class="row"><button type="submit" class="primary" disabled={busy}>Sign in</button></div>
        <ErrorBox error={error} />
      </form>
    </div>
  );
}
