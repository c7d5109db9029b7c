// The shell: header with navigation and theme switch, the broker-status banner, and the page for
// the current path.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, setSession, useBrokerStatus, useSession } from './api';
import { useLocation } from './router';
import { OverviewPage } from './pages/overview';
import { TopicsPage } from './pages/topics';
import { TopicPage } from './pages/topic';
import { MessagesPage } from './pages/messages';
import { GroupsPage } from './pages/groups';
import { GroupPage } from './pages/group';
import { SecurityPage } from './pages/security';
import { SignInPage } from './pages/signin';
import { SchemaSubjectPage, SchemasPage } from './pages/schemas';
import { DlqListPage, DlqTopicPage } from './pages/dlq';
import { StreamsAppPage, StreamsListPage } from './pages/streams';

type Theme = 'light' | 'dark';

function initialTheme(): Theme {
  let t: string | null = null;
  try {
    t = localStorage.getItem('tideline-theme');
  } catch { /* private mode */ }
  if (t === 'light' || t === 'dark') return t;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function route(path: string): { page: JSX.Element; section: string; title: string } {
  const parts = path.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
  if (parts.length === 0) return { page: <OverviewPage />, section: 'overview', title: 'Overview' };
  if (parts[0] === 'topics') {
    if (parts.length === 1) return { page: <TopicsPage />, section: 'topics', title: 'Topics' };
    if (parts.length === 2) return { page: <TopicPage topic={parts[1]!} />, section: 'topics', title: parts[1]! };
    if (parts.length === 3 && parts[2] === 'messages') return { page: <MessagesPage topic={parts[1]!} />, section: 'topics', title: `${parts[1]} messages` };
  }
  if (parts[0] === 'groups') {
    if (parts.length === 1) return { page: <GroupsPage />, section: 'groups', title: 'Consumer groups' };
    if (parts.length === 2) return { page: <GroupPage group={parts[1]!} />, section: 'groups', title: parts[1]! };
  }
  if (parts[0] === 'schemas') {
    if (parts.length === 1) return { page: <SchemasPage />, section: 'schemas', title: 'Schemas' };
    if (parts.length === 2) return { page: <SchemaSubjectPage subject={parts[1]!} />, section: 'schemas', title: parts[1]! };
  }
  if (parts[0] === 'security' && parts.length === 1) return { page: <SecurityPage />, section: 'security', title: 'Security' };
  if (parts[0] === 'dlq') {
    if (parts.length === 1) return { page: <DlqListPage />, section: 'dlq', title: 'Dead letters' };
    if (parts.length === 2) return { page: <DlqTopicPage topic={parts[1]!} />, section: 'dlq', title: parts[1]! };
  }
  if (parts[0] === 'streams') {
    if (parts.length === 1) return { page: <StreamsListPage />, section: 'streams', title: 'Stream applications' };
    if (parts.length === 2) return { page: <StreamsAppPage app={parts[1]!} />, section: 'streams', title: parts[1]! };
  }
  return { page: <div><h1>Not found</h1><p>No page at {path}. <a href="/">Go to the overview</a>.</p></div>, section: '', title: 'Not found' };
}

export function App(): JSX.Element {
  const loc = useLocation();
  const status = useBrokerStatus();
  const session = useSession();
  useEffect(() => {
    api<{ signIn: boolean; mechanism: string | null; user: string | null; csrfToken: string | null }>('/api/session').then(setSession, () => setSession({ signIn: false, mechanism: null, user: null, csrfToken: null }));
  }, []);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const signedOut = session.loaded && session.signIn && session.user === null;
  const r = !session.loaded ? { page: <p class="muted">Loading…</p>, section: '', title: 'Loading' }
    : signedOut ? { page: <SignInPage />, section: '', title: 'Sign in' } : route(loc.path);
  useEffect(() => {
    document.title = `${r.title} · Tideline console`;
  }, [r.title]);
  const nav = (href: string, id: string, label: string): JSX.Element => (
    <a href={href} class={r.section === id ? 'active' : ''} aria-current={r.section === id ? 'page' : undefined}>{label}</a>
  );
  return (
    <>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a href="/" class="brand">Tideline console</a>
        <nav aria-label="Main">
          {nav('/', 'overview', 'Overview')}
          {nav('/topics', 'topics', 'Topics')}
          {nav('/groups', 'groups', 'Consumer groups')}
          {nav('/dlq', 'dlq', 'Dead letters')}
          {nav('/streams', 'streams', 'Stream applications')}
          {nav('/schemas', 'schemas', 'Schemas')}
          {nav('/security', 'security', 'Security')}
        </nav>
        {session.user !== null ? (
          <div class="user">
            <span class="mono" data-testid="signed-in-as">{session.user}</span>
            <button type="button" onClick={() => {
              api('/api/session', { method: 'DELETE', body: {} }).finally(() => setSession({ signIn: true, mechanism: session.mechanism, user: null, csrfToken: null }));
            }}>Sign out</button>
          </div>
        ) : null}
        <button type="button" class="theme" aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} onClick={() => {
          const next = theme === 'dark' ? 'light' : 'dark';
          document.documentElement.dataset.theme = next;
          setTheme(next);
          try {
            localStorage.setItem('tideline-theme', next);
          } catch { /* private mode */ }
        }}>{theme === 'dark' ? 'Light theme' : 'Dark theme'}</button>
      </header>
      {status.down
        ? <div class="banner" role="alert" data-testid="broker-down">The broker cannot be reached ({status.message}). Retrying; this page reloads when it is back.</div>
        : null}
      <main id="main" tabIndex={-1}>{r.page}</main>
    </>
  );
}
