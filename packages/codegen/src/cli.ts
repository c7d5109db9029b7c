#!/usr/bin/env node
// Usage: tideline-codegen <kafka-protocol-dir | messages-dir> <out-dir> [--errors error-codes.tsv]
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.js';

const args = process.argv.slice(2);
const ei = args.indexOf('--errors');
const errorsArg = ei >= 0 ? args.splice(ei, 2)[1] : undefined;
const [input, outDir] = args;
if (input === undefined || outDir === undefined) {
  console.error('usage: tideline-codegen <kafka-protocol-dir | messages-dir> <out-dir> [--errors error-codes.tsv]');
  process.exit(2);
}
const messagesDir = existsSync(join(input, 'messages')) ? join(input, 'messages') : input;
// Kafka's spec folders carry no error table since 4.x's jar extraction; ours (codes, names and
// retriability only, read from the kafka-clients jar's Errors enum) lives in packages/codegen/data.
const bundled = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'error-codes.tsv');
const errorsFile = errorsArg ?? [join(input, 'error-codes.tsv'), join(dirname(messagesDir), 'error-codes.tsv'), bundled].find((f) => existsSync(f));
if (errorsFile === undefined) {
  console.error('error-codes.tsv not found; pass --errors');
  process.exit(2);
}
const files = generate({ messagesDir, errorsFile, outDir });
console.log(`generated ${files.length} files into ${outDir}`);
