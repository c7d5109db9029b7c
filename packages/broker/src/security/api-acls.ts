// What each API checks, as data: one row per API the broker serves, following Kafka's
// "Operations and Resources on Protocols" table. The handlers implement these checks (through
// security/authorize.ts); the broker refuses to start when a registered handler has no row, and the
// ACL matrix test walks every row with a principal that has the needed ACL and one that has not.
import { ApiKey, type ErrorName } from '@tideline/protocol';
import type { HandlerRegistry } from '../registry.js';

export type AclResource = 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID' | 'USER' | 'DELEGATION_TOKEN';
export type AclOperationName =
  | 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ALTER' | 'DESCRIBE' | 'CLUSTER_ACTION' | 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS'
  | 'IDEMPOTENT_WRITE' | 'CREATE_TOKENS' | 'DESCRIBE_TOKENS';

export interface AclCheck {
  readonly resource: AclResource;
  readonly operation: AclOperationName;
  /** The error a refusal answers (per partition, topic, group or for the whole request). */
  readonly error: ErrorName;
  /** When the check applies, if not always (e.g. "transactional producer"). */
  readonly when?: string;
  /** Alternatives: the check passes if this one or `or` passes (CREATE on CLUSTER or on TOPIC). */
  readonly or?: { readonly resource: AclResource; readonly operation: AclOperationName };
  /** The resources the principal may not see are left out of the answer instead of refused. */
  readonly filters?: boolean;
}

export interface ApiAclRow {
  readonly apiKey: number;
  /** Kafka's API name. */
  readonly api: string;
  /** No checks: served to every (authenticated) principal. */
  readonly checks: readonly AclCheck[];
}

const T = 'TOPIC_AUTHORIZATION_FAILED';
const G = 'GROUP_AUTHORIZATION_FAILED';
const C = 'CLUSTER_AUTHORIZATION_FAILED';
const X = 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED';

