// startBroker(): the in-process entry point used by `tide dev`, by tests and by users' own suites.
import { resolve } from 'node:path';
import { openStorage } from '@tideline/storage';
import { HandlerRegistry } from './registry.js';
import { DEFAULT_CONNECTION_LIMITS, KafkaServer } from './server.js';
import { ALL_HANDLERS } from './handlers/index.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';
import type { Broker, BrokerConfig } from './broker-state.js';
import { TopicManager } from './topics.js';
import { ProducerIdAllocator } from './producer-ids.js';
import { FetchSessionCache } from './fetch-sessions.js';
import { Purgatory } from './purgatory.js';
import { loadClusterId } from './cluster-id.js';
import { GroupCoordinator } from './groups/coordinator.js';
import type { GroupConfig } from './groups/group-config.js';
import { TransactionCoordinator, type TransactionConfig } from './txn/coordinator.js';
import type { SecurityOptions } from './security/types.js';
import { QuotaManager } from './quotas/manager.js';

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
  /** Transaction coordinator settings (max timeout, timed-out abort interval, transactional id expiry...). */
  transactions?: Partial<TransactionConfig>;
  /** Period of retention and compaction (Kafka: log.retention.check.interval.ms, 300000); 0 disables the timer. */
  logRetentionCheckIntervalMs?: number;
  /** Listeners, TLS, SASL and ACLs (see security/types.ts); absent: one open PLAINTEXT listener. */
  security?: SecurityOptions;
}

export interface RunningBroker {
  /** host:port for clients' bootstrap.servers. */
  readonly bootstrap: string;
  readonly host: string;
  readonly port: number;
  readonly broker: Broker;
  close(): Promise<void>;
}

/** Where the broker's files live and what DescribeLogDirs and `log.dirs` report. */
function dataDirOf(opts: BrokerOptions): { storage: string; dataDir: string } {
  if (opts.dataDir !== undefined) return { storage: opts.storage ?? opts.dataDir, dataDir: resolve(opts.dataDir) };
  if (opts.storage === undefined) throw new TypeError('startBroker needs a dataDir or a storage URL');
  // Without a directory there is no disk to describe: report the storage URL itself.
  return { storage: opts.storage, dataDir: opts.storage };
}

export async function startBroker(opts: BrokerOptions): Promise<RunningBroker> {
  const { storage: storageUrl, dataDir } = dataDirOf(opts);
  const host = opts.host ?? '127.0.0.1';
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'warn');
  const registry = new HandlerRegistry().register(...ALL_HANDLERS);
  const now = (): number => Date.now();
  const fetchWaiters = new Purgatory();
  // Everything opened so far, undone in reverse order if a later step fails.
  const opened: Array<() => unknown> = [];
  try {
    const storage = await openStorage(storageUrl, {
      maintenanceIntervalMs: opts.logRetentionCheckIntervalMs ?? 300_000,
      onEvent: (e) => {
        if (e.type === 'maintenance-error') log.warn({ err: e.error, topic: e.topic, partition: e.partition }, 'log maintenance failed');
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
    const config: BrokerConfig = {
      nodeId: opts.nodeId ?? 1,
      advertisedHost: opts.advertisedHost ?? host,
      advertisedPort: opts.port ?? 9092,
      clusterId: await loadClusterId(storage.node),
      dataDir,
      autoCreateTopics: opts.autoCreateTopics ?? true,
      defaultPartitions: opts.defaultPartitions ?? 1,
      maxRequestSize: opts.maxRequestSize ?? 100 * 1024 * 1024,
    };
    const topics = await TopicManager.open({
      metadata: storage.metadata,
      logs: storage.logs,
      producerSnapshots: storage.producerSnapshots,
      abortedTxns: storage.abortedTxns,
      defaultPartitions: config.defaultPartitions,
      log,
      now,
      onPartitionGone: (key) => fetchWaiters.checkAndComplete(key),
      onHighWatermark: (key) => fetchWaiters.checkAndComplete(key),
    });
    opened.push(() => topics.close());
    // Offsets and groups are rebuilt from __consumer_offsets before the first request is served.
    const groups = await GroupCoordinator.open({ topics, fetchWaiters, log, now, config: opts.groups });
    opened.push(() => groups.close());
    const producerIds = await ProducerIdAllocator.open(storage.producerIds);
    // Transactions are rebuilt from __transaction_state after the groups (whose pending
    // transactional offsets the markers of unfinished transactions complete).
    const transactions = await TransactionCoordinator.open({ topics, groups, fetchWaiters, producerIds, log, now, config: opts.transactions });
    opened.push(() => transactions.close());
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
      transactions,
      quotas: await QuotaManager.open(storage.clientQuotas, now),
    };
    const server = new KafkaServer(broker, registry, {
      host,
      port: opts.port ?? 9092,
      maxRequestSize: config.maxRequestSize,
      ...DEFAULT_CONNECTION_LIMITS,
    }, log);
    const addr = await server.listen();
    config.advertisedPort = addr.port;
    return {
      bootstrap: `${config.advertisedHost}:${addr.port}`,
      host: addr.host,
      port: addr.port,
      broker,
      async close() {
        // Parked JoinGroup/SyncGroup answers go out before the connections close.
        transactions.close();
        groups.close();
        await server.close();
        // Snapshots producer state, then the storage flushes and closes every file.
        await topics.close();
        await storage.close();
      },
    };
  } catch (err) {
    // The first error is the one to report; later ones while undoing are dropped.
    for (const close of opened.reverse()) await Promise.resolve().then(close).catch(() => {});
    throw err;
  }
}
