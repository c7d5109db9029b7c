// Glue: a corpus for the broker's served APIs, then a campaign against it.
import type { BrokerProcess } from '../broker-process.js';
import { createTopic, servedApis } from '../wire.js';
import { buildCorpus } from './corpus.js';
import { runCampaign, type CampaignStats } from './campaign.js';

export const FUZZ_TOPIC = 'fuzz';

export async function fuzzBroker(
  broker: BrokerProcess,
  o: { frames: number; seed: number; connections?: number; perVersion?: number; deadlineMs?: number; onProgress?: (s: CampaignStats) => void },
): Promise<CampaignStats & { corpusFrames: number; apis: number }> {
  await createTopic(broker.port, FUZZ_TOPIC, 2);
  const served = await servedApis(broker.port);
  const corpus = buildCorpus(served, { perVersion: o.perVersion ?? 6, seed: o.seed, hints: { names: [FUZZ_TOPIC, 'fuzz-group', 'member', '', 'fuzz-2'] } });
  const stats = await runCampaign({
    port: broker.port, corpus, frames: o.frames, connections: o.connections ?? 16, seed: o.seed, topic: FUZZ_TOPIC,
    rssKiB: () => broker.rssKiB(), alive: () => broker.alive(), deadlineMs: o.deadlineMs, onProgress: o.onProgress,
  });
  return { ...stats, corpusFrames: corpus.length, apis: served.length };
}
