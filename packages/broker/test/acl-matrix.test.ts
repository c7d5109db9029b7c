// The ACL matrix: for every API in security/api-acls.ts, every check it lists is exercised through a
// real request by a principal holding every ACL the request needs (it must not be refused) and by
// one holding all of them but the one under test (it must be refused with the row's error, or, for
// filtering checks, not see the resource).
// Each principal is a SASL PLAIN user on the broker's SASL_PLAINTEXT listener.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiKey, ErrorCode, type ErrorName } from '@tideline/protocol';
import { API_ACLS, type AclOperationName, type AclResource } from '../src/security/api-acls.js';
import { AclOperation, AclPermissionType, PatternType, ResourceType, CLUSTER_NAME } from '../src/security/acl.js';
import { batch, withBroker, WireClient } from './wire-client.js';
import { aclBrokerOptions } from './helpers/acl.js';
import { HandlerRegistry } from '../src/registry.js';
import { ALL_HANDLERS } from '../src/handlers/index.js';

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';
const TOPIC = 'matrix-topic';
const FILTERED = 'filtered' as const;
type Outcome = number | typeof FILTERED;

interface Acl { resource: AclResource; name: string; operation: AclOperationName }

interface Scenario {
  api: number;
  /** What the scenario exercises, for messages. */
  what: string;
  /** Every ACL the request needs, given `u`, a fresh suffix for this run's own resources. */
  acls(u: string): Acl[];
  /** Resources made by the super user before the run. */
  setup?(admin: WireClient, u: string): Promise<void>;
  send(c: WireClient, u: string): Promise<Outcome>;
}

const AUTH_ERRORS = new Set<number>([
  ErrorCode.TOPIC_AUTHORIZATION_FAILED, ErrorCode.GROUP_AUTHORIZATION_FAILED, ErrorCode.CLUSTER_AUTHORIZATION_FAILED,
  ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
]);

const topic = (name: string, operation: AclOperationName): Acl => ({ resource: 'TOPIC', name, operation });
const group = (name: string, operation: AclOperationName): Acl => ({ resource: 'GROUP', name, operation });
const txn = (name: string, operation: AclOperationName): Acl => ({ resource: 'TRANSACTIONAL_ID', name, operation });
const cluster = (operation: AclOperationName): Acl => ({ resource: 'CLUSTER', name: CLUSTER_NAME, operation });
/** The first non-NONE code. */
const first = (...codes: number[]): number => codes.find((c) => c !== ErrorCode.NONE) ?? ErrorCode.NONE;

const createTopic = async (admin: WireClient, name: string): Promise<void> => {
  const r = await admin.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name, numPartitions: 1, replicationFactor: 1 }] });
  assert.equal(r.topics[0]!.errorCode, ErrorCode.NONE, `create ${name}`);
};
const commitOffset = async (admin: WireClient, groupId: string): Promise<void> => {
  const r = await admin.send(ApiKey.OffsetCommit, 8, {
    groupId, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
    topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: '' }] }],
  });
  assert.equal(r.topics[0]!.partitions[0]!.errorCode, ErrorCode.NONE);
};

