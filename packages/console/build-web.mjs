// Builds the console's front-end into dist/web with esbuild (an npm package; nothing else is
// downloaded), after type-checking it with tsc. Run by the root `npm run build` and `prepare`.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist', 'web');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(here, 'web', 'tsconfig.json')], { stdio: 'inherit' });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { app: join(here, 'web', 'src', 'main.tsx') },
  outdir: out,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync(join(here, 'web', 'index.html'), join(out, 'index.html'));
