// History checker: pure functions over what clients saw (sends and their acks, polls, group
// commits) plus one final read of every partition from its start. No I/O.
//
// Every record value in a workload must be unique (drivers embed producer id and sequence), so a
// value identifies a record. A send's outcome is `ok` (acknowledged at partition/offset), `error`
// (the client reported a failure: the record may or may not be in the log) or `unknown` (no answer
// before the end). Only `ok` sends carry obligations.
//
// Checks (each a `Check` in CHECKS; add transaction checks the same way):
// - lost-write: an acknowledged record is not in the final read at its acknowledged offset, or a
//   record a consumer read is not in the final read at all.
// - offset-conflict: two reads saw different records at one (topic, partition, offset).
// - record-at-two-offsets: a record was seen at two offsets without being stored twice
//   (a read saw it somewhere the final log does not have it: it moved).
// - idempotent-duplicate: the final log holds a record of an idempotent producer twice.
// - producer-order: an idempotent producer's records on one partition are stored out of send order.
// - poll-order: one consumer session saw a partition's offsets go backwards or repeat.
// - phantom-read: a read returned a record nobody sent.
// - commit-backwards: a group's committed offset for a partition decreased (outside explicit resets).
// - commit-beyond-log: a committed offset is past the end of the final log (it covered lost data).
// - aborted-read, torn-transaction: for transactional sends (`txn` set); read_committed consumers
//   must never see aborted records, and a committed transaction is all-or-nothing in the final log.

export type SendOutcome =
  | { kind: 'ok'; partition: number; offset: bigint }
  | { kind: 'error'; error: string }
  | { kind: 'unknown' };

export interface SendEvent {
  type: 'send';
  /** Producer instance; `seq` orders its sends. */
  producer: string;
  seq: number;
  idempotent: boolean;
  topic: string;
  value: string;
  outcome: SendOutcome;
  /** Transactional sends: the transaction id and its outcome as the producer saw it. */
  txn?: { id: string; outcome: 'commit' | 'abort' | 'unknown' };
}

export interface PollEvent {
  type: 'poll';
  /** A consumer session: offsets per partition must strictly increase within it. A new session
   * starts on every (re)assignment or seek. */
  consumer: string;
  topic: string;
  partition: number;
  offset: bigint;
  value: string;
  /** The consumer used isolation.level=read_committed. */
  readCommitted?: boolean;
}

export interface CommitEvent {
  type: 'commit';
  group: string;
  topic: string;
  partition: number;
  offset: bigint;
  /** An explicit reset or seek backwards (allowed to move the offset down). */
  reset?: boolean;
}

export type HistoryEvent = SendEvent | PollEvent | CommitEvent;

/** One record of the final read (every partition from its log start offset to its end). */
export interface StoredRecord {
  topic: string;
  partition: number;
  offset: bigint;
  value: string;
}

export interface History {
  events: readonly HistoryEvent[];
  final: readonly StoredRecord[];
}

export type AnomalyKind =
  | 'lost-write' | 'offset-conflict' | 'record-at-two-offsets' | 'idempotent-duplicate'
  | 'producer-order' | 'poll-order' | 'phantom-read' | 'commit-backwards' | 'commit-beyond-log'
  | 'aborted-read' | 'torn-transaction'
  /** Reported by drivers, not by a check: an acknowledged commit was not visible after a restart. */
  | 'commit-lost'
  /** Reported by the exactly-once workload: an input record copied twice, or not at all, in the committed output. */
  | 'eos-duplicate' | 'eos-lost';

export interface Anomaly {
  kind: AnomalyKind;
  detail: string;
}

/** Indexes built once and shared by every check. */
export interface Indexed {
  history: History;
  sends: readonly SendEvent[];
  polls: readonly PollEvent[];
  commits: readonly CommitEvent[];
  sendByValue: ReadonlyMap<string, SendEvent>;
  /** "topic/partition/offset" -> value, from the final read. */
  finalAt: ReadonlyMap<string, string>;
  /** value -> "topic/partition/offset" keys in the final read. */
  finalOffsetsOf: ReadonlyMap<string, string[]>;
  /** "topic/partition" -> offset after the last stored record. */
  finalEnd: ReadonlyMap<string, bigint>;
}

export type Check = (h: Indexed) => Anomaly[];

const at = (topic: string, partition: number, offset: bigint): string => `${topic}/${partition}/${offset}`;
const tp = (topic: string, partition: number): string => `${topic}/${partition}`;

