// A fuzzing campaign over real sockets: `connections` workers each pipeline bursts of frames
// (valid corpus frames, with a mutated one at a random place in most bursts) and read whatever
// comes back. When the broker closes a connection (as it must on a malformed frame) or a burst
// stays unanswered (a parked Fetch or JoinGroup), the worker opens a fresh connection.
// Meanwhile a health probe (ApiVersions on its own connection) runs every `probeEveryMs` and the
// broker's RSS is sampled; the campaign fails at the first probe failure or broker exit.
import net from 'node:net';
import { FrameDecoder } from '@tideline/protocol';
import { probe } from '../wire.js';
import type { CorpusFrame } from './corpus.js';
import { MUTATIONS, Rng, mutate, type MutationKind } from './mutate.js';

export interface CampaignOptions {
  port: number;
  corpus: readonly CorpusFrame[];
  /** Stop after this many frames written. */
  frames: number;
  connections: number;
  seed: number;
  /** Topic that exists (mutated Produce batches go there). */
  topic: string;
  /** Frames per burst (default 16). */
  burst?: number;
  /** Probability that a burst carries a mutated frame (default 0.9). */
  mutateRate?: number;
  /** Returns the broker's RSS in KiB, or throws if it is gone. */
  rssKiB: () => number;
  alive: () => boolean;
  probeEveryMs?: number;
  probeTimeoutMs?: number;
  /** Hard stop (default: none). */
  deadlineMs?: number;
  onProgress?: (s: CampaignStats) => void;
}

export interface CampaignStats {
  framesWritten: number;
  mutatedFrames: number;
  byMutation: Record<MutationKind, number>;
  responses: number;
  connections: number;
  closedByBroker: number;
  probes: number;
  probeFailures: string[];
  maxProbeMs: number;
  rssStartKiB: number;
  rssMaxKiB: number;
  rssEndKiB: number;
  elapsedMs: number;
  brokerDied: boolean;
}

export async function runCampaign(o: CampaignOptions): Promise<CampaignStats> {
  const burst = o.burst ?? 16;
  const mutateRate = o.mutateRate ?? 0.9;
  const stats: CampaignStats = {
    framesWritten: 0, mutatedFrames: 0, byMutation: Object.fromEntries(MUTATIONS.map((m) => [m, 0])) as Record<MutationKind, number>,
    responses: 0, connections: 0, closedByBroker: 0, probes: 0, probeFailures: [], maxProbeMs: 0,
    rssStartKiB: o.rssKiB(), rssMaxKiB: 0, rssEndKiB: 0, elapsedMs: 0, brokerDied: false,
  };
  stats.rssMaxKiB = stats.rssStartKiB;
  const t0 = performance.now();
  let stop = false;
  const done = (): boolean => stop || stats.framesWritten >= o.frames || (o.deadlineMs !== undefined && performance.now() - t0 > o.deadlineMs);

  const sampler = setInterval(() => {
    if (!o.alive()) {
      stats.brokerDied = true;
      stop = true;
      return;
    }
    try {
      stats.rssMaxKiB = Math.max(stats.rssMaxKiB, o.rssKiB());
    } catch {
      stats.brokerDied = true;
      stop = true;
    }
    o.onProgress?.(stats);
  }, 500);

  const prober = (async () => {
    while (!done()) {
      try {
        const ms = await probe(o.port, o.probeTimeoutMs ?? 5000);
        stats.maxProbeMs = Math.max(stats.maxProbeMs, ms);
      } catch (e) {
        stats.probeFailures.push(`${((performance.now() - t0) / 1000).toFixed(1)}s: ${(e as Error).message}`);
        if (!o.alive()) stats.brokerDied = true;
        stop = true;
      }
      stats.probes++;
      await new Promise((r) => setTimeout(r, o.probeEveryMs ?? 250));
    }
  })();

  const worker = async (w: number): Promise<void> => {
    const rng = new Rng(o.seed * 7919 + w);
    while (!done()) {
      stats.connections++;
      await new Promise<void>((resolve) => {
        const sock = net.connect(o.port, '127.0.0.1');
        const responses = new FrameDecoder();
        let expected = 0;
        let got = 0;
        let idle: NodeJS.Timeout | undefined;
        let finished = false;
        const finish = (): void => {
          if (finished) return;
          finished = true;
          clearTimeout(idle);
          sock.destroy();
          resolve();
        };
        const armIdle = (): void => {
          clearTimeout(idle);
          idle = setTimeout(finish, 200);
        };
        const sendBurst = (): void => {
          if (done()) return finish();
          const frames: Buffer[] = [];
          const bad = rng.next() < mutateRate ? rng.int(burst) : -1;
          expected = 0;
          got = 0;
          for (let i = 0; i < burst; i++) {
            const f = o.corpus[rng.int(o.corpus.length)]!;
            if (i === bad) {
              const kind = rng.pick(MUTATIONS);
              frames.push(mutate(rng, f, kind, o.topic));
              stats.byMutation[kind]++;
              stats.mutatedFrames++;
            } else {
              frames.push(f.bytes);
              expected++;
            }
          }
          stats.framesWritten += frames.length;
          sock.write(Buffer.concat(frames));
          armIdle();
        };
        sock.on('connect', sendBurst);
        sock.on('data', (d: Buffer) => {
          responses.push(d);
          while (responses.next() !== undefined) {
            stats.responses++;
            got++;
          }
          armIdle();
          // Every valid frame of the burst answered (acks=0 Produce gets none: the idle timer covers it).
          if (got >= expected) sendBurst();
        });
        sock.on('error', () => {});
        sock.on('close', () => {
          if (!finished) stats.closedByBroker++;
          finish();
        });
      });
    }
  };

  try {
    await Promise.all(Array.from({ length: o.connections }, (_, i) => worker(i)));
  } finally {
    stop = true;
    clearInterval(sampler);
    await prober;
  }
  stats.elapsedMs = performance.now() - t0;
  try {
    stats.rssEndKiB = o.rssKiB();
  } catch {
    stats.brokerDied = true;
  }
  if (!o.alive()) stats.brokerDied = true;
  return stats;
}
