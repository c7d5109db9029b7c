// Child process for the crash tests (not a test file): an event store owner that serves until
// SIGTERM (or is killed). Config: JSON in argv[2].
import { EventStoreOwner } from '../src/index.js';

const cfg = JSON.parse(process.argv[2]!) as { bootstrap: string; name: string; sessionTimeoutMs: number };
const owner = new EventStoreOwner({ bootstrap: cfg.bootstrap, name: cfg.name, sessionTimeoutMs: cfg.sessionTimeoutMs, heartbeatIntervalMs: 500, transactionTimeoutMs: 10_000 });
owner.start();
owner.done().catch((e: unknown) => {
  console.error(e);
  process.exit(2);
});
process.on('SIGTERM', () => {
  void owner.close().then(() => process.exit(0), () => process.exit(1));
});
