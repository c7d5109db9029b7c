// Apache Kafka's own share-group tools from kafka-tools 4.4 on Tideline and on Apache Kafka 4.4
// (the reference) with the same scenario: kafka-console-share-consumer consumes with a share group
// (implicit acknowledgement), kafka-share-groups lists and describes it (members, state, start
// offset and lag), resets its offsets to the earliest once it is empty, the records come back, and
// its offsets and then the group are deleted. Then kafka-configs on GROUP resources with the KIP-848 consumer group
// configs (consumer.heartbeat.interval.ms, consumer.session.timeout.ms): stored, described,
// bounded, and the heartbeat interval handed to the group's members by ConsumerGroupHeartbeat.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { ApiKey, ErrorCode } from '@tideline/protocol';
import kafkajs from 'kafkajs';
import { KAFKA_TOOLS, brokerMatrix, javaClasspath, kafkaTools, spawnTracked, stopChild, toolOrSkip, watchdog, type RunResult } from '@tideline/interop/internal';
import { startBroker } from '../src/index.js';
import { WireClient } from './wire-client.js';

const { Kafka, logLevel } = kafkajs;
const RECORDS = 10;

const matrix = brokerMatrix({
  tmpPrefix: 'tideline-share-tools-',
  startTideline: async (dataDir) => {
    const b = await startBroker({ dataDir, port: 0, share: { heartbeatIntervalMs: 1000 } });
    return { bootstrap: b.bootstrap, close: () => b.close() };
  },
  apacheConfig: {
    'group.share.heartbeat.interval.ms': 1000,
    'group.share.min.heartbeat.interval.ms': 1000,
  },
});
matrix.useApacheKafka();

/** A tool's output split into rows of whitespace-separated cells, from its header row (first cell `GROUP`) on. */
function table(r: RunResult): string[][] {
  const lines = r.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const start = lines.findIndex((l) => l.startsWith('GROUP '));
  return start < 0 ? [] : lines.slice(start).map((l) => l.split(/\s+/));
}

/** Rows of a table as objects keyed by its header (for headers without spaces). */
function rows(r: RunResult): Array<Record<string, string>> {
  const [head, ...body] = table(r);
  if (head === undefined) return [];
  return body.filter((cells) => cells[0] !== 'GROUP').map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ''])));
}

