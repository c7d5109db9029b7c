// startBroker(): the in-process entry point used by `tide dev`, by tests and by users' own suites.
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { HandlerRegistry } from './registry.js';
import { KafkaServer } from './server.js';
import { ALL_HANDLERS } from './handlers/index.js';
import { createLogger, type LogLevel, type Logger } from './logger.js';
import type { Broker, BrokerConfig } from './broker-state.js';

export interface BrokerOptions {
  /** Where logs and metadata live (created if missing). */
  dataDir: string;
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
}

export interface RunningBroker {
  /** host:port for clients' bootstrap.servers. */
  readonly bootstrap: string;
  readonly host: string;
  readonly port: number;
  readonly broker: Broker;
  close(): Promise<void>;
}

export async function startBroker(opts: BrokerOptions): Promise<RunningBroker> {
  mkdirSync(opts.dataDir, { recursive: true });
  const host = opts.host ?? '127.0.0.1';
  const log = opts.logger ?? createLogger(opts.logLevel ?? 'warn');
  const config: BrokerConfig = {
    nodeId: opts.nodeId ?? 1,
    advertisedHost: opts.advertisedHost ?? host,
    advertisedPort: opts.port ?? 9092,
    clusterId: randomBytes(16).toString('base64url'),
    dataDir: opts.dataDir,
    autoCreateTopics: opts.autoCreateTopics ?? true,
    defaultPartitions: opts.defaultPartitions ?? 1,
    maxRequestSize: opts.maxRequestSize ?? 100 * 1024 * 1024,
  };
  const registry = new HandlerRegistry().register(...ALL_HANDLERS);
  const broker: Broker = { config, log, registry, now: () => Date.now() };
  const server = new KafkaServer(broker, registry, {
    host,
    port: opts.port ?? 9092,
    maxRequestSize: config.maxRequestSize,
    maxInFlightPerConnection: 64,
    maxPendingWriteBytes: 16 * 1024 * 1024,
  }, log);
  const addr = await server.listen();
  config.advertisedPort = addr.port;
  return {
    bootstrap: `${config.advertisedHost}:${addr.port}`,
    host: addr.host,
    port: addr.port,
    broker,
    async close() {
      await server.close();
    },
  };
}
