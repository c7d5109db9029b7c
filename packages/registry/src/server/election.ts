// Choosing the primary among several registry instances, through a real Kafka consumer group (so it
// works on Apache Kafka as on Tideline), as Confluent does with its own group protocol. Every
// instance joins the group subscribed to the schemas topic with one custom assignor: the group's
// leader gives the topic's single partition to the eligible member with the lowest member id, and
// that member is the primary. The others find it with DescribeGroups (the member holding the
// partition) and read its URL from its client id, which carries the advertised URL. The assignor is
// eager, so a rebalance revokes the partition from the old primary before anyone else gets it.
// A primary that dies stops heartbeating; after the session timeout the group rebalances without it.
import { Admin, Consumer, type Assignor, type ClusterOptions, type Logger, type TopicPartition } from '@tideline/client';

export interface Election {
  isPrimary(): boolean;
  /** Changes whenever this instance gains or loses the primary role (a write that spans a change may have used a retired writer). */
  term(): number;
  /** The primary's URL (ours when we are it); null while unknown. */
  primaryUrl(): string | null;
  /** Waits until a primary is known, at most `timeoutMs`. */
  waitForPrimary(timeoutMs: number): Promise<string | null>;
  close(): Promise<void>;
}

/** One instance, always primary (tide dev, or `leaderElection: false`). */
export function soleInstance(url: () => string): Election {
  return {
    isPrimary: () => true,
    term: () => 0,
    primaryUrl: () => url(),
    waitForPrimary: () => Promise.resolve(url()),
    close: () => Promise.resolve(),
  };
}

const CLIENT_ID_PREFIX = 'tideline-registry ';
export const PRIMARY_ASSIGNOR = 'tideline-registry-primary';

export interface GroupElectionOptions {
  cluster: ClusterOptions;
  groupId: string;
  topic: string;
  advertisedUrl: string;
  eligible: boolean;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  logger: Logger;
  /** Called when this instance stops being the primary. */
  onDemoted?(): void;
  /** Called when this instance becomes the primary. */
  onPromoted?(): void;
}

function primaryAssignor(eligible: boolean): Assignor {
  return {
    name: PRIMARY_ASSIGNOR,
    protocol: 'eager',
    userData: () => Buffer.from(JSON.stringify({ eligible }), 'utf8'),
    assign(members, partitionCounts) {
      const out = new Map<string, TopicPartition[]>();
      for (const m of members) out.set(m.memberId, []);
      const candidates = members
        .filter((m) => {
          try {
            return (JSON.parse(m.userData?.toString('utf8') ?? '{}') as { eligible?: boolean }).eligible !== false;
          } catch {
            return false;
          }
        })
        .map((m) => m.memberId)
        .sort();
      const topic = members[0]?.topics[0];
      if (candidates.length > 0 && topic !== undefined && partitionCounts.has(topic)) out.get(candidates[0]!)!.push({ topic, partition: 0 });
      return out;
    },
  };
}

export class GroupElection implements Election {
  private readonly consumer: Consumer;
  private readonly admin: Admin;
  private primary = false;
  private terms = 0;
  private url: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private waiters: Array<() => void> = [];

  constructor(private readonly opts: GroupElectionOptions) {
    this.consumer = new Consumer({
      ...opts.cluster,
      clientId: CLIENT_ID_PREFIX + opts.advertisedUrl,
      groupId: opts.groupId,
      autoCommit: false,
      assignors: [primaryAssignor(opts.eligible)],
      sessionTimeoutMs: opts.sessionTimeoutMs,
      heartbeatIntervalMs: opts.heartbeatIntervalMs,
      rebalanceTimeoutMs: opts.sessionTimeoutMs,
      maxBufferedRecords: 1,
      maxBytes: 1024,
      maxPartitionBytes: 1024,
    });
    this.admin = new Admin(opts.cluster);
  }

  start(): void {
    this.consumer.subscribe([this.opts.topic], {
      onAssigned: (tps) => {
        // We never read through the group: the partition only marks the primary.
        this.consumer.pause(tps);
        if (tps.length > 0) this.setPrimary(true);
        this.poll();
      },
      onRevoked: () => this.setPrimary(false),
      onLost: () => this.setPrimary(false),
    });
    this.poll();
  }

  private setPrimary(p: boolean): void {
    if (p === this.primary) return;
    this.primary = p;
    this.terms++;
    this.opts.logger('info', `registry: ${p ? 'this instance is now the primary' : 'this instance is no longer the primary'} (${this.opts.advertisedUrl})`);
    if (p) {
      this.found(this.opts.advertisedUrl);
      this.opts.onPromoted?.();
    } else {
      this.url = null;
      this.opts.onDemoted?.();
      this.poll();
    }
  }

  private found(url: string | null): void {
    this.url = url;
    if (url !== null) {
      const ws = this.waiters;
      this.waiters = [];
      for (const w of ws) w();
    }
  }

  /** Looks up the member holding the partition; repeats every second. */
  private poll(): void {
    if (this.closed) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.poll(), 1000);
    this.timer.unref();
    if (this.primary) return;
    this.admin.describeGroups([this.opts.groupId]).then(([d]) => {
      if (this.primary || this.closed) return;
      const holder = d?.members.find((m) => m.assignment.some((tp) => tp.topic === this.opts.topic));
      const url = holder !== undefined && holder.clientId.startsWith(CLIENT_ID_PREFIX) ? holder.clientId.slice(CLIENT_ID_PREFIX.length) : null;
      // Ourselves, from before a rebalance took the partition away: not a primary to forward to.
      this.found(url === this.opts.advertisedUrl ? null : url);
    }, (e: unknown) => this.opts.logger('debug', 'registry: describing the election group failed', e));
  }

  isPrimary(): boolean {
    return this.primary;
  }

  term(): number {
    return this.terms;
  }

  primaryUrl(): string | null {
    return this.primary ? this.opts.advertisedUrl : this.url;
  }

  waitForPrimary(timeoutMs: number): Promise<string | null> {
    const now = this.primaryUrl();
    if (now !== null) return Promise.resolve(now);
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        resolve(this.primaryUrl());
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(t);
        resolve(this.primaryUrl());
      };
      this.waiters.push(done);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.primary = false;
    await this.consumer.close().catch(() => undefined);
    await this.admin.close().catch(() => undefined);
  }
}
