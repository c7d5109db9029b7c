// Schema-registry serdes and broker-side validation (issue 17). One in-process Tideline broker and
// our registry (storing in it) in this process; every row moves the same N records of about
// 1 KiB (a customer_returns event with a ~900-character free-text field, 1,000 distinct values
// cycled) through a real produce or fetch:
//
//   produce:  raw (the records' bytes already encoded, no serde) | ours (Serializer, warm cache)
//             | Confluent's (@confluentinc/schemaregistry's serializer, use-latest, warm cache)
//   consume:  raw (read only) | ours (Deserializer) | Confluent's deserializer
//   for Avro, JSON Schema and Protobuf. Goal: ours within 15% of raw throughput (warm cache).
//
//   registry lookups: 1,000 concurrent clients (one keep-alive connection each) asking
//   GET /schemas/ids/{id} and GET /subjects/{s}/versions/latest without caching, all 1,000
//   requests in flight at once; p50/p99 latency (and the cost of 1,000 connecting at once).
//
//   broker-side validation: the same wire-format records produced to a topic with
//   confluent.value.schema.validation off and on (the broker checks each record's schema id
//   against the registry, answers cached).
//
//   serdes alone: each serde's serialize / deserialize on one record at a time, no broker, warm
//   caches (µs per record), next to the CPU the raw produce or consume path costs per record.
//
// Rows are interleaved over REPS repetitions and the median reported; CPU is this process's user+
// system time per record (broker, registry and clients share the process), next to the rate.
//
//   node bench/registry.bench.mjs                full mode (bench/results/full/registry.json)
//   BENCH_QUICK=1 node bench/registry.bench.mjs  CI smoke: small counts
//   BENCH_RECORDS=n BENCH_REPS=r               override the record count per row and the repetitions
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@tideline/broker';
import { Admin, Consumer, Producer } from '@tideline/client';
import { freePort } from '@tideline/interop';
import { encodeBatch } from '@tideline/protocol/internal';
import { schemaIdRejections } from '../packages/broker/dist/src/schema-validation.js';
import { startRegistry, RegistryClient, Serializer, Deserializer } from '@tideline/registry';
import {
  SchemaRegistryClient, SerdeType, AvroSerializer, AvroDeserializer, JsonSerializer, JsonDeserializer, ProtobufSerializer, ProtobufDeserializer,
} from '@confluentinc/schemaregistry';
import { createFileRegistry, createMutableRegistry, create, fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { machine } from './lib.mjs';

const QUICK = process.env.BENCH_QUICK !== undefined && process.env.BENCH_QUICK !== '' && process.env.BENCH_QUICK !== '0';
const N = Number(process.env.BENCH_RECORDS ?? (QUICK ? 3000 : 50_000));
const REPS = Number(process.env.BENCH_REPS ?? (QUICK ? 1 : 3));
const CLIENTS = 1000;
const LOOKUPS_PER_CLIENT = QUICK ? 3 : 20;
const CHUNK = 500;

const AVRO = JSON.stringify({
  type: 'record', name: 'CustomerReturn', namespace: 'com.example.returns',
  fields: [
    { name: 'return_id', type: 'string' }, { name: 'order_id', type: 'string' }, { name: 'customer_id', type: 'string' },
    { name: 'quantity', type: 'int' }, { name: 'amount_cents', type: 'int' }, { name: 'return_reason', type: 'string' },
  ],
});
const JSON_SCHEMA = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#', title: 'CustomerReturn', type: 'object', additionalProperties: false,
  required: ['return_id', 'order_id', 'customer_id', 'quantity', 'amount_cents', 'return_reason'],
  properties: {
    return_id: { type: 'string' }, order_id: { type: 'string' }, customer_id: { type: 'string' },
    quantity: { type: 'integer' }, amount_cents: { type: 'integer' }, return_reason: { type: 'string' },
  },
});
const PROTO = `syntax = "proto3";
package com.example.returns;
message CustomerReturn {
  string return_id = 1;
  string order_id = 2;
  string customer_id = 3;
  int32 quantity = 4;
  int32 amount_cents = 5;
  string return_reason = 6;
}
`;
const SCHEMAS = { AVRO, JSON: JSON_SCHEMA, PROTOBUF: PROTO };
const words = ['damaged', 'wrong size', 'late delivery', 'not as described', 'changed mind', 'defective', 'missing parts', 'duplicate order'];
const VALUES = Array.from({ length: 1000 }, (_, i) => {
  let reason = '';
  for (let j = 0; reason.length < 900; j++) reason += `${words[(i + j) % words.length]} `;
  return { return_id: `r-${String(i).padStart(8, '0')}`, order_id: `o-${i * 7}`, customer_id: `c-${i % 97}`, quantity: 1 + (i % 5), amount_cents: 1999 + i, return_reason: reason };
});
const camel = (v) => ({ returnId: v.return_id, orderId: v.order_id, customerId: v.customer_id, quantity: v.quantity, amountCents: v.amount_cents, returnReason: v.return_reason });

