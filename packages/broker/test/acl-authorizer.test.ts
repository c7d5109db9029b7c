// The authorizer's rules (Kafka's): implications, DENY wins, wildcard and prefixed patterns,
// principal and host wildcards, super users, allow.everyone.if.no.acl.found; binding filters with
// ANY and MATCH; CreateAcls/DescribeAcls/DeleteAcls validation and answers over the wire; ACLs
// surviving a restart; the per-API table covering every registered handler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { MemoryAclStore } from '@tideline/storage';
import { Authorizer } from '../src/security/authorizer.js';
import { AclOperation as Op, AclPermissionType as Perm, PatternType as Pat, ResourceType as Res, filterMatches, type AclBinding } from '../src/security/acl.js';
import { API_ACLS, checkApiAclTable } from '../src/security/api-acls.js';
import { HandlerRegistry } from '../src/registry.js';
import { ALL_HANDLERS } from '../src/handlers/index.js';
import { withBroker, WireClient } from './wire-client.js';
import { aclBrokerOptions } from './helpers/acl.js';

const bind = (over: Partial<AclBinding>): AclBinding => ({
  resourceType: Res.TOPIC, resourceName: 'orders', patternType: Pat.LITERAL, principal: 'User:alice', host: '*',
  operation: Op.READ, permissionType: Perm.ALLOW, ...over,
});

async function authorizer(bindings: AclBinding[], opts: { superUsers?: string[]; allowIfNone?: boolean } = {}): Promise<Authorizer> {
  const a = await Authorizer.open({ enabled: true, superUsers: opts.superUsers ?? [], allowEveryoneIfNoAclFound: opts.allowIfNone ?? false }, new MemoryAclStore());
  await a.create(bindings);
  return a;
}

test('implications: READ/WRITE/DELETE/ALTER imply DESCRIBE, ALTER_CONFIGS implies DESCRIBE_CONFIGS, ALL implies all', async () => {
  for (const op of [Op.READ, Op.WRITE, Op.DELETE, Op.ALTER]) {
    const a = await authorizer([bind({ operation: op })]);
    assert.equal(a.authorize('User:alice', '1.2.3.4', Op.DESCRIBE, Res.TOPIC, 'orders'), true, `op ${op}`);
    assert.equal(a.authorize('User:alice', '1.2.3.4', Op.DESCRIBE_CONFIGS, Res.TOPIC, 'orders'), false);
  }
  const c = await authorizer([bind({ operation: Op.ALTER_CONFIGS })]);
  assert.equal(c.authorize('User:alice', 'h', Op.DESCRIBE_CONFIGS, Res.TOPIC, 'orders'), true);
  assert.equal(c.authorize('User:alice', 'h', Op.DESCRIBE, Res.TOPIC, 'orders'), false);
  const all = await authorizer([bind({ operation: Op.ALL })]);
  for (const op of [Op.READ, Op.WRITE, Op.CREATE, Op.DELETE, Op.ALTER, Op.DESCRIBE, Op.ALTER_CONFIGS]) assert.equal(all.authorize('User:alice', 'h', op, Res.TOPIC, 'orders'), true);
  // DESCRIBE does not imply READ.
  const d = await authorizer([bind({ operation: Op.DESCRIBE })]);
  assert.equal(d.authorize('User:alice', 'h', Op.READ, Res.TOPIC, 'orders'), false);
});

