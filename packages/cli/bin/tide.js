#!/usr/bin/env node
import { main } from '../dist/src/index.js';

main(process.argv).catch((err) => {
  console.error(`tide: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
