// The crash loop: a mixed workload of real clients runs against a `tide broker start` process
// that is SIGKILLed at random moments and restarted on the same data directory and port; at the
// end every partition is read back with kcat (CRC-checked by librdkafka) and the history goes
// through the checker.
//
// Workload, all against one topic of `partitions` partitions and one classic consumer group:
// - per iteration, a Java 4.x producer (idempotent, acks=all) sending `javaRecords` keyed records
//   and printing each ack; the broker is killed after a random share of them was acknowledged (or a
//   random time after the first ack), so the producer keeps retrying across the restart;
// - throughout, a KafkaJS idempotent acks=all producer sending batches round-robin;
// - throughout, a Java group member (commitSync every 200 ms) and a KafkaJS group member
//   (auto-commit every 300 ms) in the same group;
// - throughout, Java transactional consume-transform-produce processors (eos.ts) copying the topic
//   exactly once to another, restarted whenever a kill makes one exit;
// - `extraWorkloads`: the hook for more.
// Besides the checker's anomalies, after each restart the group's committed offsets (OffsetFetch)
// must be at least every commit acknowledged before the kill ('commit-lost').
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { kcat } from '@tideline/interop';
import { checkHistory, type Anomaly, type CommitEvent, type HistoryEvent, type PollEvent, type SendEvent, type StoredRecord } from '../checker.js';
import { startBrokerProcess, type BrokerProcess } from '../broker-process.js';
import { Rng } from '../fuzz/mutate.js';
import { WireClient, createTopic } from '../wire.js';
import { JavaGroupMember, JavaProducer, type JavaAck } from './java.js';
import { KafkaJsGroupMember, KafkaJsProducerLoop } from './kafkajs.js';
import { EosWorkload } from './eos.js';

export const CRASH_TOPIC = 'crash';
export const CRASH_GROUP = 'crash-group';

/** Records what clients saw, in arrival order. */
export class HistoryRecorder {
  readonly events: HistoryEvent[] = [];
  /** Highest acknowledged commit per "group topic/partition". */
  readonly maxCommitted = new Map<string, bigint>();
  private sessions = new Map<string, number>();

  send(e: Omit<SendEvent, 'type'>): void {
    this.events.push({ type: 'send', ...e });
  }

  poll(e: Omit<PollEvent, 'type'>): void {
    this.events.push({ type: 'poll', ...e });
  }

  commit(e: Omit<CommitEvent, 'type'>): void {
    this.events.push({ type: 'commit', ...e });
    const key = `${e.group} ${e.topic}/${e.partition}`;
    const prev = this.maxCommitted.get(key);
    if (prev === undefined || e.offset > prev) this.maxCommitted.set(key, e.offset);
  }

  /** A consumer's current session name; `next` starts a new one. */
  session(consumer: string, next = false): string {
    const n = (this.sessions.get(consumer) ?? 0) + (next ? 1 : 0);
    this.sessions.set(consumer, n);
    return `${consumer}#${n}`;
  }
}

export interface WorkloadContext {
  bootstrap: string;
  port: number;
  topic: string;
  partitions: number;
  history: HistoryRecorder;
  log: (line: string) => void;
}

/** A workload that runs across the whole loop (started before the first kill, stopped after the last restart). */
export interface CrashWorkload {
  readonly name: string;
  start(ctx: WorkloadContext): Promise<void>;
  /** Stops producing new work; consumers may still drain until `stop`. */
  quiesce?(): Promise<void>;
  stop(): Promise<void>;
  /** Counters for the report. */
  stats(): Record<string, number>;
  /** After `stop`: adds its sends to the history and returns its final read (merged into the checker's) and its own anomalies. */
  finalCheck?(inputFinal: readonly StoredRecord[]): Promise<{ final: StoredRecord[]; anomalies: Anomaly[] }>;
}

export interface CrashLoopOptions {
  iterations: number;
  seed: number;
  dataDir: string;
  partitions?: number;
  /** Records per Java producer run (one run per iteration). Default 30,000. */
  javaRecords?: number;
  /**
   * The broker is killed once the Java producer has acknowledged a uniformly random share of its
   * records, or a uniformly random time within this many ms after its first ack, whichever comes
   * first (so kills land mid-production however fast the machine is). Default 3000.
   */
  killWindowMs?: number;
  /** KafkaJS records per send. Default 20. */
  kafkajsBatch?: number;
  /** Run the transactional consume-transform-produce workload (default true). */
  eos?: boolean;
  extraWorkloads?: CrashWorkload[];
  log?: (line: string) => void;
  /** Time allowed for consumers to catch up after the last restart. Default 90 s. */
  catchUpMs?: number;
}

