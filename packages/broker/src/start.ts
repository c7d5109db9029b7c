// startBroker(): the in-process entry point used by `tide dev`, by tests and by users' own suites.
import { resolve } from 'node:path';
import { openStorage } from '@tideline/storage';
import { HandlerRegistry } from './registry.js';
import { DEFAULT_CONNECTION_LIMITS, KafkaServer, type ServerListener, type ServerSasl } from './server.js';
import { ALL_HANDLERS } from './handlers/index.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';
import type { AdvertisedListener, Broker, BrokerConfig } from './broker-state.js';
import { TopicManager } from './topics.js';
import { ProducerIdAllocator } from './producer-ids.js';
import { FetchSessionCache } from './fetch-sessions.js';
import { Purgatory } from './purgatory.js';
import { loadClusterId } from './cluster-id.js';
import { GroupCoordinator } from './groups/coordinator.js';
import type { GroupConfig } from './groups/group-config.js';
import { ShareCoordinator, type ShareConfig } from './share/coordinator.js';
import { TransactionCoordinator, type TransactionConfig } from './txn/coordinator.js';
import { ScramCredentials } from './security/scram-credentials.js';
import { QuotaManager } from './quotas/manager.js';
import type { ListenerSpec, SaslMechanismName, SaslMechanismServer, SaslSettings, SecurityOptions } from './security/types.js';
import { buildMechanisms, listenerKey } from './security/mechanisms.js';
import { SslPrincipalMapper } from './security/principal-mapper.js';
import { Authorizer } from './security/authorizer.js';
import { checkApiAclTable } from './security/api-acls.js';
import { OPENMETRICS_CONTENT_TYPE, PROMETHEUS_CONTENT_TYPE, parseMetricsListen, startMetricsServer, type MetricsServer } from './metrics/http.js';
import type { BrokerMetrics } from './metrics/broker-metrics.js';
import type { Registry } from 'prom-client';
import { PartitionChains, schemaIdValidatorOf, type SchemaIdValidator } from './schema-validation.js';
import { DynamicBrokerConfigs } from './dynamic-configs.js';
import { startupSettingsOf } from './startup-configs.js';

export interface BrokerOptions {
  /**
   * Where logs, topic metadata and broker state live (created if missing). Optional with
   * `storage: 'memory://'`, which writes no file: then it is only the directory DescribeLogDirs
   * and `log.dirs` report.
   */
  dataDir?: string;
  /** Listen address; default 127.0.0.1. */
  host?: string;
  /** Listen port; 0 picks a free one. Default 9092. */
  port?: number;
  /** Host advertised to clients; default: the listen host. */
  advertisedHost?: string;
  nodeId?: number;
  autoCreateTopics?: boolean;
  defaultPartitions?: number;
  maxRequestSize?: number;
  logLevel?: LogLevel;
  logger?: Logger;
  /** Storage engine URL for logs, metadata and broker state: `memory://` or a directory (default: dataDir). */
  storage?: string;
  /** Group coordinator settings (initial rebalance delay, session timeouts, offsets retention...). */
  groups?: Partial<GroupConfig>;
  /** Share-group settings (group.share.*: lock duration, delivery count limit, heartbeat and session timeouts). */
  share?: Partial<ShareConfig>;
  /** Transaction coordinator settings (max timeout, timed-out abort interval, transactional id expiry...). */
  transactions?: Partial<TransactionConfig>;
  /** Period of retention (Kafka: log.retention.check.interval.ms, 300000); 0 disables the timer. */
  logRetentionCheckIntervalMs?: number;
  /**
   * Kafka-named broker configs (server.properties names: num.partitions, log.retention.hours,
   * log.cleaner.backoff.ms, group.*, transaction.* ...), reported as STATIC_BROKER_CONFIG. The
   * typed options above win over them; run-time changes (AlterConfigs) win over both.
   */
  configs?: Readonly<Record<string, string>>;
  /** Listeners, TLS, SASL and ACLs (see security/types.ts); absent: one open PLAINTEXT listener. */
  security?: SecurityOptions;
  /**
   * HOST:PORT of the Prometheus metrics endpoint (GET /metrics; port 0 picks a free one). Absent:
   * no endpoint, and no metrics are collected unless `metrics` is true.
   */
  metricsListen?: string;
  /** Collect metrics (readable through `RunningBroker.metrics.registry`) without serving them; implied by metricsListen. */
  metrics?: boolean;
  /** Commits kept per partition for the consumer-lag status; default 10. */
  lagStatusWindow?: number;
  /**
   * Where topics with `confluent.value.schema.validation` / `confluent.key.schema.validation` check
   * record schema ids: a registry URL (Confluent Server's `confluent.schema.registry.url`) or an
   * in-process validator (`tide dev`). See schema-validation.ts.
   */
  schemaRegistry?: { url: string; basicAuth?: string } | SchemaIdValidator;
}

