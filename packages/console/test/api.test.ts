// The JSON API against Tideline and Apache Kafka: topics, messages (with KafkaJS as a second
// producer and consumer), the filter scan over 100,000 records, groups with a dry-run reset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { bothBrokers, call, uniqueTopic, useApacheKafka, waitFor, withConsole } from './brokers.js';
import { seedTopic } from './seed.js';
import { startConsole } from '../src/index.js';

useApacheKafka();

interface ApiErr { error: { code: string; message: string; position?: number } }

bothBrokers('topics: create (dry run first), list, describe, alter configs, add partitions, delete; bad input is 400', { timeout: 120_000 }, async (b) => {
  await withConsole(b.bootstrap, async (c) => {
    const name = uniqueTopic('console-topic');
    const dry = await call(c, 'POST', '/api/topics', { name, partitions: 2, validateOnly: true });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal((await call(c, 'GET', `/api/topics/${name}`)).status, 404, 'a dry run creates nothing');
    const made = await call(c, 'POST', '/api/topics', { name, partitions: 2, replicationFactor: 1, configs: { 'retention.ms': '3600000' } });
    assert.equal(made.status, 200, JSON.stringify(made.body));
    const again = await call<ApiErr>(c, 'POST', '/api/topics', { name, partitions: 2 });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'CONFLICT');

    const list = await call<{ topics: Array<{ name: string; partitions: number }> }>(c, 'GET', '/api/topics');
    assert.equal(list.body.topics.find((t) => t.name === name)?.partitions, 2);
    const withStats = await call<{ topics: Array<{ name: string; messages: string | null }> }>(c, 'GET', '/api/topics?stats=true&internal=false');
    assert.equal(withStats.body.topics.find((t) => t.name === name)?.messages, '0');
    assert.ok(withStats.body.topics.every((t) => !t.name.startsWith('__')), 'internal=false hides internal topics');

    const d = await call<{ partitions: Array<{ partition: number; highWatermark: string }>; configs: Array<{ name: string; value: string }> }>(c, 'GET', `/api/topics/${name}`);
    assert.equal(d.body.partitions.length, 2);
    assert.equal(d.body.partitions[0]!.highWatermark, '0');
    assert.equal(d.body.configs.find((x) => x.name === 'retention.ms')?.value, '3600000');

    assert.equal((await call(c, 'PATCH', `/api/topics/${name}/configs`, { set: { 'cleanup.policy': 'compact' } })).status, 200);
    const bad = await call<ApiErr>(c, 'PATCH', `/api/topics/${name}/configs`, { set: { 'cleanup.policy': 'nonsense' } });
    assert.equal(bad.status, 422, JSON.stringify(bad.body));
    assert.equal(bad.body.error.code, 'KAFKA_ERROR');
    const d2 = await call<{ configs: Array<{ name: string; value: string }> }>(c, 'GET', `/api/topics/${name}`);
    assert.equal(d2.body.configs.find((x) => x.name === 'cleanup.policy')?.value, 'compact');

    assert.equal((await call(c, 'POST', `/api/topics/${name}/partitions`, { add: 1 })).status, 200);
    const fewer = await call<ApiErr>(c, 'POST', `/api/topics/${name}/partitions`, { count: 2 });
    assert.equal(fewer.status, 400);
    assert.match(fewer.body.error.message, /more than the current 3/);

    for (const [body, re] of [
      [{ name: 'bad name!' }, /topic name/],
      [{ name: 'x', partitions: 0 }, /partitions must be an integer/],
      [{ name: 'x', partitions: 'many' }, /partitions must be an integer/],
      [{ name: 'x', configs: { a: 1 } }, /configs.a must be a string/],
      [{}, /name is required/],
      ['{not json', /not JSON/],
      ['[1]', /JSON object/],
    ] as const) {
      const r = await call<ApiErr>(c, 'POST', '/api/topics', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.match(r.body.error.message, re);
    }
    assert.equal((await call(c, 'GET', '/api/topics/no-such-topic-here')).status, 404);
    assert.equal((await call(c, 'DELETE', `/api/topics/${name}`, {})).status, 200);
    await waitFor('deleted', async () => (await call(c, 'GET', `/api/topics/${name}`)).status === 404);
  });
});

