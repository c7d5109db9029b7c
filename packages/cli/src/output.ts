// Output: aligned tables (rpk style: upper-case headers, columns separated by two spaces) for
// people, JSON for scripts, and progress lines on stderr.

export type OutputFormat = 'table' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json'];

export type Cell = string | number | bigint | boolean | null | undefined;

const cellText = (c: Cell): string => (c === null || c === undefined ? '-' : String(c));

/** Rows aligned under upper-case headers; the last column is not padded. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string[] {
  const text = [headers.map((h) => h.toUpperCase()), ...rows.map((r) => headers.map((_, i) => cellText(r[i])))];
  const widths = headers.map((_, i) => Math.max(...text.map((r) => r[i]!.length)));
  return text.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** `key  value` lines, keys aligned (for a single object). */
export function keyValues(pairs: ReadonlyArray<readonly [string, Cell]>): string[] {
  const w = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${k.padEnd(w)}  ${cellText(v)}`.trimEnd());
}

/** A section title underlined to its length. */
export const section = (title: string): string[] => [title, '='.repeat(title.length)];

/** JSON with bigints as numbers when exact, else as strings. */
export const bigintReplacer = (_k: string, v: unknown): unknown =>
  typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString()) : v;

export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, bigintReplacer, indent);
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether stderr is a terminal (progress then redraws one line). */
  errIsTty: boolean;
  /** Writes to stdout; resolves once the stream can take more (backpressure for long outputs). */
  write(chunk: string): Promise<void>;
}

export const processIo: Io = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
  errIsTty: process.stderr.isTTY === true,
  write: (chunk) => (process.stdout.write(chunk) ? Promise.resolve() : new Promise((r) => process.stdout.once('drain', r))),
};

/**
 * Progress of a long operation on stderr, at most once a second: redrawn in place on a terminal,
 * one line each time otherwise (only when asked with --progress).
 */
export class Progress {
  private readonly started = Date.now();
  private drawn = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly io: Io, private readonly enabled: boolean, private readonly line: () => string) {
    if (enabled) {
      this.timer = setInterval(() => this.draw(), 1000);
      this.timer.unref();
    }
  }

  /** Seconds since start. */
  elapsed(): number {
    return (Date.now() - this.started) / 1000;
  }

  private draw(): void {
    if (this.io.errIsTty) {
      process.stderr.write(`\r\x1b[K${this.line()}`);
      this.drawn = true;
    } else {
      this.io.err(this.line());
    }
  }

  /** Stops; clears the redrawn line. */
  done(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.drawn) process.stderr.write('\r\x1b[K');
    this.drawn = false;
  }
}

export const rate = (n: number, seconds: number): string => (seconds > 0 ? `${Math.round(n / seconds)}/s` : '');
