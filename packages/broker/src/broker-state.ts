// The broker's shared state, handed to every handler through the request context.
import type { HandlerRegistry } from './registry.js';
import type { PartitionChains, SchemaIdValidator } from './schema-validation.js';
import type { Logger } from './logger.js';
import type { TopicManager } from './topics.js';
import type { ProducerIdAllocator } from './producer-ids.js';
import type { FetchSessionCache } from './fetch-sessions.js';
import type { Purgatory } from './purgatory.js';
import type { GroupCoordinator } from './groups/coordinator.js';
import type { ShareCoordinator } from './share/coordinator.js';
import type { TransactionCoordinator } from './txn/coordinator.js';
import type { Authorizer } from './security/authorizer.js';
import type { ScramCredentials } from './security/scram-credentials.js';
import type { QuotaManager } from './quotas/manager.js';
import type { SecurityProtocol } from './security/types.js';
import type { BrokerMetricsHooks } from './metrics/hooks.js';
import type { DynamicBrokerConfigs } from './dynamic-configs.js';

export interface BrokerConfig {
  readonly nodeId: number;
  /** Address clients are told to connect to (Metadata, FindCoordinator). */
  readonly advertisedHost: string;
  advertisedPort: number;
  /**
   * Every listener's advertised endpoint, in listener order (the first is advertisedHost/Port).
   * Metadata, FindCoordinator and DescribeCluster answer with the listener the client is on.
   */
  readonly listeners?: ReadonlyArray<AdvertisedListener>;
  readonly clusterId: string;
  readonly dataDir: string;
  readonly autoCreateTopics: boolean;
  readonly defaultPartitions: number;
  readonly maxRequestSize: number;
  /** `confluent.schema.registry.url`, when broker-side schema validation asks a registry over HTTP. */
  readonly schemaRegistryUrl?: string;
  /** Kafka-named broker configs given at startup (the properties file): STATIC_BROKER_CONFIG. */
  readonly staticConfigs?: Readonly<Record<string, string>>;
}

export interface AdvertisedListener {
  readonly name: string;
  readonly securityProtocol: SecurityProtocol;
  readonly host: string;
  port: number;
}

/** The endpoint advertised on `listener` (the connection's listener): Kafka answers with the same listener's address. */
export function advertisedEndpoint(config: BrokerConfig, listener: string | undefined): { host: string; port: number } {
  const l = listener === undefined ? undefined : config.listeners?.find((x) => x.name === listener);
  return l !== undefined ? { host: l.host, port: l.port } : { host: config.advertisedHost, port: config.advertisedPort };
}

export interface TopicInfo {
  readonly name: string;
  /** Kafka Uuid in its base64url text form. */
  readonly topicId: string;
  readonly partitions: number;
  /** Topic-level overrides only; defaults come from the broker's config definitions. */
  readonly configs: Readonly<Record<string, string>>;
  readonly internal: boolean;
}

export interface Broker {
  readonly config: BrokerConfig;
  readonly log: Logger;
  readonly registry: HandlerRegistry;
  /** Milliseconds since the epoch; injectable for tests. */
  now(): number;
  /** Topics, their partitions' logs and producer state (see topics.ts). */
  readonly topics: TopicManager;
  /** Producer ids for InitProducerId; persisted so ids are never reused. */
  readonly producerIds: ProducerIdAllocator;
  /** Incremental fetch sessions (KIP-227). */
  readonly fetchSessions: FetchSessionCache;
  /** Long-polling fetches waiting for data. */
  readonly fetchWaiters: Purgatory;
  /** Consumer groups and committed offsets (see groups/coordinator.ts). */
  readonly groups: GroupCoordinator;
  /** Share groups (KIP-932): members, share sessions, share-partition states (see share/coordinator.ts). */
  readonly shares: ShareCoordinator;
  /** Transactional ids, their state in __transaction_state, and markers (see txn/coordinator.ts). */
  readonly transactions: TransactionCoordinator;
  /** ACLs and the decisions on them (see security/authorizer.ts); `enabled` false: everything is allowed. */
  readonly authorizer: Authorizer;
  /** SCRAM credentials (durable): SASL/SCRAM and Describe/AlterUserScramCredentials. */
  readonly scram: ScramCredentials;
  /** Broker configs altered at run time (durable) and the layers every config is resolved in. */
  readonly brokerConfigs: DynamicBrokerConfigs;
  /** Client quotas: the durable table, rates and throttle times (see quotas/manager.ts). */
  readonly quotas: QuotaManager;
  /** The data path's metrics (see metrics/); undefined when the broker serves none. */
  metrics?: BrokerMetricsHooks;
  /** Broker-side schema validation (schema-validation.ts): the id lookup and per-partition ordering. */
  readonly schemaValidation?: { readonly validator: SchemaIdValidator | null; readonly chains: PartitionChains };
}
