// tide acl create|list|delete: Kafka's ACLs with AclCommand's options, including its --producer
// and --consumer conveniences (producer: WRITE, DESCRIBE, CREATE on the topics, WRITE and DESCRIBE
// on --transactional-id, IDEMPOTENT_WRITE on the cluster with --idempotent; consumer: READ and
// DESCRIBE on the topics, READ on the groups).
import type { AclBinding, AclFilter, AclOperation, AclPatternType, AclResourceType } from '@tideline/client';
import { Command, InvalidArgumentError, Option } from 'commander';
import { runAction } from '../context.js';
import { CliError } from '../errors.js';
import { table, type Io, type OutputFormat } from '../output.js';
import { collect, formatOption } from './common.js';

const OPERATIONS: readonly AclOperation[] = [
  'ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE', 'CREATE_TOKENS', 'DESCRIBE_TOKENS', 'TWO_PHASE_COMMIT',
];

/** `Read`, `IdempotentWrite`, `idempotent-write` or `IDEMPOTENT_WRITE` → IDEMPOTENT_WRITE. */
export function parseOperation(v: string): AclOperation {
  const norm = v.trim().replace(/([a-z])([A-Z])/g, '$1_$2').replace(/-/g, '_').toUpperCase();
  if ((OPERATIONS as readonly string[]).includes(norm)) return norm as AclOperation;
  throw new InvalidArgumentError(`unknown operation ${JSON.stringify(v)} (one of ${OPERATIONS.join(', ')})`);
}

interface AclOpts {
  allowPrincipal?: string[];
  denyPrincipal?: string[];
  allowHost?: string[];
  denyHost?: string[];
  principal?: string[];
  operation?: AclOperation[];
  topic?: string[];
  group?: string[];
  transactionalId?: string[];
  cluster?: boolean;
  resourcePatternType: string;
  producer?: boolean;
  consumer?: boolean;
  idempotent?: boolean;
  format: OutputFormat;
}

interface Resource {
  type: AclResourceType;
  name: string;
}

function resources(o: AclOpts): Resource[] {
  return [
    ...(o.topic ?? []).map((name) => ({ type: 'TOPIC' as const, name })),
    ...(o.group ?? []).map((name) => ({ type: 'GROUP' as const, name })),
    ...(o.transactionalId ?? []).map((name) => ({ type: 'TRANSACTIONAL_ID' as const, name })),
    ...(o.cluster === true ? [{ type: 'CLUSTER' as const, name: 'kafka-cluster' }] : []),
  ];
}

