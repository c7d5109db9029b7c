// The transactional workload of the crash loop: Java consume-transform-produce processors
// (KafkaCli `eos`: read_committed consumer, transactional producer, offsets sent to each
// transaction, every 5th transaction aborted) copying the crash topic to an output topic. A
// processor usually dies at a broker kill; the next one (same transactional id, a new tag) fences
// it and resumes from the group's committed offsets. At the end a last processor drains the input
// and exits when idle.
//
// Checks (besides the checker's, fed with every output send and a read_committed final read):
// - no aborted read: no record of an aborted transaction in the read_committed output ('aborted-read');
// - exactly-once: every input record appears exactly once in the committed output ('eos-duplicate',
//   'eos-lost'), since the drain leaves the group's committed offsets at the input's end.
// Aborted sends are recorded under a distinct value (`value#txn`): an aborted record that a
// read_committed read returns then shows up as an offset conflict with its own ack.
import { ApiKey } from '@tideline/protocol';
import { kcat } from '@tideline/interop';
import type { Anomaly, StoredRecord } from '../checker.js';
import { WireClient, createTopic } from '../wire.js';
import type { CrashWorkload, WorkloadContext } from './loop.js';
import { JavaEosProcessor, type EosEvent } from './java.js';

export const EOS_OUTPUT = 'crash-eos-out';
export const EOS_GROUP = 'crash-eos';
const TXN_ID = 'crash-eos-tx';

