// Client side of an incremental fetch session (KIP-227) with one broker. The first request
// (epoch 0) is full and asks for a session; later ones carry only partitions that are new or
// whose fetch offset changed, plus the partitions to forget. An error about the session (or a
// broker that answers session id 0) sends the next request full again.
import { tpKey } from '../partitions.js';

export interface FetchTarget {
  topic: string;
  topicId: string;
  partition: number;
  fetchOffset: bigint;
  maxBytes: number;
}

export interface SessionRequest {
  sessionId: number;
  sessionEpoch: number;
  partitions: FetchTarget[];
  forgotten: Array<{ topic: string; topicId: string; partition: number }>;
}

const FULL_NO_SESSION = -1;

export class FetchSession {
  private sessionId = 0;
  private epoch = 0;
  /** What the broker's session holds: partition -> the offset we last sent. */
  private readonly sent = new Map<string, FetchTarget>();
  private pending: Map<string, FetchTarget> | null = null;

  /** Builds the next request from the partitions wanted now. */
  build(wanted: readonly FetchTarget[]): SessionRequest {
    const full = this.epoch === 0 || this.epoch === FULL_NO_SESSION;
    const next = new Map<string, FetchTarget>();
    for (const w of wanted) next.set(tpKey(w.topic, w.partition), w);
    this.pending = next;
    if (full) {
      return { sessionId: this.epoch === FULL_NO_SESSION ? 0 : 0, sessionEpoch: this.epoch, partitions: [...wanted], forgotten: [] };
    }
    const partitions: FetchTarget[] = [];
    for (const [k, w] of next) {
      const s = this.sent.get(k);
      if (s === undefined || s.fetchOffset !== w.fetchOffset || s.maxBytes !== w.maxBytes) partitions.push(w);
    }
    const forgotten: SessionRequest['forgotten'] = [];
    for (const [k, s] of this.sent) if (!next.has(k)) forgotten.push({ topic: s.topic, topicId: s.topicId, partition: s.partition });
    return { sessionId: this.sessionId, sessionEpoch: this.epoch, partitions, forgotten };
  }

  /** Records a successful response: the session now holds exactly what was built. */
  onResponse(sessionId: number): void {
    const wasFull = this.epoch === 0 || this.epoch === FULL_NO_SESSION;
    this.sent.clear();
    for (const [k, w] of this.pending ?? []) this.sent.set(k, w);
    this.pending = null;
    if (wasFull) {
      if (sessionId === 0) {
        this.epoch = FULL_NO_SESSION;
      } else {
        this.sessionId = sessionId;
        this.epoch = 1;
      }
    } else {
      this.epoch = this.epoch >= 0x7fffffff ? 1 : this.epoch + 1;
    }
  }

  /** After a session error or a failed request: start over with a full request. */
  reset(): void {
    this.sessionId = 0;
    this.epoch = 0;
    this.sent.clear();
    this.pending = null;
  }

  get id(): number {
    return this.sessionId;
  }
}
