// Shared by the integration tests and the exactly-once child process: a click stream with a
// known late fraction and the page-view topology (tumbling 1 s windows, 200 ms out-of-orderness,
// 100 ms grace), plus the reference computation of its results and late records.
import { Serdes, StreamsBuilder, TimeWindows, type Topology } from '../src/index.js';

export interface Click {
  page: string;
  ts: number;
}

export const PAGES = ['home', 'cart', 'search', 'help'];

/** `n` clicks; event times run 10 ms apart and up to 600 ms out of order. */
export function clicks(n: number, seed = 7): Array<{ partition: number; click: Click; index: number }> {
  let s = seed;
  const rand = (): number => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: Array<{ partition: number; click: Click; index: number }> = [];
  for (let i = 0; i < n; i++) {
    const p = Math.floor(rand() * PAGES.length);
    out.push({ partition: p % 2, click: { page: PAGES[p]!, ts: 1_000_000 + Math.max(0, i * 10 - Math.floor(rand() * 600)) }, index: i });
  }
  // A far-future click per partition closes every window.
  out.push({ partition: 0, click: { page: 'home', ts: 1e12 }, index: n }, { partition: 1, click: { page: 'cart', ts: 1e12 }, index: n + 1 });
  return out;
}

export const OOO = 200;
export const GRACE = 100;
export const SIZE = 1000;

/** The page-view topology; `delayMs` > 0 slows every record down and `onRecord` sees each one (for kill tests). */
export function pageViews(input: string, out: string, delayMs = 0, onRecord?: () => void): Topology {
  const b = new StreamsBuilder();
  const pause = new Int32Array(new SharedArrayBuffer(4));
  b.stream(input, { keySerde: Serdes.string(), valueSerde: Serdes.json<Click>(), timestampExtractor: (r) => r.value.ts })
    .peek(() => {
      if (delayMs > 0) Atomics.wait(pause, 0, 0, delayMs);
      onRecord?.();
    })
    .groupByKey()
    .windowedBy(TimeWindows.tumbling(SIZE).grace(GRACE))
    .count({ name: 'page-views' })
    .to(out);
  return b.build();
}

/** Per partition in order: window counts `page@start -> n` and the indexes of the late clicks. */
export function reference(input: ReturnType<typeof clicks>): { counts: Map<string, number>; late: number[] } {
  const counts = new Map<string, number>();
  const late: number[] = [];
  for (const part of [0, 1]) {
    let max = Number.NEGATIVE_INFINITY;
    let wm = Number.NEGATIVE_INFINITY;
    for (const { click, index } of input.filter((x) => x.partition === part)) {
      const start = Math.floor(click.ts / SIZE) * SIZE;
      if (start + SIZE + GRACE <= wm) late.push(index);
      else if (click.ts < 1e12) counts.set(`${click.page}@${start}`, (counts.get(`${click.page}@${start}`) ?? 0) + 1);
      max = Math.max(max, click.ts);
      wm = Math.max(wm, max - OOO);
    }
  }
  return { counts, late: late.sort((a, b) => a - b) };
}
