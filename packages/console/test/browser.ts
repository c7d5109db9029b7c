// Test helper (not a test file): Debian's chromium started by us (fresh profile, the flags below)
// and driven by playwright-core over CDP; closed with browser.close() and then by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { CHROMIUM, requireTool } from '@tideline/interop';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--hide-scrollbars', '--mute-audio',
];

/** Screenshots land here (gitignored); CI keeps the folder as an artifact. */
export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');

export interface TestBrowser {
  browser: Browser;
  pid: number;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'tideline-console-chromium-'));
  const proc: ChildProcess = spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const ws = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start within 30 s: ${err.slice(-2000)}`)), 30_000);
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m !== null) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`chromium exited with ${code}: ${err.slice(-2000)}`));
    });
  });
  proc.stderr!.resume();
  const browser = await chromium.connectOverCDP(ws);
  return {
    browser,
    pid: proc.pid!,
    async close() {
      await browser.close().catch(() => undefined);
      // Chromium runs in a process group of its own (detached): its helpers (renderers, GPU,
      // utility processes) outlive the browser process for a while and keep writing the profile,
      // so the whole group is stopped, not only the browser's PID, before the profile is removed.
      const group = -proc.pid!;
      const signalGroup = (sig: NodeJS.Signals): void => {
        try {
          process.kill(group, sig);
        } catch {
          // ESRCH: the group is already gone.
        }
      };
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        signalGroup('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      }
      signalGroup('SIGKILL');
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

export async function newPage(b: TestBrowser, opts: { dark?: boolean } = {}): Promise<Page> {
  const ctx = await b.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: opts.dark === true ? 'dark' : 'light', acceptDownloads: true });
  const page = await ctx.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; nodes: number }

/** Runs axe-core in the page (its source evaluated over CDP, which the page's CSP does not govern); serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const w = globalThis as unknown as { document: unknown; axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: unknown[] }> }> } };
    const r = await w.axe.run(w.document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One browser per test file: launched before its tests (when chromium is there; under CI its absence fails), closed after. */
export interface BrowserFixture {
  newPage(opts?: { dark?: boolean }): Promise<Page>;
}

export function useBrowser(): BrowserFixture {
  let tb: TestBrowser | null = null;
  before(async () => {
    if (requireTool('chromium')) tb = await launchBrowser();
  });
  after(async () => {
    await tb?.close();
  });
  return {
    newPage(opts) {
      if (tb === null) throw new Error('chromium was not launched');
      return newPage(tb, opts);
    },
  };
}

/** A screenshot of the page under `name`, and no serious accessibility violations on it. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  assert.deepEqual(await seriousViolations(page), [], `${name}: serious accessibility violations`);
}