export interface CrashLoopResult {
  iterations: number;
  kills: number;
  killsDuringJavaProduction: number;
  anomalies: Anomaly[];
  stats: {
    sends: number; acked: number; polls: number; commits: number; stored: number;
    javaAcked: number; kafkajsAcked: number; kafkajsFailedSends: number; kafkajsProducers: number;
    restartMsMax: number; restartMsAvg: number; recoveryTruncations: number; commitChecks: number;
    caughtUp: boolean; durationMs: number;
  };
  extra: Record<string, Record<string, number>>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Committed offsets of `group` per partition of `topic` (OffsetFetch v7). */
export async function committedOffsets(port: number, group: string, topic: string): Promise<Map<number, bigint>> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.OffsetFetch, 7, { groupId: group, topics: null, requireStable: false });
    const out = new Map<number, bigint>();
    if (r.errorCode !== ErrorCode.NONE) throw new Error(`OffsetFetch ${group}: error ${r.errorCode}`);
    for (const t of r.topics) {
      if (t.name !== topic) continue;
      for (const p of t.partitions) if (p.errorCode === ErrorCode.NONE && p.committedOffset >= 0n) out.set(p.partitionIndex, p.committedOffset);
    }
    return out;
  } finally {
    c.close();
  }
}

/** Log end offsets of every partition (ListOffsets v7, latest). */
export async function endOffsets(port: number, topic: string, partitions: number): Promise<Map<number, bigint>> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.ListOffsets, 7, {
      replicaId: -1, isolationLevel: 0,
      topics: [{ name: topic, partitions: Array.from({ length: partitions }, (_, i) => ({ partitionIndex: i, currentLeaderEpoch: -1, timestamp: -1n })) }],
    });
    return new Map(r.topics[0]!.partitions.map((p) => [p.partitionIndex, p.offset]));
  } finally {
    c.close();
  }
}

/** Every record of `topic`, read by kcat from the beginning with CRC checks on. */
export async function finalRead(bootstrap: string, topic: string, timeoutMs = 180_000): Promise<StoredRecord[]> {
  const r = await kcat(['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-X', 'check.crcs=true', '-f', '%p %o %s\n'], { timeoutMs });
  if (/ERROR/.test(r.stderr)) throw new Error(`kcat reported errors while reading ${topic}:\n${r.stderr.slice(-3000)}`);
  const out: StoredRecord[] = [];
  for (const line of r.stdout.split('\n')) {
    if (line === '') continue;
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    out.push({ topic, partition: Number(line.slice(0, a)), offset: BigInt(line.slice(a + 1, b)), value: line.slice(b + 1) });
  }
  return out;
}

/** Acked commits (from `snapshot`) that the broker no longer reports after a restart. */
function lostCommits(snapshot: ReadonlyMap<string, bigint>, fetched: ReadonlyMap<number, bigint>, group: string, topic: string, when: string): Anomaly[] {
  const out: Anomaly[] = [];
  for (const [key, offset] of snapshot) {
    if (!key.startsWith(`${group} ${topic}/`)) continue;
    const p = Number(key.slice(key.lastIndexOf('/') + 1));
    const got = fetched.get(p) ?? -1n;
    if (got < offset) out.push({ kind: 'commit-lost', detail: `${key}: commit of ${offset} was acknowledged, OffsetFetch ${when} answers ${got}` });
  }
  return out;
}

