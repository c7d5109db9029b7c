// Test helper (not a test file): runs the real `tide` bin in a child process with a clean
// environment (no TIDE_BROKERS, no user profile), bounded in time.
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
