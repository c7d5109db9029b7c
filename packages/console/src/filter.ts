// The message filter: a small expression language, parsed here and compiled to closures (no eval,
// no regular expressions from the user, bounded length and nesting), so it is safe to run on the
// server over a whole topic. docs/console.md has the grammar; in short:
//
//   expr   := or
//   or     := and (("||" | "or") and)*
//   and    := unary (("&&" | "and") unary)*
//   unary  := ("!" | "not") unary | cmp
//   cmp    := term (op term)?     op: == != < <= > >= contains startsWith endsWith
//   term   := literal | field | "(" expr ")"
//   field  := key | value | offset | partition | timestamp | size | keySize
//           | (key | value) path        path: (.name | [number] | ["name"])*, read as JSON
//           | headers.name | headers["name"]
//
// With a registry, `key.x` / `value.x` read the value decoded by the registry's deserializer when
// the bytes are in Confluent's wire format (compileFilter's `decoded` hook).
// `key contains "x"` and `value == "y"` on bare fields compare bytes without decoding the record.
import type { ConsumerRecord } from '@tideline/client';

export const MAX_FILTER_LENGTH = 4096;
const MAX_DEPTH = 64;

export class FilterError extends Error {
  constructor(message: string, readonly position: number) {
    super(`${message} at position ${position}`);
  }
}

type Scalar = string | number | boolean | null;
type Json = Scalar | Json[] | { [k: string]: Json };

/** A record being tested, with its decoded forms computed at most once. */
class Subject {
  private keyStr: string | null | undefined;
  private valueStr: string | null | undefined;
  private keyJson: Json | undefined;
  private valueJson: Json | undefined;
  constructor(readonly rec: ConsumerRecord, private readonly decoded?: DecodedHook) {}
  str(which: 'key' | 'value'): string | null {
    if (which === 'key') return this.keyStr ??= this.rec.key === null ? null : this.rec.key.toString('utf8');
    return this.valueStr ??= this.rec.value === null ? null : this.rec.value.toString('utf8');
  }
  json(which: 'key' | 'value'): Json {
    if (which === 'key') return this.keyJson ??= this.viaHook('key') ?? parseJson(this.str('key'));
    return this.valueJson ??= this.viaHook('value') ?? parseJson(this.str('value'));
  }
  private viaHook(which: 'key' | 'value'): Json | undefined {
    return this.decoded === undefined ? undefined : this.decoded(this.rec, which) as Json | undefined;
  }
}

function parseJson(s: string | null): Json {
  if (s === null) return null;
  try {
    return JSON.parse(s) as Json;
  } catch {
    return null;
  }
}

/**
 * Decoded forms of a key/value (the registry's deserializers): paths read these instead of the
 * bytes parsed as JSON; undefined means "not decoded here, read the bytes as JSON".
 */
export type DecodedHook = (rec: ConsumerRecord, which: 'key' | 'value') => unknown;

type Eval = (s: Subject) => Json;
export type RecordPredicate = (rec: ConsumerRecord) => boolean;

type Token =
  | { t: 'str'; v: string; pos: number }
  | { t: 'num'; v: number; pos: number }
  | { t: 'id'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: 'end'; pos: number };

