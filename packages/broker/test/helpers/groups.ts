// Shared pieces of the consumer-group acceptance tests: a long-running Java group member
// (KafkaCli `group`, streaming its rebalance events, records and commits as JSON lines), waiting
// helpers, and the broker's view of a classic group's assignment per member.
import type { ChildProcess } from 'node:child_process';
import assert from 'node:assert/strict';
import { Kafka } from 'kafkajs';
import { javaClasspath, spawnTracked, stopChild, type JavaClientVersion } from '@tideline/interop/internal';
import { Reader, readConsumerProtocolAssignment } from '@tideline/protocol';
import type { RunningBroker } from '../../src/index.js';

export async function until(what: string, cond: () => boolean, timeoutMs = 30_000, detail?: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${detail === undefined ? '' : `: ${detail()}`}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Produces values `v<from>`..`v<from+count-1>` with keys `k<i>`, acks=all. */
export async function produce(kafka: Kafka, topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: Array.from({ length: count }, (_, i) => ({ key: `k${from + i}`, value: `v${from + i}` })) });
  } finally {
    await producer.disconnect();
  }
}

export interface GroupSnapshot {
  generation: number;
  state: string;
  protocol: string | null;
  /** member id -> sorted partitions of `topic` */
  byMember: Map<string, number[]>;
}

/** The classic group's current assignment per member, decoded from the leader's SyncGroup. */
export function classicAssignment(b: RunningBroker, groupId: string, topic: string): GroupSnapshot | undefined {
  const g = b.broker.groups.classic(groupId);
  if (g === undefined) return undefined;
  const byMember = new Map<string, number[]>();
  for (const m of g.members.values()) {
    const parts: number[] = [];
    if (m.assignment.length >= 2) {
      const a = readConsumerProtocolAssignment(new Reader(m.assignment, 2), Math.min(m.assignment.readInt16BE(0), 3));
      for (const tp of a.assignedPartitions) if (tp.topic === topic) parts.push(...tp.partitions);
    }
    byMember.set(m.memberId, parts.sort((x, y) => x - y));
  }
  return { generation: g.generationId, state: g.state, protocol: g.protocolName, byMember };
}

/**
 * Records every Stable generation of a classic group as the broker holds it (sampled every 5 ms;
 * a generation lasts at least one heartbeat round, so none is missed in practice).
 */
export class GenerationRecorder {
  readonly generations = new Map<number, GroupSnapshot>();
  private readonly timer: NodeJS.Timeout;

