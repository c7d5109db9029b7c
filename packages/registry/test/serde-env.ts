// Test helper (not a test file): a broker (Tideline, or the Apache Kafka shared by the file) with
// our registry on a free port storing into a per-test schemas topic, plus produce/consume helpers.
import { startBroker } from '@tideline/broker';
import { brokerMatrix, type TestBroker } from '@tideline/interop';
import { Admin, Consumer, Producer, type ConsumerRecord } from '@tideline/client';
import { startRegistry, type RegistryHandle } from '../src/index.js';

export type { TestBroker } from '@tideline/interop';
export const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-serde-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});

export async function withRegistry<T>(b: TestBroker, fn: (reg: RegistryHandle) => Promise<T>): Promise<T> {
  const reg = await startRegistry({
    cluster: { bootstrap: b.bootstrap }, port: 0, leaderElection: false, topicReplicationFactor: 1, topic: uniqueTopic('_schemas'),
  });
  try {
    return await fn(reg);
  } finally {
    await reg.close();
  }
}

export async function createTopic(bootstrap: string, topic: string, configs?: Record<string, string>): Promise<void> {
  const admin = new Admin({ bootstrap });
  try {
    await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1, ...(configs === undefined ? {} : { configs }) }]);
  } finally {
    await admin.close();
  }
}

export interface Out {
  key?: Buffer | null;
  value: Buffer | null;
  headers?: Array<{ key: string; value: Buffer }>;
}

export async function produce(bootstrap: string, topic: string, messages: Out[]): Promise<void> {
  const p = new Producer({ bootstrap });
  try {
    await p.send({ topic, messages });
  } finally {
    await p.close();
  }
}

/** Reads `count` records of partition 0 from the start, or fails after 30 s. */
export async function consume(bootstrap: string, topic: string, count: number): Promise<ConsumerRecord[]> {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 100 });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  const out: ConsumerRecord[] = [];
  const timer = setTimeout(() => void consumer.close(), 30_000);
  try {
    for await (const r of consumer) {
      out.push(r);
      if (out.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await consumer.close();
  }
  if (out.length < count) throw new Error(`read ${out.length} of ${count} records from ${topic}`);
  return out;
}

/** Record headers as the Confluent client's deserializers take them (name -> Buffer). */
export function headerObject(r: ConsumerRecord): Record<string, Buffer> {
  const o: Record<string, Buffer> = {};
  for (const h of r.headers) if (h.value !== null) o[h.key] = Buffer.isBuffer(h.value) ? h.value : Buffer.from(h.value);
  return o;
}
