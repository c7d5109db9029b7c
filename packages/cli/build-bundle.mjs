// Bundles the `tide` command (the CLI, the broker, storage, protocol, client) into a few ES
// modules under dist/bundle with esbuild, after `tsc -b` built dist/. Starting from one file
// instead of ~400 modules saves Node most of its module resolution, file reads and compiles
// (docs/benchmarks.md, "Start"). Dynamic imports stay lazy (code splitting), so a command that
// does not run a broker does not load it. Pure-JS dependencies (commander, pino, prom-client,
// jose...) are bundled too; native addons and the packages that locate files next to their own
// modules (console's web assets, the registry's schema files) stay external: Node loads them from
// node_modules as before. Run by the root `npm run build` and `prepare`.
//
// bin/tide.js uses the bundle only while it is newer than the last build of every package in it
// (their tsconfig.tsbuildinfo, listed in dist/bundle/inputs.txt), so a `tsc -b` without this step
// falls back to the unbundled modules instead of running stale code.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist', 'bundle');
const BUNDLED = ['protocol', 'storage', 'broker', 'client', 'cli', 'observability', 'dlq'];
// Native addons (loaded with require where they are used), and packages that find files next to
// their own modules.
const EXTERNAL = /^(@tideline\/|@node-rs\/|lz4-napi|snappy|zstd-napi|better-sqlite3|esbuild)/;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: { tide: join(here, 'dist', 'src', 'main.js') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Less to parse at start; identifiers stay, so stack traces and CPU profiles keep their names.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  legalComments: 'none',
  // CommonJS dependencies inside an ES module bundle call require() for Node's built-ins.
  banner: { js: "import { createRequire as __tideCreateRequire } from 'node:module'; const require = __tideCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: true,
  plugins: [{
    name: 'externals',
    setup(b) {
      // Bare specifiers: our bundled packages and pure-JS dependencies are followed; the rest stays an import.
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const m = /^@tideline\/([^/]+)/.exec(args.path);
        if (m !== null && BUNDLED.includes(m[1])) return undefined;
        if (args.path.startsWith('node:') || EXTERNAL.test(args.path)) return { path: args.path, external: true };
        return undefined;
      });
    },
  }],
});
const inputs = BUNDLED.map((p) => relative(out, join(here, '..', p, 'dist', 'tsconfig.tsbuildinfo')));
writeFileSync(join(out, 'inputs.txt'), inputs.join('\n') + '\n');
const bytes = Object.values(result.metafile.outputs).reduce((s, o) => s + o.bytes, 0);
console.log(`cli bundle: ${Object.keys(result.metafile.outputs).length} files, ${(bytes / 1024).toFixed(0)} KiB, from ${Object.keys(result.metafile.inputs).length} modules`);
