// Test helper (not a test file): topics with many records, fast (batches of 5,000 per send).
import { Admin, Producer } from '@tideline/client';

export async function seedTopic(bootstrap: string, topic: string, opts: { partitions?: number; count: number; make?(i: number): { key: string | Buffer | null; value: string | Buffer | null; headers?: Record<string, string> } }): Promise<void> {
  const admin = new Admin({ bootstrap });
  try {
    await admin.createTopics([{ topic, numPartitions: opts.partitions ?? 1, replicationFactor: 1 }]);
  } finally {
    await admin.close();
  }
  const p = new Producer({ bootstrap, lingerMs: 5 });
  const make = opts.make ?? ((i: number) => ({ key: `k${i}`, value: JSON.stringify({ n: i, customer: { id: `c-${i % 1000}` } }) }));
  try {
    for (let i = 0; i < opts.count; i += 5000) {
      const n = Math.min(5000, opts.count - i);
      await p.send({ topic, messages: Array.from({ length: n }, (_v, j) => make(i + j)) });
    }
  } finally {
    await p.close();
  }
}
