// The Java client (KafkaCli of @tideline/interop, client 4.x) as crash-loop workload processes:
// an idempotent acks=all producer that prints every ack as it arrives, and a long-lived group
// member that prints its records, commits and rebalances. Both keep running while the broker is
// killed and restarted; their lines are parsed as they arrive.
import type { ChildProcess } from 'node:child_process';
import { javaClasspath, spawnTracked } from '@tideline/interop/internal';

const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', '-Dorg.slf4j.simpleLogger.defaultLogLevel=error'];

type Line = Record<string, unknown>;

function startKafkaCli(args: string[], onLine: (l: Line) => void, stdin: 'pipe' | 'ignore'): { child: ChildProcess; stderr: () => string; exited: Promise<void> } {
  const child = spawnTracked('java', [...JAVA_FLAGS, '-cp', javaClasspath('4'), 'tideline.interop.KafkaCli', ...args], { stdio: [stdin, 'pipe', 'pipe'] });
  child.stdin?.on('error', () => undefined);
  let partial = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString('utf8')).split('\n');
    partial = lines.pop()!;
    for (const raw of lines) {
      const line = raw.trim();
      if (!line.startsWith('{')) continue;
      let parsed: Line;
      try {
        parsed = JSON.parse(line) as Line;
      } catch {
        continue;
      }
      onLine(parsed);
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    err = (err + d.toString('utf8')).slice(-20_000);
  });
  const exited = new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });
  return { child, stderr: () => err, exited };
}

function killChild(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface JavaAck {
  partition: number;
  offset: bigint;
  value: string;
}

export interface JavaProducerOptions {
  bootstrap: string;
  topic: string;
  count: number;
  keyPrefix: string;
  valuePrefix: string;
  onAck: (a: JavaAck) => void;
}

/** `count` records `valuePrefix + i` (keys `keyPrefix + i`), idempotent, acks=all, acks streamed. */
export class JavaProducer {
  private acked = 0;
  private readonly firstAckWaiters: Array<() => void> = [];
  private proc!: ReturnType<typeof startKafkaCli>;
  private constructor() {}

  static start(o: JavaProducerOptions): JavaProducer {
    const self = new JavaProducer();
    self.proc = startKafkaCli([
      'produce', '--bootstrap', o.bootstrap, '--topic', o.topic, '--count', String(o.count),
      '--key-prefix', o.keyPrefix, '--value-prefix', o.valuePrefix, '--acks', 'all', '--idempotence', 'true',
      '--linger-ms', '5', '--stream-acks',
      '--prop', 'delivery.timeout.ms=60000', '--prop', 'request.timeout.ms=5000',
      '--prop', 'reconnect.backoff.max.ms=250', '--prop', 'retry.backoff.max.ms=250',
    ], (l) => {
      if (typeof l['partition'] !== 'number' || typeof l['value'] !== 'string') return;
      o.onAck({ partition: l['partition'], offset: BigInt(l['offset'] as number), value: l['value'] });
      self.acked++;
      if (self.acked === 1) for (const w of self.firstAckWaiters.splice(0)) w();
    }, 'ignore');
    return self;
  }

  get acks(): number {
    return this.acked;
  }

  /** True while the producer process runs. */
  get running(): boolean {
    return this.proc.child.exitCode === null && this.proc.child.signalCode === null;
  }

  stderr(): string {
    return this.proc.stderr();
  }

  /** Resolves at the first ack, when the process ends, or after `timeoutMs`. */
  firstAck(timeoutMs: number): Promise<void> {
    if (this.acked > 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        resolve();
      };
      this.firstAckWaiters.push(done);
      void this.proc.exited.then(done);
    });
  }

  /** Waits for the producer to finish (every record acked or failed); SIGKILL after `timeoutMs`. Resolves true if it finished. */
  async finish(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((r) => {
      timer = setTimeout(() => r(false), timeoutMs);
    });
    const ok = await Promise.race([this.proc.exited.then(() => true), timedOut]);
    clearTimeout(timer);
    if (!ok) {
      killChild(this.proc.child);
      await this.proc.exited;
    }
    return ok;
  }

  async kill(): Promise<void> {
    killChild(this.proc.child);
    await this.proc.exited;
  }
}

export type MemberEvent =
  | { kind: 'membership'; event: 'assigned' | 'revoked' | 'lost'; generation: number; partitions: number[] }
  | { kind: 'record'; topic: string; partition: number; offset: bigint; value: string }
  | { kind: 'committed'; offsets: Array<{ topic: string; partition: number; offset: bigint }> }
  | { kind: 'commit-failed'; error: string }
  | { kind: 'closed' };

export interface JavaMemberOptions {
  bootstrap: string;
  topic: string;
  group: string;
  onEvent: (e: MemberEvent) => void;
}

/** A classic-group member committing processed offsets with commitSync every 200 ms. */
export class JavaGroupMember {
  private constructor(private readonly proc: ReturnType<typeof startKafkaCli>) {}

