// Test helper (not a test file): a long-running Java group member (the interop KafkaCli `group`
// command, streaming its rebalance events and records as JSON lines), to share a consumer group
// with Tideline's client.
import type { ChildProcess } from 'node:child_process';
import { javaClasspath, spawnTracked, stopChild } from '@tideline/interop/internal';

const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

export async function until(what: string, cond: () => boolean, timeoutMs = 40_000, detail?: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${detail === undefined ? '' : `: ${detail()}`}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

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

  /** A Java 4.x group member of `group` on `topic`; `props` are consumer properties (k=v). */
  static start(o: { bootstrap: string; topic: string; group: string; props?: readonly string[]; timeoutMs?: number }): JavaMember {
    const args = ['group', '--bootstrap', o.bootstrap, '--topic', o.topic, '--group', o.group, '--stdin-control',
      '--timeout-ms', String(o.timeoutMs ?? 100_000), '--commit', 'sync'];
    for (const p of o.props ?? []) args.push('--prop', p);
    const child = spawnTracked('java', [...JAVA_FLAGS, '-cp', javaClasspath('4'), 'tideline.interop.KafkaCli', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.on('error', () => undefined);
    return new JavaMember(child);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Values of the records it consumed. */
  values(): string[] {
    return this.lines.filter((l) => l.event === undefined && typeof l.partition === 'number').map((l) => l.value as string);
  }

  /** Partitions owned now, replaying assigned/revoked/lost events. */
  owned(): Set<number> {
    const s = new Set<number>();
    for (const l of this.lines) {
      if (l.event !== 'assigned' && l.event !== 'revoked' && l.event !== 'lost') continue;
      for (const p of l.partitions as Array<{ partition: number }>) {
        if (l.event === 'assigned') s.add(p.partition);
        else s.delete(p.partition);
      }
    }
    return s;
  }

  /** Partitions named in its `revoked` events, in order. */
  revoked(): number[][] {
    return this.lines.filter((l) => l.event === 'revoked').map((l) => (l.partitions as Array<{ partition: number }>).map((p) => p.partition).sort((a, b) => a - b));
  }

  async until(what: string, cond: (m: JavaMember) => boolean, timeoutMs = 60_000): Promise<void> {
    await until(what, () => {
      if (!this.alive && !cond(this)) throw new Error(`Java member exited before ${what}:\n${this.err.slice(-3000)}`);
      return cond(this);
    }, timeoutMs, () => `events: ${JSON.stringify(this.lines.filter((l) => l.event !== undefined)).slice(-2000)}\nstderr: ${this.err.slice(-2000)}`);
  }

  /** Closes it (commit, leave the group); SIGKILL after `graceMs`. */
  async stop(graceMs = 20_000): Promise<void> {
    if (!this.alive) return;
    this.child.stdin!.end('stop\n');
    const timer = setTimeout(() => {
      if (this.alive) this.child.kill('SIGKILL');
    }, graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async dispose(): Promise<void> {
    await stopChild(this.child, 2000);
  }
}
