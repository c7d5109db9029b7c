// Conditional append (Tideline only; KIP-27's "conditional publish" per key): on a topic with
// `tideline.conditional.append=true`, a produced batch whose first record carries the header
// `tl-expected-version` is appended only if its key's current version matches; otherwise nothing
// of the batch is written and the partition answers INVALID_RECORD with the message
// `conditional append conflict: key version is <actual>, expected <expected>` (also in the
// batch's record error). A key's version is the number of data records with that key in the
// partition (so, for an event store keyed by stream id, the stream's version).
//
// The header's value (UTF-8 decimal): N ≥ 0 = exactly N records with this key before the batch
// (0: the key is new); -1 = at least one. Without the header the batch is appended unchecked (and
// still counted). A checked batch must hold records of one key only.
//
// Invariants:
// - A partition's versions equal the counts of its log's data records per key, including the
//   appends handed to the log and not yet written (the log's queue is FIFO). They are built by
//   reading the partition's log once (on the first produce to it after the broker started:
//   nothing is kept elsewhere, so a kill -9 loses nothing; the recovered log is the truth), then
//   changed only synchronously with log.append() in produce's no-await section, so check and
//   append are atomic per partition. Every append to such a topic goes through produce (no
//   transactional batches, so no markers), so nothing else moves the counts.
// - A failed append drops the partition's versions (rebuilt from the log on the next produce).
// - Transactional batches are refused on such topics (aborted records would count), and so are a
//   compacted topic and a log whose start offset moved (compaction, retention or DeleteRecords
//   drop records that counted).
import { decodeBatch, isControl, isTransactional, iterateBatches, lastOffsetOf } from '@tideline/protocol/internal';
import { BrokerError } from './errors.js';
import type { PartitionHandle } from './topics.js';

export const CONDITIONAL_CONFIG = 'tideline.conditional.append';
export const EXPECTED_VERSION_HEADER = 'tl-expected-version';
const READ_BYTES = 4 * 1024 * 1024;

interface Versions {
  counts: Map<string, number>;
}

const state = new WeakMap<PartitionHandle, Versions>();
const building = new WeakMap<PartitionHandle, Promise<void>>();

function keyOf(k: Buffer | null): string | null {
  return k === null ? null : k.toString('latin1');
}

async function build(handle: PartitionHandle): Promise<void> {
  const log = handle.log;
  if (log.logStartOffset !== 0n) throw new BrokerError('POLICY_VIOLATION', `conditional append needs the whole log of ${handle.topic}-${handle.partition}, but it starts at offset ${log.logStartOffset} (set retention.ms=-1 and do not delete records)`);
  const counts = new Map<string, number>();
  let next = 0n;
  const end = log.logEndOffset;
  while (next < end) {
    const r = await log.read(next, READ_BYTES);
    if (r.records.length === 0) break;
    for (const b of iterateBatches(r.records)) {
      const last = lastOffsetOf(b.header);
      if (last < next) continue;
      next = last + 1n;
      if (isControl(b.header.attributes)) continue;
      for (const rec of b.records) {
        const k = keyOf(rec.key);
        if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    }
  }
  state.set(handle, { counts });
}

/** Before produce's no-await section: makes sure the partition's versions are built. */
export async function prepareConditional(handle: PartitionHandle): Promise<void> {
  // Compaction removes records that counted (while the log start stays 0): refused outright.
  if (handle.log.currentConfig.cleanupCompact) throw new BrokerError('POLICY_VIOLATION', `topic ${handle.topic} has ${CONDITIONAL_CONFIG}=true and cleanup.policy=compact: compaction would change the key versions`);
  for (let i = 0; i < 3; i++) {
    if (state.has(handle)) return;
    let p = building.get(handle);
    if (p === undefined) {
      p = build(handle).finally(() => building.delete(handle));
      building.set(handle, p);
    }
    await p;
  }
}

/**
 * In produce's no-await section, right before log.append(): checks the batch against its key's
 * version (throws BrokerError INVALID_RECORD on a conflict, nothing written) and returns the
 * function that records the append once log.append() was called, with its outcome.
 */
export function checkConditional(handle: PartitionHandle, records: Buffer): (appended: Promise<unknown>) => void {
  const s = state.get(handle);
  if (s === undefined) throw new BrokerError('NOT_ENOUGH_REPLICAS', 'conditional append: key versions are being rebuilt, retry');
  const batch = decodeBatch(records);
  if (isTransactional(batch.header.attributes)) throw new BrokerError('INVALID_RECORD', `topic ${handle.topic} has ${CONDITIONAL_CONFIG}=true: transactional batches are refused`);
  const first = batch.records[0];
  const header = first?.headers.find((h) => h.key === EXPECTED_VERSION_HEADER);
  if (first !== undefined && header !== undefined) {
    const key = keyOf(first.key);
    if (key === null) throw new BrokerError('INVALID_RECORD', `${EXPECTED_VERSION_HEADER} needs a record key`);
    for (const r of batch.records) if (keyOf(r.key) !== key) throw new BrokerError('INVALID_RECORD', `a batch with ${EXPECTED_VERSION_HEADER} must hold records of one key`);
    const text = header.value === null ? '' : header.value.toString('utf8');
    if (!/^(-1|0|[1-9]\d{0,15})$/.test(text)) throw new BrokerError('INVALID_RECORD', `${EXPECTED_VERSION_HEADER} '${text.slice(0, 20)}' is not -1 or a version`);
    const expected = Number(text);
    const actual = s.counts.get(key) ?? 0;
    if (expected === -1 ? actual === 0 : actual !== expected) {
      throw new BrokerError('INVALID_RECORD', `conditional append conflict: key version is ${actual}, expected ${expected}`);
    }
  }
  return (appended) => {
    for (const r of batch.records) {
      const k = keyOf(r.key);
      if (k !== null) s.counts.set(k, (s.counts.get(k) ?? 0) + 1);
    }
    appended.catch(() => state.delete(handle));
  };
}
