// Test helper (not a test file): a registry in its own process, so a test can kill -9 it.
// argv[2]: the RegistryOptions as JSON. Prints `READY <url>` once it serves, then
// `PRIMARY` whenever it becomes the primary.
import { startRegistry, type RegistryOptions } from '../src/index.js';

const opts = JSON.parse(process.argv[2] ?? '{}') as RegistryOptions;
const r = await startRegistry({ ...opts, logger: (level, message) => {
  if (message.includes('now the primary')) process.stdout.write('PRIMARY\n');
  if (level === 'error') process.stderr.write(`${message}\n`);
} });
process.stdout.write(`READY ${r.url}\n`);
process.once('SIGTERM', () => void r.close().then(() => process.exit(0)));