export const API_ACLS: readonly ApiAclRow[] = [
  { apiKey: ApiKey.Produce, api: 'Produce', checks: [
    { resource: 'TRANSACTIONAL_ID', operation: 'WRITE', error: X, when: 'transactional records' },
    { resource: 'TOPIC', operation: 'WRITE', error: T },
  ] },
  { apiKey: ApiKey.Fetch, api: 'Fetch', checks: [
    { resource: 'TOPIC', operation: 'READ', error: T, when: 'consumer fetch' },
    { resource: 'CLUSTER', operation: 'CLUSTER_ACTION', error: C, when: 'follower fetch (replicaId >= 0)' },
  ] },
  { apiKey: ApiKey.ListOffsets, api: 'ListOffsets', checks: [{ resource: 'TOPIC', operation: 'DESCRIBE', error: T }] },
  { apiKey: ApiKey.Metadata, api: 'Metadata', checks: [
    { resource: 'TOPIC', operation: 'DESCRIBE', error: T, filters: true },
    { resource: 'CLUSTER', operation: 'CREATE', or: { resource: 'TOPIC', operation: 'CREATE' }, error: T, when: 'auto-creation of a missing topic' },
  ] },
  { apiKey: ApiKey.OffsetCommit, api: 'OffsetCommit', checks: [
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T },
  ] },
  { apiKey: ApiKey.OffsetFetch, api: 'OffsetFetch', checks: [
    { resource: 'GROUP', operation: 'DESCRIBE', error: G },
    { resource: 'TOPIC', operation: 'DESCRIBE', error: T, filters: true },
  ] },
  { apiKey: ApiKey.FindCoordinator, api: 'FindCoordinator', checks: [
    { resource: 'GROUP', operation: 'DESCRIBE', error: G, when: 'key type GROUP' },
    { resource: 'TRANSACTIONAL_ID', operation: 'DESCRIBE', error: X, when: 'key type TRANSACTION' },
  ] },
  { apiKey: ApiKey.JoinGroup, api: 'JoinGroup', checks: [{ resource: 'GROUP', operation: 'READ', error: G }] },
  { apiKey: ApiKey.Heartbeat, api: 'Heartbeat', checks: [{ resource: 'GROUP', operation: 'READ', error: G }] },
  { apiKey: ApiKey.LeaveGroup, api: 'LeaveGroup', checks: [{ resource: 'GROUP', operation: 'READ', error: G }] },
  { apiKey: ApiKey.SyncGroup, api: 'SyncGroup', checks: [{ resource: 'GROUP', operation: 'READ', error: G }] },
  { apiKey: ApiKey.DescribeGroups, api: 'DescribeGroups', checks: [{ resource: 'GROUP', operation: 'DESCRIBE', error: G }] },
  { apiKey: ApiKey.ListGroups, api: 'ListGroups', checks: [
    { resource: 'CLUSTER', operation: 'DESCRIBE', or: { resource: 'GROUP', operation: 'DESCRIBE' }, error: C, filters: true },
  ] },
  { apiKey: ApiKey.SaslHandshake, api: 'SaslHandshake', checks: [] },
  { apiKey: ApiKey.ApiVersions, api: 'ApiVersions', checks: [] },
  { apiKey: ApiKey.CreateTopics, api: 'CreateTopics', checks: [
    { resource: 'CLUSTER', operation: 'CREATE', or: { resource: 'TOPIC', operation: 'CREATE' }, error: T },
  ] },
  { apiKey: ApiKey.DeleteTopics, api: 'DeleteTopics', checks: [{ resource: 'TOPIC', operation: 'DELETE', error: T }] },
  { apiKey: ApiKey.DeleteRecords, api: 'DeleteRecords', checks: [{ resource: 'TOPIC', operation: 'DELETE', error: T }] },
  { apiKey: ApiKey.InitProducerId, api: 'InitProducerId', checks: [
    { resource: 'TRANSACTIONAL_ID', operation: 'WRITE', error: X, when: 'transactional id given' },
    { resource: 'CLUSTER', operation: 'IDEMPOTENT_WRITE', or: { resource: 'TOPIC', operation: 'WRITE' }, error: C, when: 'idempotent producer (WRITE on any topic, KIP-679)' },
  ] },
  { apiKey: ApiKey.AddPartitionsToTxn, api: 'AddPartitionsToTxn', checks: [
    { resource: 'CLUSTER', operation: 'CLUSTER_ACTION', error: C, when: 'v4+ (verification batches from brokers)' },
    { resource: 'TRANSACTIONAL_ID', operation: 'WRITE', error: X },
    { resource: 'TOPIC', operation: 'WRITE', error: T },
  ] },
  { apiKey: ApiKey.AddOffsetsToTxn, api: 'AddOffsetsToTxn', checks: [
    { resource: 'TRANSACTIONAL_ID', operation: 'WRITE', error: X },
    { resource: 'GROUP', operation: 'READ', error: G },
  ] },
  { apiKey: ApiKey.EndTxn, api: 'EndTxn', checks: [{ resource: 'TRANSACTIONAL_ID', operation: 'WRITE', error: X }] },
  { apiKey: ApiKey.WriteTxnMarkers, api: 'WriteTxnMarkers', checks: [{ resource: 'CLUSTER', operation: 'CLUSTER_ACTION', error: C }] },
  { apiKey: ApiKey.TxnOffsetCommit, api: 'TxnOffsetCommit', checks: [
    { resource: 'TRANSACTIONAL_ID', operation: 'WRITE', error: X },
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T },
  ] },
  { apiKey: ApiKey.DescribeAcls, api: 'DescribeAcls', checks: [{ resource: 'CLUSTER', operation: 'DESCRIBE', error: C }] },
  { apiKey: ApiKey.CreateAcls, api: 'CreateAcls', checks: [{ resource: 'CLUSTER', operation: 'ALTER', error: C }] },
  { apiKey: ApiKey.DeleteAcls, api: 'DeleteAcls', checks: [{ resource: 'CLUSTER', operation: 'ALTER', error: C }] },
  { apiKey: ApiKey.DescribeConfigs, api: 'DescribeConfigs', checks: [
    { resource: 'TOPIC', operation: 'DESCRIBE_CONFIGS', error: T, when: 'topic resource' },
    { resource: 'CLUSTER', operation: 'DESCRIBE_CONFIGS', error: C, when: 'broker or broker-logger resource' },
    { resource: 'GROUP', operation: 'DESCRIBE_CONFIGS', error: G, when: 'group resource' },
  ] },
  { apiKey: ApiKey.AlterConfigs, api: 'AlterConfigs', checks: [
    { resource: 'TOPIC', operation: 'ALTER_CONFIGS', error: T, when: 'topic resource' },
    { resource: 'CLUSTER', operation: 'ALTER_CONFIGS', error: C, when: 'broker resource' },
    { resource: 'GROUP', operation: 'ALTER_CONFIGS', error: G, when: 'group resource' },
  ] },
  { apiKey: ApiKey.DescribeLogDirs, api: 'DescribeLogDirs', checks: [{ resource: 'CLUSTER', operation: 'DESCRIBE', error: C }] },
  { apiKey: ApiKey.SaslAuthenticate, api: 'SaslAuthenticate', checks: [] },
  { apiKey: ApiKey.CreatePartitions, api: 'CreatePartitions', checks: [{ resource: 'TOPIC', operation: 'ALTER', error: T }] },
  { apiKey: ApiKey.DeleteGroups, api: 'DeleteGroups', checks: [{ resource: 'GROUP', operation: 'DELETE', error: G }] },
  { apiKey: ApiKey.IncrementalAlterConfigs, api: 'IncrementalAlterConfigs', checks: [
    { resource: 'TOPIC', operation: 'ALTER_CONFIGS', error: T, when: 'topic resource' },
    { resource: 'CLUSTER', operation: 'ALTER_CONFIGS', error: C, when: 'broker or broker-logger resource' },
    { resource: 'GROUP', operation: 'ALTER_CONFIGS', error: G, when: 'group resource' },
  ] },
  { apiKey: ApiKey.OffsetDelete, api: 'OffsetDelete', checks: [
    { resource: 'GROUP', operation: 'DELETE', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T },
  ] },
  { apiKey: ApiKey.DescribeClientQuotas, api: 'DescribeClientQuotas', checks: [{ resource: 'CLUSTER', operation: 'DESCRIBE_CONFIGS', error: C }] },
  { apiKey: ApiKey.AlterClientQuotas, api: 'AlterClientQuotas', checks: [{ resource: 'CLUSTER', operation: 'ALTER_CONFIGS', error: C }] },
  { apiKey: ApiKey.DescribeUserScramCredentials, api: 'DescribeUserScramCredentials', checks: [{ resource: 'CLUSTER', operation: 'DESCRIBE', error: C }] },
  { apiKey: ApiKey.AlterUserScramCredentials, api: 'AlterUserScramCredentials', checks: [{ resource: 'CLUSTER', operation: 'ALTER', error: C }] },
  { apiKey: ApiKey.DescribeCluster, api: 'DescribeCluster', checks: [
    { resource: 'CLUSTER', operation: 'DESCRIBE', error: C, filters: true, when: 'includeClusterAuthorizedOperations (0 without it; never refused)' },
  ] },
  { apiKey: ApiKey.DescribeProducers, api: 'DescribeProducers', checks: [{ resource: 'TOPIC', operation: 'READ', error: T }] },
  { apiKey: ApiKey.DescribeTransactions, api: 'DescribeTransactions', checks: [{ resource: 'TRANSACTIONAL_ID', operation: 'DESCRIBE', error: X }] },
  { apiKey: ApiKey.ListTransactions, api: 'ListTransactions', checks: [{ resource: 'TRANSACTIONAL_ID', operation: 'DESCRIBE', error: X, filters: true }] },
  { apiKey: ApiKey.ConsumerGroupHeartbeat, api: 'ConsumerGroupHeartbeat', checks: [
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'DESCRIBE', error: T, when: 'subscribed topic names' },
  ] },
  { apiKey: ApiKey.ConsumerGroupDescribe, api: 'ConsumerGroupDescribe', checks: [{ resource: 'GROUP', operation: 'DESCRIBE', error: G }] },
  { apiKey: ApiKey.ShareGroupHeartbeat, api: 'ShareGroupHeartbeat', checks: [
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'DESCRIBE', error: T, when: 'subscribed topic names' },
  ] },
  { apiKey: ApiKey.ShareGroupDescribe, api: 'ShareGroupDescribe', checks: [{ resource: 'GROUP', operation: 'DESCRIBE', error: G }] },
  { apiKey: ApiKey.ShareFetch, api: 'ShareFetch', checks: [
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T, when: 'per partition' },
  ] },
  { apiKey: ApiKey.DescribeShareGroupOffsets, api: 'DescribeShareGroupOffsets', checks: [
    { resource: 'GROUP', operation: 'DESCRIBE', error: G },
    { resource: 'TOPIC', operation: 'DESCRIBE', error: T, filters: true, when: 'topics the principal may not DESCRIBE are left out' },
  ] },
  { apiKey: ApiKey.AlterShareGroupOffsets, api: 'AlterShareGroupOffsets', checks: [
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T, when: 'per partition' },
  ] },
  { apiKey: ApiKey.DeleteShareGroupOffsets, api: 'DeleteShareGroupOffsets', checks: [
    { resource: 'GROUP', operation: 'DELETE', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T, when: 'per topic' },
  ] },
  { apiKey: ApiKey.ShareAcknowledge, api: 'ShareAcknowledge', checks: [
    { resource: 'GROUP', operation: 'READ', error: G },
    { resource: 'TOPIC', operation: 'READ', error: T, when: 'per partition' },
  ] },
];

const BY_KEY = new Map(API_ACLS.map((r) => [r.apiKey, r]));

export function apiAclRow(apiKey: number): ApiAclRow | undefined {
  return BY_KEY.get(apiKey);
}

/** Throws when a registered handler has no row: a new API cannot ship without its authorization. */
export function checkApiAclTable(registry: HandlerRegistry): void {
  const missing = registry.list().filter((a) => !BY_KEY.has(a.apiKey)).map((a) => a.apiKey);
  if (missing.length > 0) {
    throw new Error(`api key(s) ${missing.join(', ')} have a handler but no row in security/api-acls.ts: say what each checks before serving it`);
  }
}