/** The broker's metrics when enabled. */
export interface RunningBrokerMetrics {
  /**
   * The broker's own prom-client registry (never the global one) with the data-path instruments,
   * process metrics and per-group gauges; the per-partition families are added by `scrape`.
   */
  readonly registry: Registry;
  /** One whole scrape, as GET /metrics answers it: the Prometheus text format (default) or OpenMetrics. */
  scrape(format?: 'prometheus' | 'openmetrics'): Promise<string>;
  /** http://host:port/metrics, when served (metricsListen). */
  readonly url: string | undefined;
}

export interface RunningBroker {
  /** host:port for clients' bootstrap.servers (the first listener). */
  readonly bootstrap: string;
  readonly host: string;
  readonly port: number;
  /** Every listener's bound address by listener name (with `security.listeners`; else PLAINTEXT only). */
  readonly listeners: Readonly<Record<string, { readonly host: string; readonly port: number; readonly bootstrap: string }>>;
  readonly broker: Broker;
  /** Set when metrics are enabled (metricsListen or metrics: true). */
  readonly metrics: RunningBrokerMetrics | undefined;
  close(): Promise<void>;
}

/** The mechanisms enabled on `listener`: its listener.name.<l>.sasl.enabled.mechanisms, else sasl.enabled.mechanisms. */
function mechanismNamesFor(sasl: SaslSettings, listener: string): readonly SaslMechanismName[] {
  for (const [name, list] of Object.entries(sasl.listenerMechanisms ?? {})) if (listenerKey(name) === listenerKey(listener)) return list;
  return sasl.enabledMechanisms;
}

/** A wildcard listen address cannot be advertised; Kafka advertises the host's name, we the loopback. */
function advertisableHost(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
}

/** Where the broker's files live and what DescribeLogDirs and `log.dirs` report. */
function dataDirOf(opts: BrokerOptions): { storage: string; dataDir: string } {
  if (opts.dataDir !== undefined) return { storage: opts.storage ?? opts.dataDir, dataDir: resolve(opts.dataDir) };
  if (opts.storage === undefined) throw new TypeError('startBroker needs a dataDir or a storage URL');
  // Without a directory there is no disk to describe: report the storage URL itself.
  return { storage: opts.storage, dataDir: opts.storage };
}

/**
 * The listeners to open: `security.listeners`, or one PLAINTEXT listener on host:port. Throws
 * (before anything is opened) on settings that contradict each other.
 */
