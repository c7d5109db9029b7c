// Sparse per-segment indexes, held in memory and written to disk when a segment is sealed or the
// log closes. Both are rebuilt by scanning the segment when missing or implausible.
//   .index     : 8-byte entries  [relativeOffset u32][position u32]
//   .timeindex : 12-byte entries [timestamp i64][relativeOffset u32]

/** Index of the last element of the sorted `keys` that is <= key, or -1. */
function floorIndex(keys: readonly number[], key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! <= key) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export class OffsetIndex {
  private readonly rel: number[] = [];
  private readonly pos: number[] = [];

  get entries(): number {
    return this.rel.length;
  }

  get lastPosition(): number {
    return this.pos.length === 0 ? 0 : this.pos[this.pos.length - 1]!;
  }

  append(relOffset: number, position: number): void {
    const n = this.rel.length;
    if (n > 0 && (relOffset <= this.rel[n - 1]! || position <= this.pos[n - 1]!)) return;
    this.rel.push(relOffset);
    this.pos.push(position);
  }

  /** File position of the batch indexed at or just before `relOffset` (0 if none). */
  lookup(relOffset: number): number {
    const i = floorIndex(this.rel, relOffset);
    return i < 0 ? 0 : this.pos[i]!;
  }

  /** The entry at or just before `relOffset`, or null if none. */
  floorEntry(relOffset: number): { relOffset: number; position: number } | null {
    const i = floorIndex(this.rel, relOffset);
    return i < 0 ? null : { relOffset: this.rel[i]!, position: this.pos[i]! };
  }

  /** Drops entries that point at or beyond `position`. */
  truncateToPosition(position: number): void {
    while (this.pos.length > 0 && this.pos[this.pos.length - 1]! >= position) {
      this.pos.pop();
      this.rel.pop();
    }
  }

  toBuffer(): Buffer {
    const buf = Buffer.allocUnsafe(this.rel.length * 8);
    for (let i = 0; i < this.rel.length; i++) {
      buf.writeUInt32BE(this.rel[i]!, i * 8);
      buf.writeUInt32BE(this.pos[i]!, i * 8 + 4);
    }
    return buf;
  }

  /** Parses an index file; null if it is not plausible for a log of `logSize` bytes. */
  static fromBuffer(buf: Buffer, logSize: number): OffsetIndex | null {
    if (buf.length % 8 !== 0) return null;
    const idx = new OffsetIndex();
    for (let i = 0; i < buf.length; i += 8) {
      const rel = buf.readUInt32BE(i);
      const pos = buf.readUInt32BE(i + 4);
      const n = idx.rel.length;
      if (pos >= logSize || (n > 0 && (rel <= idx.rel[n - 1]! || pos <= idx.pos[n - 1]!))) return null;
      idx.rel.push(rel);
      idx.pos.push(pos);
    }
    return idx;
  }
}

export class TimeIndex {
  private readonly ts: number[] = [];
  private readonly rel: number[] = [];

  get entries(): number {
    return this.ts.length;
  }

  get lastTimestamp(): number {
    return this.ts.length === 0 ? -1 : this.ts[this.ts.length - 1]!;
  }

  get lastRelOffset(): number {
    return this.rel.length === 0 ? -1 : this.rel[this.rel.length - 1]!;
  }

  /** Adds (timestamp, relOffset) if timestamp is larger than every entry so far. */
  maybeAppend(timestamp: number, relOffset: number): void {
    const n = this.ts.length;
    if (n > 0 && (timestamp <= this.ts[n - 1]! || relOffset < this.rel[n - 1]!)) return;
    this.ts.push(timestamp);
    this.rel.push(relOffset);
  }

  /**
   * Relative offset of the batch to start scanning from to find the first record with a timestamp
   * >= `timestamp`: the entry with the largest timestamp <= target (0 if none). Every batch before
   * an entry's batch has smaller timestamps than the entry.
   */
  lookup(timestamp: number): number {
    const i = floorIndex(this.ts, timestamp);
    return i < 0 ? 0 : this.rel[i]!;
  }

  truncateToOffset(relOffset: number): void {
    while (this.rel.length > 0 && this.rel[this.rel.length - 1]! >= relOffset) {
      this.rel.pop();
      this.ts.pop();
    }
  }

  toBuffer(): Buffer {
    const buf = Buffer.allocUnsafe(this.ts.length * 12);
    for (let i = 0; i < this.ts.length; i++) {
      buf.writeBigInt64BE(BigInt(this.ts[i]!), i * 12);
      buf.writeUInt32BE(this.rel[i]!, i * 12 + 8);
    }
    return buf;
  }

  static fromBuffer(buf: Buffer, maxRelOffset: number): TimeIndex | null {
    if (buf.length % 12 !== 0) return null;
    const idx = new TimeIndex();
    for (let i = 0; i < buf.length; i += 12) {
      const ts = Number(buf.readBigInt64BE(i));
      const rel = buf.readUInt32BE(i + 8);
      const n = idx.ts.length;
      if (rel > maxRelOffset || (n > 0 && (ts <= idx.ts[n - 1]! || rel < idx.rel[n - 1]!))) return null;
      idx.ts.push(ts);
      idx.rel.push(rel);
    }
    return idx;
  }
}
