// A Tideline broker as its own process (`tide broker start`), so tests can SIGKILL it, restart
// it on the same data directory and port, read its log output and sample its memory.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot } from '@tideline/interop';
import { spawnTracked, stopChild, watchdog } from '@tideline/interop/internal';

export interface BrokerProcessOptions {
  dataDir: string;
  /** Default: a free port, kept across restarts. */
  port?: number;
  logLevel?: 'silent' | 'error' | 'warn' | 'info' | 'debug';
  /** Raise the open-files limit of the broker (through `sh -c 'ulimit -n N; exec node ...'`). */
  maxOpenFiles?: number;
  startTimeoutMs?: number;
  /** A broker properties file (`--config`); its listeners must include 127.0.0.1:`port` (no --listen is passed then). */
  configFile?: string;
  /** A command the broker runs under, e.g. `nsenter ... --` to enter a mount namespace (see disk.ts). It must exec the broker (same PID). */
  commandPrefix?: readonly string[];
}

export interface BrokerProcess {
  readonly port: number;
  readonly bootstrap: string;
  readonly dataDir: string;
  /** PID of the running broker (changes on restart). */
  readonly pid: number;
  /** Everything the broker wrote to stdout and stderr, across restarts. */
  output(): string;
  /** True while the current process runs. */
  alive(): boolean;
  /** Resident set size of the broker now, in KiB (from /proc/<pid>/status). */
  rssKiB(): number;
  /** SIGKILL, waiting until it has exited. */
  kill(): Promise<void>;
  /** Starts it again (after `kill` or `stop`) on the same data dir and port. */
  restart(): Promise<void>;
  /** SIGTERM (clean shutdown), then SIGKILL after 15 s. */
  stop(): Promise<void>;
}

export function tideBin(): string {
  return join(repoRoot(), 'packages', 'cli', 'bin', 'tide.js');
}

export function rssKiBOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m === null ? 0 : Number(m[1]);
}

export async function startBrokerProcess(opts: BrokerProcessOptions): Promise<BrokerProcess> {
  const port = opts.port ?? await freePort();
  const listen = opts.configFile === undefined ? ['--listen', `127.0.0.1:${port}`] : ['--config', opts.configFile];
  const args = [tideBin(), 'broker', 'start', '--data-dir', opts.dataDir, ...listen, '--log-level', opts.logLevel ?? 'info'];
  let out = '';
  let child: ChildProcess | undefined;
  let dog: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const cmd = opts.maxOpenFiles === undefined
      ? [process.execPath, ...args]
      : ['sh', '-c', `ulimit -n ${opts.maxOpenFiles} && exec "$0" "$@"`, process.execPath, ...args];
    const full = [...(opts.commandPrefix ?? []), ...cmd];
    const c = spawnTracked(full[0]!, full.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    if (c.pid === undefined) throw new Error('broker process did not start');
    dog = watchdog(c.pid);
    const from = out.length;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`broker did not start within ${opts.startTimeoutMs ?? 30_000} ms:\n${out.slice(-3000)}`)), opts.startTimeoutMs ?? 30_000);
      const onData = (d: Buffer): void => {
        out += d.toString();
        if (out.indexOf('listening on', from) >= 0) {
          clearTimeout(timer);
          resolve();
        }
      };
      c.stdout!.on('data', onData);
      c.stderr!.on('data', onData);
      c.once('exit', (code, sig) => {
        clearTimeout(timer);
        reject(new Error(`broker exited during start (${code ?? sig}):\n${out.slice(-3000)}`));
      });
    });
  };
  const isAlive = (): boolean => child !== undefined && child.exitCode === null && child.signalCode === null;
  const kill = async (): Promise<void> => {
    const c = child;
    if (c === undefined || !isAlive()) return;
    const exited = new Promise<void>((r) => c.once('exit', () => r()));
    process.kill(c.pid!, 'SIGKILL');
    await exited;
  };
  await launch();
  return {
    port,
    bootstrap: `127.0.0.1:${port}`,
    dataDir: opts.dataDir,
    get pid() { return child!.pid!; },
    output: () => out,
    alive: isAlive,
    rssKiB: () => rssKiBOf(child!.pid!),
    kill,
    async restart() {
      await kill();
      await launch();
    },
    async stop() {
      if (child !== undefined) await stopChild(child, 15_000);
      if (dog?.pid !== undefined && dog.exitCode === null) {
        try { process.kill(-dog.pid, 'SIGKILL'); } catch { /* gone */ }
      }
    },
  };
}