  static start(o: JavaMemberOptions): JavaGroupMember {
    const proc = startKafkaCli([
      'group', '--bootstrap', o.bootstrap, '--topic', o.topic, '--group', o.group, '--stdin-control',
      '--timeout-ms', String(24 * 3600 * 1000), '--commit', 'sync', '--commit-interval-ms', '200',
      '--prop', 'session.timeout.ms=10000', '--prop', 'heartbeat.interval.ms=500',
      '--prop', 'reconnect.backoff.max.ms=250', '--prop', 'retry.backoff.max.ms=250', '--prop', 'request.timeout.ms=5000',
      '--prop', 'default.api.timeout.ms=10000',
    ], (l) => {
      const ev = l['event'];
      if (ev === undefined && typeof l['partition'] === 'number') {
        o.onEvent({ kind: 'record', topic: l['topic'] as string, partition: l['partition'], offset: BigInt(l['offset'] as number), value: l['value'] as string });
      } else if (ev === 'assigned' || ev === 'revoked' || ev === 'lost') {
        const parts = (l['partitions'] as Array<{ partition: number }>).map((p) => p.partition);
        o.onEvent({ kind: 'membership', event: ev, generation: l['generation'] as number, partitions: parts });
      } else if (ev === 'committed') {
        const offsets = (l['offsets'] as Array<{ topic: string; partition: number; offset: number }>).map((x) => ({ topic: x.topic, partition: x.partition, offset: BigInt(x.offset) }));
        o.onEvent({ kind: 'committed', offsets });
      } else if (ev === 'commit-failed') {
        o.onEvent({ kind: 'commit-failed', error: String(l['error']) });
      } else if (ev === 'closed') {
        o.onEvent({ kind: 'closed' });
      }
    }, 'pipe');
    return new JavaGroupMember(proc);
  }

  get alive(): boolean {
    return this.proc.child.exitCode === null && this.proc.child.signalCode === null;
  }

  stderr(): string {
    return this.proc.stderr();
  }

  /** Asks it to commit and close (stdin `stop`); SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 30_000): Promise<void> {
    this.proc.child.stdin?.end('stop\n');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((r) => {
      timer = setTimeout(() => {
        killChild(this.proc.child);
        r();
      }, timeoutMs);
    });
    await Promise.race([this.proc.exited, timedOut]);
    clearTimeout(timer);
    await this.proc.exited;
  }
}

export type EosEvent =
  | { kind: 'ack'; txn: string; partition: number; offset: bigint; value: string }
  | { kind: 'outcome'; txn: string; outcome: 'commit' | 'abort' }
  | { kind: 'error'; txn: string; error: string };

export interface JavaEosOptions {
  bootstrap: string;
  input: string;
  output: string;
  group: string;
  transactionalId: string;
  /** Output values are `<input value>|<tag>`; transactions are named `<tag>-<n>`. */
  tag: string;
  /** Exit after this long without input. */
  idleExitMs: number;
  /** Abort every k-th transaction (its input is read again). */
  abortEvery: number;
  onEvent: (e: EosEvent) => void;
}

/**
 * KafkaCli `eos`: a read_committed consume-transform-produce loop, one transaction per poll with
 * the consumed offsets sent to it. It exits on the first error (a broker kill usually causes one),
 * with status 3 when fenced.
 */
export class JavaEosProcessor {
  private proc!: ReturnType<typeof startKafkaCli>;
  private constructor() {}

  static start(o: JavaEosOptions): JavaEosProcessor {
    const self = new JavaEosProcessor();
    self.proc = startKafkaCli([
      'eos', '--bootstrap', o.bootstrap, '--input', o.input, '--output', o.output, '--group', o.group,
      '--transactional-id', o.transactionalId, '--tag', o.tag, '--idle-exit-ms', String(o.idleExitMs), '--abort-every', String(o.abortEvery),
      '--prop', 'transaction.timeout.ms=10000', '--prop', 'session.timeout.ms=10000', '--prop', 'heartbeat.interval.ms=500',
      '--prop', 'request.timeout.ms=5000', '--prop', 'default.api.timeout.ms=10000', '--prop', 'max.block.ms=10000',
      '--prop', 'reconnect.backoff.max.ms=250', '--prop', 'retry.backoff.max.ms=250', '--prop', 'max.poll.records=200',
    ], (l) => {
      const txn = l['txn'];
      if (typeof txn !== 'string') return;
      if (l['event'] === 'error') o.onEvent({ kind: 'error', txn, error: `${String(l['error'])}: ${String(l['message'])}` });
      else if (l['outcome'] === 'commit' || l['outcome'] === 'abort') o.onEvent({ kind: 'outcome', txn, outcome: l['outcome'] });
      else if (typeof l['partition'] === 'number' && typeof l['value'] === 'string') {
        o.onEvent({ kind: 'ack', txn, partition: l['partition'], offset: BigInt(l['offset'] as number), value: l['value'] });
      }
    }, 'ignore');
    return self;
  }

  get exited(): Promise<void> {
    return this.proc.exited;
  }

  get exitCode(): number | null {
    return this.proc.child.exitCode;
  }

  stderr(): string {
    return this.proc.stderr();
  }

  async kill(): Promise<void> {
    killChild(this.proc.child);
    await this.proc.exited;
  }
}