export function resolveListeners(opts: BrokerOptions): { specs: ListenerSpec[]; servers: ServerListener[] } {
  const host = opts.host ?? '127.0.0.1';
  const sec = opts.security;
  const specs: ListenerSpec[] = sec?.listeners !== undefined && sec.listeners.length > 0
    ? [...sec.listeners]
    : [{ name: 'PLAINTEXT', host, port: opts.port ?? 9092, securityProtocol: 'PLAINTEXT', advertisedHost: opts.advertisedHost }];
  const names = new Set<string>();
  const servers: ServerListener[] = [];
  for (const spec of specs) {
    if (names.has(spec.name)) throw new Error(`listeners: listener name ${spec.name} appears twice`);
    names.add(spec.name);
    const tlsNeeded = spec.securityProtocol === 'SSL' || spec.securityProtocol === 'SASL_SSL';
    const saslNeeded = spec.securityProtocol === 'SASL_PLAINTEXT' || spec.securityProtocol === 'SASL_SSL';
    if (saslNeeded && (sec?.sasl === undefined || mechanismNamesFor(sec.sasl, spec.name).length === 0)) {
      throw new Error(`sasl.enabled.mechanisms: listener ${spec.name} is ${spec.securityProtocol} but no SASL mechanism is enabled`);
    }
    if (!tlsNeeded) {
      servers.push({ spec });
      continue;
    }
    const t = sec?.tls;
    if (t === undefined) throw new Error(`ssl.keystore.location: listener ${spec.name} is ${spec.securityProtocol} but no TLS key and certificate are configured`);
    if (t.clientAuth !== 'none' && (t.trustedCerts === undefined || t.trustedCerts.trim() === '')) {
      throw new Error(`ssl.truststore.location: ssl.client.auth=${t.clientAuth} needs trusted CA certificates`);
    }
    const mapper = SslPrincipalMapper.fromRules(t.principalMappingRules);
    servers.push({
      spec,
      tls: { cert: t.certChain, key: t.privateKey, passphrase: t.keyPassword, ca: t.trustedCerts, minVersion: 'TLSv1.2' },
      clientAuth: t.clientAuth,
      principalOf: (dn) => `User:${mapper.name(dn)}`,
    });
  }
  return { specs, servers };
}