test('DENY wins; wildcard name, prefixed patterns, User:* and hosts', async () => {
  const a = await authorizer([
    bind({ resourceName: '*', principal: 'User:*', operation: Op.READ }),
    bind({ resourceName: 'orders', operation: Op.READ, permissionType: Perm.DENY }),
    bind({ resourceName: 'team-a.', patternType: Pat.PREFIXED, principal: 'User:bob', operation: Op.WRITE }),
    bind({ resourceName: 'team-a.secret', patternType: Pat.PREFIXED, principal: 'User:bob', operation: Op.ALL, permissionType: Perm.DENY }),
    bind({ resourceName: 'pinned', principal: 'User:carol', host: '10.0.0.1', operation: Op.WRITE }),
  ]);
  assert.equal(a.authorize('User:alice', 'h', Op.READ, Res.TOPIC, 'orders'), false, 'literal DENY beats wildcard ALLOW');
  assert.equal(a.authorize('User:alice', 'h', Op.READ, Res.TOPIC, 'payments'), true, 'wildcard ALLOW for User:*');
  assert.equal(a.authorize('User:bob', 'h', Op.WRITE, Res.TOPIC, 'team-a.events'), true, 'prefixed');
  assert.equal(a.authorize('User:bob', 'h', Op.WRITE, Res.TOPIC, 'team-b.events'), false);
  assert.equal(a.authorize('User:bob', 'h', Op.WRITE, Res.TOPIC, 'team-a.secret.x'), false, 'longer prefixed DENY on ALL');
  assert.equal(a.authorize('User:carol', '10.0.0.1', Op.WRITE, Res.TOPIC, 'pinned'), true);
  assert.equal(a.authorize('User:carol', '10.0.0.2', Op.WRITE, Res.TOPIC, 'pinned'), false, 'other host');
  assert.equal(a.authorize('User:carol', 'h', Op.WRITE, Res.GROUP, 'pinned'), false, 'resource types are separate');
  // Kafka's authorizeByResourceType: some topic may be written.
  assert.equal(a.authorizeAny('User:bob', 'h', Op.WRITE, Res.TOPIC), true);
  assert.equal(a.authorizeAny('User:dave', 'h', Op.WRITE, Res.TOPIC), false);
});

test('super users bypass; no ACL on a resource: allow.everyone.if.no.acl.found decides', async () => {
  const strict = await authorizer([bind({})], { superUsers: ['User:admin'] });
  assert.equal(strict.authorize('User:admin', 'h', Op.DELETE, Res.CLUSTER, 'kafka-cluster'), true);
  assert.equal(strict.authorize('User:alice', 'h', Op.READ, Res.TOPIC, 'other'), false);
  const open = await authorizer([bind({})], { allowIfNone: true });
  assert.equal(open.authorize('User:zed', 'h', Op.READ, Res.TOPIC, 'other'), true, 'no ACL on the resource');
  assert.equal(open.authorize('User:zed', 'h', Op.READ, Res.TOPIC, 'orders'), false, 'ACLs exist on orders, none for zed');
  const off = await Authorizer.open(undefined, null);
  assert.equal(off.authorize('User:ANONYMOUS', 'h', Op.ALTER, Res.CLUSTER, 'kafka-cluster'), true, 'disabled: everything allowed');
});

test('binding filters: ANY, MATCH, LITERAL and PREFIXED as Kafka', () => {
  const lit = bind({ resourceName: 'orders' });
  const star = bind({ resourceName: '*' });
  const pre = bind({ resourceName: 'ord', patternType: Pat.PREFIXED });
  const f = (patternType: number, resourceName: string | null) => ({
    resourceType: Res.TOPIC, resourceName, patternType, principal: null, host: null, operation: Op.ANY, permissionType: Perm.ANY,
  });
  const matches = (flt: ReturnType<typeof f>) => [lit, star, pre].map((b) => filterMatches(flt, b));
  assert.deepEqual(matches(f(Pat.MATCH, 'orders')), [true, true, true]);
  assert.deepEqual(matches(f(Pat.ANY, 'orders')), [true, false, false]);
  assert.deepEqual(matches(f(Pat.LITERAL, 'orders')), [true, false, false]);
  assert.deepEqual(matches(f(Pat.LITERAL, '*')), [false, true, false]);
  assert.deepEqual(matches(f(Pat.PREFIXED, 'ord')), [false, false, true]);
  assert.deepEqual(matches(f(Pat.ANY, null)), [true, true, true]);
  assert.deepEqual(matches(f(Pat.MATCH, 'payments')), [false, true, false]);
});