export async function runCrashLoop(o: CrashLoopOptions): Promise<CrashLoopResult> {
  const t0 = performance.now();
  const log = (line: string): void => o.log?.(`+${((performance.now() - t0) / 1000).toFixed(1)}s ${line}`);
  const rng = new Rng(o.seed);
  const partitions = o.partitions ?? 3;
  const javaRecords = o.javaRecords ?? 30_000;
  const killWindowMs = o.killWindowMs ?? 3000;
  const history = new HistoryRecorder();
  const anomalies: Anomaly[] = [];
  const restartMs: number[] = [];
  let kills = 0;
  let killsDuringJava = 0;
  let javaAcked = 0;
  let commitChecks = 0;

  const broker: BrokerProcess = await startBrokerProcess({ dataDir: o.dataDir, logLevel: 'warn' });
  let kjsProducer: KafkaJsProducerLoop | undefined;
  let kjsMember: KafkaJsGroupMember | undefined;
  let javaMember: JavaGroupMember | undefined;
  let javaProducer: JavaProducer | undefined;
  const extras = [...(o.eos === false ? [] : [new EosWorkload()]), ...(o.extraWorkloads ?? [])];
  const started: CrashWorkload[] = [];
  let caughtUp = false;
  try {
    await createTopic(broker.port, CRASH_TOPIC, partitions);
    const ctx: WorkloadContext = { bootstrap: broker.bootstrap, port: broker.port, topic: CRASH_TOPIC, partitions, history, log };

    kjsProducer = new KafkaJsProducerLoop({
      bootstrap: broker.bootstrap, topic: CRASH_TOPIC, partitions, batch: o.kafkajsBatch ?? 20,
      onSend: (s) => history.send({
        producer: s.producer, seq: s.seq, idempotent: true, topic: CRASH_TOPIC, value: s.value,
        outcome: s.outcome.kind === 'ok' ? { kind: 'ok', partition: s.partition, offset: s.outcome.offset } : { kind: 'error', error: s.outcome.error },
      }),
    });
    const javaName = 'java-member';
    javaMember = JavaGroupMember.start({
      bootstrap: broker.bootstrap, topic: CRASH_TOPIC, group: CRASH_GROUP,
      onEvent: (e) => {
        if (e.kind === 'membership') history.session(javaName, true);
        else if (e.kind === 'record') history.poll({ consumer: history.session(javaName), topic: e.topic, partition: e.partition, offset: e.offset, value: e.value });
        else if (e.kind === 'committed') for (const c of e.offsets) history.commit({ group: CRASH_GROUP, ...c });
      },
    });
    const kjsName = 'kafkajs-member';
    kjsMember = new KafkaJsGroupMember({
      bootstrap: broker.bootstrap, topic: CRASH_TOPIC, group: CRASH_GROUP,
      onEvent: (e) => {
        if (e.kind === 'session') history.session(kjsName, true);
        else if (e.kind === 'record') history.poll({ consumer: history.session(kjsName), topic: CRASH_TOPIC, partition: e.partition, offset: e.offset, value: e.value });
        else for (const c of e.offsets) history.commit({ group: CRASH_GROUP, ...c });
      },
    });
    await kjsMember.start();
    for (const w of extras) {
      await w.start(ctx);
      started.push(w);
    }

    for (let iter = 0; iter < o.iterations; iter++) {
      const acks = new Map<string, JavaAck>();
      const producer = JavaProducer.start({
        bootstrap: broker.bootstrap, topic: CRASH_TOPIC, count: javaRecords, keyPrefix: `jk${iter}-`, valuePrefix: `j${iter}-`,
        onAck: (a) => acks.set(a.value, a),
      });
      javaProducer = producer;
      await producer.firstAck(30_000);
      const delay = rng.int(killWindowMs);
      const targetAcks = 1 + rng.int(javaRecords - 1);
      const waitFrom = performance.now();
      while (performance.now() - waitFrom < delay && producer.acks < targetAcks && producer.running) await sleep(2);
      const ackedAtKill = producer.acks;
      const killedAfterMs = Math.round(performance.now() - waitFrom);
      await broker.kill();
      kills++;
      if (ackedAtKill > 0 && ackedAtKill < javaRecords) killsDuringJava++;
      // Down for a while; acks and commits answered before the kill reach us meanwhile.
      await sleep(300 + rng.int(700));
      const snapshot = new Map(history.maxCommitted);
      const r0 = performance.now();
      await broker.restart();
      restartMs.push(performance.now() - r0);
      const fetched = await committedOffsets(broker.port, CRASH_GROUP, CRASH_TOPIC);
      anomalies.push(...lostCommits(snapshot, fetched, CRASH_GROUP, CRASH_TOPIC, `after restart ${iter + 1}`));
      commitChecks++;
      const finished = await producer.finish(90_000);
      for (let i = 0; i < javaRecords; i++) {
        const value = `j${iter}-${i}`;
        const a = acks.get(value);
        history.send({
          producer: `java-${iter}`, seq: i, idempotent: true, topic: CRASH_TOPIC, value,
          outcome: a === undefined ? { kind: 'unknown' } : { kind: 'ok', partition: a.partition, offset: a.offset },
        });
      }
      javaAcked += acks.size;
      javaProducer = undefined;
      log(`iteration ${iter + 1}/${o.iterations}: killed ${killedAfterMs} ms and ${ackedAtKill} acks into the Java run (target ${targetAcks} acks or ${delay} ms); restart ${Math.round(restartMs.at(-1)!)} ms; Java run ${finished ? 'finished' : 'killed'} with ${acks.size}/${javaRecords} acked; KafkaJS acked ${kjsProducer.acked} (${kjsProducer.failedSends} failed sends); ${history.events.length} events`);
      await sleep(rng.int(1000));
    }

    // Stop producing, let the consumers catch up with the log end, then stop them.
    await kjsProducer.stop();
    log('producers stopped');
    for (const w of started) await w.quiesce?.();
    log('workloads quiesced');
    const ends = await endOffsets(broker.port, CRASH_TOPIC, partitions);
    const deadline = Date.now() + (o.catchUpMs ?? 90_000);
    while (Date.now() < deadline) {
      const committed = await committedOffsets(broker.port, CRASH_GROUP, CRASH_TOPIC);
      if ([...ends].every(([p, end]) => (committed.get(p) ?? 0n) >= end)) {
        caughtUp = true;
        break;
      }
      await sleep(500);
    }
    await javaMember.stop();
    await kjsMember.stop();
    for (const w of started.splice(0)) await w.stop();
    log(`consumers and workloads stopped (caught up: ${caughtUp})`);
    const finalCommitted = await committedOffsets(broker.port, CRASH_GROUP, CRASH_TOPIC);
    anomalies.push(...lostCommits(history.maxCommitted, finalCommitted, CRASH_GROUP, CRASH_TOPIC, 'at the end'));
    commitChecks++;

    const final = await finalRead(broker.bootstrap, CRASH_TOPIC);
    log(`final read: ${final.length} records`);
    let all = final;
    for (const w of extras) {
      const r = await w.finalCheck?.(final);
      if (r === undefined) continue;
      all = all.concat(r.final);
      for (const a of r.anomalies) anomalies.push(a);
    }
    const result = checkHistory({ events: history.events, final: all });
    for (const a of result.anomalies) anomalies.push(a);
    const recoveryTruncations = broker.output().split('\n').filter((l) => l.includes('log recovery truncated')).length;
    return {
      iterations: o.iterations,
      kills,
      killsDuringJavaProduction: killsDuringJava,
      anomalies,
      stats: {
        ...result.stats, javaAcked, kafkajsAcked: kjsProducer.acked, kafkajsFailedSends: kjsProducer.failedSends, kafkajsProducers: kjsProducer.instances,
        restartMsMax: Math.round(Math.max(0, ...restartMs)), restartMsAvg: Math.round(restartMs.reduce((a, b) => a + b, 0) / Math.max(1, restartMs.length)),
        recoveryTruncations, commitChecks, caughtUp, durationMs: Math.round(performance.now() - t0),
      },
      extra: Object.fromEntries(extras.map((w) => [w.name, w.stats()])),
    };
  } finally {
    await javaProducer?.kill();
    await kjsProducer?.stop().catch(() => undefined);
    await kjsMember?.stop().catch(() => undefined);
    if (javaMember?.alive === true) await javaMember.stop(5000);
    for (const w of started) await w.stop().catch(() => undefined);
    await broker.stop();
  }
}

/**
 * The verdict on a crash-loop run, shared by the CI test and the long mode: no anomaly, every
 * iteration killed the broker, a real amount was acknowledged, the group read, committed and caught
 * up after the last restart, and the transactional workload committed transactions.
 */
export function crashLoopFailures(r: CrashLoopResult, o: { eos?: boolean } = {}): string[] {
  const out: string[] = [];
  if (r.anomalies.length > 0) {
    out.push(`${r.anomalies.length} anomalies, first ones:`);
    for (const a of r.anomalies.slice(0, 20)) out.push(`  ${a.kind}: ${a.detail}`);
  }
  if (r.kills !== r.iterations) out.push(`${r.kills} kills for ${r.iterations} iterations`);
  if (r.stats.acked <= r.iterations * 1000) out.push(`only ${r.stats.acked} acked records`);
  if (r.stats.polls === 0 || r.stats.commits === 0) out.push(`the consumers read ${r.stats.polls} records and committed ${r.stats.commits} times`);
  if (!r.stats.caughtUp) out.push('the group did not consume and commit everything after the last restart');
  if (o.eos !== false && (r.extra['eos']?.['committedTxns'] ?? 0) === 0) out.push('the transactional workload committed no transaction');
  return out;
}