const dir = mkdtempSync(join(os.tmpdir(), 'tideline-bench-registry-'));
const registryPort = await freePort();
const broker = await startBroker({ dataDir: dir, port: 0, logLevel: 'silent', schemaRegistry: { url: `http://127.0.0.1:${registryPort}` } });
const bootstrap = broker.bootstrap;
const registry = await startRegistry({ cluster: { bootstrap }, port: registryPort, leaderElection: false, topicReplicationFactor: 1 });
const admin = new Admin({ bootstrap });
const producer = new Producer({ bootstrap, lingerMs: 2 });

let seq = 0;
async function newTopic(prefix, configs) {
  const topic = `${prefix}-${++seq}`;
  await admin.createTopics([{ topic, numPartitions: 1, replicationFactor: 1, ...(configs ? { configs } : {}) }]);
  return topic;
}

function timer() {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  return (n, extra = {}) => {
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    return { records: n, seconds: secs, recordsPerSec: n / secs, cpuUsPerRecord: (cpu.user + cpu.system) / n, ...extra };
  };
}

/** Produces N records made by `make(i)` (sync or async) in chunks; returns the timing row. */
async function produceRun(topic, make) {
  const t = timer();
  const inflight = [];
  for (let i = 0; i < N; i += CHUNK) {
    const messages = [];
    for (let j = i; j < Math.min(N, i + CHUNK); j++) {
      const v = make(j);
      messages.push({ value: v instanceof Promise ? await v : v });
    }
    inflight.push(producer.send({ topic, messages }));
    if (inflight.length >= 4) await inflight.shift();
  }
  await Promise.all(inflight);
  return t(N);
}

/** Reads N records of the topic and passes each value to `use` (sync or async). */
async function consumeRun(topic, use) {
  const consumer = new Consumer({ bootstrap, maxWaitMs: 50 });
  consumer.assign([{ topic, partition: 0, offset: 'earliest' }]);
  const t = timer();
  let n = 0;
  for await (const r of consumer) {
    const x = use(r.value, r);
    if (x instanceof Promise) await x;
    if (++n >= N) break;
  }
  const row = t(n);
  await consumer.close();
  return row;
}

async function protoDesc(id) {
  const res = await fetch(`${registry.url}/schemas/ids/${id}?format=serialized`);
  const fdp = fromBinary(FileDescriptorProtoSchema, Buffer.from((await res.json()).schema, 'base64'));
  return createFileRegistry(fdp, () => undefined).getMessage('com.example.returns.CustomerReturn');
}

const rows = [];
const serdeAlone = [];
const confluentClient = new SchemaRegistryClient({ baseURLs: [registry.url], cacheLatestTtlSecs: 3600 });
const ourClient = new RegistryClient({ url: registry.url });