test('every registered handler has a row in the ACL table', () => {
  const registry = new HandlerRegistry().register(...ALL_HANDLERS);
  assert.doesNotThrow(() => checkApiAclTable(registry));
  const keys = new Set(API_ACLS.map((r) => r.apiKey));
  for (const h of registry.list()) assert.ok(keys.has(h.apiKey), `api ${h.apiKey}`);
  // A new handler without a row is refused.
  const extra = new HandlerRegistry().register({ apiKey: 9999 as never, minVersion: 0, maxVersion: 0, handle: () => ({}) as never } as never);
  assert.throws(() => checkApiAclTable(extra), /no row/);
});

const creation = (over: Record<string, unknown> = {}) => ({
  resourceType: Res.TOPIC, resourceName: 'orders', resourcePatternType: Pat.LITERAL, principal: 'User:alice', host: '*',
  operation: Op.READ, permissionType: Perm.ALLOW, ...over,
});

test('ACL APIs: SECURITY_DISABLED without an authorizer', async () => {
  await withBroker(async (t) => {
    const c = await t.client.send(ApiKey.CreateAcls, 3, { creations: [creation()] });
    assert.equal(c.results[0]!.errorCode, ErrorCode.SECURITY_DISABLED);
    const d = await t.client.send(ApiKey.DescribeAcls, 3, { resourceTypeFilter: Res.ANY, resourceNameFilter: null, patternTypeFilter: Pat.ANY, principalFilter: null, hostFilter: null, operation: Op.ANY, permissionType: Perm.ANY });
    assert.equal(d.errorCode, ErrorCode.SECURITY_DISABLED);
  }, { storage: 'memory://' });
});

