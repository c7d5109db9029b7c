// Confluent's wire format for a serialized key or value, as its clients write it:
// - magic byte 0, the schema id as a 4-byte big-endian int, then the payload (the classic form);
// - magic byte 1 and a 16-byte schema GUID, then the payload (the newer form, read only);
// - the newer header form: a `__key_schema_id` / `__value_schema_id` record header holding the
//   magic-1 GUID form (or the magic-0 id form), the payload carrying no prefix at all.
// Protobuf payloads add, after the id, the message indexes that pick the message type in the
// schema's file: a zig-zag varint count, then each index as a zig-zag varint; the common case
// [0] (the file's first message) is the single byte 0.
// Read that way from @confluentinc/schemaregistry's serde.ts (SchemaId, DualSchemaIdDeserializer).

export const MAGIC_BYTE_ID = 0;
export const MAGIC_BYTE_GUID = 1;
export const KEY_SCHEMA_ID_HEADER = '__key_schema_id';
export const VALUE_SCHEMA_ID_HEADER = '__value_schema_id';
/** Bytes before the payload in the magic-0 form. */
export const ID_PREFIX_BYTES = 5;
/** More message indexes than any real file nests: a count beyond this is not an index array. */
const MAX_MESSAGE_INDEXES = 64;

export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

/** Where a payload's schema is: an id or a GUID, with Protobuf's message indexes. */
export interface SchemaRef {
  id?: number;
  guid?: string;
  messageIndexes?: number[];
}

/** A decoded header: the schema reference and where the payload starts in the value. */
export interface WireHeader extends SchemaRef {
  /** Offset of the payload in the bytes read (0 when the reference came from a record header). */
  payloadOffset: number;
}

export interface HeaderLike {
  key: string;
  value: Buffer | string | null;
}

function zigzagSize(n: number): number {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  let size = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    size++;
  }
  return size;
}

function writeZigzag(buf: Buffer, pos: number, n: number): number {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  while (z >= 128) {
    buf[pos++] = (z % 128) | 0x80;
    z = Math.floor(z / 128);
  }
  buf[pos++] = z;
  return pos;
}

function readZigzag(buf: Buffer, pos: number): { value: number; pos: number } {
  let z = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= buf.length) throw new WireFormatError('message indexes are truncated');
    const b = buf[pos++]!;
    z += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) return { value: z % 2 === 0 ? z / 2 : -(z + 1) / 2, pos };
    mul *= 128;
  }
  throw new WireFormatError('message index varint is longer than 10 bytes');
}

/** The message-index bytes: [0] is the single byte 0. */
export function encodeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 0 || (indexes.length === 1 && indexes[0] === 0)) return Buffer.alloc(1);
  let size = zigzagSize(indexes.length);
  for (const i of indexes) size += zigzagSize(i);
  const out = Buffer.allocUnsafe(size);
  let pos = writeZigzag(out, 0, indexes.length);
  for (const i of indexes) pos = writeZigzag(out, pos, i);
  return out;
}

/** Reads message indexes at `pos`; returns them and the position after them. */
export function decodeMessageIndexes(buf: Buffer, pos: number): { indexes: number[]; pos: number } {
  const count = readZigzag(buf, pos);
  if (count.value === 0) return { indexes: [0], pos: count.pos };
  if (count.value < 0 || count.value > MAX_MESSAGE_INDEXES) throw new WireFormatError('message indexes are absent or malformed');
  const indexes: number[] = [];
  let p = count.pos;
  for (let i = 0; i < count.value; i++) {
    const r = readZigzag(buf, p);
    if (r.value < 0) throw new WireFormatError('message indexes are absent or malformed');
    indexes.push(r.value);
    p = r.pos;
  }
  return { indexes, pos: p };
}

/** The 5-byte prefix (magic 0 + id) followed by message indexes when given. */
export function encodeIdPrefix(id: number, messageIndexes?: readonly number[]): Buffer {
  if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new WireFormatError(`schema id ${id} is not a positive 32-bit int`);
  const idx = messageIndexes === undefined ? null : encodeMessageIndexes(messageIndexes);
  const out = Buffer.allocUnsafe(ID_PREFIX_BYTES + (idx?.length ?? 0));
  out[0] = MAGIC_BYTE_ID;
  out.writeInt32BE(id, 1);
  if (idx !== null) idx.copy(out, ID_PREFIX_BYTES);
  return out;
}

