// A small real filesystem for disk-fault tests, without privileges the test may lack: a tmpfs of
// `size` bytes mounted in a private mount namespace (`unshare --user --map-root-user --mount`, which
// an unprivileged user may do where user namespaces are enabled, and root always). A holder process
// keeps the namespace alive, so the broker can be killed and restarted inside it
// (`commandPrefix` = nsenter into it) and keep its data; the test reaches the files through
// /proc/<holder>/root. Closing kills the holder, which unmounts the tmpfs: nothing is left behind
// in the host's mount table.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTracked } from '@tideline/interop/internal';

export interface SmallFilesystem {
  /** The mount point, as the broker (inside the namespace) sees it. */
  readonly mountPoint: string;
  /** Prefix for a command that must run inside the namespace. */
  readonly commandPrefix: readonly string[];
  /** Where a path inside the namespace is reachable from this process. */
  hostPath(insidePath: string): string;
  /** Free bytes on the small filesystem. */
  freeBytes(): number;
  close(): Promise<void>;
}

/** Why a small filesystem cannot be made here, or undefined if it can (checked by trying). */
export async function smallFilesystemUnavailable(): Promise<string | undefined> {
  try {
    const fs = await smallFilesystem(1024 * 1024);
    await fs.close();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function smallFilesystem(sizeBytes: number): Promise<SmallFilesystem> {
  const base = mkdtempSync(join(tmpdir(), 'tideline-smallfs-'));
  const mountPoint = join(base, 'mnt');
  mkdirSync(mountPoint);
  const holder: ChildProcess = spawnTracked('unshare', ['--user', '--map-root-user', '--mount', '--propagation', 'private', 'sh', '-c',
    `mount -t tmpfs -o size=${sizeBytes} tmpfs "$0" && echo mounted && exec sleep 86400`, mountPoint], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((r) => holder.once('exit', () => r()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no tmpfs mount namespace within 10 s: ${out}`)), 10_000);
    const onData = (d: Buffer): void => {
      out += d.toString();
      if (out.includes('mounted')) {
        clearTimeout(timer);
        resolve();
      }
    };
    holder.stdout!.on('data', onData);
    holder.stderr!.on('data', onData);
    holder.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`unshare + mount -t tmpfs failed: ${out.trim()}`));
    });
  }).catch((e: unknown) => {
    rmSync(base, { recursive: true, force: true });
    throw e;
  });
  const pid = holder.pid!;
  const hostPath = (p: string): string => `/proc/${pid}/root${p}`;
  return {
    mountPoint,
    commandPrefix: ['nsenter', `--target=${pid}`, '--user', '--mount', '--'],
    hostPath,
    freeBytes() {
      const s = statfsSync(hostPath(mountPoint));
      return s.bavail * s.bsize;
    },
    async close() {
      if (holder.exitCode === null && holder.signalCode === null) process.kill(pid, 'SIGKILL');
      await exited;
      rmSync(base, { recursive: true, force: true });
    },
  };
}