const OPS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i++;
      let v = '';
      for (;;) {
        if (i >= src.length) throw new FilterError('unterminated string', start);
        const d = src[i]!;
        if (d === c) {
          i++;
          break;
        }
        if (d === '\\') {
          const e = src[i + 1];
          if (e === undefined) throw new FilterError('unterminated string', start);
          if (e === 'u') {
            const hex = src.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new FilterError('bad \\u escape', i);
            v += String.fromCharCode(parseInt(hex, 16));
            i += 6;
            continue;
          }
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
          const m = map[e];
          if (m === undefined) throw new FilterError(`unknown escape \\${e}`, i);
          v += m;
          i += 2;
          continue;
        }
        v += d;
        i++;
      }
      out.push({ t: 'str', v, pos: start });
      continue;
    }
    const num = /^-?(?:\d+\.?\d*(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 40));
    if (num !== null && (c !== '-' || /\d/.test(src[i + 1] ?? ''))) {
      out.push({ t: 'num', v: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 256));
    if (id !== null) {
      out.push({ t: 'id', v: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new FilterError(`unexpected character ${JSON.stringify(c)}`, i);
    out.push({ t: 'op', v: op, pos: i });
    i += op.length;
  }
  out.push({ t: 'end', pos: src.length });
  return out;
}

const COMPARATORS = new Set(['==', '!=', '<', '<=', '>', '>=', 'contains', 'startsWith', 'endsWith']);
const SIMPLE_FIELDS = new Set(['key', 'value', 'offset', 'partition', 'timestamp', 'size', 'keySize', 'headers']);

/** A node: how to evaluate it, and for bare key/value or string literals what they are (for the byte fast paths). */
interface Node {
  ev: Eval;
  bare?: 'key' | 'value';
  literal?: Scalar;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Token[]) {}

  private peek(): Token {
    return this.toks[this.i]!;
  }
  private next(): Token {
    return this.toks[this.i++]!;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private isWord(v: string): boolean {
    const t = this.peek();
    return t.t === 'id' && t.v === v;
  }
  private expect(v: string): void {
    const t = this.next();
    if (t.t !== 'op' || t.v !== v) throw new FilterError(`expected "${v}"`, t.pos);
  }

  parse(): Node {
    const n = this.or();
    const t = this.peek();
    if (t.t !== 'end') throw new FilterError('unexpected input', t.pos);
    return n;
  }

  private nest<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new FilterError(`nested deeper than ${MAX_DEPTH}`, this.peek().pos);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private or(): Node {
    let l = this.and();
    while (this.isOp('||') || this.isWord('or')) {
      this.next();
      const a = l.ev;
      const b = this.and().ev;
      l = { ev: (s) => truthy(a(s)) || truthy(b(s)) };
    }
    return l;
  }

  private and(): Node {
    let l = this.unary();
    while (this.isOp('&&') || this.isWord('and')) {
      this.next();
      const a = l.ev;
      const b = this.unary().ev;
      l = { ev: (s) => truthy(a(s)) && truthy(b(s)) };
    }
    return l;
  }

  private unary(): Node {
    if (this.isOp('!') || this.isWord('not')) {
      this.next();
      return this.nest(() => {
        const a = this.unary().ev;
        return { ev: (s) => !truthy(a(s)) };
      });
    }
    return this.cmp();
  }

  private cmp(): Node {
    const l = this.term();
    const t = this.peek();
    const op = t.t === 'op' || t.t === 'id' ? t.v : '';
    if (!COMPARATORS.has(op)) return l;
    this.next();
    const r = this.term();
    return compare(op, l, r);
  }

  private term(): Node {
    const t = this.next();
    if (t.t === 'str') return { ev: () => t.v, literal: t.v };
    if (t.t === 'num') return { ev: () => t.v, literal: t.v };
    if (t.t === 'op' && t.v === '(') {
      return this.nest(() => {
        const n = this.or();
        this.expect(')');
        return n;
      });
    }
    if (t.t === 'id') {
      if (t.v === 'true' || t.v === 'false') {
        const b = t.v === 'true';
        return { ev: () => b, literal: b };
      }
      if (t.v === 'null') return { ev: () => null, literal: null };
      if (!SIMPLE_FIELDS.has(t.v)) throw new FilterError(`unknown field "${t.v}" (fields: ${[...SIMPLE_FIELDS].join(', ')})`, t.pos);
      return this.field(t.v, t.pos);
    }
    throw new FilterError(t.t === 'end' ? 'unexpected end of filter' : `unexpected "${t.t === 'op' ? t.v : ''}"`, t.pos);
  }

  private path(): Array<string | number> {
    const path: Array<string | number> = [];
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const n = this.next();
        if (n.t !== 'id') throw new FilterError('expected a field name after "."', n.pos);
        path.push(n.v);
      } else if (this.isOp('[')) {
        this.next();
        const n = this.next();
        if (n.t === 'str') path.push(n.v);
        else if (n.t === 'num' && Number.isInteger(n.v) && n.v >= 0) path.push(n.v);
        else throw new FilterError('expected a string or an index inside [ ]', n.pos);
        this.expect(']');
      } else return path;
      if (path.length > MAX_DEPTH) throw new FilterError(`path longer than ${MAX_DEPTH}`, this.peek().pos);
    }
  }

  private field(name: string, pos: number): Node {
    switch (name) {
      case 'offset': return { ev: (s) => Number(s.rec.offset) };
      case 'partition': return { ev: (s) => s.rec.partition };
      case 'timestamp': return { ev: (s) => Number(s.rec.timestamp) };
      case 'size': return { ev: (s) => s.rec.value?.length ?? 0 };
      case 'keySize': return { ev: (s) => s.rec.key?.length ?? 0 };
      case 'headers': {
        const path = this.path();
        if (path.length !== 1 || typeof path[0] !== 'string') throw new FilterError('headers needs one name: headers.name or headers["name"]', pos);
        const h = path[0];
        return {
          ev: (s) => {
            for (const x of s.rec.headers) if (x.key === h) return x.value === null ? null : Buffer.from(x.value).toString('utf8');
            return null;
          },
        };
      }
      default: {
        const which = name as 'key' | 'value';
        const path = this.path();
        if (path.length === 0) return { ev: (s) => s.str(which), bare: which };
        return {
          ev: (s) => {
            let v: Json = s.json(which);
            for (const p of path) {
              if (v === null || typeof v !== 'object') return null;
              v = Array.isArray(v) ? (typeof p === 'number' ? v[p] ?? null : null) : (Object.hasOwn(v, p) ? v[String(p)]! : null);
            }
            return v;
          },
        };
      }
    }
  }
}