  constructor(b: RunningBroker, groupId: string, topic: string) {
    this.timer = setInterval(() => {
      const s = classicAssignment(b, groupId, topic);
      if (s === undefined || s.state !== 'Stable') return;
      this.generations.set(s.generation, s);
    }, 5);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Every recorded generation gives each partition 0..n-1 to exactly one member (eager assignors). */
  assertExclusiveAndComplete(partitions: number): void {
    assert.ok(this.generations.size > 0, 'no stable generation recorded');
    for (const [gen, s] of this.generations) {
      const all = [...s.byMember.values()].flat().sort((x, y) => x - y);
      assert.deepEqual(all, Array.from({ length: partitions }, (_, i) => i),
        `generation ${gen}: every partition owned by exactly one member: ${JSON.stringify([...s.byMember])}`);
    }
  }
}

// ---- Java group member ----------------------------------------------------------------------

const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

export interface JavaRecord {
  partition: number;
  offset: number;
  value: string;
}

export interface JavaMembershipEvent {
  event: 'assigned' | 'revoked' | 'lost';
  partitions: number[];
  generation: number;
  memberId: string;
}

export interface JavaMemberOptions {
  bootstrap: string;
  topic: string;
  group: string;
  /** Consumer properties (k=v). */
  props?: readonly string[];
  commit?: 'sync' | 'none';
  commitIntervalMs?: number;
  sleepMs?: number;
  sleepAfterPolls?: number;
  /** Hard bound on the process's life (default 100 s). */
  timeoutMs?: number;
  /** Extra JVM flags (e.g. -Dorg.slf4j.simpleLogger.log.org.apache.kafka=info to see why it rebalances). */
  jvmFlags?: readonly string[];
}

/** A KafkaCli `group` process: its parsed output so far, stop (leave the group) and kill -9. */
export class JavaMember {
  readonly lines: Array<Record<string, unknown>> = [];
  private out = '';
  private err = '';
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (d: Buffer) => {
      this.out += d.toString('utf8');
      let nl: number;
      while ((nl = this.out.indexOf('\n')) >= 0) {
        const line = this.out.slice(0, nl).trim();
        this.out = this.out.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        try {
          this.lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not JSON
        }
      }
    });
    child.stderr!.on('data', (d: Buffer) => {
      this.err = (this.err + d.toString('utf8')).slice(-20_000);
    });
    this.exited = new Promise((r) => child.once('exit', () => r()));
  }

  static start(version: JavaClientVersion, o: JavaMemberOptions): JavaMember {
    const args = ['group', '--bootstrap', o.bootstrap, '--topic', o.topic, '--group', o.group, '--stdin-control',
      '--timeout-ms', String(o.timeoutMs ?? 100_000), '--commit', o.commit ?? 'sync'];
    if (o.commitIntervalMs !== undefined) args.push('--commit-interval-ms', String(o.commitIntervalMs));
    if (o.sleepMs !== undefined) args.push('--sleep-ms', String(o.sleepMs), '--sleep-after-polls', String(o.sleepAfterPolls ?? 1));
    for (const p of o.props ?? []) args.push('--prop', p);
    const child = spawnTracked('java', [...JAVA_FLAGS, ...(o.jvmFlags ?? []), '-cp', javaClasspath(version), 'tideline.interop.KafkaCli', ...args],
      { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.on('error', () => undefined);
    return new JavaMember(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  stderr(): string {
    return this.err;
  }

  records(): JavaRecord[] {
    return this.lines.filter((l) => l.event === undefined && typeof l.partition === 'number')
      .map((l) => ({ partition: l.partition as number, offset: l.offset as number, value: l.value as string }));
  }

  membership(): JavaMembershipEvent[] {
    return this.lines.filter((l) => l.event === 'assigned' || l.event === 'revoked' || l.event === 'lost').map((l) => ({
      event: l.event as JavaMembershipEvent['event'],
      partitions: (l.partitions as Array<{ partition: number }>).map((p) => p.partition).sort((x, y) => x - y),
      generation: l.generation as number,
      memberId: l.memberId as string,
    }));
  }

  /** Partitions owned now, replaying assigned/revoked/lost events (eager or cooperative). */
  owned(): Set<number> {
    const s = new Set<number>();
    for (const e of this.membership()) {
      for (const p of e.partitions) {
        if (e.event === 'assigned') s.add(p);
        else s.delete(p);
      }
    }
    return s;
  }

  events(name: string): Array<Record<string, unknown>> {
    return this.lines.filter((l) => l.event === name);
  }

  /** Last committed offset per partition, from its own "committed" lines. */
  committed(): Map<number, number> {
    const m = new Map<number, number>();
    for (const l of this.events('committed')) {
      for (const o of l.offsets as Array<{ partition: number; offset: number }>) m.set(o.partition, o.offset);
    }
    return m;
  }

  async until(what: string, cond: (m: JavaMember) => boolean, timeoutMs = 40_000): Promise<void> {
    await until(what, () => {
      if (!this.alive && !cond(this)) throw new Error(`Java member exited before ${what}:\n${this.err.slice(-3000)}`);
      return cond(this);
    }, timeoutMs, () => `lines: ${JSON.stringify(this.lines.filter((l) => l.event !== undefined)).slice(-2000)}\nstderr: ${this.err.slice(-2000)}`);
  }

  /** Asks the member to close (commit, leave the group) and waits; SIGKILL after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    if (!this.alive) return;
    this.child.stdin!.end('stop\n');
    const timer = setTimeout(() => { if (this.alive) this.child.kill('SIGKILL'); }, graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** kill -9 by PID; resolves once the process is gone. */
  async kill9(): Promise<void> {
    if (this.alive) process.kill(this.pid, 'SIGKILL');
    await this.exited;
  }

  /** Last resort in `finally` blocks. */
  async dispose(): Promise<void> {
    await stopChild(this.child, 2000);
  }
}
