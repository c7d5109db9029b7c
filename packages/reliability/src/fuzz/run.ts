// Glue: a corpus for the broker's served APIs, then a campaign against it; `runFuzz` adds the
// broker process and the verdict, shared by the CI test (200k frames) and the long mode (10M).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrokerProcess, type BrokerProcess } from '../broker-process.js';
import { createTopic, servedApis } from '../wire.js';
import { buildCorpus } from './corpus.js';
import { runCampaign, type CampaignStats } from './campaign.js';

export const FUZZ_TOPIC = 'fuzz';

export type FuzzStats = CampaignStats & { corpusFrames: number; apis: number };

export async function fuzzBroker(
  broker: BrokerProcess,
  o: { frames: number; seed: number; connections?: number; perVersion?: number; deadlineMs?: number; onProgress?: (s: CampaignStats) => void },
): Promise<FuzzStats> {
  await createTopic(broker.port, FUZZ_TOPIC, 2);
  const served = await servedApis(broker.port);
  const corpus = buildCorpus(served, { perVersion: o.perVersion ?? 6, seed: o.seed, hints: { names: [FUZZ_TOPIC, 'fuzz-group', 'member', '', 'fuzz-2'] } });
  const stats = await runCampaign({
    port: broker.port, corpus, frames: o.frames, connections: o.connections ?? 16, seed: o.seed, topic: FUZZ_TOPIC,
    rssKiB: () => broker.rssKiB(), alive: () => broker.alive(), deadlineMs: o.deadlineMs, onProgress: o.onProgress,
  });
  return { ...stats, corpusFrames: corpus.length, apis: served.length };
}

export interface FuzzRunOptions {
  frames: number;
  seed: number;
  /** Hard stop; frames short of `frames` at the deadline are a failure. */
  deadlineMs?: number;
  /** RSS bound in KiB (default 768 MiB). */
  rssLimitKiB?: number;
  onProgress?: (s: CampaignStats) => void;
}

export interface FuzzRunResult {
  stats: FuzzStats;
  /** Empty when the broker survived, answered every probe, took every frame and stayed under the RSS bound. */
  failures: string[];
}

/** A fresh `tide broker start` process on a temporary directory, fuzzed, judged and stopped. */
export async function runFuzz(o: FuzzRunOptions): Promise<FuzzRunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-fuzz-'));
  const broker = await startBrokerProcess({ dataDir: dir, logLevel: 'error' });
  try {
    const stats = await fuzzBroker(broker, { frames: o.frames, seed: o.seed, deadlineMs: o.deadlineMs, onProgress: o.onProgress });
    const limit = o.rssLimitKiB ?? 768 * 1024;
    const failures: string[] = [];
    if (stats.brokerDied) failures.push(`broker died:\n${broker.output().slice(-4000)}`);
    for (const p of stats.probeFailures) failures.push(`health probe failed at ${p}`);
    if (stats.framesWritten < o.frames) failures.push(`only ${stats.framesWritten} of ${o.frames} frames before the deadline`);
    if (stats.rssMaxKiB >= limit) failures.push(`broker RSS reached ${stats.rssMaxKiB} KiB (bound ${limit} KiB)`);
    return { stats, failures };
  } finally {
    await broker.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
