// Helpers that generated codecs call; not part of the public API.
import { ProtocolError } from './errors.js';
import type { Writer } from './writer.js';

export { Reader, type TaggedField } from './reader.js';
export { Writer } from './writer.js';
export { ProtocolError } from './errors.js';

export const EMPTY_BYTES: Buffer = Buffer.alloc(0);

/** Writes a records field: nullable bytes given as one buffer or a list of buffers (sent without copying). */
export function writeRecords(w: Writer, v: Buffer | readonly Buffer[] | null, flex: boolean): void {
  if (v === null) {
    if (flex) w.uvarint(0);
    else w.int32(-1);
    return;
  }
  if (Buffer.isBuffer(v)) {
    if (flex) w.compactBytes(v);
    else w.bytes(v);
    return;
  }
  let n = 0;
  for (const b of v) n += b.length;
  if (flex) w.uvarint(n + 1);
  else w.int32(n);
  for (const b of v) w.raw(b);
}

export function nullErr(field: string): never {
  throw new ProtocolError('INVALID_REQUEST', `non-nullable field ${field} was null`);
}

export function nullOr(allowed: boolean, field: string): null {
  if (!allowed) nullErr(field);
  return null;
}

/** Deep equality used to decide whether a tagged field still has its default value (and so is omitted). */
export function isDefaultValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => isDefaultValue(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of Object.keys(bo)) if (!isDefaultValue(ao[k], bo[k])) return false;
  return true;
}
