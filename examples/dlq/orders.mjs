// A runnable dead-letter example: starts a Tideline broker in a temporary directory, writes a few
// orders, processes them with a DeadLetterConsumer whose handler fails in the three usual ways
// (a flaky downstream that recovers, a malformed record, an explicit DeadLetter), then inspects
// the DLQ and replays one error class after "fixing the bug".
//
//   npm run build && node examples/dlq/orders.mjs
//
// Against a running broker instead: TIDE_BROKERS=127.0.0.1:9092 node examples/dlq/orders.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Producer } from '@tideline/client';
import { DeadLetter, DeadLetterConsumer, RetryLater, inspectDlq, replayDlq } from '@tideline/dlq';

const dir = process.env.TIDE_BROKERS ? null : mkdtempSync(join(tmpdir(), 'tideline-dlq-example-'));
const broker = dir === null ? null : await startBroker({ dataDir: dir, port: 0, logLevel: 'silent' });
const bootstrap = process.env.TIDE_BROKERS ?? broker.bootstrap;
const topic = `orders-${Date.now()}`;

const admin = new Admin({ bootstrap });
await admin.createTopics([{ topic, numPartitions: 2, replicationFactor: 1 }]);
const producer = new Producer({ bootstrap });
await producer.send({
  topic,
  messages: [
    { key: 'o1', value: JSON.stringify({ id: 'o1', amount: 10 }) },
    { key: 'o2', value: '{"id": "o2", amount: }' }, // malformed: permanent (SyntaxError)
    { key: 'o3', value: JSON.stringify({ id: 'o3', amount: 30 }) }, // flaky downstream: retried once
    { key: 'o4', value: JSON.stringify({ id: 'o4', amount: -5 }) }, // rejected: DeadLetter
    { key: 'o5', value: JSON.stringify({ id: 'o5', amount: 50 }) },
  ],
});

let flaky = true;
let settled = 0;
const consumer = new DeadLetterConsumer({
  bootstrap,
  groupId: `${topic}-billing`,
  topics: [topic],
  retry: { delaysMs: [500, 2000] }, // orders.retry.500ms, orders.retry.2s, then orders.dlq
  consumer: { maxWaitMs: 100 },
  onEvent: (e) => {
    if (e.type === 'processed' || e.type === 'dead-letter') settled++;
    if (e.type !== 'waiting') console.log(`${e.type.padEnd(11)} ${e.record.key} (attempt ${e.attempt})${e.type === 'processed' ? '' : ` -> ${e.topic}`}`);
  },
  handler: async (record, ctx) => {
    const order = JSON.parse(record.value.toString()); // SyntaxError: permanent
    if (order.amount < 0) throw new DeadLetter(`order ${order.id}: negative amount`);
    if (order.id === 'o3' && flaky) {
      flaky = false;
      throw new RetryLater('billing service: 503 Service Unavailable');
    }
    ctx.send(`${topic}.billed`, { key: record.key, value: JSON.stringify({ ...order, billed: true }) });
  },
});
const running = consumer.run();
while (settled < 5) await new Promise((r) => setTimeout(r, 100));
await consumer.close();
await running;

const report = await inspectDlq({ bootstrap }, `${topic}.dlq`);
console.log(`\n${report.topic}: ${report.total} records`);
for (const g of report.groups) console.log(`  ${g.errorClass}/${g.errorName}: ${g.count} (e.g. ${g.samples[0].key}: ${g.samples[0].errorMessage})`);

// After fixing the parser: replay only the permanent SyntaxErrors. A dry run first, then for real.
const filter = { errorClass: ['permanent'], errorName: ['SyntaxError'] };
const dry = await replayDlq({ bootstrap }, `${topic}.dlq`, { filter });
console.log(`\ndry run: would move ${dry.moved} record(s) to ${Object.keys(dry.byTopic).join(', ')}`);
const done = await replayDlq({ bootstrap }, `${topic}.dlq`, { filter, dryRun: false, transform: (r) => ({ ...r, value: Buffer.from('{"id": "o2", "amount": 20}') }) });
const again = await replayDlq({ bootstrap }, `${topic}.dlq`, { filter, dryRun: false });
console.log(`replayed ${done.moved}; a second replay moves ${again.moved} (${again.alreadyReplayed} already replayed)`);

await producer.close();
await admin.close();
await broker?.close();
if (dir !== null) rmSync(dir, { recursive: true, force: true });
