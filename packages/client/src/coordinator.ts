// Coordinator lookup (FindCoordinator) for consumer groups (key type 0) and transactional ids
// (key type 1), cached per key until a NOT_COORDINATOR / COORDINATOR_NOT_AVAILABLE answer or a
// dropped connection says the cache is stale.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import type { Cluster } from './cluster.js';
import type { Connection } from './connection.js';
import { ClientError, KafkaError } from './errors.js';

export type CoordinatorType = 'group' | 'transaction';

/** Errors after which the coordinator must be looked up again. */
const COORDINATOR_MOVED = new Set<number>([ErrorCode.COORDINATOR_NOT_AVAILABLE, ErrorCode.NOT_COORDINATOR]);

export function coordinatorMoved(e: unknown): boolean {
  return (e instanceof KafkaError && COORDINATOR_MOVED.has(e.errorCode)) || (e instanceof ClientError && e.code === 'CONNECTION_ERROR');
}

export class Coordinators {
  private readonly cache = new Map<string, Promise<number>>();

  constructor(private readonly cluster: Cluster) {}

  /** The coordinator's connection for a group or transactional id. */
  async connection(type: CoordinatorType, key: string): Promise<Connection> {
    return this.cluster.nodeConnection(await this.nodeId(type, key), 'coordinator');
  }

  /** The coordinator's node id (looked up once, then cached). */
  nodeId(type: CoordinatorType, key: string): Promise<number> {
    const k = `${type}\u0000${key}`;
    let p = this.cache.get(k);
    if (p === undefined) {
      const found = this.find(type, key);
      p = found;
      this.cache.set(k, found);
      found.catch(() => {
        if (this.cache.get(k) === found) this.cache.delete(k);
      });
    }
    return p;
  }

  invalidate(type: CoordinatorType, key: string): void {
    this.cache.delete(`${type}\u0000${key}`);
  }

  /** Drops the cached coordinator when `e` says it moved. */
  onError(type: CoordinatorType, key: string, e: unknown): void {
    if (coordinatorMoved(e)) this.invalidate(type, key);
  }

  private async find(type: CoordinatorType, key: string): Promise<number> {
    const conn = await this.cluster.anyConnection();
    const keyType = type === 'group' ? 0 : 1;
    const version = conn.versionFor(ApiKey.FindCoordinator);
    const res = await conn.request(ApiKey.FindCoordinator, { key, keyType, coordinatorKeys: [key] });
    let errorCode = res.errorCode;
    let message = res.errorMessage;
    let nodeId = res.nodeId;
    let host = res.host;
    let port = res.port;
    if (version >= 4) {
      const c = res.coordinators.find((x) => x.key === key) ?? res.coordinators[0];
      if (c === undefined) throw new KafkaError(ErrorCode.COORDINATOR_NOT_AVAILABLE, { broker: conn.label, message: `no coordinator for ${type} ${key}` });
      ({ errorCode, errorMessage: message, nodeId, host, port } = c);
    }
    if (errorCode !== ErrorCode.NONE) throw new KafkaError(errorCode, { broker: conn.label, message });
    this.cluster.addBroker({ nodeId, host, port, rack: null });
    return nodeId;
  }
}
