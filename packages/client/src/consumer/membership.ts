// What a group membership protocol (classic or KIP-848) needs from the consumer, and what it
// offers it. The membership runs its own loop (join/sync/heartbeat or ConsumerGroupHeartbeat),
// independent of how fast the application processes records.
import type { Cluster } from '../cluster.js';
import type { Coordinators } from '../coordinator.js';
import type { TopicPartition } from '../partitions.js';

export interface MembershipHost {
  readonly groupId: string;
  readonly cluster: Cluster;
  readonly coordinators: Coordinators;
  /** Topic names subscribed now (a pattern resolved against the cluster's topics). */
  subscribedTopics(): Promise<string[]>;
  /** The pattern, for KIP-848's broker-side regex (null for a list of names). */
  subscribedPattern(): RegExp | null;
  /** Partitions currently assigned to this member. */
  owned(): TopicPartition[];
  /** New partitions: start fetching (from committed offsets), then the application's listener. */
  assigned(tps: TopicPartition[]): Promise<void>;
  /**
   * Partitions taken away: stop fetching, commit what was processed (auto commit; not when
   * `lost`), run the listener, drop them.
   */
  revoked(tps: TopicPartition[], lost: boolean): Promise<void>;
  /** A fatal membership error (e.g. FENCED_INSTANCE_ID): the consumer stops with it. */
  fatal(e: unknown): void;
}

export interface Membership {
  readonly memberId: string;
  /** Classic: the generation id; KIP-848: the member epoch. -1 when not in a generation. */
  readonly generationId: number;
  readonly groupInstanceId: string | null;
  /** True between JoinGroup and the SyncGroup answer: commits would only meet REBALANCE_IN_PROGRESS. */
  readonly rebalancing: boolean;
  start(): void;
  /** The subscription changed: rejoin (classic) or send it with the next heartbeat. */
  subscriptionChanged(): void;
  /** Commit errors that say the membership is stale (ILLEGAL_GENERATION, ...) */
  onCommitError(e: unknown): void;
  /**
   * The application held a record for longer than maxPollIntervalMs: leave the group (its
   * partitions go to others and are lost here) until resume() is called.
   */
  suspend(): Promise<void>;
  /** The application asks for records again: rejoin. */
  resume(): void;
  /** Revokes everything, leaves the group (unless static), stops the loop. */
  close(): Promise<void>;
}
