// Who may do what: HTTP basic auth against a user list, then per-subject permissions in the shape
// of the broker's ACLs (principal, resource pattern literal or prefixed, operation, allow/deny),
// with Confluent RBAC's read/write split on a SUBJECT resource. Write implies read. Global
// resources (the global config and mode, contexts) are the subject pattern `*` with the GLOBAL type.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RegistryError } from './errors.js';

export type SubjectOperation = 'read' | 'write';

export interface SubjectAcl {
  /** `User:alice`, or `User:*` for every authenticated user. */
  principal: string;
  /** `SUBJECT` (default) or `GLOBAL` (global config and mode, contexts). */
  resourceType?: 'SUBJECT' | 'GLOBAL';
  /** A subject name, a prefix (with `patternType: 'prefixed'`), or `*` for every subject. */
  subject: string;
  patternType?: 'literal' | 'prefixed';
  operation: SubjectOperation;
  permission?: 'allow' | 'deny';
}

export interface RegistryAuthOptions {
  /** User name -> password. */
  users: Readonly<Record<string, string>>;
  /** Principals (`User:name`) allowed everything. */
  superUsers?: readonly string[];
  /** When set, every request needs a matching allow rule and no matching deny rule (superusers aside). */
  acls?: readonly SubjectAcl[];
}

/** The principal of a request, or a 401. */
export function authenticate(opts: RegistryAuthOptions, req: IncomingMessage): string {
  const h = req.headers.authorization;
  const m = h === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(h);
  if (m !== null) {
    const text = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon > 0) {
      const user = text.slice(0, colon);
      const password = Buffer.from(text.slice(colon + 1), 'utf8');
      const expected = Object.hasOwn(opts.users, user) ? Buffer.from(opts.users[user]!, 'utf8') : null;
      if (expected !== null && expected.length === password.length && timingSafeEqual(expected, password)) return `User:${user}`;
    }
  }
  throw new RegistryError('UNAUTHORIZED', 'Unauthorized');
}

function matches(acl: SubjectAcl, principal: string, type: 'SUBJECT' | 'GLOBAL', subject: string, op: SubjectOperation): boolean {
  if (acl.principal !== principal && acl.principal !== 'User:*') return false;
  if ((acl.resourceType ?? 'SUBJECT') !== type) return false;
  if (acl.operation !== op && !(acl.operation === 'write' && op === 'read')) return false;
  if (acl.subject === '*') return true;
  return acl.patternType === 'prefixed' ? subject.startsWith(acl.subject) : acl.subject === subject;
}

export function authorized(opts: RegistryAuthOptions, principal: string, type: 'SUBJECT' | 'GLOBAL', subject: string, op: SubjectOperation): boolean {
  if (opts.superUsers?.includes(principal) === true) return true;
  if (opts.acls === undefined) return true;
  let allowed = false;
  for (const acl of opts.acls) {
    if (!matches(acl, principal, type, subject, op)) continue;
    if ((acl.permission ?? 'allow') === 'deny') return false;
    allowed = true;
  }
  return allowed;
}

export function authorize(opts: RegistryAuthOptions, principal: string, type: 'SUBJECT' | 'GLOBAL', subject: string, op: SubjectOperation): void {
  if (!authorized(opts, principal, type, subject, op)) {
    throw new RegistryError('FORBIDDEN', `User ${principal.slice(5)} is not authorized to ${op} ${type === 'GLOBAL' ? 'the global configuration' : `subject '${subject}'`}`);
  }
}
