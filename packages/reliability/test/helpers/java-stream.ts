// A long-running KafkaCli process (Java client 4.x) whose JSON lines are read as they arrive, with
// stdin for control commands and SIGKILL for crash tests. Tracked by PID and guarded by a watchdog.
import type { ChildProcess } from 'node:child_process';
import { requireTool } from '@tideline/interop';
import { javaClasspath, spawnTracked, watchdog } from '@tideline/interop/internal';

const JAVA_FLAGS = ['-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xshare:auto', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn'];

export type Row = Record<string, unknown>;

export interface JavaStream {
  readonly pid: number;
  /** Every JSON line so far. */
  readonly rows: Row[];
  /** Non-JSON output (stderr and stray stdout), for diagnostics. */
  stderr(): string;
  /** Resolves with the first row (already seen or future) matching `pred`. */
  waitFor(pred: (r: Row) => boolean, timeoutMs?: number): Promise<Row>;
  /** Writes one line to the process's stdin. */
  send(line: string): void;
  /** Closes stdin (EOF). */
  end(): void;
  kill9(): Promise<void>;
  /** Exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

export function startJava(args: readonly string[], onRow?: (r: Row) => void): JavaStream {
  requireTool('java-client-4');
  const child: ChildProcess = spawnTracked('java', [...JAVA_FLAGS, '-cp', javaClasspath('4.4'), 'tideline.interop.KafkaCli', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('java did not start');
  const pid = child.pid;
  watchdog(pid);
  const rows: Row[] = [];
  const waiters: Array<{ pred: (r: Row) => boolean; resolve: (r: Row) => void }> = [];
  let err = '';
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    partial += d.toString();
    let nl: number;
    while ((nl = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, nl).trim();
      partial = partial.slice(nl + 1);
      if (!line.startsWith('{')) {
        if (line !== '') err += `${line}\n`;
        continue;
      }
      let r: Row;
      try {
        r = JSON.parse(line) as Row;
      } catch {
        err += `${line}\n`;
        continue;
      }
      rows.push(r);
      onRow?.(r);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.pred(r)) waiters.splice(i, 1)[0]!.resolve(r);
      }
    }
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.length > 200_000) err = err.slice(-100_000);
  });
  child.stdin!.on('error', () => {});
  // 'close' (not 'exit'): every stdout line has been read by then.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code: number | null) => resolve(code)));
  return {
    pid,
    rows,
    stderr: () => err,
    waitFor(pred, timeoutMs = 60_000) {
      const hit = rows.find(pred);
      if (hit !== undefined) return Promise.resolve(hit);
      return new Promise<Row>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`java ${args[0]}: no matching line within ${timeoutMs} ms; last rows ${JSON.stringify(rows.slice(-3))}\n${err.slice(-2000)}`)), timeoutMs);
        const w = { pred, resolve: (r: Row) => { clearTimeout(timer); resolve(r); } };
        waiters.push(w);
        void exited.then(() => {
          const i = waiters.indexOf(w);
          if (i < 0) return;
          waiters.splice(i, 1);
          clearTimeout(timer);
          reject(new Error(`java ${args[0]} exited before a matching line; last rows ${JSON.stringify(rows.slice(-3))}\n${err.slice(-2000)}`));
        });
      });
    },
    send(line) {
      child.stdin!.write(`${line}\n`);
    },
    end() {
      child.stdin!.end();
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) {
        try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      }
      await exited;
    },
    exited,
  };
}
