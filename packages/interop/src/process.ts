// Child processes started by the harness: every one is tracked by PID and killed when this
// Node process exits (normally, on an uncaught error, or on SIGINT/SIGTERM). Long-lived ones
// (brokers) also get a shell watchdog that kills them if this process dies by SIGKILL.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const live = new Set<ChildProcess>();
let hooked = false;

function killAllSync(): void {
  for (const child of live) {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

function installHooks(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', killAllSync);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAllSync();
      process.kill(process.pid, sig);
    });
  }
}

/** Spawns a child that is killed by PID when this process exits. */
export function spawnTracked(command: string, args: readonly string[], opts: SpawnOptions): ChildProcess {
  installHooks();
  const child = spawn(command, args, opts);
  live.add(child);
  child.once('exit', () => live.delete(child));
  child.once('error', () => live.delete(child));
  return child;
}

/** Starts a watchdog shell that SIGKILLs `pid` once this Node process is gone. */
export function watchdog(pid: number): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${pid} 2>/dev/null; do sleep 1; done; kill -9 ${pid} 2>/dev/null; exit 0`;
  const dog = spawnTracked('sh', ['-c', script], { stdio: 'ignore', detached: true });
  dog.unref();
  return dog;
}

/** Sends SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(child.pid, 'SIGTERM');
  } catch {
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((r) => {
    timer = setTimeout(() => r(true), graceMs);
  });
  const slow = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (slow) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
    await exited;
  }
}

export interface RunOptions {
  /** Bytes or text written to the child's stdin (then closed). */
  input?: string | Uint8Array;
  /** Kill the child (SIGKILL) after this long; the promise then rejects. Default 60 s. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Resolve instead of rejecting on a non-zero exit. */
  allowFailure?: boolean;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export class RunError extends Error {
  constructor(
    message: string,
    readonly result: RunResult,
  ) {
    super(message);
    this.name = 'RunError';
  }
}

/** Runs a command to completion with a time bound, collecting stdout and stderr as UTF-8. */
export function run(command: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return new Promise((resolveRun, reject) => {
    const child = spawnTracked(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      cwd: opts.cwd,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }, timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const result: RunResult = {
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      const what = `${command} ${args.join(' ')}`.slice(0, 300);
      if (timedOut) reject(new RunError(`timed out after ${timeoutMs} ms: ${what}\n${tail(result.stderr)}`, result));
      else if (code !== 0 && opts.allowFailure !== true) {
        reject(new RunError(`exit ${code ?? signal}: ${what}\n${tail(result.stderr)}`, result));
      } else resolveRun(result);
    });
    child.stdin?.on('error', () => undefined); // child may exit before reading its input
    if (opts.input !== undefined) child.stdin?.end(opts.input);
    else child.stdin?.end();
  });
}

function tail(s: string, n = 2000): string {
  return s.length > n ? s.slice(s.length - n) : s;
}

/** Parses JSON-lines output, ignoring lines that are not JSON objects. */
export function jsonLines(text: string): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    const s = line.trim();
    if (!s.startsWith('{')) continue;
    try {
      const v: unknown = JSON.parse(s);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) rows.push(v as Record<string, unknown>);
    } catch {
      // not JSON: skip
    }
  }
  return rows;
}