export function index(history: History): Indexed {
  const sends: SendEvent[] = [];
  const polls: PollEvent[] = [];
  const commits: CommitEvent[] = [];
  for (const e of history.events) {
    if (e.type === 'send') sends.push(e);
    else if (e.type === 'poll') polls.push(e);
    else commits.push(e);
  }
  const sendByValue = new Map<string, SendEvent>();
  for (const s of sends) sendByValue.set(s.value, s);
  const finalAt = new Map<string, string>();
  const finalOffsetsOf = new Map<string, string[]>();
  const finalEnd = new Map<string, bigint>();
  for (const r of history.final) {
    const key = at(r.topic, r.partition, r.offset);
    finalAt.set(key, r.value);
    const list = finalOffsetsOf.get(r.value);
    if (list === undefined) finalOffsetsOf.set(r.value, [key]);
    else list.push(key);
    const end = finalEnd.get(tp(r.topic, r.partition)) ?? 0n;
    if (r.offset + 1n > end) finalEnd.set(tp(r.topic, r.partition), r.offset + 1n);
  }
  return { history, sends, polls, commits, sendByValue, finalAt, finalOffsetsOf, finalEnd };
}

const lostWrites: Check = (h) => {
  const out: Anomaly[] = [];
  for (const s of h.sends) {
    // Transactional sends are owed only when their transaction committed.
    if (s.outcome.kind !== 'ok' || (s.txn !== undefined && s.txn.outcome !== 'commit')) continue;
    const key = at(s.topic, s.outcome.partition, s.outcome.offset);
    const found = h.finalAt.get(key);
    if (found !== s.value) {
      out.push({ kind: 'lost-write', detail: `${s.producer}#${s.seq} ${JSON.stringify(s.value)} acked at ${key}, final read has ${found === undefined ? 'nothing' : JSON.stringify(found)} there` });
    }
  }
  // A record a consumer read must survive: the high watermark only covers durable data.
  const reported = new Set<string>();
  for (const p of h.polls) {
    if (h.finalOffsetsOf.has(p.value) || reported.has(p.value)) continue;
    reported.add(p.value);
    out.push({ kind: 'lost-write', detail: `${JSON.stringify(p.value)} read by ${p.consumer} at ${at(p.topic, p.partition, p.offset)}, absent from the final read` });
  }
  return out;
};

/** Every (position, value) observation: acks, polls and the final read. */
function observations(h: Indexed): Array<{ key: string; value: string; source: string }> {
  const obs: Array<{ key: string; value: string; source: string }> = [];
  for (const s of h.sends) {
    if (s.outcome.kind === 'ok') obs.push({ key: at(s.topic, s.outcome.partition, s.outcome.offset), value: s.value, source: `ack to ${s.producer}` });
  }
  for (const p of h.polls) obs.push({ key: at(p.topic, p.partition, p.offset), value: p.value, source: `poll by ${p.consumer}` });
  for (const r of h.history.final) obs.push({ key: at(r.topic, r.partition, r.offset), value: r.value, source: 'final read' });
  return obs;
}

const offsetConflicts: Check = (h) => {
  const out: Anomaly[] = [];
  const seen = new Map<string, { value: string; source: string }>();
  const reported = new Set<string>();
  for (const o of observations(h)) {
    const prev = seen.get(o.key);
    if (prev === undefined) seen.set(o.key, o);
    else if (prev.value !== o.value && !reported.has(o.key)) {
      reported.add(o.key);
      out.push({ kind: 'offset-conflict', detail: `${o.key}: ${prev.source} saw ${JSON.stringify(prev.value)}, ${o.source} saw ${JSON.stringify(o.value)}` });
    }
  }
  return out;
};

const movedRecords: Check = (h) => {
  const out: Anomaly[] = [];
  const positions = new Map<string, Set<string>>();
  for (const o of observations(h)) {
    let set = positions.get(o.value);
    if (set === undefined) positions.set(o.value, (set = new Set()));
    set.add(o.key);
  }
  for (const [value, keys] of positions) {
    if (keys.size < 2) continue;
    const stored = new Set(h.finalOffsetsOf.get(value) ?? []);
    const elsewhere = [...keys].filter((k) => !stored.has(k));
    // Seen at two places and at least one of them is not where the final log keeps it.
    if (elsewhere.length > 0 && stored.size > 0) {
      out.push({ kind: 'record-at-two-offsets', detail: `${JSON.stringify(value)} seen at ${[...keys].join(', ')}; final log has it at ${[...stored].join(', ')}` });
    }
  }
  return out;
};

const idempotentDuplicates: Check = (h) => {
  const out: Anomaly[] = [];
  for (const [value, keys] of h.finalOffsetsOf) {
    if (keys.length < 2) continue;
    const s = h.sendByValue.get(value);
    if (s === undefined || s.idempotent) {
      out.push({ kind: 'idempotent-duplicate', detail: `${JSON.stringify(value)} (${s === undefined ? 'unknown producer' : s.producer}) stored at ${keys.join(', ')}` });
    }
  }
  return out;
};

