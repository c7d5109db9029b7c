// Mutations of a valid request frame (size prefix included). Each returns a new buffer; the
// corpus frame is never changed. `Rng` is a seeded generator so a failing run can be replayed.
import { Off, encodeBatch, encodeRequest, writeBatchCrc } from '@tideline/protocol';
import type { CorpusFrame } from './corpus.js';

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

export type MutationKind = 'flip' | 'size' | 'truncate' | 'extend' | 'int' | 'varint' | 'tags' | 'header' | 'batch';
export const MUTATIONS: readonly MutationKind[] = ['flip', 'size', 'truncate', 'extend', 'int', 'varint', 'tags', 'header', 'batch'];

const INT32S = [-1, 0, 1, 0x7fffffff, -0x80000000, 0x10000, 255, -2];
const INT16S = [-1, 0, 0x7fff, -0x8000, 1, 0x100];

/** Where the body starts: after size(4), key(2), version(2), correlation id(4). */
const HEADER = 12;

function fixSize(b: Buffer): Buffer {
  b.writeInt32BE(b.length - 4, 0);
  return b;
}

/** A Produce v9 frame whose one batch went through `mutateBatch` (CRC fixed or not). */
export function mutatedProduce(rng: Rng, topic: string): Buffer {
  const records = Array.from({ length: 1 + rng.int(4) }, (_, i) => ({
    key: rng.int(3) === 0 ? null : Buffer.from(`k${i}`),
    value: Buffer.alloc(rng.int(64), rng.int(256)),
    headers: rng.int(4) === 0 ? [{ key: 'h', value: Buffer.from('v') }] : [],
  }));
  const compression = rng.int(3) === 0 ? rng.pick([1, 2, 3, 4] as const) : 0;
  const b = encodeBatch({ records, compression, producerId: rng.int(2) === 0 ? -1n : BigInt(rng.int(5)), producerEpoch: 0, baseSequence: rng.int(10) });
  const n = 1 + rng.int(3);
  for (let i = 0; i < n; i++) {
    switch (rng.int(7)) {
      case 0: if (b.length > Off.recordsCount + 4) { const p = Off.recordsCount + 4 + rng.int(b.length - Off.recordsCount - 4); b[p] = rng.int(256); } break;
      case 1: b.writeInt32BE(rng.pick(INT32S), Off.recordsCount); break;
      case 2: b.writeInt32BE(rng.pick(INT32S), Off.lastOffsetDelta); break;
      case 3: b.writeInt32BE(rng.pick([...INT32S, b.length - 12 - 1, b.length - 12 + 1]), Off.batchLength); break;
      case 4: b.writeInt16BE(rng.pick([...INT16S, 0x10, 0x20, 0x30, 0x07, 0x05, 0x08]), Off.attributes); break;
      case 5: b[Off.magic] = rng.pick([0, 1, 3, 255]); break;
      default: b.writeBigInt64BE(BigInt(rng.pick(INT32S)), Off.baseTimestamp); break;
    }
  }
  if (rng.int(4) !== 0 && b.length >= Off.attributes && b.readInt32BE(Off.batchLength) + 12 === b.length) writeBatchCrc(b);
  else if (rng.int(2) === 0 && b.length > Off.attributes) writeBatchCrc(b, 0, b.length);
  return Buffer.concat(encodeRequest(0, 9, rng.int(1 << 30), 'fuzz', {
    acks: rng.pick([-1, 1, 0]), timeoutMs: 1000,
    topicData: [{ name: topic, partitionData: [{ index: rng.int(3) - 1 === 1 ? 1 : 0, records: b }] }],
  }));
}

export function mutate(rng: Rng, f: CorpusFrame, kind: MutationKind, topic: string): Buffer {
  if (kind === 'batch') return mutatedProduce(rng, topic);
  const b = Buffer.from(f.bytes);
  const bodyAt = (): number => HEADER + rng.int(Math.max(1, b.length - HEADER));
  switch (kind) {
    case 'flip': {
      const n = 1 + rng.int(4);
      for (let i = 0; i < n && b.length > 4; i++) b[rng.int(4) === 0 ? 4 + rng.int(b.length - 4) : Math.min(b.length - 1, bodyAt())] ^= 1 << rng.int(8);
      return b;
    }
    case 'size':
      b.writeInt32BE(rng.pick([-1, 0, 1, 7, b.length - 5, b.length - 3, 0x7fffffff, -0x80000000, 200 * 1024 * 1024]), 0);
      return b;
    case 'truncate':
      return fixSize(b.subarray(0, 4 + rng.int(b.length - 4)));
    case 'extend':
      return fixSize(Buffer.concat([b, Buffer.from(Array.from({ length: 1 + rng.int(16) }, () => rng.int(256)))]));
    case 'int': {
      const p = bodyAt();
      if (rng.int(2) === 0 && p + 4 <= b.length) b.writeInt32BE(rng.pick(INT32S), p);
      else if (p + 2 <= b.length) b.writeInt16BE(rng.pick(INT16S), p);
      return b;
    }
    case 'varint': {
      // An over-long or unterminated varint (compact lengths, tag counts, record fields).
      const p = bodyAt();
      const run = 1 + rng.int(10);
      for (let i = 0; i < run && p + i < b.length; i++) b[p + i] = rng.pick([0xff, 0x80, 0xfe]);
      return b;
    }
    case 'tags': {
      // The body's final byte is its tagged-field count in flexible versions (usually 0).
      const tail = [[0x01, rng.int(128), 0xff, 0xff, 0xff, 0xff, 0x0f], [0xff, 0xff, 0xff, 0xff, 0x0f], [0x02, 0x00, 0x00, 0x00, 0x00], [0x01, 0x05, 0x03, 1, 2]];
      return fixSize(Buffer.concat([b.subarray(0, b.length - 1), Buffer.from(rng.pick(tail))]));
    }
    case 'header':
      if (rng.int(2) === 0) b.writeInt16BE(rng.pick([-1, 0x7fff, 99, 1000, rng.int(100)]), 4);
      else b.writeInt16BE(rng.pick([-1, 0x7fff, 100, rng.int(20)]), 6);
      return b;
  }
}
