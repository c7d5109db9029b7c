// Fuzzing a SASL listener (SASL_PLAINTEXT, PLAIN) of a `tide broker start --config` process: each
// connection is put in one of the pre-authentication states (fresh, after ApiVersions, after a v1
// SaslHandshake, after a v0 SaslHandshake i.e. raw-token mode, after a failed SaslAuthenticate)
// and then gets a burst of corpus frames, valid and mutated. Every frame carries a unique
// correlation id, so any answer can be traced to the API it answers. The verdict: no request other
// than ApiVersions / SaslHandshake / SaslAuthenticate is ever answered (no handler ran
// unauthenticated), the broker never exits and answers ApiVersions probes throughout.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey, FrameDecoder, encodeRequest } from '@tideline/protocol';
import { freePort } from '@tideline/interop';
import { startBrokerProcess } from '../broker-process.js';
import { probe, servedApis } from '../wire.js';
import { buildCorpus, type CorpusFrame } from './corpus.js';
import { MUTATIONS, Rng, mutate } from './mutate.js';

export interface SaslFuzzStats {
  framesWritten: number;
  connections: number;
  closedByBroker: number;
  /** Answers to ApiVersions / SaslHandshake / SaslAuthenticate. */
  preAuthAnswers: number;
  /** Answers to any other API: each one a handler that ran unauthenticated. */
  violations: string[];
  probeFailures: string[];
  brokerDied: boolean;
}

const ALLOWED = new Set<number>([ApiKey.ApiVersions, ApiKey.SaslHandshake, ApiKey.SaslAuthenticate]);

/** The pre-authentication states a fuzzed connection is put in before its burst of frames. */
const PREFIXES: ReadonlyArray<() => Buffer[]> = [
  () => [],
  () => encodeRequest(ApiKey.ApiVersions, 3, 0, 'f', { clientSoftwareName: 'f', clientSoftwareVersion: '1' }),
  () => encodeRequest(ApiKey.SaslHandshake, 1, 0, 'f', { mechanism: 'PLAIN' }),
  () => encodeRequest(ApiKey.SaslHandshake, 0, 0, 'f', { mechanism: 'PLAIN' }),
  () => [...encodeRequest(ApiKey.SaslHandshake, 1, 0, 'f', { mechanism: 'PLAIN' }),
    ...encodeRequest(ApiKey.SaslAuthenticate, 2, 0, 'f', { authBytes: Buffer.from('\0alice\0wrong') })],
];

/** One connection's frames: a pre-authentication prefix then 8 corpus frames, half of them mutated, each with a unique correlation id. */
export interface SaslBurst {
  frames: Buffer[];
  /** correlation id -> api key of the frame that carried it */
  sentApi: Map<number, number>;
}

export function saslBurst(rng: Rng, corpus: readonly CorpusFrame[], nextCorr: () => number): SaslBurst {
  const sentApi = new Map<number, number>();
  const frames: Buffer[] = [];
  const add = (f: Buffer): void => {
    const b = Buffer.from(f);
    if (b.length >= 12) {
      const id = nextCorr();
      b.writeInt32BE(id, 8);
      sentApi.set(id, b.readInt16BE(4));
    }
    frames.push(b);
  };
  for (const f of PREFIXES[rng.int(PREFIXES.length)]!()) add(f);
  for (let i = 0; i < 8; i++) {
    const f = corpus[rng.int(corpus.length)]!;
    add(rng.next() < 0.5 ? mutate(rng, f, rng.pick(MUTATIONS), 'fuzz') : f.bytes);
  }
  return { frames, sentApi };
}

export interface BurstVerdict {
  closedByBroker: number;
  preAuthAnswers: number;
  violations: string[];
}

/** Destroys `sock` and calls `done` once: on the first `finish()` or after `idleMs`, whichever is first. */
export function endOnce(sock: net.Socket, idleMs: number, done: () => void): { finish(): void; readonly finished: boolean } {
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    clearTimeout(idle);
    sock.destroy();
    done();
  };
  const idle = setTimeout(finish, idleMs);
  return { finish, get finished() { return finished; } };
}

/**
 * Opens a connection with `open` (which calls `ready` once bytes may be written: TCP connect or TLS
 * secureConnect), writes the burst, and classifies every answer by the API it answers; the
 * connection ends when the broker closes it or after `idleMs` without an end.
 */
export function sendBurst(open: (ready: () => void) => net.Socket, burst: SaslBurst, v: BurstVerdict, idleMs = 300): Promise<void> {
  return new Promise<void>((resolve) => {
    const sock = open(() => sock.write(Buffer.concat(burst.frames)));
    const answers = new FrameDecoder();
    const end = endOnce(sock, idleMs, resolve);
    const finish = end.finish;
    sock.on('data', (d: Buffer) => {
      answers.push(d);
      try {
        for (let f = answers.next(); f !== undefined; f = answers.next()) {
          if (f.length < 4) continue; // a raw SASL token answer
          const api = burst.sentApi.get(f.readInt32BE(0));
          if (api !== undefined && ALLOWED.has(api)) v.preAuthAnswers++;
          else if (api !== undefined) v.violations.push(`api ${api} answered before authentication`);
        }
      } catch {
        finish();
      }
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      if (!end.finished) v.closedByBroker++;
      finish();
    });
  });
}

/** Starts a SASL broker process, fuzzes it with `frames` frames, stops it. */
export async function runSaslFuzz(o: { frames: number; seed: number; connections?: number }): Promise<SaslFuzzStats> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-fuzz-sasl-'));
  const port = await freePort();
  const configFile = join(dir, 'server.properties');
  writeFileSync(configFile, [
    `listeners=SASL_PLAINTEXT://127.0.0.1:${port}`,
    'sasl.enabled.mechanisms=PLAIN',
    'listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";',
    '',
  ].join('\n'));
  const broker = await startBrokerProcess({ dataDir: join(dir, 'data'), port, configFile, logLevel: 'error' });
  const stats: SaslFuzzStats = { framesWritten: 0, connections: 0, closedByBroker: 0, preAuthAnswers: 0, violations: [], probeFailures: [], brokerDied: false };
  try {
    const served = await servedApis(port);
    const corpus = buildCorpus(served, { perVersion: 3, seed: o.seed, hints: { names: ['fuzz', 'fuzz-group', ''] } });
    let stop = false;
    const prober = (async () => {
      while (!stop) {
        try {
          await probe(port, 5000);
        } catch (e) {
          stats.probeFailures.push((e as Error).message);
          if (!broker.alive()) stats.brokerDied = true;
          stop = true;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    let corr = 1;
    const worker = async (w: number): Promise<void> => {
      const rng = new Rng(o.seed * 7919 + w);
      while (!stop && stats.framesWritten < o.frames) {
        stats.connections++;
        const burst = saslBurst(rng, corpus, () => corr++);
        stats.framesWritten += burst.frames.length;
        await sendBurst((ready) => net.connect(port, '127.0.0.1', ready), burst, stats);
      }
    };
    await Promise.all(Array.from({ length: o.connections ?? 8 }, (_, i) => worker(i)));
    stop = true;
    await prober;
    if (!broker.alive()) stats.brokerDied = true;
    return stats;
  } finally {
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