const SCENARIOS: Scenario[] = [
  { api: ApiKey.Produce, what: 'produce', acls: () => [topic(TOPIC, 'WRITE')],
    send: async (c) => (await c.send(ApiKey.Produce, 9, { acks: 1, timeoutMs: 5000, transactionalId: null, topicData: [{ name: TOPIC, partitionData: [{ index: 0, records: batch(['x']) }] }] }))
      .responses[0]!.partitionResponses[0]!.errorCode },
  { api: ApiKey.Produce, what: 'transactional produce', acls: (u) => [txn(`tx-${u}`, 'WRITE'), topic(TOPIC, 'WRITE')],
    send: async (c, u) => (await c.send(ApiKey.Produce, 9, {
      acks: -1, timeoutMs: 5000, transactionalId: `tx-${u}`,
      topicData: [{ name: TOPIC, partitionData: [{ index: 0, records: batch(['x'], { transactional: true, producerId: 999n, producerEpoch: 0, baseSequence: 0 }) }] }],
    })).responses[0]!.partitionResponses[0]!.errorCode },
  { api: ApiKey.Fetch, what: 'consumer fetch', acls: () => [topic(TOPIC, 'READ')],
    send: async (c) => {
      const r = await c.send(ApiKey.Fetch, 12, { replicaId: -1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, sessionEpoch: -1, topics: [{ topic: TOPIC, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] });
      return first(r.errorCode, r.responses[0]?.partitions[0]?.errorCode ?? ErrorCode.NONE);
    } },
  { api: ApiKey.Fetch, what: 'follower fetch', acls: () => [cluster('CLUSTER_ACTION'), topic(TOPIC, 'READ')],
    send: async (c) => {
      const r = await c.send(ApiKey.Fetch, 12, { replicaId: 1, maxWaitMs: 0, minBytes: 0, maxBytes: 1 << 20, sessionEpoch: -1, topics: [{ topic: TOPIC, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] });
      return first(r.errorCode, r.responses[0]?.partitions[0]?.errorCode ?? ErrorCode.NONE);
    } },
  { api: ApiKey.ListOffsets, what: 'list offsets', acls: () => [topic(TOPIC, 'DESCRIBE')],
    send: async (c) => (await c.send(ApiKey.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, timestamp: -1n, currentLeaderEpoch: -1 }] }] }))
      .topics[0]!.partitions[0]!.errorCode },
  { api: ApiKey.Metadata, what: 'named topic', acls: () => [topic(TOPIC, 'DESCRIBE')],
    send: async (c) => (await c.send(ApiKey.Metadata, 12, { topics: [{ name: TOPIC, topicId: ZERO_UUID }], allowAutoTopicCreation: false })).topics[0]!.errorCode },
  { api: ApiKey.Metadata, what: 'all topics', acls: () => [topic(TOPIC, 'DESCRIBE')],
    send: async (c) => ((await c.send(ApiKey.Metadata, 12, { topics: null, allowAutoTopicCreation: false })).topics.some((t) => t.name === TOPIC) ? ErrorCode.NONE : FILTERED) },
  { api: ApiKey.Metadata, what: 'auto-creation', acls: (u) => [topic(`auto-${u}`, 'DESCRIBE'), topic(`auto-${u}`, 'CREATE')],
    send: async (c, u) => (await c.send(ApiKey.Metadata, 12, { topics: [{ name: `auto-${u}`, topicId: ZERO_UUID }], allowAutoTopicCreation: true })).topics[0]!.errorCode },
  { api: ApiKey.Metadata, what: 'auto-creation with CREATE on the cluster', acls: (u) => [topic(`auto-${u}`, 'DESCRIBE'), cluster('CREATE')],
    send: async (c, u) => (await c.send(ApiKey.Metadata, 12, { topics: [{ name: `auto-${u}`, topicId: ZERO_UUID }], allowAutoTopicCreation: true })).topics[0]!.errorCode },
  { api: ApiKey.OffsetCommit, what: 'commit', acls: (u) => [group(`g-${u}`, 'READ'), topic(TOPIC, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.OffsetCommit, 8, {
      groupId: `g-${u}`, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
      topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: '' }] }],
    })).topics[0]!.partitions[0]!.errorCode },
  { api: ApiKey.OffsetFetch, what: 'named topics', acls: (u) => [group(`g-${u}`, 'DESCRIBE'), topic(TOPIC, 'DESCRIBE')],
    send: async (c, u) => {
      const g = (await c.send(ApiKey.OffsetFetch, 8, { groups: [{ groupId: `g-${u}`, topics: [{ name: TOPIC, partitionIndexes: [0] }] }], requireStable: false })).groups[0]!;
      return first(g.errorCode, g.topics[0]?.partitions[0]?.errorCode ?? ErrorCode.NONE);
    } },
  { api: ApiKey.OffsetFetch, what: 'all topics', setup: (a, u) => commitOffset(a, `g-${u}`), acls: (u) => [group(`g-${u}`, 'DESCRIBE'), topic(TOPIC, 'DESCRIBE')],
    send: async (c, u) => {
      const g = (await c.send(ApiKey.OffsetFetch, 8, { groups: [{ groupId: `g-${u}`, topics: null }], requireStable: false })).groups[0]!;
      return g.errorCode !== ErrorCode.NONE ? g.errorCode : g.topics.some((t) => t.name === TOPIC) ? ErrorCode.NONE : FILTERED;
    } },
  { api: ApiKey.FindCoordinator, what: 'group key', acls: (u) => [group(`g-${u}`, 'DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.FindCoordinator, 4, { keyType: 0, coordinatorKeys: [`g-${u}`] })).coordinators[0]!.errorCode },
  { api: ApiKey.FindCoordinator, what: 'transaction key', acls: (u) => [txn(`tx-${u}`, 'DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.FindCoordinator, 4, { keyType: 1, coordinatorKeys: [`tx-${u}`] })).coordinators[0]!.errorCode },
  { api: ApiKey.JoinGroup, what: 'join', acls: (u) => [group(`g-${u}`, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.JoinGroup, 5, {
      groupId: `g-${u}`, sessionTimeoutMs: 10000, rebalanceTimeoutMs: 10000, memberId: '', groupInstanceId: null, protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
    })).errorCode },
  { api: ApiKey.Heartbeat, what: 'heartbeat', acls: (u) => [group(`g-${u}`, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.Heartbeat, 3, { groupId: `g-${u}`, generationId: 1, memberId: 'm', groupInstanceId: null })).errorCode },
  { api: ApiKey.LeaveGroup, what: 'leave', acls: (u) => [group(`g-${u}`, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.LeaveGroup, 3, { groupId: `g-${u}`, members: [{ memberId: 'm', groupInstanceId: null }] })).errorCode },
  { api: ApiKey.SyncGroup, what: 'sync', acls: (u) => [group(`g-${u}`, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.SyncGroup, 3, { groupId: `g-${u}`, generationId: 1, memberId: 'm', groupInstanceId: null, assignments: [] })).errorCode },
  { api: ApiKey.DescribeGroups, what: 'describe', acls: (u) => [group(`g-${u}`, 'DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.DescribeGroups, 5, { groups: [`g-${u}`], includeAuthorizedOperations: true })).groups[0]!.errorCode },
  { api: ApiKey.ListGroups, what: 'list by group', setup: (a, u) => commitOffset(a, `g-${u}`), acls: (u) => [group(`g-${u}`, 'DESCRIBE')],
    send: async (c, u) => ((await c.send(ApiKey.ListGroups, 4, { statesFilter: [] })).groups.some((g) => g.groupId === `g-${u}`) ? ErrorCode.NONE : FILTERED) },
  { api: ApiKey.ListGroups, what: 'list by cluster', setup: (a, u) => commitOffset(a, `g-${u}`), acls: () => [cluster('DESCRIBE')],
    send: async (c, u) => ((await c.send(ApiKey.ListGroups, 4, { statesFilter: [] })).groups.some((g) => g.groupId === `g-${u}`) ? ErrorCode.NONE : FILTERED) },
  { api: ApiKey.CreateTopics, what: 'CREATE on the topic', acls: (u) => [topic(`ct-${u}`, 'CREATE')],
    send: async (c, u) => (await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name: `ct-${u}`, numPartitions: 1, replicationFactor: 1 }] })).topics[0]!.errorCode },
  { api: ApiKey.CreateTopics, what: 'CREATE on the cluster', acls: () => [cluster('CREATE')],
    send: async (c, u) => (await c.send(ApiKey.CreateTopics, 7, { timeoutMs: 5000, topics: [{ name: `ct-${u}`, numPartitions: 1, replicationFactor: 1 }] })).topics[0]!.errorCode },
  { api: ApiKey.DeleteTopics, what: 'delete', setup: (a, u) => createTopic(a, `dt-${u}`), acls: (u) => [topic(`dt-${u}`, 'DELETE')],
    send: async (c, u) => (await c.send(ApiKey.DeleteTopics, 6, { timeoutMs: 5000, topics: [{ name: `dt-${u}`, topicId: ZERO_UUID }] })).responses[0]!.errorCode },
  { api: ApiKey.DeleteRecords, what: 'delete records', acls: () => [topic(TOPIC, 'DELETE')],
    send: async (c) => (await c.send(ApiKey.DeleteRecords, 2, { timeoutMs: 5000, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, offset: 0n }] }] })).topics[0]!.partitions[0]!.errorCode },
  { api: ApiKey.InitProducerId, what: 'transactional', acls: (u) => [txn(`tx-${u}`, 'WRITE')],
    send: async (c, u) => (await c.send(ApiKey.InitProducerId, 4, { transactionalId: `tx-${u}`, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 })).errorCode },
  { api: ApiKey.InitProducerId, what: 'idempotent, IDEMPOTENT_WRITE', acls: () => [cluster('IDEMPOTENT_WRITE')],
    send: async (c) => (await c.send(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 })).errorCode },
  { api: ApiKey.InitProducerId, what: 'idempotent, WRITE on a topic', acls: () => [topic(TOPIC, 'WRITE')],
    send: async (c) => (await c.send(ApiKey.InitProducerId, 4, { transactionalId: null, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 })).errorCode },
  { api: ApiKey.AddPartitionsToTxn, what: 'v3', acls: (u) => [txn(`tx-${u}`, 'WRITE'), topic(TOPIC, 'WRITE')],
    send: async (c, u) => (await c.send(ApiKey.AddPartitionsToTxn, 3, {
      v3AndBelowTransactionalId: `tx-${u}`, v3AndBelowProducerId: 999n, v3AndBelowProducerEpoch: 0, v3AndBelowTopics: [{ name: TOPIC, partitions: [0] }],
    })).resultsByTopicV3AndBelow[0]!.resultsByPartition[0]!.partitionErrorCode },
  { api: ApiKey.AddPartitionsToTxn, what: 'v4 verification batch', acls: (u) => [cluster('CLUSTER_ACTION'), txn(`tx-${u}`, 'WRITE'), topic(TOPIC, 'WRITE')],
    send: async (c, u) => {
      const r = await c.send(ApiKey.AddPartitionsToTxn, 4, {
        transactions: [{ transactionalId: `tx-${u}`, producerId: 999n, producerEpoch: 0, verifyOnly: true, topics: [{ name: TOPIC, partitions: [0] }] }],
      });
      return first(r.errorCode, r.resultsByTransaction[0]?.topicResults[0]?.resultsByPartition[0]?.partitionErrorCode ?? ErrorCode.NONE);
    } },
  { api: ApiKey.AddOffsetsToTxn, what: 'add offsets', acls: (u) => [txn(`tx-${u}`, 'WRITE'), group(`g-${u}`, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.AddOffsetsToTxn, 3, { transactionalId: `tx-${u}`, producerId: 999n, producerEpoch: 0, groupId: `g-${u}` })).errorCode },
  { api: ApiKey.EndTxn, what: 'end', acls: (u) => [txn(`tx-${u}`, 'WRITE')],
    send: async (c, u) => (await c.send(ApiKey.EndTxn, 3, { transactionalId: `tx-${u}`, producerId: 999n, producerEpoch: 0, committed: true })).errorCode },
  { api: ApiKey.WriteTxnMarkers, what: 'markers', acls: () => [cluster('CLUSTER_ACTION')],
    send: async (c) => (await c.send(ApiKey.WriteTxnMarkers, 1, {
      markers: [{ producerId: 999n, producerEpoch: 0, transactionResult: false, topics: [{ name: TOPIC, partitionIndexes: [0] }], coordinatorEpoch: 0 }],
    })).markers[0]!.topics[0]!.partitions[0]!.errorCode },
  { api: ApiKey.TxnOffsetCommit, what: 'commit', acls: (u) => [txn(`tx-${u}`, 'WRITE'), group(`g-${u}`, 'READ'), topic(TOPIC, 'READ')],
    send: async (c, u) => (await c.send(ApiKey.TxnOffsetCommit, 3, {
      transactionalId: `tx-${u}`, groupId: `g-${u}`, producerId: 999n, producerEpoch: 0, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null,
      topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: '' }] }],
    })).topics[0]!.partitions[0]!.errorCode },
  { api: ApiKey.DescribeAcls, what: 'describe', acls: () => [cluster('DESCRIBE')],
    send: async (c) => (await c.send(ApiKey.DescribeAcls, 3, {
      resourceTypeFilter: ResourceType.ANY, resourceNameFilter: null, patternTypeFilter: PatternType.ANY, principalFilter: null, hostFilter: null,
      operation: AclOperation.ANY, permissionType: AclPermissionType.ANY,
    })).errorCode },
  { api: ApiKey.CreateAcls, what: 'create', acls: () => [cluster('ALTER')],
    send: async (c, u) => (await c.send(ApiKey.CreateAcls, 3, {
      creations: [{ resourceType: ResourceType.TOPIC, resourceName: `none-${u}`, resourcePatternType: PatternType.LITERAL, principal: 'User:nobody', host: '*', operation: AclOperation.READ, permissionType: AclPermissionType.ALLOW }],
    })).results[0]!.errorCode },
  { api: ApiKey.DeleteAcls, what: 'delete', acls: () => [cluster('ALTER')],
    send: async (c, u) => (await c.send(ApiKey.DeleteAcls, 3, {
      filters: [{ resourceTypeFilter: ResourceType.TOPIC, resourceNameFilter: `none-${u}`, patternTypeFilter: PatternType.LITERAL, principalFilter: null, hostFilter: null, operation: AclOperation.ANY, permissionType: AclPermissionType.ANY }],
    })).filterResults[0]!.errorCode },
  { api: ApiKey.DescribeConfigs, what: 'topic', acls: () => [topic(TOPIC, 'DESCRIBE_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: 2, resourceName: TOPIC, configurationKeys: null }] })).results[0]!.errorCode },
  { api: ApiKey.DescribeConfigs, what: 'broker', acls: () => [cluster('DESCRIBE_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: 4, resourceName: '1', configurationKeys: null }] })).results[0]!.errorCode },
  { api: ApiKey.DescribeConfigs, what: 'group', acls: (u) => [group(`g-${u}`, 'DESCRIBE_CONFIGS')],
    send: async (c, u) => (await c.send(ApiKey.DescribeConfigs, 4, { resources: [{ resourceType: 32, resourceName: `g-${u}`, configurationKeys: null }] })).results[0]!.errorCode },
  { api: ApiKey.AlterConfigs, what: 'topic', acls: () => [topic(TOPIC, 'ALTER_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.AlterConfigs, 2, { validateOnly: true, resources: [{ resourceType: 2, resourceName: TOPIC, configs: [{ name: 'retention.ms', value: '86400000' }] }] })).responses[0]!.errorCode },
  { api: ApiKey.AlterConfigs, what: 'broker', acls: () => [cluster('ALTER_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.AlterConfigs, 2, { validateOnly: true, resources: [{ resourceType: 4, resourceName: '1', configs: [] }] })).responses[0]!.errorCode },
  { api: ApiKey.AlterConfigs, what: 'group', acls: (u) => [group(`g-${u}`, 'ALTER_CONFIGS')],
    send: async (c, u) => (await c.send(ApiKey.AlterConfigs, 2, { validateOnly: true, resources: [{ resourceType: 32, resourceName: `g-${u}`, configs: [] }] })).responses[0]!.errorCode },
  { api: ApiKey.IncrementalAlterConfigs, what: 'topic', acls: () => [topic(TOPIC, 'ALTER_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.IncrementalAlterConfigs, 1, {
      validateOnly: true, resources: [{ resourceType: 2, resourceName: TOPIC, configs: [{ name: 'retention.ms', configOperation: 0, value: '86400000' }] }],
    })).responses[0]!.errorCode },
  { api: ApiKey.IncrementalAlterConfigs, what: 'broker', acls: () => [cluster('ALTER_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.IncrementalAlterConfigs, 1, { validateOnly: true, resources: [{ resourceType: 4, resourceName: '1', configs: [] }] })).responses[0]!.errorCode },
  { api: ApiKey.IncrementalAlterConfigs, what: 'group', acls: (u) => [group(`g-${u}`, 'ALTER_CONFIGS')],
    send: async (c, u) => (await c.send(ApiKey.IncrementalAlterConfigs, 1, { validateOnly: true, resources: [{ resourceType: 32, resourceName: `g-${u}`, configs: [] }] })).responses[0]!.errorCode },
  { api: ApiKey.DescribeLogDirs, what: 'describe', acls: () => [cluster('DESCRIBE')],
    send: async (c) => (await c.send(ApiKey.DescribeLogDirs, 4, { topics: null })).errorCode },
  { api: ApiKey.CreatePartitions, what: 'alter', acls: () => [topic(TOPIC, 'ALTER')],
    send: async (c) => (await c.send(ApiKey.CreatePartitions, 3, { timeoutMs: 5000, validateOnly: true, topics: [{ name: TOPIC, count: 2, assignments: null }] })).results[0]!.errorCode },
  { api: ApiKey.DeleteGroups, what: 'delete', acls: (u) => [group(`g-${u}`, 'DELETE')],
    send: async (c, u) => (await c.send(ApiKey.DeleteGroups, 2, { groupsNames: [`g-${u}`] })).results[0]!.errorCode },
  { api: ApiKey.OffsetDelete, what: 'delete offsets', setup: (a, u) => commitOffset(a, `g-${u}`), acls: (u) => [group(`g-${u}`, 'DELETE'), topic(TOPIC, 'READ')],
    send: async (c, u) => {
      const r = await c.send(ApiKey.OffsetDelete, 0, { groupId: `g-${u}`, topics: [{ name: TOPIC, partitions: [{ partitionIndex: 0 }] }] });
      return first(r.errorCode, r.topics[0]?.partitions[0]?.errorCode ?? ErrorCode.NONE);
    } },
  { api: ApiKey.DescribeClientQuotas, what: 'describe', acls: () => [cluster('DESCRIBE_CONFIGS')],
    send: async (c) => (await c.send(ApiKey.DescribeClientQuotas, 1, { components: [], strict: false })).errorCode },
  { api: ApiKey.AlterClientQuotas, what: 'alter (validate only)', acls: () => [cluster('ALTER_CONFIGS')],
    send: async (c, u) => (await c.send(ApiKey.AlterClientQuotas, 1, {
      validateOnly: true, entries: [{ entity: [{ entityType: 'user', entityName: `q-${u}` }], ops: [{ key: 'producer_byte_rate', value: 1024, remove: false }] }],
    })).entries[0]!.errorCode },
  { api: ApiKey.DescribeUserScramCredentials, what: 'describe', acls: () => [cluster('DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.DescribeUserScramCredentials, 0, { users: [{ name: `sc-${u}` }] })).errorCode },
  { api: ApiKey.AlterUserScramCredentials, what: 'upsert', acls: () => [cluster('ALTER')],
    send: async (c, u) => (await c.send(ApiKey.AlterUserScramCredentials, 0, {
      deletions: [], upsertions: [{ name: `sc-${u}`, mechanism: 1, iterations: 4096, salt: Buffer.from(`salt-${u}`), saltedPassword: Buffer.alloc(32, 7) }],
    })).results[0]!.errorCode },
  { api: ApiKey.DescribeCluster, what: 'describe', acls: () => [cluster('DESCRIBE')],
    send: async (c) => {
      const r = await c.send(ApiKey.DescribeCluster, 1, { includeClusterAuthorizedOperations: true, endpointType: 1 });
      return r.errorCode !== ErrorCode.NONE ? r.errorCode : (r.clusterAuthorizedOperations & (1 << AclOperation.DESCRIBE)) !== 0 ? ErrorCode.NONE : FILTERED;
    } },
  { api: ApiKey.DescribeProducers, what: 'describe', acls: () => [topic(TOPIC, 'READ')],
    send: async (c) => (await c.send(ApiKey.DescribeProducers, 0, { topics: [{ name: TOPIC, partitionIndexes: [0] }] })).topics[0]!.partitions[0]!.errorCode },
  { api: ApiKey.DescribeTransactions, what: 'describe', acls: (u) => [txn(`tx-${u}`, 'DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.DescribeTransactions, 0, { transactionalIds: [`tx-${u}`] })).transactionStates[0]!.errorCode },
  { api: ApiKey.ListTransactions, what: 'list',
    setup: async (a, u) => {
      const r = await a.send(ApiKey.InitProducerId, 4, { transactionalId: `tx-${u}`, transactionTimeoutMs: 60000, producerId: -1n, producerEpoch: -1 });
      assert.equal(r.errorCode, ErrorCode.NONE);
    },
    acls: (u) => [txn(`tx-${u}`, 'DESCRIBE')],
    send: async (c, u) => ((await c.send(ApiKey.ListTransactions, 1, { stateFilters: [], producerIdFilters: [], durationFilter: -1n })).transactionStates
      .some((t) => t.transactionalId === `tx-${u}`) ? ErrorCode.NONE : FILTERED) },
  { api: ApiKey.ConsumerGroupHeartbeat, what: 'join', acls: (u) => [group(`g-${u}`, 'READ'), topic(TOPIC, 'DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.ConsumerGroupHeartbeat, 0, {
      groupId: `g-${u}`, memberId: `m-${u}`, memberEpoch: 0, instanceId: null, rackId: null, rebalanceTimeoutMs: 30000,
      subscribedTopicNames: [TOPIC], serverAssignor: null, topicPartitions: [],
    })).errorCode },
  { api: ApiKey.ConsumerGroupDescribe, what: 'describe', acls: (u) => [group(`g-${u}`, 'DESCRIBE')],
    send: async (c, u) => (await c.send(ApiKey.ConsumerGroupDescribe, 0, { groupIds: [`g-${u}`], includeAuthorizedOperations: true })).groups[0]!.errorCode },
];

const RESOURCE_CODE: Record<AclResource, number> = {
  TOPIC: ResourceType.TOPIC, GROUP: ResourceType.GROUP, CLUSTER: ResourceType.CLUSTER, TRANSACTIONAL_ID: ResourceType.TRANSACTIONAL_ID,
  USER: ResourceType.USER, DELEGATION_TOKEN: ResourceType.DELEGATION_TOKEN,
};

/** The row's check an ACL satisfies (directly or as the `or` alternative). */
function checkFor(api: number, acl: Acl) {
  const row = API_ACLS.find((r) => r.apiKey === api)!;
  return row.checks.find((c) => (c.resource === acl.resource && c.operation === acl.operation) || (c.or?.resource === acl.resource && c.or.operation === acl.operation));
}

test('ACL matrix: every API x (principal with the needed ACL, principal without it)', async (t) => {
  // Every served API whose row checks something has a scenario, and every check of it is exercised.
  const served = new Set(new HandlerRegistry().register(...ALL_HANDLERS).list().map((h) => h.apiKey));
  for (const row of API_ACLS) {
    if (row.checks.length === 0) continue;
    if (!served.has(row.apiKey)) continue; // a row for an API this broker does not serve (yet)
    const scenarios = SCENARIOS.filter((s) => s.api === row.apiKey);
    assert.ok(scenarios.length > 0, `no matrix scenario for ${row.api}`);
    for (const check of row.checks) {
      const covered = scenarios.some((s) => s.acls('u').some((a) => a.resource === check.resource && a.operation === check.operation
        || (check.or !== undefined && a.resource === check.or.resource && a.operation === check.or.operation)));
      assert.ok(covered, `${row.api}: check ${check.operation} on ${check.resource} is not exercised`);
    }
  }
  await withBroker(async (b) => {
    const admin = await WireClient.connectPlain(b.broker.port, 'admin', 'admin');
    await createTopic(admin, TOPIC);
    let n = 0;
    let cases = 0;
    let unauthorizedSuccesses = 0;
    const grant = async (principal: string, acls: Acl[]): Promise<void> => {
      if (acls.length === 0) return;
      const r = await admin.send(ApiKey.CreateAcls, 3, {
        creations: acls.map((a) => ({
          resourceType: RESOURCE_CODE[a.resource], resourceName: a.name, resourcePatternType: PatternType.LITERAL, principal, host: '*',
          operation: AclOperation[a.operation], permissionType: AclPermissionType.ALLOW,
        })),
      });
      for (const x of r.results) assert.equal(x.errorCode, ErrorCode.NONE, x.errorMessage ?? '');
    };
    for (const s of SCENARIOS) {
      const row = API_ACLS.find((r) => r.apiKey === s.api)!;
      for (const [i, acl] of s.acls('probe').entries()) {
        const check = checkFor(s.api, acl);
        assert.ok(check !== undefined, `${row.api} (${s.what}): ${acl.operation} on ${acl.resource} is not in the table`);
        const refusal = ErrorCode[check.error as ErrorName];
        // With every ACL: not refused.
        const uw = `w${n++}`;
        await s.setup?.(admin, uw);
        await grant(`User:${uw}`, s.acls(uw));
        const cw = await WireClient.connectPlain(b.broker.port, uw, uw);
        const withAcl = await s.send(cw, uw);
        cw.close();
        assert.ok(withAcl !== FILTERED && !AUTH_ERRORS.has(withAcl), `${row.api} (${s.what}) with all ACLs was refused: ${String(withAcl)}`);
        // Without the one under test: refused with the row's error (or filtered out).
        const un = `n${n++}`;
        await s.setup?.(admin, un);
        await grant(`User:${un}`, s.acls(un).filter((_, j) => j !== i));
        const cn = await WireClient.connectPlain(b.broker.port, un, un);
        const without = await s.send(cn, un);
        cn.close();
        const refused = without === refusal || (without === FILTERED && check.filters === true);
        if (!refused) unauthorizedSuccesses++;
        assert.ok(refused, `${row.api} (${s.what}) without ${acl.operation} on ${acl.resource}: expected ${check.error}, got ${String(without)}`);
        cases++;
      }
    }
    admin.close();
    t.diagnostic(`ACL matrix: ${cases} (API, resource, operation) cases over ${new Set(SCENARIOS.map((s) => s.api)).size} APIs; unauthorized successes: ${unauthorizedSuccesses}`);
    assert.equal(unauthorizedSuccesses, 0);
  }, { storage: 'memory://', ...aclBrokerOptions(Array.from({ length: 400 }, (_, i) => [`w${i}`, `n${i}`]).flat()) });
});