async function formatRuns(format) {
  const setupTopic = await newTopic(`setup-${format}`);
  // One subject per format, whatever the topic (every row writes to a fresh topic).
  const subject = `returns-${format.toLowerCase()}-value`;
  const ours = new Serializer({ client: ourClient, type: format, schema: SCHEMAS[format], subjectNameStrategy: () => subject });
  await ours.prepare(setupTopic);
  const id = ours.schemaId(setupTopic);
  const desc = format === 'PROTOBUF' ? await protoDesc(id) : null;
  const theirValues = desc === null ? VALUES : VALUES.map((v) => create(desc, camel(v)));
  const strategy = { subjectNameStrategy: () => subject };
  const theirs = format === 'AVRO' ? new AvroSerializer(confluentClient, SerdeType.VALUE, { useLatestVersion: true, ...strategy })
    : format === 'JSON' ? new JsonSerializer(confluentClient, SerdeType.VALUE, { useLatestVersion: true, ...strategy })
      : new ProtobufSerializer(confluentClient, SerdeType.VALUE, { useLatestVersion: true, registry: createMutableRegistry(desc), ...strategy });
  const theirDe = format === 'AVRO' ? new AvroDeserializer(confluentClient, SerdeType.VALUE, strategy)
    : format === 'JSON' ? new JsonDeserializer(confluentClient, SerdeType.VALUE, strategy)
      : new ProtobufDeserializer(confluentClient, SerdeType.VALUE, strategy);
  const ourDe = new Deserializer({ client: ourClient, type: format, subjectNameStrategy: () => subject });
  // The raw rows send the very bytes our serializer makes (payload and prefix), without a serde.
  const raw = await Promise.all(VALUES.map((v) => ours.serialize(setupTopic, v)));
  // Warm every cache.
  await theirs.serialize(setupTopic, theirValues[0]);
  await theirDe.deserialize(setupTopic, raw[0]);
  await ourDe.deserialize(setupTopic, raw[0]);
  const avgBytes = raw.reduce((s, b) => s + b.length, 0) / raw.length;
  // The serdes alone (no broker, no I/O): µs per record, warm caches, one record at a time. Every
  // function is warmed (JIT) before any is timed, then timed in 3 interleaved rounds; the best
  // round counts (the others lost time to the machine's other work).
  const fns = [
    ['ours', 'serialize', (i) => ours.serialize(setupTopic, VALUES[i % 1000])],
    ['ours (sync)', 'serialize', (i) => ours.serializeSync(setupTopic, VALUES[i % 1000])],
    ['confluent', 'serialize', (i) => theirs.serialize(setupTopic, theirValues[i % 1000])],
    ['ours', 'deserialize', (i) => ourDe.deserialize(setupTopic, raw[i % 1000])],
    ['ours (sync)', 'deserialize', (i) => ourDe.deserializeSync(setupTopic, raw[i % 1000])],
    ['confluent', 'deserialize', (i) => theirDe.deserialize(setupTopic, raw[i % 1000], {})],
  ];
  const n = QUICK ? 2000 : 20000;
  for (const [, , fn] of fns) for (let i = 0; i < 10000; i++) await fn(i);
  const best = new Map();
  for (let round = 0; round < 3; round++) {
    for (const [side, op, fn] of fns) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await fn(i);
      const us = Number(process.hrtime.bigint() - t0) / 1e3 / n;
      const k = `${side}/${op}`;
      if (!best.has(k) || us < best.get(k)) best.set(k, us);
    }
  }
  for (const [side, op] of fns) serdeAlone.push({ format, side, op, usPerRecord: best.get(`${side}/${op}`) });
  for (let rep = 0; rep < REPS; rep++) {
    const topics = {};
    // The order of the sides rotates with the repetition, so no side always runs first.
    const order = ['raw', 'ours', 'confluent'].map((_, k, a) => a[(k + rep) % a.length]);
    for (const side of order) {
      const topic = await newTopic(`${format}-${side}`);
      topics[side] = topic;
      const make = side === 'raw' ? (i) => raw[i % 1000]
        : side === 'ours' ? (i) => ours.serialize(topic, VALUES[i % 1000])
          : (i) => theirs.serialize(topic, theirValues[i % 1000]);
      rows.push({ format, op: 'serialize+produce', side, rep, avgBytes, ...(await produceRun(topic, make)) });
    }
    // One untimed read first, so no side pays for the first read of the topic.
    await consumeRun(topics.ours, () => undefined);
    for (const side of order) {
      // Every side reads the same records (the ones our serializer wrote).
      const topic = topics.ours;
      const use = side === 'raw' ? (v) => v.length
        : side === 'ours' ? (v) => ourDe.deserialize(topic, v)
          : (v) => theirDe.deserialize(topic, v, {});
      rows.push({ format, op: 'consume+deserialize', side, rep, avgBytes, ...(await consumeRun(topic, use)) });
    }
  }
}