function truthy(v: Json): boolean {
  return v !== null && v !== false && v !== 0 && v !== '';
}

function bytesOf(rec: ConsumerRecord, which: 'key' | 'value'): Buffer | null {
  return which === 'key' ? rec.key : rec.value;
}

function compare(op: string, l: Node, r: Node): Node {
  // Byte fast paths: a bare key/value against a string literal.
  if (l.bare !== undefined && typeof r.literal === 'string') {
    const which = l.bare;
    const needle = Buffer.from(r.literal, 'utf8');
    switch (op) {
      case 'contains': return { ev: (s) => { const b = bytesOf(s.rec, which); return b !== null && b.indexOf(needle) >= 0; } };
      case '==': return { ev: (s) => { const b = bytesOf(s.rec, which); return b !== null && b.equals(needle); } };
      case '!=': return { ev: (s) => { const b = bytesOf(s.rec, which); return b === null || !b.equals(needle); } };
      case 'startsWith': return { ev: (s) => { const b = bytesOf(s.rec, which); return b !== null && b.length >= needle.length && b.subarray(0, needle.length).equals(needle); } };
      case 'endsWith': return { ev: (s) => { const b = bytesOf(s.rec, which); return b !== null && b.length >= needle.length && b.subarray(b.length - needle.length).equals(needle); } };
      default: break;
    }
  }
  const a = l.ev;
  const b = r.ev;
  switch (op) {
    case '==': return { ev: (s) => equal(a(s), b(s)) };
    case '!=': return { ev: (s) => !equal(a(s), b(s)) };
    case '<': return { ev: (s) => order(a(s), b(s), (x) => x < 0) };
    case '<=': return { ev: (s) => order(a(s), b(s), (x) => x <= 0) };
    case '>': return { ev: (s) => order(a(s), b(s), (x) => x > 0) };
    case '>=': return { ev: (s) => order(a(s), b(s), (x) => x >= 0) };
    case 'contains': return { ev: (s) => strOp(a(s), b(s), (x, y) => x.includes(y)) };
    case 'startsWith': return { ev: (s) => strOp(a(s), b(s), (x, y) => x.startsWith(y)) };
    default: return { ev: (s) => strOp(a(s), b(s), (x, y) => x.endsWith(y)) };
  }
}

function equal(x: Json, y: Json): boolean {
  if (x === y) return true;
  // A JSON number and a numeric string compare as numbers ("42" == 42), as users expect of ids.
  if (typeof x === 'number' && typeof y === 'string') return y.trim() !== '' && Number(y) === x;
  if (typeof y === 'number' && typeof x === 'string') return x.trim() !== '' && Number(x) === y;
  return false;
}

function order(x: Json, y: Json, test: (c: number) => boolean): boolean {
  if (typeof x === 'number' && typeof y === 'number') return test(x - y);
  if (typeof x === 'string' && typeof y === 'string') return test(x < y ? -1 : x > y ? 1 : 0);
  if (typeof x === 'number' && typeof y === 'string' && y.trim() !== '' && !Number.isNaN(Number(y))) return test(x - Number(y));
  if (typeof y === 'number' && typeof x === 'string' && x.trim() !== '' && !Number.isNaN(Number(x))) return test(Number(x) - y);
  return false;
}

function strOp(x: Json, y: Json, f: (x: string, y: string) => boolean): boolean {
  if (typeof y !== 'string') return false;
  if (typeof x === 'string') return f(x, y);
  if (Array.isArray(x)) return x.some((e) => typeof e === 'string' && f(e, y));
  return false;
}

/** Parses a filter; throws FilterError with the position of the first problem. */
export function compileFilter(src: string, decoded?: DecodedHook): RecordPredicate {
  if (src.length > MAX_FILTER_LENGTH) throw new FilterError(`filter longer than ${MAX_FILTER_LENGTH} characters`, MAX_FILTER_LENGTH);
  if (src.trim() === '') return () => true;
  const node = new Parser(tokenize(src)).parse();
  const ev = node.ev;
  return (rec) => truthy(ev(new Subject(rec, decoded)));
}
