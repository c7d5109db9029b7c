// Security: ACLs (filters in the URL, create with the producer/consumer conveniences, delete),
// SCRAM users (mechanisms, create/update, delete) and client quotas (set, remove). What the
// signed-in principal may not do comes back as the broker's error name.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { api, seg, useApi } from '../api';
import { ErrorBox, Field, Loading, useAction } from '../components';
import { setQuery, useLocation } from '../router';

interface Acl { resourceType: string; resourceName: string; patternType: string; principal: string; host: string; operation: string; permission: string }
interface ScramUser { user: string; credentials: Array<{ mechanism: string; iterations: number }> }
interface Quota { entity: Record<string, string | null>; values: Record<string, number> }

const RESOURCE_TYPES = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN', 'USER'];
const OPERATIONS = ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'];
const QUOTA_KEYS = ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate', 'connection_creation_rate'];


function Done({ text }: { text: string | null }): JSX.Element | null {
  return text === null ? null : <p class="ok-text" role="status">{text}</p>;
}

function Acls(): JSX.Element {
  const loc = useLocation();
  const principal = loc.query.get('principal') ?? '';
  const resourceType = loc.query.get('resourceType') ?? '';
  const resourceName = loc.query.get('resourceName') ?? '';
  const qs = new URLSearchParams();
  if (principal !== '') qs.set('principal', principal);
  if (resourceType !== '') qs.set('resourceType', resourceType);
  if (resourceName !== '') qs.set('resourceName', resourceName);
  const list = useApi<{ acls: Acl[] }>(`/api/acls${qs.size === 0 ? '' : '?' + qs.toString()}`);
  const filters = { tab: 'acls', principal, resourceType, resourceName };
  const del = useAction();

  const [kind, setKind] = useState<'resource' | 'producer' | 'consumer'>('resource');
  const [newPrincipal, setNewPrincipal] = useState('User:');
  const [type, setType] = useState('TOPIC');
  const [name, setName] = useState('');
  const [pattern, setPattern] = useState('LITERAL');
  const [ops, setOps] = useState('READ');
  const [topic, setTopic] = useState('');
  const [group, setGroup] = useState('');
  const [permission, setPermission] = useState('ALLOW');
  const [host, setHost] = useState('*');
  const create = useAction();

  const submit = (e: Event): void => {
    e.preventDefault();
    create.run(async () => {
      const common = { principal: newPrincipal.trim(), host: host.trim() || '*', permission, patternType: pattern };
      const body = kind === 'resource'
        ? { ...common, resourceType: type, resourceName: name.trim(), operations: ops.split(/[\s,]+/).filter((o) => o !== '') }
        : { ...common, [kind]: true, topic: topic.trim(), ...(group.trim() !== '' ? { group: group.trim() } : {}) };
      const r = await api<{ created: Acl[] }>('/api/acls', { method: 'POST', body });
      list.reload();
      return `Created ${r.created.length} ACL${r.created.length === 1 ? '' : 's'}.`;
    });
  };

  return (
    <section aria-labelledby="acls-h">
      <h2 id="acls-h">ACLs</h2>
      <div class="row">
        <Field label="Principal filter"><input type="search" name="principal" value={principal} placeholder="User:alice" onInput={(e) => setQuery({ ...filters, principal: e.currentTarget.value }, { replace: true })} /></Field>
        <Field label="Resource type filter">
          <select name="resourceType" value={resourceType} onChange={(e) => setQuery({ ...filters, resourceType: e.currentTarget.value }, { replace: true })}>
            <option value="">any</option>
            {RESOURCE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </Field>
        <Field label="Resource name filter"><input type="search" name="resourceName" value={resourceName} onInput={(e) => setQuery({ ...filters, resourceName: e.currentTarget.value }, { replace: true })} /></Field>
        <button type="button" onClick={() => list.reload()}>Refresh</button>
      </div>
      <ErrorBox error={list.error} />
      <ErrorBox error={del.error} />
      <Done text={del.done} />
      <Loading when={list.loading && list.data === null} />
      {list.data !== null ? (list.data.acls.length === 0 ? <p class="muted">No ACLs match.</p> : (
        <table class="t" aria-label="ACLs">
          <thead><tr><th>principal</th><th>permission</th><th>operation</th><th>resource</th><th>name</th><th>pattern</th><th>host</th><th><span class="sr">actions</span></th></tr></thead>
          <tbody>{list.data.acls.map((a) => (
            <tr key={`${a.resourceType}/${a.resourceName}/${a.patternType}/${a.principal}/${a.host}/${a.operation}/${a.permission}`}>
              <td class="mono">{a.principal}</td><td>{a.permission}</td><td>{a.operation}</td><td>{a.resourceType}</td><td class="mono">{a.resourceName}</td><td>{a.patternType}</td><td class="mono">{a.host}</td>
              <td><button type="button" class="danger" disabled={del.busy} aria-label={`Delete ${a.permission} ${a.operation} on ${a.resourceType} ${a.resourceName} for ${a.principal}`} onClick={() => del.run(async () => {
                const r = await api<{ deleted: Acl[] }>('/api/acls', { method: 'DELETE', body: a });
                list.reload();
                return `Deleted ${r.deleted.length} ACL${r.deleted.length === 1 ? '' : 's'}.`;
              })}>Delete</button></td>
            </tr>
          ))}</tbody>
        </table>
      )) : null}

      <h3>Create ACLs</h3>
      <form aria-label="Create ACLs" onSubmit={submit}>
        <div class="row">
          <Field label="Principal"><input name="newPrincipal" required value={newPrincipal} onInput={(e) => setNewPrincipal(e.currentTarget.value)} /></Field>
          <Field label="What">
            <select name="kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as typeof kind)}>
              <option value="resource">operations on a resource</option>
              <option value="producer">producer (WRITE, DESCRIBE, CREATE on a topic)</option>
              <option value="consumer">consumer (READ, DESCRIBE on a topic, READ on a group)</option>
            </select>
          </Field>
          <Field label="Permission">
            <select name="permission" value={permission} onChange={(e) => setPermission(e.currentTarget.value)}><option value="ALLOW">ALLOW</option><option value="DENY">DENY</option></select>
          </Field>
          <Field label="Host"><input name="host" size={10} value={host} onInput={(e) => setHost(e.currentTarget.value)} /></Field>
          <Field label="Pattern">
            <select name="patternType" value={pattern} onChange={(e) => setPattern(e.currentTarget.value)}><option value="LITERAL">LITERAL</option><option value="PREFIXED">PREFIXED</option></select>
          </Field>
        </div>
        {kind === 'resource' ? (
          <div class="row">
            <Field label="Resource type">
              <select name="type" value={type} onChange={(e) => setType(e.currentTarget.value)}>{RESOURCE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}</select>
            </Field>
            <Field label="Resource name" hint={type === 'CLUSTER' ? 'the cluster is kafka-cluster' : '* for all'}><input name="name" value={name} disabled={type === 'CLUSTER'} onInput={(e) => setName(e.currentTarget.value)} /></Field>
            <Field label="Operations" hint={OPERATIONS.join(', ')}><input name="operations" value={ops} onInput={(e) => setOps(e.currentTarget.value)} /></Field>
          </div>
        ) : (
          <div class="row">
            <Field label="Topic"><input name="topic" required value={topic} onInput={(e) => setTopic(e.currentTarget.value)} /></Field>
            <Field label="Group" hint={kind === 'consumer' ? 'required' : 'not used'}><input name="group" value={group} disabled={kind !== 'consumer'} onInput={(e) => setGroup(e.currentTarget.value)} /></Field>
          </div>
        )}
        <div class="row"><button type="submit" class="primary" disabled={create.busy}>Create ACLs</button></div>
        <ErrorBox error={create.error} />
        <Done text={create.done} />
      </form>
    </section>
  );
}

function Users(): JSX.Element {
  const list = useApi<{ users: ScramUser[] }>('/api/scram-users');
  const del = useAction();
  const save = useAction();
  const [user, setUser] = useState('');
  const [mechanism, setMechanism] = useState('SCRAM-SHA-512');
  const [password, setPassword] = useState('');
  return (
    <section aria-labelledby="users-h">
      <h2 id="users-h">SCRAM users</h2>
      <ErrorBox error={list.error} />
      <ErrorBox error={del.error} />
      <Done text={del.done} />
      <Loading when={list.loading && list.data === null} />
      {list.data !== null ? (list.data.users.length === 0 ? <p class="muted">No SCRAM users.</p> : (
        <table class="t" aria-label="SCRAM users">
          <thead><tr><th>user</th><th>mechanism</th><th class="num">iterations</th><th><span class="sr">actions</span></th></tr></thead>
          <tbody>{list.data.users.flatMap((u) => u.credentials.map((c) => (
            <tr key={`${u.user}/${c.mechanism}`}>
              <td class="mono">{u.user}</td><td>{c.mechanism}</td><td class="num">{c.iterations}</td>
              <td><button type="button" class="danger" disabled={del.busy} aria-label={`Delete ${c.mechanism} of ${u.user}`} onClick={() => del.run(async () => {
                await api(`/api/scram-users/${seg(u.user)}`, { method: 'DELETE', body: { mechanism: c.mechanism } });
                list.reload();
                return `Deleted ${c.mechanism} of ${u.user}.`;
              })}>Delete</button></td>
            </tr>
          )))}</tbody>
        </table>
      )) : null}
      <h3>Create or change a user</h3>
      <form aria-label="Create or change a SCRAM user" onSubmit={(e) => {
        e.preventDefault();
        save.run(async () => {
          await api(`/api/scram-users/${seg(user.trim())}`, { method: 'PUT', body: { mechanism, password } });
          setPassword('');
          list.reload();
          return `Saved ${mechanism} of ${user.trim()}.`;
        });
      }}>
        <div class="row">
          <Field label="User"><input name="user" required autocomplete="off" value={user} onInput={(e) => setUser(e.currentTarget.value)} /></Field>
          <Field label="Mechanism">
            <select name="mechanism" value={mechanism} onChange={(e) => setMechanism(e.currentTarget.value)}><option value="SCRAM-SHA-256">SCRAM-SHA-256</option><option value="SCRAM-SHA-512">SCRAM-SHA-512</option></select>
          </Field>
          <Field label="Password"><input name="password" type="password" required autocomplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} /></Field>
          <button type="submit" class="primary" disabled={save.busy}>Save user</button>
        </div>
        <ErrorBox error={save.error} />
        <Done text={save.done} />
      </form>
    </section>
  );
}

