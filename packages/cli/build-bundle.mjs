// Bundles the `tide` command (the CLI, the broker, storage, protocol, client) into one script,
// dist/bundle/tide.js, with esbuild, after `tsc -b` built dist/. Starting from one file instead of
// ~400 modules saves Node most of its module resolution, file reads and compiles
// (docs/benchmarks.md, "Start"). Pure-JS dependencies (commander, pino, prom-client, jose...) are
// bundled too; native addons and the packages that locate files next to their own modules
// (console's web assets, the registry's schema files) stay external: Node loads them from
// node_modules as before. Run by the root `npm run build` and `prepare`.
//
// The script is not an ES module: it is CommonJS output wrapped in a function expression,
//   (function (exports, require, module, __filename, __dirname, __tideImport) { ... })
// that bin/tide.js compiles with vm.Script, so that V8 can hand it a code cache (an ES module's
// compile takes none in Node 20). Inside a vm.Script, import() needs a host callback that Node 20
// loses when the script comes from a code cache, so every dynamic import() of the output (the
// registry, the console, user transform files) is rewritten to call __tideImport, which the
// launcher implements with its own import(). Modules the ES bundle loaded on demand are still
// evaluated on demand (esbuild's lazy module wrappers), only compiled up front.
//
// bin/tide.js uses the bundle only while it is newer than the last build of every package in it
// (their tsconfig.tsbuildinfo, listed in dist/bundle/inputs.txt), so a `tsc -b` without this step
// falls back to the unbundled modules instead of running stale code.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist', 'bundle');
const file = join(out, 'tide.js');
const BUNDLED = ['protocol', 'storage', 'broker', 'client', 'cli', 'observability', 'dlq'];
// Native addons (loaded with require where they are used), and packages that find files next to
// their own modules.
const EXTERNAL = /^(@tideline\/|@node-rs\/|lz4-napi|snappy|zstd-napi|better-sqlite3|esbuild)/;
const OPEN = '(function (exports, require, module, __filename, __dirname, __tideImport) {"use strict";';

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const result = await build({
  entryPoints: [join(here, 'dist', 'src', 'main.js')],
  outfile: file,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Less to parse at start; identifiers stay, so stack traces and CPU profiles keep their names.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  legalComments: 'none',
  // ASCII output (esbuild's default, stated because the launcher reads the file as latin1).
  charset: 'ascii',
  // Our sources use import.meta.url only to create a require() for native addons.
  define: { 'import.meta.url': '__tideImportMetaUrl' },
  // The ES bundle ran in strict mode; so does this one.
  banner: { js: `// The tide command as one script: bin/tide.js compiles it (build-bundle.mjs).\n${OPEN}const __tideImportMetaUrl = require('node:url').pathToFileURL(__filename).href;` },
  footer: { js: '})' },
  logLevel: 'warning',
  metafile: true,
  write: false,
  plugins: [{
    name: 'externals',
    setup(b) {
      // Bare specifiers: our bundled packages and pure-JS dependencies are followed; the rest stays a require or an import().
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        const m = /^@tideline\/([^/]+)/.exec(args.path);
        if (m !== null && BUNDLED.includes(m[1])) return undefined;
        if (args.path.startsWith('node:') || EXTERNAL.test(args.path)) return { path: args.path, external: true };
        return undefined;
      });
    },
  }],
});
const text = rewriteDynamicImports(result.outputFiles[0].text);
if (!/^[\x00-\x7f]*$/.test(text)) throw new Error('build-bundle: the bundle is not ASCII');
writeFileSync(file, text);
// The launcher keys the code cache by the bundle's SHA-256; recorded here with the file's size and
// mtime (to the millisecond) so that a start hashes 1.7 MB only when the file is no longer the one built.
const { size, mtimeMs } = statSync(file);
writeFileSync(`${file}.digest`, JSON.stringify({ sha256: createHash('sha256').update(text).digest('hex'), size, mtimeMs: Math.round(mtimeMs) }) + '\n');
const inputs = BUNDLED.map((p) => relative(out, join(here, '..', p, 'dist', 'tsconfig.tsbuildinfo')));
writeFileSync(join(out, 'inputs.txt'), inputs.join('\n') + '\n');
console.log(`cli bundle: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, from ${Object.keys(result.metafile.inputs).length} modules`);

/** Replaces the `import` of every import() call with `__tideImport`, found by parsing (TypeScript's parser), not by matching text. */
function rewriteDynamicImports(code) {
  const ts = createRequire(import.meta.url)('typescript');
  const sf = ts.createSourceFile('tide.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const at = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) at.push(node.expression.getStart(sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let s = code;
  for (const i of at.sort((a, b) => b - a)) {
    if (s.slice(i, i + 6) !== 'import') throw new Error(`build-bundle: no import keyword at ${i}`);
    s = `${s.slice(0, i)}__tideImport${s.slice(i + 6)}`;
  }
  return s;
}
