// Test helper (not a test file): the broker matrix, the store's topics, owners in this process or
// as child processes (killed by PID), and the race of concurrent writers used by several tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import { Admin } from '@tideline/client';
import { createStoreTopics, ExpectedVersionConflict, type TidelineEventStore } from '../src/index.js';

export type { BrokerKind, TestBroker } from '@tideline/interop';
/**
 * Session timeouts below the brokers' default minimum (6 s) are allowed, so that the kill tests
 * move a dead owner's partitions after 3 s instead of 6 s (both brokers the same).
 */
export const MIN_SESSION_TIMEOUT_MS = 2000;
export const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-es-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0, groups: { minSessionTimeoutMs: MIN_SESSION_TIMEOUT_MS } }),
  apacheConfig: { 'group.min.session.timeout.ms': MIN_SESSION_TIMEOUT_MS },
});

export async function makeStore(bootstrap: string, prefix: string, partitions = 4): Promise<string> {
  const name = uniqueTopic(prefix);
  const admin = new Admin({ bootstrap });
  try {
    await createStoreTopics(admin, name, { partitions, replyPartitions: 2 });
  } finally {
    await admin.close();
  }
  return name;
}

const WORKER = fileURLToPath(new URL('./owner-worker.js', import.meta.url));

export interface OwnerProcess {
  pid: number;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(sig: NodeJS.Signals): void;
}

/** Starts an owner in a child process; it is SIGKILLed after `guardMs` whatever happens. */
export function startOwnerProcess(cfg: { bootstrap: string; name: string; sessionTimeoutMs: number }, guardMs = 600_000): OwnerProcess {
  const child: ChildProcess = spawn(process.execPath, [WORKER, JSON.stringify(cfg)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const guard = setTimeout(() => child.kill('SIGKILL'), guardMs);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (code !== 0 && signal === null) process.stderr.write(`owner exited ${code}: ${err}\n`);
      resolve({ code, signal });
    });
  });
  return { pid: child.pid!, exit, kill: (sig) => void process.kill(child.pid!, sig) };
}

export interface RaceResult {
  /** stream → version → event id of the winner. */
  won: Map<string, Map<number, string>>;
  /** Event ids of appends that were refused. */
  lost: Set<string>;
  conflicts: number;
  appends: number;
  otherErrors: unknown[];
}

/**
 * `writers` writers, each making `attempts` appends of one event to a random stream of `streams`,
 * with the expected version it believes (learned from its own results and conflicts).
 */
export async function race(store: TidelineEventStore, opts: { writers: number; streams: number; attempts: number; prefix: string; idPrefix?: string; during?: (progress: () => number) => Promise<void>; until?: () => boolean }): Promise<RaceResult> {
  const res: RaceResult = { won: new Map(), lost: new Set(), conflicts: 0, appends: 0, otherErrors: [] };
  const names = Array.from({ length: opts.streams }, (_, i) => `${opts.prefix}-${i}`);
  const writer = async (w: number): Promise<void> => {
    const belief = new Map<string, bigint>();
    for (let a = 0; a < opts.attempts && opts.until?.() !== true; a++) {
      const s = names[Math.floor(Math.random() * names.length)]!;
      const expected = belief.get(s) ?? 0n;
      const id = `${opts.idPrefix ?? ''}w${w}-a${a}`;
      try {
        const r = await store.appendToStream(s, [{ type: 'Tick', data: { w, a } }], { expectedStreamVersion: expected === 0n ? 'STREAM_DOES_NOT_EXIST' : expected, eventIds: [id] } as never);
        belief.set(s, r.nextExpectedStreamVersion);
        let m = res.won.get(s);
        if (m === undefined) res.won.set(s, (m = new Map()));
        const v = Number(r.nextExpectedStreamVersion);
        if (m.has(v)) res.otherErrors.push(new Error(`two winners for ${s}@${v}: ${m.get(v)} and ${id}`));
        m.set(v, id);
        res.appends++;
      } catch (e) {
        if (e instanceof ExpectedVersionConflict) {
          res.conflicts++;
          res.lost.add(id);
          belief.set(s, e.actualVersion);
        } else res.otherErrors.push(e);
      }
    }
  };
  const during = opts.during?.(() => res.appends + res.conflicts);
  await Promise.all(Array.from({ length: opts.writers }, (_, w) => writer(w)));
  await during;
  return res;
}

/** Every stream's events are versions 1..n, each the winner's event, none of the losers'. */
export async function verifyRace(store: TidelineEventStore, res: RaceResult): Promise<{ events: number }> {
  let events = 0;
  for (const [s, m] of res.won) {
    const r = await store.readStream(s);
    const versions = r.events.map((e) => Number(e.metadata.streamPosition));
    const expect = Array.from({ length: m.size }, (_, i) => i + 1);
    if (JSON.stringify(versions) !== JSON.stringify(expect)) throw new Error(`${s}: versions ${versions.join(',')} (expected 1..${m.size})`);
    if (r.currentStreamVersion !== BigInt(m.size)) throw new Error(`${s}: current version ${r.currentStreamVersion} != ${m.size}`);
    for (const e of r.events) {
      const v = Number(e.metadata.streamPosition);
      if (m.get(v) !== e.metadata.messageId) throw new Error(`${s}@${v}: event ${e.metadata.messageId}, winner ${m.get(v)}`);
      if (res.lost.has(e.metadata.messageId)) throw new Error(`${s}@${v}: a refused append's event ${e.metadata.messageId} was written`);
    }
    events += r.events.length;
  }
  return { events };
}