const entityText = (e: Record<string, string | null>): string => Object.entries(e).map(([k, v]) => `${k}=${v ?? '<default>'}`).join(', ');

function Quotas(): JSX.Element {
  const list = useApi<{ quotas: Quota[] }>('/api/quotas');
  const act = useAction();
  const [entityType, setEntityType] = useState('user');
  const [name, setName] = useState('');
  const [key, setKey] = useState('producer_byte_rate');
  const [value, setValue] = useState('');
  const alter = (entity: Record<string, string | null>, values: Record<string, number | null>, what: string): void => act.run(async () => {
    await api('/api/quotas', { method: 'POST', body: { entity, values } });
    list.reload();
    return what;
  });
  return (
    <section aria-labelledby="quotas-h">
      <h2 id="quotas-h">Client quotas</h2>
      <ErrorBox error={list.error} />
      <Loading when={list.loading && list.data === null} />
      {list.data !== null ? (list.data.quotas.length === 0 ? <p class="muted">No quotas.</p> : (
        <table class="t" aria-label="Client quotas">
          <thead><tr><th>entity</th><th>key</th><th class="num">value</th><th><span class="sr">actions</span></th></tr></thead>
          <tbody>{list.data.quotas.flatMap((q) => Object.entries(q.values).map(([k, v]) => (
            <tr key={`${entityText(q.entity)}/${k}`}>
              <td class="mono">{entityText(q.entity)}</td><td class="mono">{k}</td><td class="num">{v}</td>
              <td><button type="button" class="danger" disabled={act.busy} aria-label={`Remove ${k} of ${entityText(q.entity)}`} onClick={() => alter(q.entity, { [k]: null }, `Removed ${k} of ${entityText(q.entity)}.`)}>Remove</button></td>
            </tr>
          )))}</tbody>
        </table>
      )) : null}
      <h3>Set a quota</h3>
      <form aria-label="Set a quota" onSubmit={(e) => {
        e.preventDefault();
        const n = Number(value);
        const entity = { [entityType]: name.trim() === '' ? null : name.trim() };
        if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
          act.run(async () => {
            throw new Error('the value must be a non-negative number');
          });
          return;
        }
        alter(entity, { [key]: n }, `Set ${key} of ${entityText(entity)}.`);
      }}>
        <div class="row">
          <Field label="Entity type">
            <select name="entityType" value={entityType} onChange={(e) => setEntityType(e.currentTarget.value)}><option value="user">user</option><option value="client-id">client-id</option><option value="ip">ip</option></select>
          </Field>
          <Field label="Entity name" hint="empty: the default entity"><input name="entityName" value={name} onInput={(e) => setName(e.currentTarget.value)} /></Field>
          <Field label="Key">
            <select name="key" value={key} onChange={(e) => setKey(e.currentTarget.value)}>{QUOTA_KEYS.map((k) => <option key={k} value={k}>{k}</option>)}</select>
          </Field>
          <Field label="Value"><input name="value" inputMode="decimal" size={12} value={value} onInput={(e) => setValue(e.currentTarget.value)} /></Field>
          <button type="submit" class="primary" disabled={act.busy}>Set quota</button>
        </div>
      </form>
      <ErrorBox error={act.error} />
      <Done text={act.done} />
    </section>
  );
}

export function SecurityPage(): JSX.Element {
  const loc = useLocation();
  const tab = loc.query.get('tab') ?? 'acls';
  const link = (id: string, label: string): JSX.Element => (
    <a href={`/security?tab=${id}`} class={tab === id ? 'active' : ''} aria-current={tab === id ? 'page' : undefined}>{label}</a>
  );
  return (
    <div>
      <h1>Security</h1>
      <nav class="tabs" aria-label="Security sections">{link('acls', 'ACLs')}{link('users', 'SCRAM users')}{link('quotas', 'Client quotas')}</nav>
      {tab === 'users' ? <Users /> : tab === 'quotas' ? <Quotas /> : <Acls />}
    </div>
  );
}
