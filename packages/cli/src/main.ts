// The `tide` executable's body: bin/tide.js loads it, from the bundle (build-bundle.mjs) or not.
import { main } from './index.js';

main(process.argv).catch((err: unknown) => {
  console.error(`tide: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
