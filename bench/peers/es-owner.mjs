// Child process of bench/eventsourcing.bench.mjs: an event store owner (the single writer of the
// store's partitions), as an application would run it beside the broker. argv: bootstrap, store name.
import { EventStoreOwner } from '@tideline/eventsourcing';

const [bootstrap, name] = process.argv.slice(2);
const owner = new EventStoreOwner({ bootstrap, name, sessionTimeoutMs: 10_000 });
owner.start();
owner.done().catch((e) => {
  console.error(e);
  process.exit(2);
});
const timer = setInterval(() => {
  if (owner.owned().length > 0) {
    console.log(`owning ${owner.owned().join(',')}`);
    clearInterval(timer);
  }
}, 20);
process.on('SIGTERM', () => void owner.close().then(() => process.exit(0), () => process.exit(1)));