function ok(r: RunResult, what: string): RunResult {
  assert.equal(r.code, 0, `${what}: exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

matrix.bothBrokers('kafka-console-share-consumer and kafka-share-groups (list, describe, reset-offsets, delete)', { timeout: 120_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4.4') || !toolOrSkip(t, 'kafkajs')) return;
  const topic = matrix.uniqueTopic('share-tools');
  const group = `${topic}-g`;
  const kafka = new Kafka({ clientId: 'share-tools', brokers: [b.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages: Array.from({ length: RECORDS }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
  } finally {
    await producer.disconnect();
  }
  const shareGroups = (...args: string[]): Promise<RunResult> => kafkaTools(KAFKA_TOOLS.shareGroups, ['--bootstrap-server', b.bootstrap, ...args], { allowFailure: true, timeoutMs: 60_000 });
  const consoleArgs = ['--bootstrap-server', b.bootstrap, '--topic', topic, '--group', group, '--formatter-property', 'print.offset=true', '--formatter-property', 'print.key=true'];

  // The group starts at the earliest offset (share.auto.offset.reset, a GROUP config, set with kafka-configs).
  ok(await kafkaTools(KAFKA_TOOLS.configs, [
    '--bootstrap-server', b.bootstrap, '--alter', '--entity-type', 'groups', '--entity-name', group, '--add-config', 'share.auto.offset.reset=earliest',
  ], { allowFailure: true, timeoutMs: 60_000 }), 'kafka-configs --alter share.auto.offset.reset');

  // A console share consumer that stays in the group while the group is described.
  const child = spawnTracked('java', [
    '-Xmx256m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp', javaClasspath('4.4'), KAFKA_TOOLS.consoleShareConsumer, ...consoleArgs, '--timeout-ms', '60000',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  watchdog(child.pid!);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const firstValues: string[] = [];
  let membersOut: RunResult;
  let stateOut: RunResult;
  try {
    const deadline = setTimeout(() => void stopChild(child, 1000), 60_000);
    for await (const line of createInterface({ input: child.stdout! })) {
      firstValues.push(line);
      if (firstValues.length === RECORDS) break;
    }
    clearTimeout(deadline);
    assert.equal(firstValues.length, RECORDS, `console share consumer output:\n${firstValues.join('\n')}\n${stderr}`);
    [membersOut, stateOut] = await Promise.all([shareGroups('--describe', '--group', group, '--members'), shareGroups('--describe', '--group', group, '--state')]);
  } finally {
    await stopChild(child, 15_000); // SIGTERM: the tool closes its consumer, acknowledging what it printed
  }
  t.diagnostic(`console share consumer:\n${firstValues.join('\n')}`);
  t.diagnostic(`--describe --members:\n${membersOut.stdout}${membersOut.stderr}`);
  t.diagnostic(`--describe --state:\n${stateOut.stdout}${stateOut.stderr}`);
  // DefaultMessageFormatter with print.offset and print.key: "Offset:N<TAB>kN<TAB>vN".
  assert.deepEqual(firstValues.map((l) => l.split('\t')), Array.from({ length: RECORDS }, (_, i) => [`Offset:${i}`, `k${i}`, `v${i}`]));

  ok(membersOut, '--describe --members');
  const members = rows(membersOut);
  assert.equal(members.length, 1, membersOut.stdout);
  assert.equal(members[0]!['GROUP'], group);
  assert.equal(members[0]!['CLIENT-ID'], 'console-share-consumer');
  assert.equal(members[0]!['ASSIGNMENT'], `${topic}:0`);
  ok(stateOut, '--describe --state');
  const stateRow = table(stateOut).find((cells) => cells[0] === group);
  assert.ok(stateRow !== undefined, stateOut.stdout);
  assert.deepEqual(stateRow.slice(-2), ['Stable', '1'], 'state and #members');

  // After the consumer left: empty group, everything acknowledged (start offset 10, lag 0).
  const [listOut, listStateOut, offsetsOut] = await Promise.all([
    shareGroups('--list'), shareGroups('--list', '--state'), shareGroups('--describe', '--group', group),
  ]);
  t.diagnostic(`--list:\n${listOut.stdout}\n--list --state:\n${listStateOut.stdout}\n--describe:\n${offsetsOut.stdout}${offsetsOut.stderr}`);
  assert.ok(ok(listOut, '--list').stdout.split('\n').includes(group), listOut.stdout);
  assert.deepEqual(rows(ok(listStateOut, '--list --state')).filter((r) => r['GROUP'] === group).map((r) => r['STATE']), ['Empty']);
  const offsets = rows(ok(offsetsOut, '--describe'));
  // Lag 0 on both. Tideline's start offset is 10 (every record acknowledged); Kafka 4.4 still
  // shows 0 here (its persisted start offset moves later; its lag counts the acknowledged records).
  assert.deepEqual(offsets.map((r) => [r['TOPIC'], r['PARTITION'], r['LAG']]), [[topic, '0', '0']]);
  if (b.kind === 'tideline') assert.deepEqual(offsets.map((r) => r['START-OFFSET']), [String(RECORDS)]);

  // Reset to the earliest offset (the group must be empty), and the records come back.
  const resetOut = ok(await shareGroups('--reset-offsets', '--group', group, '--topic', topic, '--to-earliest', '--execute'), '--reset-offsets');
  t.diagnostic(`--reset-offsets:\n${resetOut.stdout}`);
  assert.deepEqual(rows(resetOut).map((r) => [r['TOPIC'], r['PARTITION'], r['NEW-OFFSET']]), [[topic, '0', '0']]);
  const after = rows(ok(await shareGroups('--describe', '--group', group), '--describe after reset'));
  assert.deepEqual(after.map((r) => [r['START-OFFSET'], r['LAG']]), [['0', String(RECORDS)]]);
  const again = ok(await kafkaTools(KAFKA_TOOLS.consoleShareConsumer, [...consoleArgs, '--max-messages', String(RECORDS), '--timeout-ms', '30000'], { allowFailure: true, timeoutMs: 60_000 }), 'console share consumer after reset');
  assert.deepEqual(again.stdout.trim().split('\n').map((l) => l.split('\t')[2]), Array.from({ length: RECORDS }, (_, i) => `v${i}`));

  const deleteOffsetsOut = ok(await shareGroups('--delete-offsets', '--group', group, '--topic', topic), '--delete-offsets');
  t.diagnostic(`--delete-offsets:\n${deleteOffsetsOut.stdout}`);
  assert.match(deleteOffsetsOut.stdout, new RegExp(`${topic}\\s+Successful`));
  const deleteOut = ok(await shareGroups('--delete', '--group', group), '--delete');
  t.diagnostic(`--delete:\n${deleteOut.stdout}`);
  assert.match(deleteOut.stdout, /successful/);
});

matrix.bothBrokers('kafka-configs --entity-type groups: consumer.heartbeat.interval.ms and consumer.session.timeout.ms', { timeout: 90_000 }, async (b, t) => {
  if (!toolOrSkip(t, 'java-client-4.4') || !toolOrSkip(t, 'kafkajs')) return;
  const topic = matrix.uniqueTopic('cg-configs');
  const group = `${topic}-g`;
  const admin = new Kafka({ clientId: 'cg-configs', brokers: [b.bootstrap], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  const configs = (...args: string[]): Promise<RunResult> => kafkaTools(KAFKA_TOOLS.configs, ['--bootstrap-server', b.bootstrap, '--entity-type', 'groups', '--entity-name', group, ...args], { allowFailure: true, timeoutMs: 60_000 });
  ok(await configs('--alter', '--add-config', 'consumer.session.timeout.ms=50000,consumer.heartbeat.interval.ms=6000'), 'kafka-configs --alter');
  const [described, refused] = await Promise.all([configs('--describe'), configs('--alter', '--add-config', 'consumer.session.timeout.ms=1000')]);
  t.diagnostic(`--describe:\n${described.stdout}\nrefused:\n${refused.stdout}${refused.stderr}`);
  ok(described, 'kafka-configs --describe');
  assert.match(described.stdout, /consumer\.session\.timeout\.ms=50000/);
  assert.match(described.stdout, /consumer\.heartbeat\.interval\.ms=6000/);
  assert.match(described.stdout, /DYNAMIC_GROUP_CONFIG:consumer\.session\.timeout\.ms=50000, DEFAULT_CONFIG:group\.consumer\.session\.timeout\.ms=45000/);
  assert.notEqual(refused.code, 0, 'a session timeout below group.consumer.min.session.timeout.ms is refused');
  assert.match(refused.stdout + refused.stderr, /consumer\.session\.timeout\.ms/);

  // The group's members are told its heartbeat interval.
  const [, port] = b.bootstrap.split(':');
  const c = await WireClient.connect(Number(port));
  try {
    const memberId = randomBytes(16).toString('base64url').slice(0, 22);
    const hb = await c.send(ApiKey.ConsumerGroupHeartbeat, 1, {
      groupId: group, memberId, memberEpoch: 0, instanceId: null, rackId: null, rebalanceTimeoutMs: 30_000,
      subscribedTopicNames: [topic], subscribedTopicRegex: null, serverAssignor: null, topicPartitions: [],
    });
    assert.equal(hb.errorCode, ErrorCode.NONE, hb.errorMessage ?? '');
    assert.equal(hb.heartbeatIntervalMs, 6000);
    const leave = await c.send(ApiKey.ConsumerGroupHeartbeat, 1, {
      groupId: group, memberId, memberEpoch: -1, instanceId: null, rackId: null, rebalanceTimeoutMs: -1,
      subscribedTopicNames: null, subscribedTopicRegex: null, serverAssignor: null, topicPartitions: null,
    });
    assert.equal(leave.errorCode, ErrorCode.NONE);
  } finally {
    c.close();
  }
});