interface TxnRecord {
  tag: string;
  acks: Array<{ partition: number; offset: bigint; value: string }>;
  outcome: 'commit' | 'abort' | 'unknown';
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class EosWorkload implements CrashWorkload {
  readonly name = 'eos';
  private ctx!: WorkloadContext;
  private current: JavaEosProcessor | null = null;
  private instances = 0;
  private stopping = false;
  private draining = false;
  private readonly txns = new Map<string, TxnRecord>();
  private errors = 0;
  /** Filled by finalCheck: input records, and how many of them the group's committed offsets cover. */
  private inputRecords = 0;
  private inputCovered = 0;
  private runner: Promise<void> | null = null;

  constructor(private readonly abortEvery = 5) {}

  private onEvent(tag: string, e: EosEvent): void {
    let t = this.txns.get(e.txn);
    if (t === undefined) this.txns.set(e.txn, (t = { tag, acks: [], outcome: 'unknown' }));
    if (e.kind === 'ack') t.acks.push({ partition: e.partition, offset: e.offset, value: e.value });
    else if (e.kind === 'outcome') t.outcome = e.outcome;
    else this.errors++;
  }

  private spawn(idleExitMs: number): JavaEosProcessor {
    const tag = `e${this.instances++}`;
    return JavaEosProcessor.start({
      bootstrap: this.ctx.bootstrap, input: this.ctx.topic, output: EOS_OUTPUT, group: EOS_GROUP, transactionalId: TXN_ID,
      tag, idleExitMs, abortEvery: this.abortEvery, onEvent: (e) => this.onEvent(tag, e),
    });
  }

  async start(ctx: WorkloadContext): Promise<void> {
    this.ctx = ctx;
    await createTopic(ctx.port, EOS_OUTPUT, ctx.partitions);
    // One processor at a time; a dead one is replaced until the drain starts.
    this.runner = (async () => {
      while (!this.stopping && !this.draining) {
        const p = this.spawn(24 * 3600 * 1000);
        this.current = p;
        await p.exited;
        if (!this.stopping && !this.draining) await sleep(200);
      }
    })();
  }

  async quiesce(): Promise<void> {
    this.draining = true;
    // The drain processor fences the running one (same transactional id) and takes over.
    // Its idle clock starts with the process, so it must cover the JVM start and the group join on a loaded machine.
    const drain = this.spawn(20_000);
    // A cleared timer: a pending 240 s one kept the test process alive for minutes after the loop.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drain.exited, new Promise<void>((r) => { timer = setTimeout(r, 240_000); })]);
    clearTimeout(timer);
    if (drain.exitCode === null) {
      await drain.kill();
      this.ctx.log(`eos drain did not finish: ${drain.stderr().slice(-2000)}`);
    }
    await this.current?.kill();
    await this.runner;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.current?.kill();
    await this.runner;
  }

  stats(): Record<string, number> {
    const all = [...this.txns.values()];
    return {
      processors: this.instances,
      committedTxns: all.filter((t) => t.outcome === 'commit').length,
      abortedTxns: all.filter((t) => t.outcome === 'abort').length,
      unknownTxns: all.filter((t) => t.outcome === 'unknown').length,
      processorErrors: this.errors,
      inputRecords: this.inputRecords,
      inputCoveredByCommits: this.inputCovered,
    };
  }

  async finalCheck(inputFinal: readonly StoredRecord[]): Promise<{ final: StoredRecord[]; anomalies: Anomaly[] }> {
    let seq = 0;
    for (const [id, t] of this.txns) {
      for (const a of t.acks) {
        this.ctx.history.send({
          producer: `eos-${t.tag}`, seq: seq++, idempotent: true, topic: EOS_OUTPUT,
          value: t.outcome === 'abort' ? `${a.value}#${id}` : a.value,
          outcome: { kind: 'ok', partition: a.partition, offset: a.offset },
          txn: { id, outcome: t.outcome },
        });
      }
    }
    const r = await kcat(['-b', this.ctx.bootstrap, '-C', '-t', EOS_OUTPUT, '-o', 'beginning', '-e', '-q', '-X', 'check.crcs=true',
      '-X', 'isolation.level=read_committed', '-f', '%p %o %s\n'], { timeoutMs: 180_000 });
    if (/ERROR/.test(r.stderr)) throw new Error(`kcat reported errors while reading ${EOS_OUTPUT}:\n${r.stderr.slice(-3000)}`);
    const final: StoredRecord[] = [];
    const copies = new Map<string, number>();
    for (const line of r.stdout.split('\n')) {
      if (line === '') continue;
      const a = line.indexOf(' ');
      const b = line.indexOf(' ', a + 1);
      const value = line.slice(b + 1);
      final.push({ topic: EOS_OUTPUT, partition: Number(line.slice(0, a)), offset: BigInt(line.slice(a + 1, b)), value });
      const input = value.slice(0, value.lastIndexOf('|'));
      copies.set(input, (copies.get(input) ?? 0) + 1);
    }
    const anomalies: Anomaly[] = [];
    // An aborted record in the read_committed output: explicit, besides the checker's offset conflict with its own ack.
    const abortedAt = new Map<string, string>();
    for (const [id, t] of this.txns) if (t.outcome === 'abort') for (const a of t.acks) abortedAt.set(`${a.partition}/${a.offset}`, id);
    for (const rec of final) {
      const id = abortedAt.get(`${rec.partition}/${rec.offset}`);
      if (id !== undefined) anomalies.push({ kind: 'aborted-read', detail: `read_committed read of ${EOS_OUTPUT} returned ${JSON.stringify(rec.value)} at ${rec.partition}/${rec.offset}, written by aborted ${id}` });
    }
    const committed = await committedOf(this.ctx.port, EOS_GROUP, this.ctx.topic);
    for (const rec of inputFinal) {
      const n = copies.get(rec.value) ?? 0;
      const want = rec.offset < (committed.get(rec.partition) ?? 0n) ? 1 : 0;
      this.inputRecords++;
      this.inputCovered += want;
      if (n > want) anomalies.push({ kind: 'eos-duplicate', detail: `${rec.topic}/${rec.partition}/${rec.offset} ${JSON.stringify(rec.value)} is in the committed output ${n} times` });
      else if (n < want) anomalies.push({ kind: 'eos-lost', detail: `${rec.topic}/${rec.partition}/${rec.offset} ${JSON.stringify(rec.value)} is below the committed offset ${committed.get(rec.partition)} but not in the committed output` });
    }
    this.ctx.log(`eos: ${final.length} committed output records for ${inputFinal.length} input records; group committed ${JSON.stringify(Object.fromEntries([...committed].map(([p, o]) => [p, String(o)])))}`);
    return { final, anomalies };
  }
}

async function committedOf(port: number, group: string, topic: string): Promise<Map<number, bigint>> {
  const c = await WireClient.connect(port);
  try {
    const r = await c.send(ApiKey.OffsetFetch, 7, { groupId: group, topics: null, requireStable: true });
    const out = new Map<number, bigint>();
    for (const t of r.topics) if (t.name === topic) for (const p of t.partitions) out.set(p.partitionIndex, p.committedOffset);
    return out;
  } finally {
    c.close();
  }
}