bothBrokers('messages: produced by the API and KafkaJS, browsed newest first, from an offset and a time; binary keys; huge values truncated and downloaded in full', { timeout: 120_000 }, async (b) => {
  await withConsole(b.bootstrap, async (c) => {
    const topic = uniqueTopic('console-msgs');
    await seedTopic(b.bootstrap, topic, { partitions: 2, count: 0 });
    const t0 = Date.now();
    for (let i = 0; i < 6; i++) {
      const r = await call(c, 'POST', `/api/topics/${topic}/messages`, { key: `k${i}`, value: JSON.stringify({ i }), partition: i % 2, headers: [{ key: 'h', value: `v${i}` }] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const kafka = new kafkajs.Kafka({ clientId: 'console-test', brokers: [b.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
    const kp = kafka.producer();
    await kp.connect();
    const binKey = Buffer.from([0x00, 0xff, 0x10, 0x80]);
    const huge = Buffer.alloc(300_000, 'x');
    await kp.send({ topic, messages: [{ key: binKey, value: 'from kafkajs', partition: 0 }, { key: 'huge', value: huge, partition: 1 }] });
    await kp.disconnect();

    type Rec = { partition: number; offset: string; timestamp: number; key: { base64: string; size: number } | null; value: { base64: string; size: number; truncated: boolean } | null; headers: Array<{ key: string; value: { base64: string } | null }> };
    const newest = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?limit=3&maxBytes=1024`);
    assert.equal(newest.status, 200, JSON.stringify(newest.body));
    assert.equal(newest.body.records.length, 3);
    for (let i = 1; i < newest.body.records.length; i++) assert.ok(newest.body.records[i - 1]!.timestamp >= newest.body.records[i]!.timestamp, 'newest first');
    const all = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?limit=100&maxBytes=1024`);
    assert.equal(all.body.records.length, 8);
    const bin = all.body.records.find((r) => r.key !== null && Buffer.from(r.key.base64, 'base64').equals(binKey));
    assert.ok(bin, 'the binary key round-trips');
    const big = all.body.records.find((r) => r.value !== null && r.value.size === huge.length)!;
    assert.equal(big.value!.truncated, true);
    assert.equal(Buffer.from(big.value!.base64, 'base64').length, 1024);
    const full = await fetch(new URL(`/api/topics/${topic}/partitions/${big.partition}/records/${big.offset}/value`, c.url));
    assert.equal(full.status, 200);
    assert.ok(Buffer.from(await full.arrayBuffer()).equals(huge), 'the full value downloads');
    const h = all.body.records.find((r) => r.headers.length > 0)!;
    assert.match(Buffer.from(h.headers[0]!.value!.base64, 'base64').toString(), /^v\d$/);

    const fromOffset = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?mode=offset&partition=0&offset=2&limit=10`);
    assert.deepEqual(fromOffset.body.records.map((r) => r.offset), ['2', '3']);
    const fromTime = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?mode=timestamp&timestamp=${t0}&limit=100`);
    assert.equal(fromTime.body.records.length, 8);
    const future = await call<{ records: Rec[] }>(c, 'GET', `/api/topics/${topic}/messages?mode=timestamp&timestamp=${Date.now() + 3_600_000}`);
    assert.equal(future.body.records.length, 0);

    const dl = await fetch(new URL(`/api/topics/${topic}/download?partition=0`, c.url));
    const lines = (await dl.text()).trim().split('\n');
    assert.equal(lines.length, 4);

    // The console's records, read back by KafkaJS.
    const kc = kafka.consumer({ groupId: uniqueTopic('console-kjs') });
    await kc.connect();
    await kc.subscribe({ topics: [topic], fromBeginning: true });
    const seen: string[] = [];
    await kc.run({ eachMessage: async ({ message }) => void seen.push(message.key?.toString('hex') ?? '') });
    await waitFor('KafkaJS reads 8', () => seen.length >= 8);
    await kc.disconnect();
    assert.ok(seen.includes(Buffer.from('k0').toString('hex')));

    for (const [path, re] of [
      ['messages?mode=sideways', /mode must be one of/],
      ['messages?limit=100000', /limit must be/],
      ['messages?partition=7', /no partition 7/],
      ['messages?mode=offset&offset=-3', /offset must be/],
      ['messages?mode=timestamp', /timestamp .* is required/],
      ['partitions/0/records/abc/value', /offset must be/],
    ] as const) {
      const r = await call<ApiErr>(c, 'GET', `/api/topics/${topic}/${path}`);
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error.message, re);
    }
    assert.equal((await call(c, 'GET', `/api/topics/${topic}/partitions/0/records/999/value`)).status, 404);
    const badProduce = await call<ApiErr>(c, 'POST', `/api/topics/${topic}/messages`, { value: 'zz', valueEncoding: 'hex' });
    assert.equal(badProduce.status, 400);
  });
});

interface ScanDone { type: 'done'; scanned: number; matched: number; reason: string; total: string }

async function scanLines(url: string): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(url);
  assert.equal(res.status, 200, await res.clone().text());
  return (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

bothBrokers('filter scan: finds one record among 100,000 on the server, counts every record scanned, honours the scan limit and cancel', { timeout: 240_000 }, async (b) => {
  const topic = uniqueTopic('console-scan');
  const N = 100_000;
  await seedTopic(b.bootstrap, topic, { partitions: 3, count: N, make: (i) => ({ key: `k${i}`, value: JSON.stringify({ n: i, customer: { id: i === 77_777 ? 'needle' : `c-${i % 1000}` } }), ...(i === 77_777 ? { headers: { marked: 'yes' } } : {}) }) });
  await withConsole(b.bootstrap, async (c) => {
    const base = new URL(`/api/topics/${topic}/scan`, c.url);
    const lines = await scanLines(`${base}?filter=${encodeURIComponent('value.customer.id == "needle" && headers.marked == "yes"')}`);
    const done = lines.at(-1) as unknown as ScanDone;
    assert.equal(lines[0]!.type, 'start');
    assert.equal(done.type, 'done');
    assert.equal(done.scanned, N, 'every record scanned');
    assert.equal(done.total, String(N));
    assert.equal(done.reason, 'end');
    const matches = lines.filter((l) => l.type === 'match');
    assert.equal(matches.length, 1);
    assert.equal(Buffer.from(((matches[0]!.record as { key: { base64: string } }).key.base64), 'base64').toString(), 'k77777');

    const limited = await scanLines(`${base}?filter=${encodeURIComponent('value contains "nothing-like-this"')}&scanLimit=25000`);
    const ld = limited.at(-1) as unknown as ScanDone;
    assert.equal(ld.reason, 'scanLimit');
    assert.equal(ld.scanned, 25_000);

    const few = await scanLines(`${base}?filter=${encodeURIComponent('key startsWith "k1"')}&maxResults=5`);
    assert.equal((few.at(-1) as unknown as ScanDone).reason, 'maxResults');
    assert.equal(few.filter((l) => l.type === 'match').length, 5);

    // Cancel: abort the request; the server stops reading (its consumer closes).
    const ac = new AbortController();
    const res = await fetch(`${base}?filter=${encodeURIComponent('value contains "never"')}`, { signal: ac.signal });
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await assert.rejects(reader.read());

    const bad = await call<ApiErr>(c, 'GET', `/api/topics/${topic}/scan?filter=${encodeURIComponent('value = "x"')}`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'BAD_FILTER');
    assert.equal(bad.body.error.position, 6);
  });
});

bothBrokers('groups: a KafkaJS group\'s members, offsets and lag; reset as a dry run, then executed; delete offsets', { timeout: 180_000 }, async (b) => {
  const topic = uniqueTopic('console-group');
  await seedTopic(b.bootstrap, topic, { partitions: 2, count: 100 });
  const group = uniqueTopic('console-g');
  const kafka = new kafkajs.Kafka({ clientId: 'console-test', brokers: [b.bootstrap], logLevel: kafkajs.logLevel.NOTHING });
  const kc = kafka.consumer({ groupId: group, heartbeatInterval: 500, sessionTimeout: 10_000 });
  await kc.connect();
  await kc.subscribe({ topics: [topic], fromBeginning: true });
  let seen = 0;
  await kc.run({ autoCommitInterval: 200, eachMessage: async () => void seen++ });
  await withConsole(b.bootstrap, async (c) => {
    type G = { state: string; members: Array<{ assignment: unknown[] }>; offsets: Array<{ partition: number; committed: string; lag: string | null; lagSeconds: number | null }> };
    await waitFor('the group commits everything', async () => {
      const g = await call<G>(c, 'GET', `/api/groups/${group}`);
      return seen >= 100 && g.status === 200 && g.body.offsets.length === 2 && g.body.offsets.every((o) => o.lag === '0');
    }, 60_000);
    const live = await call<G>(c, 'GET', `/api/groups/${group}`);
    assert.equal(live.body.state, 'Stable');
    assert.equal(live.body.members.length, 1);
    assert.equal(live.body.members[0]!.assignment.length, 2);
    const busy = await call<ApiErr>(c, 'POST', `/api/groups/${group}/reset`, { to: 'earliest', execute: true });
    assert.ok(busy.status === 409 || busy.status === 422, `reset of an active group is refused: ${JSON.stringify(busy.body)}`);
    await kc.disconnect();

    const list = await call<{ groups: Array<{ groupId: string; lag: string | null }> }>(c, 'GET', '/api/groups');
    assert.equal(list.body.groups.find((g) => g.groupId === group)?.lag, '0');

    type Plan = { execute: boolean; changes: Array<{ topic: string; partition: number; current: string; target: string }> };
    const dry = await call<Plan>(c, 'POST', `/api/groups/${group}/reset`, { to: 'earliest' });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.execute, false);
    assert.equal(dry.body.changes.length, 2);
    assert.ok(dry.body.changes.every((ch) => ch.target === '0' && ch.current !== '0'));
    const still = await call<G>(c, 'GET', `/api/groups/${group}`);
    assert.ok(still.body.offsets.every((o) => o.lag === '0'), 'a dry run changes nothing');

    const one = await call<Plan>(c, 'POST', `/api/groups/${group}/reset`, { to: { offset: 10 }, topic, partition: 1, execute: true });
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.deepEqual(one.body.changes.map((ch) => [ch.partition, ch.target]), [[1, '10']]);
    const after = await call<G>(c, 'GET', `/api/groups/${group}`);
    const p1 = after.body.offsets.find((o) => o.partition === 1)!;
    assert.equal(p1.committed, '10');
    assert.ok(Number(p1.lag) > 0);
    assert.ok(p1.lagSeconds !== null && p1.lagSeconds >= 0, 'lag in seconds from the next record\'s timestamp');

    const ts = await call<Plan>(c, 'POST', `/api/groups/${group}/reset`, { to: { timestamp: Date.now() + 60_000 } });
    assert.ok(ts.body.changes.every((ch) => ch.target === ch.target), 'timestamp reset plans');
    for (const body of [{ to: 'sideways' }, { to: { offset: -1 } }, { to: 'earliest', partition: 1 }]) {
      assert.equal((await call(c, 'POST', `/api/groups/${group}/reset`, body)).status, 400, JSON.stringify(body));
    }

    const del = await call(c, 'DELETE', `/api/groups/${group}/offsets?topic=${topic}`, {});
    assert.equal(del.status, 200, JSON.stringify(del.body));
    const gone = await call<G>(c, 'GET', `/api/groups/${group}`);
    assert.ok(gone.status === 404 || gone.body.offsets.length === 0, JSON.stringify(gone.body));
  });
});

test('routes: unknown API routes 404, app paths get the index, 405, cross-origin writes refused, an unreachable broker is 503', { timeout: 60_000 }, async () => {
  const c = await startConsole({ cluster: { bootstrap: '127.0.0.1:1', retries: 1 }, port: 0 });
  try {
    const nf = await call<ApiErr>(c, 'GET', '/api/nothing/here');
    assert.equal(nf.status, 404);
    assert.equal(nf.body.error.code, 'NOT_FOUND');
    assert.equal((await call(c, 'PUT', '/api/topics')).status, 405);
    const app = await fetch(new URL('/topics/orders/messages?partition=1', c.url));
    assert.equal(app.status, 200);
    assert.match(await app.text(), /<div id="app">/);
    assert.match(app.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal((await fetch(new URL('/missing.js', c.url))).status, 404);
    assert.equal((await fetch(new URL('/..%2f..%2fpackage.json', c.url))).status, 404);
    const js = await fetch(new URL('/app.js', c.url));
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    const cross = await call<ApiErr>(c, 'POST', '/api/topics', { name: 'x' }, { origin: 'http://evil.example' });
    assert.equal(cross.status, 403);
    const form = await call<ApiErr>(c, 'POST', '/api/topics', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 400);
    assert.match(form.body.error.message, /content-type: application\/json/);
    const down = await call<ApiErr>(c, 'GET', '/api/health');
    assert.equal(down.status, 503);
    assert.equal(down.body.error.code, 'BROKER_UNAVAILABLE');
    const routes = await call<{ routes: Array<{ method: string; path: string }> }>(c, 'GET', '/api');
    assert.ok(routes.body.routes.length >= 15);
  } finally {
    await c.close();
  }
});
