// The client's view of the cluster: one connection per broker node (plus the bootstrap one used
// until the first Metadata answer), a metadata cache of brokers and topics, and the retry loop
// shared by admin, producer and consumer. Metadata is refreshed on demand: when a topic is
// unknown, or after an error that says the cache is stale (NOT_LEADER_OR_FOLLOWER,
// UNKNOWN_TOPIC_OR_PARTITION, LEADER_NOT_AVAILABLE, a leader epoch error, a dropped connection).
import { ApiKey, ErrorCode, type ApiTypes } from '@tideline/protocol';
import { Backoff, sleep } from './backoff.js';
import { Connection, newThrottleStats, type ConnectionOptions, type ThrottleStats } from './connection.js';
import { ClientError, ClientErrorCode, KafkaError, isRetriable, needsMetadataRefresh } from './errors.js';
import { validateSecurity, type SecurityOptions } from './security.js';

export interface ClusterOptions {
  /** `host:port`, or several. */
  bootstrap: string | readonly string[];
  clientId?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Requests in flight per connection. Default 5. */
  maxInFlight?: number;
  /** Retries of a retriable failure (after the first attempt). Default 5. */
  retries?: number;
  /** First retry backoff, doubled each attempt up to `retryBackoffMaxMs`. Default 100. */
  retryBackoffMs?: number;
  retryBackoffMaxMs?: number;
  /** Metadata requests for named topics may create them (broker permitting). Default true. */
  allowAutoTopicCreation?: boolean;
  /** Caps on API versions (apiKey -> max version). */
  versionLimits?: ReadonlyMap<number, number>;
  /** Topic metadata older than this is refreshed (new partitions, moved leaders). Default 300000. */
  metadataMaxAgeMs?: number;
  /** TLS and SASL for every connection (bootstrap and per broker). Default PLAINTEXT. */
  security?: SecurityOptions;
  /** Receives what the client recovers from on its own (retries, failed auto commits, rebalances). Default: nothing. */
  logger?: Logger;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string, error?: unknown) => void;

export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface PartitionInfo {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  errorCode: number;
}

export interface TopicInfo {
  name: string;
  topicId: string;
  isInternal: boolean;
  /** Indexed by partition number. */
  partitions: PartitionInfo[];
  /** When this metadata was received (ms since the epoch). */
  fetchedAt: number;
}


export function parseHostPort(s: string): { host: string; port: number } {
  const i = s.lastIndexOf(':');
  if (i <= 0) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `bootstrap address ${JSON.stringify(s)} is not host:port`);
  const host = s.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  const port = Number(s.slice(i + 1));
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, `bad port in ${JSON.stringify(s)}`);
  return { host, port };
}

export class Cluster {
  readonly options: ClusterOptions;
  readonly brokers = new Map<number, BrokerInfo>();
  readonly topics = new Map<string, TopicInfo>();
  clusterId: string | null = null;
  controllerId = -1;
  private readonly bootstrap: Array<{ host: string; port: number }>;
  private readonly conns = new Map<string, Promise<Connection>>();
  private closed = false;
  private readonly refreshing = new Set<string>();
  /** Quota throttling (KIP-219) received on all of this client's connections; live counters. */
  readonly throttle: ThrottleStats = newThrottleStats();

  constructor(options: ClusterOptions) {
    this.options = options;
    const list = typeof options.bootstrap === 'string' ? options.bootstrap.split(',') : options.bootstrap;
    this.bootstrap = list.map((s) => parseHostPort(s.trim()));
    if (this.bootstrap.length === 0) throw new ClientError(ClientErrorCode.INVALID_ARGUMENT, 'no bootstrap address');
    validateSecurity(options.security);
  }

  private connOptions(host: string, port: number, label: string): ConnectionOptions {
    const o = this.options;
    return {
      host, port, label, throttleStats: this.throttle,
      ...(o.clientId !== undefined ? { clientId: o.clientId } : {}),
      ...(o.connectTimeoutMs !== undefined ? { connectTimeoutMs: o.connectTimeoutMs } : {}),
      ...(o.requestTimeoutMs !== undefined ? { requestTimeoutMs: o.requestTimeoutMs } : {}),
      ...(o.maxInFlight !== undefined ? { maxInFlight: o.maxInFlight } : {}),
      ...(o.versionLimits !== undefined ? { versionLimits: o.versionLimits } : {}),
      ...(o.security !== undefined ? { security: o.security } : {}),
    };
  }