/** The (resource, operation) pairs to bind: --producer/--consumer as AclCommand expands them, else --operation on every resource. */
export function resourceOperations(o: AclOpts): Array<Resource & { operation: AclOperation }> {
  const out: Array<Resource & { operation: AclOperation }> = [];
  const rs = resources(o);
  if (o.producer === true || o.consumer === true) {
    if (o.operation !== undefined) throw new CliError('--operation cannot be combined with --producer or --consumer');
    if (o.producer === true) {
      if (o.topic === undefined) throw new CliError('--producer needs --topic');
      for (const r of rs.filter((x) => x.type === 'TOPIC')) for (const operation of ['WRITE', 'DESCRIBE', 'CREATE'] as const) out.push({ ...r, operation });
      for (const r of rs.filter((x) => x.type === 'TRANSACTIONAL_ID')) for (const operation of ['WRITE', 'DESCRIBE'] as const) out.push({ ...r, operation });
      if (o.idempotent === true) out.push({ type: 'CLUSTER', name: 'kafka-cluster', operation: 'IDEMPOTENT_WRITE' });
    }
    if (o.consumer === true) {
      if (o.topic === undefined || o.group === undefined) throw new CliError('--consumer needs --topic and --group');
      for (const r of rs.filter((x) => x.type === 'TOPIC')) for (const operation of ['READ', 'DESCRIBE'] as const) out.push({ ...r, operation });
      for (const r of rs.filter((x) => x.type === 'GROUP')) out.push({ ...r, operation: 'READ' });
    }
    const seen = new Set<string>();
    return out.filter((x) => {
      const k = `${x.type}/${x.name}/${x.operation}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
  if (rs.length === 0) throw new CliError('name a resource: --topic, --group, --transactional-id or --cluster');
  const ops = o.operation ?? [];
  if (ops.length === 0) throw new CliError('--operation is required (or --producer / --consumer)');
  for (const r of rs) for (const operation of ops) out.push({ ...r, operation });
  return out;
}

function patternType(v: string, allowed: readonly string[]): AclPatternType {
  const p = v.toUpperCase();
  if (!allowed.includes(p)) throw new CliError(`--resource-pattern-type must be one of ${allowed.map((x) => x.toLowerCase()).join(', ')}`);
  return p as AclPatternType;
}

/** Principals × hosts for ALLOW and DENY. */
function entries(o: AclOpts): Array<{ principal: string; host: string; permission: 'ALLOW' | 'DENY' }> {
  const out: Array<{ principal: string; host: string; permission: 'ALLOW' | 'DENY' }> = [];
  for (const [principals, hosts, permission] of [[o.allowPrincipal, o.allowHost, 'ALLOW'], [o.denyPrincipal, o.denyHost, 'DENY']] as const) {
    for (const principal of principals ?? []) {
      if (!/^[^:]+:.+$/.test(principal)) throw new CliError(`principal ${JSON.stringify(principal)} is not Type:name (e.g. User:alice)`);
      for (const host of hosts === undefined || hosts.length === 0 ? ['*'] : hosts) out.push({ principal, host, permission });
    }
  }
  return out;
}

const rows = (list: readonly AclBinding[]): string[] =>
  table(['resource type', 'name', 'pattern', 'principal', 'host', 'operation', 'permission'], list.map((a) => [a.resourceType, a.resourceName, a.patternType, a.principal, a.host, a.operation, a.permission]));

function addSelection(c: Command, create: boolean): Command {
  return c
    .option('--allow-principal <principal>', 'principal allowed, e.g. User:alice (repeatable)', collect)
    .option('--deny-principal <principal>', 'principal denied (repeatable)', collect)
    .option('--allow-host <host>', 'host of --allow-principal (default *; repeatable)', collect)
    .option('--deny-host <host>', 'host of --deny-principal (default *; repeatable)', collect)
    .option('--operation <op>', `operation (repeatable): ${OPERATIONS.map((x) => x.toLowerCase()).join(', ')}`, (v: string, prev: AclOperation[] | undefined) => [...(prev ?? []), parseOperation(v)])
    .option('--topic <name>', 'topic (repeatable; * for all)', collect)
    .option('--group <name>', 'consumer group (repeatable; * for all)', collect)
    .option('--transactional-id <id>', 'transactional id (repeatable; * for all)', collect)
    .option('--cluster', 'the cluster resource')
    .addOption(new Option('--resource-pattern-type <type>', create ? 'literal or prefixed' : 'literal, prefixed, any or match').default(create ? 'literal' : 'literal'))
    .option('--producer', 'producer ACLs: WRITE, DESCRIBE, CREATE on --topic (and --transactional-id WRITE, DESCRIBE)')
    .option('--consumer', 'consumer ACLs: READ, DESCRIBE on --topic, READ on --group')
    .option('--idempotent', 'with --producer: IDEMPOTENT_WRITE on the cluster')
    .addOption(formatOption());
}

export function aclCommand(io: Io): Command {
  const acl = new Command('acl').description('access control lists (Kafka ACLs)');

  addSelection(acl.command('create').description('add ACLs'), true)
    .action((o: AclOpts, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const pattern = patternType(o.resourcePatternType, ['LITERAL', 'PREFIXED']);
        const es = entries(o);
        if (es.length === 0) throw new CliError('--allow-principal or --deny-principal is required');
        const bindings: AclBinding[] = [];
        for (const r of resourceOperations(o)) for (const e of es) {
          bindings.push({ resourceType: r.type, resourceName: r.name, patternType: r.type === 'CLUSTER' ? 'LITERAL' : pattern, principal: e.principal, host: e.host, operation: r.operation, permission: e.permission });
        }
        await ctx.admin.createAcls(bindings);
        ctx.print(o.format, () => ({ created: bindings }), () => [`created ${bindings.length} ACL${bindings.length === 1 ? '' : 's'}`, ...rows(bindings)]);
      }));

  acl
    .command('list')
    .description('list ACLs, all or of the named resources / principal')
    .option('--topic <name>', 'topic (repeatable)', collect)
    .option('--group <name>', 'consumer group (repeatable)', collect)
    .option('--transactional-id <id>', 'transactional id (repeatable)', collect)
    .option('--cluster', 'the cluster resource')
    .option('--principal <principal>', 'only this principal (repeatable)', collect)
    .addOption(new Option('--resource-pattern-type <type>', 'literal, prefixed, any or match (match: also the wildcard and prefixed ACLs that apply)').default('any'))
    .addOption(formatOption())
    .action((o: AclOpts, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const pattern = patternType(o.resourcePatternType, ['LITERAL', 'PREFIXED', 'ANY', 'MATCH']);
        const rs = resources(o);
        const principals: Array<string | null> = o.principal === undefined ? [null] : o.principal;
        const filters: AclFilter[] = [];
        for (const principal of principals) {
          if (rs.length === 0) filters.push({ principal, patternType: pattern });
          for (const r of rs) filters.push({ resourceType: r.type, resourceName: r.name, patternType: pattern, principal });
        }
        const seen = new Set<string>();
        const all: AclBinding[] = [];
        for (const f of filters) {
          for (const a of await ctx.admin.describeAcls(f)) {
            const k = JSON.stringify(a);
            if (!seen.has(k)) {
              seen.add(k);
              all.push(a);
            }
          }
        }
        all.sort((a, b) => `${a.resourceType}/${a.resourceName}/${a.principal}/${a.operation}`.localeCompare(`${b.resourceType}/${b.resourceName}/${b.principal}/${b.operation}`));
        ctx.print(o.format, () => all, () => (all.length === 0 ? ['no ACLs'] : rows(all)));
      }));

  addSelection(acl.command('delete').description('remove ACLs matching the resources, principals and operations given (unset: any)'), false)
    .action((o: AclOpts, cmd: Command) =>
      runAction(cmd, io, async (ctx) => {
        const pattern = patternType(o.resourcePatternType, ['LITERAL', 'PREFIXED', 'ANY', 'MATCH']);
        const es: Array<{ principal: string | null; host: string | null; permission: 'ALLOW' | 'DENY' | undefined }> = entries(o);
        if (es.length === 0) es.push({ principal: null, host: null, permission: undefined });
        let pairs: Array<{ type: AclResourceType; name: string; operation: AclOperation | undefined }>;
        if (o.producer === true || o.consumer === true || o.operation !== undefined) pairs = resourceOperations(o);
        else {
          pairs = resources(o).map((r) => ({ ...r, operation: undefined }));
          if (pairs.length === 0) throw new CliError('name a resource: --topic, --group, --transactional-id or --cluster');
        }
        const filters: AclFilter[] = [];
        for (const r of pairs) for (const e of es) {
          filters.push({
            resourceType: r.type, resourceName: r.name, patternType: r.type === 'CLUSTER' && pattern !== 'ANY' && pattern !== 'MATCH' ? 'LITERAL' : pattern,
            principal: e.principal, host: o.allowHost === undefined && o.denyHost === undefined ? null : e.host,
            ...(r.operation !== undefined ? { operation: r.operation } : {}), ...(e.permission !== undefined ? { permission: e.permission } : {}),
          });
        }
        const deleted = await ctx.admin.deleteAcls(filters);
        ctx.print(o.format, () => ({ deleted }), () => [`deleted ${deleted.length} ACL${deleted.length === 1 ? '' : 's'}`, ...(deleted.length === 0 ? [] : rows(deleted))]);
      }));
  return acl;
}
