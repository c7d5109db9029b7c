// KafkaJS as crash-loop workload, in this process: an idempotent acks=all producer sending small
// batches in a loop (a new producer instance, with a new producer id, after any failed send, so a
// send whose outcome is unknown is never retried under another sequence number), and a classic
// group member with auto-commit whose polls, sessions and acknowledged commits are reported.
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';

const RETRY = { retries: 12, initialRetryTime: 100, maxRetryTime: 1000 };

export interface KafkaJsSend {
  producer: string;
  seq: number;
  value: string;
  partition: number;
  /** Acked offset, or the error the client reported. */
  outcome: { kind: 'ok'; offset: bigint } | { kind: 'error'; error: string };
}

export interface KafkaJsProducerOptions {
  bootstrap: string;
  topic: string;
  partitions: number;
  batch: number;
  /** Pad each value to about this many bytes (default: no padding). */
  valueBytes?: number;
  /** KafkaJS retries per send (default 12, ~10 s of backoff). */
  retries?: number;
  onSend: (s: KafkaJsSend) => void;
}

/** The Kafka error name behind a KafkaJS error (KafkaJSNumberOfRetriesExceeded wraps the last one). */
export function kafkaJsErrorType(e: unknown): string {
  const x = e as { type?: unknown; cause?: unknown; name?: unknown };
  if (typeof x.type === 'string') return x.type;
  if (x.cause !== undefined && x.cause !== null && x.cause !== e) return kafkaJsErrorType(x.cause);
  return typeof x.name === 'string' ? x.name : 'Error';
}

/** Sends batches of `batch` records `kjs-<seq>` round-robin over the partitions until stopped. */
export class KafkaJsProducerLoop {
  private stopped = false;
  private readonly done: Promise<void>;
  sent = 0;
  acked = 0;
  failedSends = 0;
  instances = 0;
  /** Failed sends per Kafka error name. */
  readonly errors = new Map<string, number>();

  constructor(private readonly o: KafkaJsProducerOptions) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    const retry = { ...RETRY, retries: this.o.retries ?? RETRY.retries };
    const kafka = new Kafka({ clientId: 'crash-kafkajs-producer', brokers: [this.o.bootstrap], logLevel: logLevel.NOTHING, retry });
    const pad = this.o.valueBytes === undefined ? '' : `-${'x'.repeat(this.o.valueBytes)}`;
    let seq = 0;
    while (!this.stopped) {
      const name = `kafkajs-p${this.instances++}`;
      const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, retry });
      try {
        await producer.connect();
      } catch {
        await sleep(200);
        continue;
      }
      while (!this.stopped) {
        const msgs = Array.from({ length: this.o.batch }, (_, i) => ({ seq: seq + i, value: `kjs-${seq + i}${pad}`, partition: (seq + i) % this.o.partitions }));
        seq += this.o.batch;
        this.sent += msgs.length;
        try {
          const meta = await producer.send({ topic: this.o.topic, acks: -1, messages: msgs.map((m) => ({ value: m.value, partition: m.partition })) });
          const base = new Map(meta.map((m) => [m.partition, BigInt(m.baseOffset ?? m.offset ?? '-1')]));
          const nth = new Map<number, bigint>();
          for (const m of msgs) {
            const i = nth.get(m.partition) ?? 0n;
            nth.set(m.partition, i + 1n);
            const b = base.get(m.partition);
            if (b === undefined || b < 0n) this.o.onSend({ producer: name, seq: m.seq, value: m.value, partition: m.partition, outcome: { kind: 'error', error: 'no offset in the answer' } });
            else this.o.onSend({ producer: name, seq: m.seq, value: m.value, partition: m.partition, outcome: { kind: 'ok', offset: b + i } });
          }
          this.acked += msgs.length;
        } catch (e) {
          this.failedSends++;
          const error = `${kafkaJsErrorType(e)}: ${(e as Error).message}`;
          this.errors.set(kafkaJsErrorType(e), (this.errors.get(kafkaJsErrorType(e)) ?? 0) + 1);
          for (const m of msgs) this.o.onSend({ producer: name, seq: m.seq, value: m.value, partition: m.partition, outcome: { kind: 'error', error } });
          break; // a fresh producer id: this one's sequence state is unknown
        }
      }
      await producer.disconnect().catch(() => undefined);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }
}

export type KafkaJsConsumerEvent =
  | { kind: 'session' }
  | { kind: 'record'; partition: number; offset: bigint; value: string }
  | { kind: 'committed'; offsets: Array<{ topic: string; partition: number; offset: bigint }> };

export interface KafkaJsConsumerOptions {
  bootstrap: string;
  topic: string;
  group: string;
  onEvent: (e: KafkaJsConsumerEvent) => void;
}

/**
 * A classic group member with auto-commit every 300 ms. A new session (for the poll-order check)
 * starts on every join, rebalance or crash; after a crash KafkaJS does not restart itself from, a
 * fresh consumer joins.
 */
export class KafkaJsGroupMember {
  private consumer: Consumer | null = null;
  private stopped = false;
  restarts = 0;
  private readonly kafka: Kafka;

  constructor(private readonly o: KafkaJsConsumerOptions) {
    this.kafka = new Kafka({ clientId: 'crash-kafkajs-consumer', brokers: [o.bootstrap], logLevel: logLevel.NOTHING, retry: RETRY });
  }

  async start(): Promise<void> {
    const c = this.kafka.consumer({
      groupId: this.o.group, sessionTimeout: 10_000, heartbeatInterval: 500, rebalanceTimeout: 20_000, maxWaitTimeInMs: 200,
      retry: { ...RETRY, restartOnFailure: async () => true },
    });
    this.consumer = c;
    const { GROUP_JOIN, REBALANCING, CRASH, COMMIT_OFFSETS } = c.events;
    c.on(GROUP_JOIN, () => this.o.onEvent({ kind: 'session' }));
    c.on(REBALANCING, () => this.o.onEvent({ kind: 'session' }));
    c.on(CRASH, (e) => {
      this.o.onEvent({ kind: 'session' });
      if (!e.payload.restart && !this.stopped && this.consumer === c) {
        this.restarts++;
        void c.disconnect().catch(() => undefined).then(() => (this.stopped ? undefined : this.start().catch(() => undefined)));
      }
    });
    c.on(COMMIT_OFFSETS, (e) => {
      const offsets = e.payload.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: BigInt(p.offset) })));
      this.o.onEvent({ kind: 'committed', offsets });
    });
    for (;;) {
      try {
        await c.connect();
        await c.subscribe({ topic: this.o.topic, fromBeginning: true });
        await c.run({
          autoCommit: true, autoCommitInterval: 300,
          eachMessage: async ({ partition, message }) => {
            this.o.onEvent({ kind: 'record', partition, offset: BigInt(message.offset), value: message.value?.toString() ?? '' });
          },
        });
        return;
      } catch {
        if (this.stopped) return;
        await sleep(300);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect().catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