  private pooled(key: string, open: () => Promise<Connection>): Promise<Connection> {
    if (this.closed) return Promise.reject(new ClientError(ClientErrorCode.CLOSED, 'client closed'));
    const existing = this.conns.get(key);
    if (existing !== undefined) return existing;
    const p = open().then(
      (c) => {
        c.onClose(() => {
          if (this.conns.get(key) === p) this.conns.delete(key);
        });
        if (this.closed) c.close();
        return c;
      },
      (e: unknown) => {
        if (this.conns.get(key) === p) this.conns.delete(key);
        throw e;
      },
    );
    this.conns.set(key, p);
    return p;
  }

  /**
   * The connection to a broker node, opened on first use. `purpose` opens a separate connection
   * (e.g. `coordinator`: a JoinGroup parked for seconds must not hold up fetches behind it).
   */
  nodeConnection(nodeId: number, purpose?: string): Promise<Connection> {
    const b = this.brokers.get(nodeId);
    if (b === undefined) return Promise.reject(new ClientError(ClientErrorCode.CONNECTION_ERROR, `broker ${nodeId} is not in the metadata`, { retriable: true, broker: `node ${nodeId}` }));
    const tag = purpose === undefined ? 'node' : purpose;
    return this.pooled(`${tag}:${nodeId}@${b.host}:${b.port}`, () => Connection.connect(this.connOptions(b.host, b.port, `${purpose === undefined ? '' : `${purpose} `}node ${nodeId} (${b.host}:${b.port})`)));
  }

  /** Any usable connection: an open node connection, else a known broker, else the bootstrap list. */
  async anyConnection(): Promise<Connection> {
    for (const [key, p] of this.conns) if (key.startsWith('node:')) return p;
    const errors: string[] = [];
    for (const nodeId of this.brokers.keys()) {
      try {
        return await this.nodeConnection(nodeId);
      } catch (e) {
        if (!isRetriable(e)) throw e;
        errors.push((e as Error).message);
      }
    }
    for (const [i, b] of this.bootstrap.entries()) {
      try {
        return await this.pooled(`bootstrap:${i}`, () => Connection.connect(this.connOptions(b.host, b.port, `bootstrap ${b.host}:${b.port}`)));
      } catch (e) {
        // Authentication and TLS failures are the answer, not a reason to try the next address.
        if (!isRetriable(e)) throw e;
        errors.push((e as Error).message);
      }
    }
    throw new ClientError(ClientErrorCode.CONNECTION_ERROR, `no broker reachable: ${errors.join('; ')}`, { retriable: true });
  }

  /** The controller (KRaft brokers forward admin requests, so any broker also works). */
  async controllerConnection(): Promise<Connection> {
    if (this.controllerId < 0) await this.refreshMetadata([]);
    if (this.brokers.has(this.controllerId)) return this.nodeConnection(this.controllerId);
    return this.anyConnection();
  }

  /**
   * Refreshes brokers and the given topics (null: every topic; []: brokers only). Concurrent
   * refreshes of every known topic share one request.
   */
  async refreshMetadata(topics?: readonly string[] | null): Promise<ApiTypes[3]['response']> {
    const conn = await this.anyConnection();
    const names = topics === undefined ? [...this.topics.keys()] : topics;
    const res = await conn.request(ApiKey.Metadata, {
      topics: names === null ? null : names.map((name) => ({ name })),
      allowAutoTopicCreation: this.options.allowAutoTopicCreation ?? true,
    });
    this.applyMetadata(res, names === null);
    return res;
  }

