// What the consumer knows of one assigned partition; shared by the consumer, its fetcher and
// its buffer, which all compare `generation` to drop work a seek, pause or revocation outdated.

export interface PartitionState {
  topic: string;
  partition: number;
  /** Next offset to fetch; null until resolved from `reset`. */
  position: bigint | null;
  reset: 'committed' | 'earliest' | 'latest' | null;
  paused: boolean;
  /** Bumped by seek/pause/revoke: responses to older fetches and buffered records are dropped. */
  generation: number;
  highWatermark: bigint;
  /** Next offset to commit: everything before it was processed. */
  consumed: bigint | null;
  /** The last offset this consumer committed. */
  committed: bigint | null;
  /** Set when the partition is being revoked: no more fetching. */
  revoking: boolean;
  /** In a fetch in flight: not put in another one (a leader change could otherwise fetch it twice). */
  fetching: boolean;
}

export function newPartitionState(topic: string, partition: number): PartitionState {
  return { topic, partition, position: null, reset: null, paused: false, generation: 0, highWatermark: -1n, consumed: null, committed: null, revoking: false, fetching: false };
}
