// Showing record bytes: as UTF-8 text, pretty JSON, or hex. Bytes arrive base64 (capped for display
// by the server: `truncated` says the full value must be downloaded).
export interface BytesJson {
  size: number;
  base64: string;
  truncated: boolean;
}

export interface RecordJson {
  topic: string;
  partition: number;
  offset: string;
  timestamp: number;
  key: BytesJson | null;
  value: BytesJson | null;
  headers: Array<{ key: string; value: BytesJson | null }>;
  /** Decoded by the server through the schema registry (keys/values in Confluent's wire format). */
  decoded?: { key?: DecodedJson; value?: DecodedJson };
}

export interface DecodedJson {
  schemaId: number | null;
  guid?: string;
  schemaType?: string;
  subjects?: Array<{ subject: string; version: number }>;
  value?: unknown;
  error?: string;
}

/** `registry`: decoded by the server through the schema registry; string and json also show registry-decoded payloads decoded. */
export type Encoding = 'string' | 'json' | 'hex' | 'registry';
export const ENCODINGS: Encoding[] = ['string', 'json', 'hex', 'registry'];

/** One line naming the schema a payload was written with. */
export function schemaNote(d: DecodedJson): string {
  const s = d.subjects?.[0];
  return [d.schemaType ?? 'registry', d.schemaId !== null ? `schema id ${d.schemaId}` : `schema ${d.guid ?? '?'}`, s !== undefined ? `${s.subject} v${s.version}` : null].filter(Boolean).join(' · ');
}

export function bytesOf(b: BytesJson): Uint8Array {
  const bin = atob(b.base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function isText(bytes: Uint8Array): boolean {
  try {
    const s = strictUtf8.decode(bytes);
    // Control characters other than tab/newline make it binary for display purposes.
    return !/[\u0000-\u0008\u000e-\u001f]/.test(s);
  } catch {
    return false;
  }
}

export function hex(bytes: Uint8Array, max = bytes.length): string {
  let s = '';
  for (let i = 0; i < Math.min(max, bytes.length); i++) s += (i > 0 ? (i % 16 === 0 ? '\n' : ' ') : '') + bytes[i]!.toString(16).padStart(2, '0');
  return s;
}

/** The text to show for `b` in `enc`; binary shown as text falls back to hex. */
export function show(b: BytesJson | null, enc: Encoding, d?: DecodedJson): { text: string; note: string | null } {
  if (b === null) return { text: 'null', note: null };
  const bytes = bytesOf(b);
  const cut = b.truncated ? `showing ${bytes.length} of ${b.size} bytes` : null;
  if (enc === 'hex') return { text: hex(bytes), note: cut };
  if (d !== undefined) {
    if (d.error === undefined) return { text: JSON.stringify(d.value, null, 2), note: `decoded: ${schemaNote(d)}` };
    return { text: hex(bytes), note: `${schemaNote(d)}: not decoded: ${d.error}; shown as hex` };
  }
  if (enc === 'registry') return { ...show(b, 'json'), note: 'not in the registry\'s wire format' };
  if (!isText(bytes)) return { text: hex(bytes), note: ['binary: shown as hex', cut].filter(Boolean).join('; ') };
  const s = utf8.decode(bytes);
  if (enc === 'json') {
    if (b.truncated) return { text: s, note: `${cut}; JSON not parsed` };
    try {
      return { text: JSON.stringify(JSON.parse(s), null, 2), note: null };
    } catch {
      return { text: s, note: 'not JSON: shown as text' };
    }
  }
  return { text: s, note: cut };
}

/** One line for the table. */
export function preview(b: BytesJson | null, max = 120, d?: DecodedJson): string {
  if (b === null) return 'null';
  if (d !== undefined && d.error === undefined) {
    const s = JSON.stringify(d.value);
    return s.length > max ? s.slice(0, max) + '…' : s;
  }
  const bytes = bytesOf(b);
  if (!isText(bytes)) return '0x' + hex(bytes, 24).replace(/\s/g, '') + (bytes.length > 24 ? '…' : '');
  const s = utf8.decode(bytes.subarray(0, max * 4)).replace(/\s+/g, ' ');
  return s.length > max || b.truncated ? s.slice(0, max) + '…' : s;
}

/** A record as plain JSON for copying: text where it is text, base64 where it is not. */
export function recordForCopy(r: RecordJson): unknown {
  const one = (b: BytesJson | null): unknown => {
    if (b === null) return null;
    const bytes = bytesOf(b);
    return isText(bytes) ? utf8.decode(bytes) : { base64: b.base64 };
  };
  return {
    topic: r.topic, partition: r.partition, offset: r.offset, timestamp: new Date(r.timestamp).toISOString(),
    key: one(r.key), value: one(r.value), headers: r.headers.map((h) => ({ key: h.key, value: one(h.value) })),
    ...(r.decoded !== undefined ? { decoded: r.decoded } : {}),
  };
}

export function fmtTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '-';
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export function fmtNum(n: number | string | bigint | null | undefined): string {
  if (n === null || n === undefined) return '-';
  const s = String(n);
  return /^-?\d+$/.test(s) ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : s;
}