/** A serialized value: prefix and payload in one buffer (one allocation). */
export function frame(id: number, payload: Uint8Array, messageIndexes?: readonly number[]): Buffer {
  if (messageIndexes !== undefined) {
    const prefix = encodeIdPrefix(id, messageIndexes);
    const out = Buffer.allocUnsafe(prefix.length + payload.length);
    prefix.copy(out, 0);
    out.set(payload, prefix.length);
    return out;
  }
  const out = Buffer.allocUnsafe(ID_PREFIX_BYTES + payload.length);
  out[0] = MAGIC_BYTE_ID;
  out.writeInt32BE(id, 1);
  out.set(payload, ID_PREFIX_BYTES);
  return out;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => (i + 0x100).toString(16).slice(1));

export function guidToString(b: Buffer, off: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) s += '-';
    s += HEX[b[off + i]!]!;
  }
  return s;
}

export function guidToBytes(guid: string): Buffer {
  const hex = guid.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new WireFormatError(`${JSON.stringify(guid)} is not a GUID`);
  return Buffer.from(hex, 'hex');
}

/** The magic-1 form: 1, the 16 GUID bytes, message indexes when given (the header value Confluent writes). */
export function encodeGuidPrefix(guid: string, messageIndexes?: readonly number[]): Buffer {
  const parts = [Buffer.of(MAGIC_BYTE_GUID), guidToBytes(guid)];
  if (messageIndexes !== undefined) parts.push(encodeMessageIndexes(messageIndexes));
  return Buffer.concat(parts);
}

/**
 * Reads the schema reference at the start of `buf` (magic 0 or 1); `protobuf` reads the message
 * indexes that follow. Throws WireFormatError for anything else.
 */
export function decodePrefix(buf: Buffer, protobuf: boolean): WireHeader {
  if (buf.length < 1) throw new WireFormatError('empty payload has no schema id');
  const magic = buf[0];
  let pos: number;
  const out: WireHeader = { payloadOffset: 0 };
  if (magic === MAGIC_BYTE_ID) {
    if (buf.length < ID_PREFIX_BYTES) throw new WireFormatError(`payload of ${buf.length} bytes is shorter than the 5-byte schema id prefix`);
    out.id = buf.readInt32BE(1);
    pos = ID_PREFIX_BYTES;
  } else if (magic === MAGIC_BYTE_GUID) {
    if (buf.length < 17) throw new WireFormatError(`payload of ${buf.length} bytes is shorter than the 17-byte schema GUID prefix`);
    out.guid = guidToString(buf, 1);
    pos = 17;
  } else {
    throw new WireFormatError(`unknown magic byte ${magic}: not in Confluent's wire format`);
  }
  if (protobuf) {
    const r = decodeMessageIndexes(buf, pos);
    out.messageIndexes = r.indexes;
    pos = r.pos;
  }
  out.payloadOffset = pos;
  return out;
}

/** The schema-id header Confluent's newer clients write for a key or a value (last one wins). */
export function schemaIdHeader(headers: readonly HeaderLike[] | undefined, isKey: boolean): Buffer | null {
  if (headers === undefined) return null;
  const name = isKey ? KEY_SCHEMA_ID_HEADER : VALUE_SCHEMA_ID_HEADER;
  let found: Buffer | null = null;
  for (const h of headers) {
    if (h.key !== name || h.value === null) continue;
    found = typeof h.value === 'string' ? Buffer.from(h.value, 'utf8') : h.value;
  }
  return found;
}

/**
 * Where a record's schema is: from its schema-id header when it has one (the payload then has no
 * prefix), else from the payload's prefix.
 */
export function readWireHeader(payload: Buffer, protobuf: boolean, headers?: readonly HeaderLike[], isKey = false): WireHeader {
  const h = schemaIdHeader(headers, isKey);
  if (h !== null) return { ...decodePrefix(h, protobuf), payloadOffset: 0 };
  return decodePrefix(payload, protobuf);
}

/**
 * The schema id of a value in the magic-0 wire form, or null when it is not in that form (a cheap
 * check: the DLQ envelope and broker-side validation use it on arbitrary bytes).
 */
export function schemaIdOf(value: Buffer | null | undefined): number | null {
  if (value === null || value === undefined || value.length < ID_PREFIX_BYTES || value[0] !== MAGIC_BYTE_ID) return null;
  const id = value.readInt32BE(1);
  return id < 0 ? null : id;
}
