// startRegistry: the schemas topic, its reader, the election and the HTTP server, started in that
// order and closed in reverse. The server listens only once the reader has caught up with the
// topic, so the first answer already reflects everything stored.
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { Admin, type ClusterOptions, type Logger } from '@tideline/client';
import type { Registry as MetricsRegistry } from 'prom-client';
import type { RegistryAuthOptions } from './auth.js';
import { GroupElection, soleInstance, type Election } from './election.js';
import { createHttpServer } from './http.js';
import { KafkaStore } from './kafka-store.js';
import { RegistryService } from './service.js';
import { RegistryState } from './state.js';

export interface RegistryOptions {
  /** The Kafka cluster (Tideline or Apache Kafka): `host:port`, with `security` when it needs SASL/TLS. */
  cluster: ClusterOptions;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8081 (Confluent's); 0 picks a free port. */
  port?: number;
  /** The URL other instances forward writes to. Default http://host:port as bound (the host name when bound to 0.0.0.0 or ::). */
  advertisedUrl?: string;
  /** Default `_schemas`. */
  topic?: string;
  /** Replication factor of the schemas topic when we create it (capped at the broker count). Default 3. */
  topicReplicationFactor?: number;
  /**
   * Elect a primary through a consumer group (several instances on one cluster). Default true;
   * false makes this instance the only writer (single-instance setups such as `tide dev`).
   */
  leaderElection?: boolean;
  /** Default `schema-registry` (Confluent's `schema.registry.group.id`). */
  groupId?: string;
  /** May this instance become the primary? Default true (Confluent's `leader.eligibility`). */
  leaderEligible?: boolean;
  /** Election group session timeout. Default 10000 (as Confluent). */
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /**
   * How long a write on a non-primary waits for a primary to be known and reachable before it
   * answers 50004/50003. Default twice the session timeout plus 5 s (one failover).
   */
  forwardWaitMs?: number;
  /** Largest request body. Default 16 MiB. */
  maxBodyBytes?: number;
  /** How long a write waits for the reader to apply it. Default 30000. */
  writeTimeoutMs?: number;
  /** Basic auth and subject permissions; default none. */
  auth?: RegistryAuthOptions;
  logger?: Logger;
}

export interface RegistryHandle {
  /** `http://host:port` as bound. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  isPrimary(): boolean;
  primaryUrl(): string | null;
  /** The request metrics (also served at GET /metrics). */
  readonly metrics: MetricsRegistry;
  close(): Promise<void>;
}

export async function startRegistry(opts: RegistryOptions): Promise<RegistryHandle> {
  const logger: Logger = opts.logger ?? (() => undefined);
  const host = opts.host ?? '127.0.0.1';
  const topic = opts.topic ?? '_schemas';
  const state = new RegistryState();
  const electing = opts.leaderElection !== false;
  const groupId = opts.groupId ?? 'schema-registry';
  const store = new KafkaStore({
    cluster: opts.cluster, topic, replicationFactor: opts.topicReplicationFactor ?? 3, timeoutMs: opts.writeTimeoutMs ?? 30_000, logger,
    fencingId: electing ? `${groupId}-writer` : null,
  }, state);
  const closers: Array<() => Promise<unknown>> = [];
  const closeAll = async (): Promise<void> => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    closers.push(() => store.close());
    await store.start();
    const service = new RegistryService(state, store);
    let url = '';
    let election: Election = soleInstance(() => url);
    let clusterId: Promise<string> | null = null;
    const { server, metrics: metricsRegistry } = createHttpServer({
        service,
        election: { isPrimary: () => election.isPrimary(), term: () => election.term(), primaryUrl: () => election.primaryUrl(), waitForPrimary: (t) => election.waitForPrimary(t), close: () => election.close() },
        maxBodyBytes: opts.maxBodyBytes ?? 16 * 1024 * 1024,
        auth: opts.auth ?? null,
        primaryWaitMs: opts.forwardWaitMs ?? Math.min(2 * (opts.sessionTimeoutMs ?? 10_000) + 5_000, 60_000),
        clusterId: () => (clusterId ??= describeClusterId(opts.cluster)),
        catchUp: () => store.catchUp(),
    });
    await listen(server, host, opts.port ?? 8081);
    closers.push(() => closeServer(server));
    const port = (server.address() as AddressInfo).port;
    const wildcard = host === '0.0.0.0' || host === '::';
    const urlHost = wildcard ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    url = `http://${urlHost}:${port}`;
    // Bound to every interface: other instances reach us by host name, not by loopback.
    const advertised = opts.advertisedUrl ?? (wildcard ? `http://${hostname()}:${port}` : url);
    if (electing) {
      const g = new GroupElection({
        cluster: opts.cluster, groupId, topic, onDemoted: () => void store.retire(), onPromoted: () => store.prepare(), advertisedUrl: advertised,
        eligible: opts.leaderEligible ?? true, sessionTimeoutMs: opts.sessionTimeoutMs ?? 10_000,
        heartbeatIntervalMs: opts.heartbeatIntervalMs ?? Math.max(100, Math.floor((opts.sessionTimeoutMs ?? 10_000) / 3)), logger,
      });
      election = g;
      closers.push(() => g.close());
      g.start();
    }
    let closed = false;
    return {
      url, host, port, metrics: metricsRegistry,
      isPrimary: () => election.isPrimary(),
      primaryUrl: () => election.primaryUrl(),
      close: async () => {
        if (closed) return;
        closed = true;
        await closeAll();
      },
    };
  } catch (e) {
    await closeAll();
    throw e;
  }
}

async function describeClusterId(cluster: ClusterOptions): Promise<string> {
  const admin = new Admin(cluster);
  try {
    return (await admin.describeCluster()).clusterId ?? 'unknown';
  } finally {
    await admin.close();
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // A deep accept backlog: a burst of clients connecting at once (a fleet of serializers starting)
    // is queued by the kernel instead of refused and retried (Node's default is 511).
    server.listen({ port, host, backlog: 4096 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