test('ACL APIs: validation per creation, filters, deletion, authorization, and ACLs surviving a restart', async () => {
  await withBroker(async (t) => {
    const admin = await WireClient.connectPlain(t.broker.port, 'admin', 'admin');
    const c = await admin.send(ApiKey.CreateAcls, 3, {
      creations: [
        creation(),
        creation({ resourceName: 'team-', resourcePatternType: Pat.PREFIXED, operation: Op.WRITE }),
        creation({ resourcePatternType: Pat.MATCH }),
        creation({ resourceType: Res.ANY }),
        creation({ operation: Op.ANY }),
        creation({ resourceType: Res.CLUSTER, resourceName: 'other' }),
        creation({ principal: 'alice' }),
        creation({ resourceName: '' }),
      ],
    });
    assert.deepEqual(c.results.map((r) => r.errorCode), [0, 0, 42, 42, 42, 42, 42, 42].map((x) => (x === 0 ? ErrorCode.NONE : ErrorCode.INVALID_REQUEST)));
    assert.match(c.results[5]!.errorMessage ?? '', /kafka-cluster/);
    const all = { resourceTypeFilter: Res.ANY, resourceNameFilter: null, patternTypeFilter: Pat.ANY, principalFilter: null, hostFilter: null, operation: Op.ANY, permissionType: Perm.ANY };
    const d = await admin.send(ApiKey.DescribeAcls, 3, all);
    assert.equal(d.errorCode, ErrorCode.NONE);
    assert.deepEqual(d.resources.map((r) => [r.resourceName, r.patternType]).sort(), [['orders', Pat.LITERAL], ['team-', Pat.PREFIXED]]);
    const match = await admin.send(ApiKey.DescribeAcls, 3, { ...all, resourceTypeFilter: Res.TOPIC, resourceNameFilter: 'team-x', patternTypeFilter: Pat.MATCH });
    assert.deepEqual(match.resources.map((r) => r.resourceName), ['team-']);
    const bad = await admin.send(ApiKey.DescribeAcls, 3, { ...all, patternTypeFilter: 0 });
    assert.equal(bad.errorCode, ErrorCode.INVALID_REQUEST);
    // A principal without DESCRIBE/ALTER on the cluster is refused.
    const eve = await WireClient.connectPlain(t.broker.port, 'eve', 'eve');
    assert.equal((await eve.send(ApiKey.DescribeAcls, 3, all)).errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal((await eve.send(ApiKey.CreateAcls, 3, { creations: [creation()] })).results[0]!.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal((await eve.send(ApiKey.DeleteAcls, 3, { filters: [all] })).filterResults[0]!.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    eve.close();
    admin.close();

    await t.restart();
    const admin2 = await WireClient.connectPlain(t.broker.port, 'admin', 'admin');
    const after = await admin2.send(ApiKey.DescribeAcls, 3, all);
    assert.equal(after.resources.length, 2, 'ACLs survive a restart');
    assert.equal(t.broker.broker.authorizer.authorize('User:alice', 'h', Op.WRITE, Res.TOPIC, 'team-1'), true);
    const del = await admin2.send(ApiKey.DeleteAcls, 3, { filters: [{ ...all, resourceTypeFilter: Res.TOPIC, patternTypeFilter: Pat.PREFIXED }, { ...all, operation: 0 }] });
    assert.equal(del.filterResults[0]!.matchingAcls.length, 1);
    assert.equal(del.filterResults[0]!.matchingAcls[0]!.resourceName, 'team-');
    assert.equal(del.filterResults[1]!.errorCode, ErrorCode.INVALID_REQUEST);
    admin2.close();
    await t.restart();
    assert.equal(t.broker.broker.authorizer.list({ ...all, resourceType: Res.ANY, resourceName: null, patternType: Pat.ANY, principal: null, host: null }).length, 1, 'the deletion is durable');
  }, aclBrokerOptions(['eve']));
});

test('Metadata does not leak existence; authorized operations are the caller\'s real bit fields', async () => {
  await withBroker(async (t) => {
    const admin = await WireClient.connectPlain(t.broker.port, 'admin', 'admin');
    await admin.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name: 'secret', numPartitions: 1, replicationFactor: 1 }, { name: 'shared', numPartitions: 1, replicationFactor: 1 }] });
    await admin.send(ApiKey.CreateAcls, 3, { creations: [creation({ resourceName: 'shared', principal: 'User:eve', operation: Op.READ })] });
    const eve = await WireClient.connectPlain(t.broker.port, 'eve', 'eve');
    const named = await eve.send(ApiKey.Metadata, 12, {
      topics: [{ name: 'secret', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }, { name: 'no-such-topic', topicId: 'AAAAAAAAAAAAAAAAAAAAAA' }],
      allowAutoTopicCreation: false, includeTopicAuthorizedOperations: true,
    });
    assert.deepEqual(named.topics.map((x) => [x.name, x.errorCode]), [['secret', ErrorCode.TOPIC_AUTHORIZATION_FAILED], ['no-such-topic', ErrorCode.TOPIC_AUTHORIZATION_FAILED]]);
    const all = await eve.send(ApiKey.Metadata, 10, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: true, includeClusterAuthorizedOperations: true });
    assert.deepEqual(all.topics.map((x) => x.name), ['shared'], 'only what eve may describe');
    // READ (and the DESCRIBE it implies) on the topic; nothing on the cluster (asked in v8-10).
    assert.equal(all.topics[0]!.topicAuthorizedOperations, (1 << Op.READ) | (1 << Op.DESCRIBE));
    assert.equal(all.clusterAuthorizedOperations, 0);
    const adminView = await admin.send(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: true, endpointType: 1 });
    const clusterOps = [Op.CREATE, Op.ALTER, Op.DESCRIBE, Op.CLUSTER_ACTION, Op.DESCRIBE_CONFIGS, Op.ALTER_CONFIGS, Op.IDEMPOTENT_WRITE, Op.CREATE_TOKENS, Op.DESCRIBE_TOKENS];
    assert.equal(adminView.clusterAuthorizedOperations, clusterOps.reduce((n, op) => n | (1 << op), 0), 'a super user may do everything');
    eve.close();
    admin.close();
  }, { storage: 'memory://', ...aclBrokerOptions(['eve']) });
});