  private applyMetadata(res: ApiTypes[3]['response'], all: boolean): void {
    this.brokers.clear();
    for (const b of res.brokers) this.brokers.set(b.nodeId, { nodeId: b.nodeId, host: b.host, port: b.port, rack: b.rack });
    this.clusterId = res.clusterId;
    this.controllerId = res.controllerId;
    const seen = new Set<string>();
    for (const t of res.topics) {
      if (t.name === null) continue;
      seen.add(t.name);
      if (t.errorCode !== ErrorCode.NONE) {
        this.topics.delete(t.name);
        continue;
      }
      const partitions: PartitionInfo[] = [];
      for (const p of t.partitions) {
        partitions[p.partitionIndex] = {
          partition: p.partitionIndex, leader: p.leaderId, leaderEpoch: p.leaderEpoch,
          replicas: p.replicaNodes, isr: p.isrNodes, errorCode: p.errorCode,
        };
      }
      this.topics.set(t.name, { name: t.name, topicId: t.topicId, isInternal: t.isInternal, partitions, fetchedAt: Date.now() });
    }
    if (all) for (const name of [...this.topics.keys()]) if (!seen.has(name)) this.topics.delete(name);
  }

  /**
   * Metadata of a topic with a leader for every partition, refreshing (and retrying while the
   * topic is being created) when needed. Throws the topic's KafkaError otherwise.
   */
  async topic(name: string, opts: { refresh?: boolean } = {}): Promise<TopicInfo> {
    const cached = this.topics.get(name);
    if (cached !== undefined && opts.refresh !== true && cached.partitions.every((p) => p !== undefined && p.leader >= 0)) return cached;
    return this.retry(`metadata for ${name}`, async () => {
      const res = await this.refreshMetadata([name]);
      const t = res.topics.find((x) => x.name === name);
      if (t === undefined) throw new KafkaError(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, { topic: name });
      if (t.errorCode !== ErrorCode.NONE) throw new KafkaError(t.errorCode, { topic: name, broker: 'metadata' });
      // Responses to concurrent refreshes are applied in order: a later one (sent while an
      // auto-created topic was still being made) may have removed what this one added. Ask again.
      const info = this.topics.get(name);
      if (info === undefined) throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, { topic: name });
      const bad = info.partitions.find((p) => p === undefined || p.leader < 0);
      if (bad !== undefined || info.partitions.length === 0) throw new KafkaError(ErrorCode.LEADER_NOT_AVAILABLE, { topic: name, ...(bad !== undefined ? { partition: bad.partition } : {}) });
      return info;
    });
  }

  log(level: LogLevel, message: string, error?: unknown): void {
    const l = this.options.logger;
    if (l === undefined) return;
    try {
      l(level, message, error);
    } catch {
      // a logger must not break the client
    }
  }

  /** Adds a broker learned outside Metadata (e.g. a coordinator) unless already known. */
  addBroker(b: BrokerInfo): void {
    if (!this.brokers.has(b.nodeId)) this.brokers.set(b.nodeId, b);
  }

  /**
   * Cached metadata of a topic for hot paths: undefined when unknown; when older than
   * `metadataMaxAgeMs` the cached value is returned and a refresh starts in the background.
   */
  cachedTopic(name: string): TopicInfo | undefined {
    const t = this.topics.get(name);
    if (t !== undefined && Date.now() - t.fetchedAt > (this.options.metadataMaxAgeMs ?? 300_000) && !this.refreshing.has(name)) {
      this.refreshing.add(name);
      this.refreshMetadata([name]).catch(() => undefined).finally(() => this.refreshing.delete(name));
    }
    return t;
  }

  /** Forgets a topic so the next use refreshes its metadata. */
  invalidate(topic: string): void {
    this.topics.delete(topic);
  }

  /**
   * Runs `fn` until it succeeds, retrying retriable errors with exponential backoff; stale-metadata
   * errors drop the concerned topic (or all topics) from the cache first. The last error is thrown.
   */
  async retry<T>(what: string, fn: (attempt: number) => Promise<T>): Promise<T> {
    const retries = this.options.retries ?? 5;
    const backoff = new Backoff({ initialMs: this.options.retryBackoffMs ?? 100, maxMs: this.options.retryBackoffMaxMs ?? 1000 });
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn(attempt);
      } catch (e) {
        if (this.closed || !isRetriable(e) || attempt >= retries) throw e;
        const ms = backoff.next();
        this.log('debug', `${what}: retrying in ${ms} ms (attempt ${attempt + 1} of ${retries})`, e);
        if (needsMetadataRefresh(e)) {
          if (e instanceof KafkaError && e.topic !== undefined) this.invalidate(e.topic);
        }
        await sleep(ms);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.conns.values()];
    this.conns.clear();
    await Promise.all(all.map((p) => p.then((c) => c.close(), () => undefined)));
  }
}