const producerOrder: Check = (h) => {
  const out: Anomaly[] = [];
  // producer + partition -> stored positions in send order
  const byProducer = new Map<string, Array<{ seq: number; offset: bigint }>>();
  for (const s of h.sends) {
    if (!s.idempotent) continue;
    for (const key of h.finalOffsetsOf.get(s.value) ?? []) {
      const cut = key.lastIndexOf('/');
      const group = `${s.producer} ${key.slice(0, cut)}`;
      let list = byProducer.get(group);
      if (list === undefined) byProducer.set(group, (list = []));
      list.push({ seq: s.seq, offset: BigInt(key.slice(cut + 1)) });
    }
  }
  for (const [group, list] of byProducer) {
    list.sort((a, b) => a.seq - b.seq);
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.offset <= list[i - 1]!.offset) {
        out.push({ kind: 'producer-order', detail: `${group}: send #${list[i]!.seq} stored at ${list[i]!.offset}, before #${list[i - 1]!.seq} at ${list[i - 1]!.offset}` });
        break;
      }
    }
  }
  return out;
};

const pollOrder: Check = (h) => {
  const out: Anomaly[] = [];
  const last = new Map<string, bigint>();
  for (const p of h.polls) {
    const key = `${p.consumer} ${tp(p.topic, p.partition)}`;
    const prev = last.get(key);
    if (prev !== undefined && p.offset <= prev) {
      out.push({ kind: 'poll-order', detail: `${key}: offset ${p.offset} after ${prev}` });
    }
    last.set(key, p.offset);
  }
  return out;
};

const phantomReads: Check = (h) => {
  const out: Anomaly[] = [];
  for (const p of h.polls) {
    if (!h.sendByValue.has(p.value)) out.push({ kind: 'phantom-read', detail: `${p.consumer} read ${JSON.stringify(p.value)} at ${at(p.topic, p.partition, p.offset)}, never sent` });
  }
  for (const r of h.history.final) {
    if (!h.sendByValue.has(r.value)) out.push({ kind: 'phantom-read', detail: `final read has ${JSON.stringify(r.value)} at ${at(r.topic, r.partition, r.offset)}, never sent` });
  }
  return out;
};

const commitChecks: Check = (h) => {
  const out: Anomaly[] = [];
  const last = new Map<string, bigint>();
  for (const c of h.commits) {
    const key = `${c.group} ${tp(c.topic, c.partition)}`;
    const prev = last.get(key);
    if (prev !== undefined && c.offset < prev && c.reset !== true) {
      out.push({ kind: 'commit-backwards', detail: `${key}: committed ${c.offset} after ${prev}` });
    }
    last.set(key, c.offset);
    const end = h.finalEnd.get(tp(c.topic, c.partition)) ?? 0n;
    if (c.offset > end) out.push({ kind: 'commit-beyond-log', detail: `${key}: committed ${c.offset}, final log ends at ${end}` });
  }
  return out;
};

const abortedReads: Check = (h) => {
  const out: Anomaly[] = [];
  for (const p of h.polls) {
    if (p.readCommitted !== true) continue;
    const s = h.sendByValue.get(p.value);
    if (s?.txn?.outcome === 'abort') out.push({ kind: 'aborted-read', detail: `${p.consumer} (read_committed) read aborted ${JSON.stringify(p.value)} of ${s.txn.id}` });
  }
  return out;
};

const tornTransactions: Check = (h) => {
  const out: Anomaly[] = [];
  const txns = new Map<string, { stored: number; total: number }>();
  for (const s of h.sends) {
    if (s.txn === undefined || s.txn.outcome !== 'commit') continue;
    const t = txns.get(s.txn.id) ?? { stored: 0, total: 0 };
    t.total++;
    if (h.finalOffsetsOf.has(s.value)) t.stored++;
    txns.set(s.txn.id, t);
  }
  for (const [id, t] of txns) {
    if (t.stored !== t.total) out.push({ kind: 'torn-transaction', detail: `${id}: ${t.stored} of ${t.total} records of a committed transaction are stored` });
  }
  return out;
};

export const CHECKS: ReadonlyArray<{ name: string; check: Check }> = [
  { name: 'lost writes', check: lostWrites },
  { name: 'offset conflicts', check: offsetConflicts },
  { name: 'records at two offsets', check: movedRecords },
  { name: 'idempotent duplicates', check: idempotentDuplicates },
  { name: 'producer order', check: producerOrder },
  { name: 'poll order', check: pollOrder },
  { name: 'phantom reads', check: phantomReads },
  { name: 'committed offsets', check: commitChecks },
  { name: 'aborted reads', check: abortedReads },
  { name: 'torn transactions', check: tornTransactions },
];

export interface CheckResult {
  anomalies: Anomaly[];
  stats: { sends: number; acked: number; polls: number; commits: number; stored: number };
}

/** Runs every check (or `checks`) over a history. */
export function checkHistory(history: History, checks: ReadonlyArray<{ check: Check }> = CHECKS): CheckResult {
  const h = index(history);
  return {
    anomalies: checks.flatMap((c) => c.check(h)),
    stats: {
      sends: h.sends.length,
      acked: h.sends.filter((s) => s.outcome.kind === 'ok').length,
      polls: h.polls.length,
      commits: h.commits.length,
      stored: history.final.length,
    },
  };
}
