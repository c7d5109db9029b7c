// Shared by the streams examples: a broker (TIDE_BROKERS, e.g. `tide dev`, or a temporary one),
// topic creation and reading a topic until a condition holds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Consumer } from '@tideline/client';

export async function broker() {
  if (process.env.TIDE_BROKERS) return { bootstrap: process.env.TIDE_BROKERS, close: async () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'tideline-streams-example-'));
  const b = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
  return { bootstrap: b.bootstrap, close: async () => { await b.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export async function createTopics(bootstrap, topics) {
  const admin = new Admin({ bootstrap });
  await admin.createTopics(topics.map((t) => ({ numPartitions: 2, replicationFactor: 1, ...t })), { ignoreExisting: true });
  await admin.close();
}

/** Reads `topic` from the start, calling onRecord, until done() or timeoutMs. */
export async function readUntil(bootstrap, topic, onRecord, done, timeoutMs = 30_000) {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 200, isolationLevel: 'read_committed' });
  const admin = new Admin({ bootstrap });
  const [d] = await admin.describeTopics([topic]);
  await admin.close();
  consumer.assign(d.partitions.map((p) => ({ topic, partition: p.partition, offset: 'earliest' })));
  const timer = setTimeout(() => void consumer.close(), timeoutMs);
  try {
    for await (const r of consumer) {
      onRecord(r);
      if (done()) break;
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
}