/** One GET on a client's own keep-alive connection; resolves with the latency in ms. */
function get(agent, url) {
  return new Promise((resolve, reject) => {
    const s = process.hrtime.bigint();
    const req = http.get(url, { agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - s) / 1e6) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

async function lookupRun() {
  const subject = 'returns-avro-value';
  const id = (await ourClient.latestVersion(subject)).id;
  // 1,000 clients, each with its own keep-alive connection (an http.Agent with one socket).
  const agents = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const out = [];
  const stats = (name, phase, lat, row) => {
    lat.sort((x, y) => x - y);
    const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
    out.push({ op: 'registry lookup', name, phase, clients: CLIENTS, requests: lat.length, requestsPerSec: row.recordsPerSec, p50Ms: q(0.5), p99Ms: q(0.99), maxMs: lat[lat.length - 1], cpuUsPerRequest: row.cpuUsPerRecord });
  };
  try {
    // Connections opened in waves of 100 (1,000 at once overflow the server's listen backlog of
    // 511, Node's default, and the kernel drops SYNs: that row is reported separately).
    const idsUrl = `${registry.url}/schemas/ids/${id}`;
    let lat = [];
    let t = timer();
    for (let i = 0; i < CLIENTS; i += 100) lat.push(...(await Promise.all(agents.slice(i, i + 100).map((a) => get(a, idsUrl)))));
    stats('GET /schemas/ids/{id}', 'connect, waves of 100', lat, t(lat.length));
    for (const [name, url] of [['GET /schemas/ids/{id}', idsUrl], ['GET /subjects/{s}/versions/latest', `${registry.url}/subjects/${subject}/versions/latest`]]) {
      lat = [];
      t = timer();
      await Promise.all(agents.map(async (a) => {
        for (let i = 0; i < LOOKUPS_PER_CLIENT; i++) lat.push(await get(a, url));
      }));
      stats(name, 'steady, 1,000 in flight', lat, t(lat.length));
    }
    // Every client connecting at once (new agents): the listen backlog's effect.
    const fresh = Array.from({ length: CLIENTS }, () => new http.Agent({ keepAlive: false }));
    t = timer();
    lat = await Promise.all(fresh.map((a) => get(a, idsUrl)));
    stats('GET /schemas/ids/{id}', 'connect, all 1,000 at once', lat, t(lat.length));
  } finally {
    for (const a of agents) a.destroy();
  }
  return out;
}

async function validationRuns() {
  const ser = new Serializer({ client: ourClient, type: 'AVRO', schema: AVRO });
  const out = [];
  for (let rep = 0; rep < REPS; rep++) {
    for (const on of rep % 2 === 0 ? [false, true] : [true, false]) {
      const topic = await newTopic(`validation-${on ? 'on' : 'off'}`, { 'confluent.value.schema.validation': String(on) });
      await ser.prepare(topic);
      const bytes = VALUES.map((v) => ser.serializeSync(topic, v));
      out.push({ op: 'produce (wire-format records)', side: on ? 'validation on' : 'validation off', rep, ...(await produceRun(topic, (i) => bytes[i % 1000])) });
    }
  }
  return out;
}

/** The broker's check alone (no I/O): µs per record for a 500-record batch of 1 KiB values, answers cached. */
async function validationCheckCost() {
  const value = Buffer.alloc(1000, 7);
  value[0] = 0;
  value.writeInt32BE(1, 1);
  const batch = encodeBatch({ records: Array.from({ length: 500 }, () => ({ key: null, value, headers: [] })) });
  const validator = { isRegistered: () => true };
  const n = QUICK ? 200 : 2000;
  for (let i = 0; i < 100; i++) await schemaIdRejections(batch, 't', { key: false, value: true }, validator);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await schemaIdRejections(batch, 't', { key: false, value: true }, validator);
  return Number(process.hrtime.bigint() - t0) / 1e3 / n / 500;
}

let lookups = [];
let validation = [];
let checkUs = 0;
try {
  for (const f of ['AVRO', 'JSON', 'PROTOBUF']) await formatRuns(f);
  validation = await validationRuns();
  checkUs = await validationCheckCost();
  lookups = await lookupRun();
} finally {
  await producer.close();
  await admin.close();
  await registry.close();
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
}

const median = (list) => list.sort((a, b) => a.recordsPerSec - b.recordsPerSec)[Math.floor(list.length / 2)];
const results = [];
console.log(`\nregistry serdes: ${N} records per row, median of ${REPS}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('| format | operation | side | records/s | MB/s | CPU µs/record | vs raw |\n| --- | --- | --- | ---: | ---: | ---: | ---: |');
for (const f of ['AVRO', 'JSON', 'PROTOBUF']) {
  for (const op of ['serialize+produce', 'consume+deserialize']) {
    const rawRow = median(rows.filter((r) => r.format === f && r.op === op && r.side === 'raw'));
    for (const side of ['raw', 'ours', 'confluent']) {
      const m = median(rows.filter((r) => r.format === f && r.op === op && r.side === side));
      const row = { format: f, op, side, records: m.records, recordsPerSec: m.recordsPerSec, mbPerSec: (m.recordsPerSec * m.avgBytes) / 1e6, cpuUsPerRecord: m.cpuUsPerRecord, vsRaw: m.recordsPerSec / rawRow.recordsPerSec, avgBytes: m.avgBytes };
      results.push(row);
      console.log(`| ${f} | ${op} | ${side} | ${row.recordsPerSec.toFixed(0)} | ${row.mbPerSec.toFixed(1)} | ${row.cpuUsPerRecord.toFixed(1)} | ${row.vsRaw.toFixed(2)}x |`);
    }
  }
}
console.log('\n| format | serde alone (no broker) | ours µs/record | ours, sync API | Confluent\'s µs/record | raw path CPU µs/record | ours as share of raw |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const f of ['AVRO', 'JSON', 'PROTOBUF']) {
  for (const op of ['serialize', 'deserialize']) {
    const get = (side) => serdeAlone.find((r) => r.format === f && r.op === op && r.side === side).usPerRecord;
    const rawCpu = results.find((r) => r.format === f && r.side === 'raw' && r.op === (op === 'serialize' ? 'serialize+produce' : 'consume+deserialize')).cpuUsPerRecord;
    console.log(`| ${f} | ${op} | ${get('ours').toFixed(2)} | ${get('ours (sync)').toFixed(2)} | ${get('confluent').toFixed(2)} | ${rawCpu.toFixed(1)} | ${((100 * get('ours')) / rawCpu).toFixed(0)}% |`);
  }
}
const vOff = median(validation.filter((r) => r.side === 'validation off'));
const vOn = median(validation.filter((r) => r.side === 'validation on'));
console.log(`\n| broker-side validation | records/s | CPU µs/record | vs off |\n| --- | ---: | ---: | ---: |`);
for (const r of [vOff, vOn]) console.log(`| ${r.side} | ${r.recordsPerSec.toFixed(0)} | ${r.cpuUsPerRecord.toFixed(1)} | ${(r.recordsPerSec / vOff.recordsPerSec).toFixed(2)}x |`);
console.log(`\nthe broker's check alone (500-record batch of 1 KiB values, ids cached): ${checkUs.toFixed(2)} µs per record`);
console.log(`\n| registry lookup (${CLIENTS} concurrent clients) | phase | requests | requests/s | p50 ms | p99 ms | max ms | CPU µs/request |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
for (const l of lookups) console.log(`| ${l.name} | ${l.phase} | ${l.requests} | ${l.requestsPerSec.toFixed(0)} | ${l.p50Ms.toFixed(1)} | ${l.p99Ms.toFixed(1)} | ${l.maxMs.toFixed(1)} | ${l.cpuUsPerRequest.toFixed(0)} |`);

const outDir = new URL('./results/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const doc = JSON.stringify({ suite: 'registry', mode: QUICK ? 'quick' : 'full', machine: machine(), load: os.loadavg(), records: N, results, validation: [vOff, vOn], validationCheckUsPerRecord: checkUs, serdeAlone, lookups, runs: rows.concat(validation) }, null, 2) + '\n';
writeFileSync(new URL('registry.json', outDir), doc);
if (!QUICK) {
  mkdirSync(new URL('full/', outDir), { recursive: true });
  writeFileSync(new URL('full/registry.json', outDir), doc);
}
