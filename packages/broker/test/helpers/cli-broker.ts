// A broker run as a separate process through the CLI (`tide broker start`), for tests that kill
// it with SIGKILL or read its log output. Tracked by PID (killed if the test process exits) and
// guarded by a watchdog (killed if the test process itself dies by SIGKILL).
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, repoRoot } from '@tideline/interop';
import { spawnTracked, stopChild, watchdog } from '@tideline/interop/internal';

export interface CliBroker {
  readonly pid: number;
  readonly port: number;
  readonly bootstrap: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL; resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM (clean shutdown), SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/** Starts `tide broker start --data-dir dir` on a free 127.0.0.1 port; resolves once it listens. */
export async function startCliBroker(dataDir: string, extraArgs: readonly string[] = []): Promise<CliBroker> {
  const port = await freePort();
  const tide = join(repoRoot(), 'packages', 'cli', 'bin', 'tide.js');
  const child: ChildProcess = spawnTracked(process.execPath,
    [tide, 'broker', 'start', '--data-dir', dataDir, '--listen', `127.0.0.1:${port}`, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('tide broker start: no pid');
  const pid = child.pid;
  watchdog(pid);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`broker did not start in 20 s:\n${out}`)), 20_000);
    const onData = (): void => {
      if (out.includes('listening on')) done();
    };
    const onExit = (code: number | null): void => done(new Error(`broker exited (${code}) before listening:\n${out}`));
    function done(err?: Error): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        reject(err);
      } else resolve();
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
  return {
    pid,
    port,
    bootstrap: `127.0.0.1:${port}`,
    output: () => out,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
      await exited;
    },
    stop: () => stopChild(child),
  };
}