export async function startBroker(opts: BrokerOptions): Promise<RunningBroker> {
  const { specs, servers: serverListeners } = resolveListeners(opts);
  const { storage: storageUrl, dataDir } = dataDirOf(opts);
  const host = specs[0]!.host;
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'warn');
  const registry = new HandlerRegistry().register(...ALL_HANDLERS);
  checkApiAclTable(registry);
  const now = (): number => Date.now();
  const fetchWaiters = new Purgatory();
  const metricsAddr = opts.metricsListen === undefined ? undefined : parseMetricsListen(opts.metricsListen);
  const wantMetrics = metricsAddr !== undefined || opts.metrics === true;
  // Group commits reach the metrics once they exist (the storage opens first).
  let onFlushed: ((seconds: number, records: number) => void) | null = null;
  // Everything opened so far, undone in reverse order if a later step fails.
  const opened: Array<() => unknown> = [];
  const staticConfigs = opts.configs ?? {};
  const fromConfigs = startupSettingsOf(staticConfigs);
  try {
    const storage = await openStorage(storageUrl, {
      maintenanceIntervalMs: opts.logRetentionCheckIntervalMs ?? fromConfigs.logRetentionCheckIntervalMs ?? 300_000,
      // The dynamic log.cleaner.backoff.ms is applied once the stored configs are read (below).
      cleaner: { enabled: false, backoffMs: 0 },
      onEvent: (e) => {
        if (e.type === 'flushed') onFlushed?.(e.seconds, e.records);
        else if (e.type === 'maintenance-error') log.warn({ err: e.error, topic: e.topic, partition: e.partition }, 'log maintenance failed');
        else if (e.type === 'index-rebuilt') log.warn({ topic: e.topic, partition: e.partition, segment: String(e.segment) }, 'offset index pointed at the wrong batch; indexes of the segment rebuilt from its batches');
        else if (e.type === 'recovered' && e.report.truncated !== null) {
          const { segment, position, droppedBytes, reason, droppedSegments } = e.report.truncated;
          log.warn({
            topic: e.topic, partition: e.partition, segment: String(segment), position, droppedBytes, reason,
            droppedSegments: droppedSegments.map(String), fullScan: e.report.fullScan,
          }, 'log recovery truncated a corrupt or torn tail');
        }
      },
    });
    opened.push(() => storage.close());
    const advertised: AdvertisedListener[] = specs.map((l) => ({
      name: l.name, securityProtocol: l.securityProtocol, host: l.advertisedHost ?? advertisableHost(l.host), port: l.port,
    }));
    // A first start writes a fresh cluster id (an fsync) while the other stores open; it is
    // durable before the listeners open, so before any client can see it.
    const clusterId = loadClusterId(storage.node);
    clusterId.catch(() => {}); // a failure is reported where it is awaited, below
    opened.push(() => clusterId);
    const nodeId = opts.nodeId ?? 1;
    const defaultPartitions = opts.defaultPartitions ?? fromConfigs.defaultPartitions ?? 1;
    const brokerConfigs = await DynamicBrokerConfigs.open(storage.brokerConfigs, staticConfigs, nodeId);
    const cleanerSchedule = (): { enabled: boolean; backoffMs: number } => ({
      enabled: fromConfigs.cleanerEnabled ?? true,
      backoffMs: Number(brokerConfigs.value('log.cleaner.backoff.ms') ?? '15000'),
    });
    storage.logs.configureCleaner?.(cleanerSchedule());
    const topics = await TopicManager.open({
      brokerConfigs: () => brokerConfigs.layers(),
      ...(fromConfigs.producerIdExpirationMs !== undefined ? { producerIdExpirationMs: fromConfigs.producerIdExpirationMs } : {}),
      metadata: storage.metadata,
      logs: storage.logs,
      producerSnapshots: storage.producerSnapshots,
      abortedTxns: storage.abortedTxns,
      defaultPartitions,
      log,
      now,
      onPartitionGone: (key) => fetchWaiters.checkAndComplete(key),
      onHighWatermark: (key) => fetchWaiters.checkAndComplete(key),
    });
    opened.push(() => topics.close());
    brokerConfigs.onChange(() => {
      topics.refreshBrokerConfigs();
      storage.logs.configureCleaner?.(cleanerSchedule());
    });
    // Offsets and groups are rebuilt from __consumer_offsets before the first request is served.
    const groups = await GroupCoordinator.open({ topics, fetchWaiters, log, now, config: { ...fromConfigs.groups, ...opts.groups } });
    opened.push(() => groups.close());
    // Share-partition states and group configs are read back from storage.
    const shares = await ShareCoordinator.open({
      topics, store: storage.shareState, fetchWaiters, log, now, config: opts.share, otherGroupExists: (id) => groups.get(id) !== undefined,
    });
    opened.push(() => shares.close());
    groups.groupConfigs = (id) => shares.groupConfig(id);
    const producerIds = await ProducerIdAllocator.open(storage.producerIds);
    opened.push(() => producerIds.settled());
    // Transactions are rebuilt from __transaction_state after the groups (whose pending
    // transactional offsets the markers of unfinished transactions complete).
    const transactions = await TransactionCoordinator.open({ topics, groups, fetchWaiters, producerIds, log, now, config: { ...fromConfigs.transactions, ...opts.transactions } });
    opened.push(() => transactions.close());
    const authorizer = await Authorizer.open(opts.security?.acls, storage.acls);
    const scram = new ScramCredentials(storage.scramCredentials);
    const createdScram = await scram.applyInitialUsers(opts.security?.sasl?.initialScramUsers ?? []);
    if (createdScram.length > 0) log.info({ users: createdScram }, 'initial SCRAM users created');
    const config: BrokerConfig = {
      nodeId,
      advertisedHost: advertised[0]!.host,
      advertisedPort: specs[0]!.port,
      listeners: advertised,
      clusterId: await clusterId,
      dataDir,
      autoCreateTopics: opts.autoCreateTopics ?? fromConfigs.autoCreateTopics ?? true,
      defaultPartitions,
      maxRequestSize: opts.maxRequestSize ?? fromConfigs.maxRequestSize ?? 100 * 1024 * 1024,
      staticConfigs,
      ...(opts.schemaRegistry !== undefined && 'url' in opts.schemaRegistry ? { schemaRegistryUrl: opts.schemaRegistry.url } : {}),
    };
    const broker: Broker = {
      config,
      log,
      registry,
      now,
      topics,
      producerIds,
      fetchSessions: new FetchSessionCache({ now }),
      fetchWaiters,
      groups,
      shares,
      transactions,
      authorizer,
      scram,
      quotas: await QuotaManager.open(storage.clientQuotas, now),
      brokerConfigs,
      schemaValidation: { validator: schemaIdValidatorOf(opts.schemaRegistry), chains: new PartitionChains() },
    };
    // prom-client (and the modules of Node's that it loads) only for a broker with metrics.
    const metrics: BrokerMetrics | undefined = wantMetrics ? new (await import('./metrics/broker-metrics.js')).BrokerMetrics(broker, { lagWindow: opts.lagStatusWindow }) : undefined;
    if (metrics !== undefined) {
      broker.metrics = metrics;
      onFlushed = (s, r) => metrics.flushed(s, r);
    }
    let sasl: ServerSasl | undefined;
    const saslSettings = opts.security?.sasl;
    if (saslSettings !== undefined) {
      const all = new Set<SaslMechanismName>([...saslSettings.enabledMechanisms, ...Object.values(saslSettings.listenerMechanisms ?? {}).flat()]);
      const mechanisms = buildMechanisms({ ...saslSettings, enabledMechanisms: [...all] }, broker);
      const forListener = new Map<string, ReadonlyMap<string, SaslMechanismServer>>();
      for (const l of specs) {
        forListener.set(l.name, new Map(mechanismNamesFor(saslSettings, l.name).map((n) => [n, mechanisms.get(n)!] as const)));
      }
      sasl = { mechanismsFor: (l) => forListener.get(l) ?? new Map(), maxReauthMs: saslSettings.maxReauthMs ?? 0 };
    }
    const server = new KafkaServer(broker, registry, {
      host,
      port: specs[0]!.port,
      listeners: serverListeners,
      sasl,
      maxRequestSize: config.maxRequestSize,
      ...DEFAULT_CONNECTION_LIMITS,
    }, log);
    const addr = await server.listen();
    opened.push(() => server.close());
    let metricsServer: MetricsServer | undefined;
    if (metrics !== undefined) {
      metrics.setSources({ connections: () => server.connectionStates(), dataDir: storageUrl.startsWith('memory:') ? null : dataDir });
      if (metricsAddr !== undefined) {
        metricsServer = await startMetricsServer((type) => metrics.render(type), metricsAddr.host, metricsAddr.port, (err) => log.warn({ err }, 'metrics collection failed'));
        opened.push(() => metricsServer!.close());
      }
    }
    const listeners: Record<string, { host: string; port: number; bootstrap: string }> = {};
    for (const l of advertised) {
      const bound = server.addresses.get(l.name)!;
      l.port = specs.find((x) => x.name === l.name)!.advertisedPort ?? bound.port;
      listeners[l.name] = { host: bound.host, port: bound.port, bootstrap: `${l.host}:${bound.port}` };
    }
    config.advertisedPort = advertised[0]!.port;
    return {
      bootstrap: `${config.advertisedHost}:${addr.port}`,
      host: addr.host,
      port: addr.port,
      listeners,
      broker,
      metrics: metrics === undefined ? undefined : {
        registry: metrics.registry,
        url: metricsServer?.url,
        scrape: (format) => metrics.render(format === 'openmetrics' ? OPENMETRICS_CONTENT_TYPE : PROMETHEUS_CONTENT_TYPE),
      },
      async close() {
        await metricsServer?.close();
        metrics?.close();
        // Parked JoinGroup/SyncGroup answers go out before the connections close.
        transactions.close();
        groups.close();
        shares.close();
        await server.close();
        // Snapshots producer state, then the storage flushes and closes every file.
        await topics.close();
        await producerIds.settled();
        await storage.close();
      },
    };
  } catch (err) {
    // The first error is the one to report; later ones while undoing are dropped.
    for (const close of opened.reverse()) await Promise.resolve().then(close).catch(() => {});
    throw err;
  }
}
