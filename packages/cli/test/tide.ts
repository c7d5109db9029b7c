// Test helper (not a test file): runs the real `tide` bin in a child process with a clean
// environment (no TIDE_BROKERS, no user profile), bounded in time.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type RunResult } from '@tideline/interop';

export const TIDE_BIN = new URL('../../bin/tide.js', import.meta.url).pathname;

/** An empty config home, so that no ~/.config/tide/profile.json of the machine is read. */
const configHome = mkdtempSync(join(tmpdir(), 'tide-config-'));

export interface TideOptions {
  input?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function tide(args: readonly string[], opts: TideOptions = {}): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CONFIG_HOME: configHome };
  delete env.TIDE_BROKERS;
  delete env.TIDE_PROFILE;
  Object.assign(env, opts.env ?? {});
  return run(process.execPath, [TIDE_BIN, ...args], {
    allowFailure: true,
    env,
    timeoutMs: opts.timeoutMs ?? 60_000,
    ...(opts.input !== undefined ? { input: opts.input } : {}),
  });
}

/** Runs tide and fails with its stderr unless it exits 0. */
export async function tideOk(args: readonly string[], opts: TideOptions = {}): Promise<RunResult> {
  const r = await tide(args, opts);
  if (r.code !== 0) throw new Error(`tide ${args.join(' ')} exited ${r.code ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r;
}

/** JSON lines of stdout. */
export const lines = (s: string): unknown[] => s.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);

export interface JsonRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: Array<{ key: string; value: string | null }>;
}

/**
 * Waits until a long-running `tide` child has printed a line matching every pattern on stdout
 * (e.g. "listening on HOST:PORT") and resolves with each pattern's first group; rejects if it exits
 * first or after `timeoutMs`, with what it wrote to stderr (when piped).
 */
export function waitForOutput(child: ChildProcess, patterns: readonly RegExp[], timeoutMs: number): Promise<string[]> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  return new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tide did not print ${patterns.join(', ')} in ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const found = patterns.map((p) => p.exec(out)?.[1]);
      if (found.every((f) => f !== undefined)) {
        clearTimeout(timer);
        resolve(found as string[]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited early with ${code}\n${stderr}`));
    });
  });
}
