// The Retail Stream Hub walkthrough of docs/security.md, run as documented: the files of
// examples/security/retail-stream-hub (which the doc shows verbatim, checked here) are copied to a
// temp dir, make-certs.sh makes the certificates with openssl, start-broker.sh starts
// `tide broker start --config server.properties --add-scram ...` (free ports substituted for 9092
// and 9093) and setup.sh runs the documented `tide user|topic|acl|quota` commands with
// admin.properties. Then real clients log in with SCRAM-SHA-512 over TLS with the teams' configs:
// kcat (librdkafka) and tide (our client) produce and consume each team's own topics, KafkaJS reads
// orders.placed as fulfilment in a fulfilment group, marketing is refused writing to orders.placed
// (TOPIC_AUTHORIZATION_FAILED), returns is refused marketing's topic and group, and librdkafka
// (python confluent-kafka's throttle_cb) sees throttle times once returns exceeds its quota.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, kcat, kcatEnv, python, repoRoot, run, toolOrSkip, type RunResult } from '@tideline/interop';
import { spawnTracked, stopChild } from '@tideline/interop/internal';
import { TIDE_BIN } from './tide.js';

const EXAMPLE = join(repoRoot(), 'examples', 'security', 'retail-stream-hub');
const DOC = join(repoRoot(), 'docs', 'security.md');
const TEAMS = ['orders', 'fulfilment', 'marketing', 'returns'] as const;
const OWN_TOPIC: Record<(typeof TEAMS)[number], string> = {
  orders: 'orders.placed', fulfilment: 'fulfilment.shipments', marketing: 'marketing.campaigns', returns: 'returns.requests',
};

test('docs/security.md shows every file of the Retail Stream Hub example verbatim', () => {
  const doc = readFileSync(DOC, 'utf8');
  const files = readdirSync(EXAMPLE).sort();
  assert.ok(files.length >= 8, files.join(' '));
  for (const f of files) {
    const text = readFileSync(join(EXAMPLE, f), 'utf8');
    // The doc may leave out a team's config that differs from the one it shows only in the team's name.
    if (/^(fulfilment|marketing|returns)-svc\.properties$/.test(f)) {
      assert.equal(text, readFileSync(join(EXAMPLE, 'orders-svc.properties'), 'utf8').replaceAll('orders', f.split('-')[0]!), f);
      continue;
    }
    assert.ok(doc.includes(`\n${text}\`\`\``), `docs/security.md does not show ${f} verbatim in a code block`);
  }
});

/** Resolves with the broker's start banner (its listeners) once it is serving. */
async function waitForListeners(child: ReturnType<typeof spawnTracked>): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the broker did not start in 30 s')), 30_000);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('bootstrap.servers=')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the broker exited early with ${code}: ${out}`));
    });
  });
}

const THROTTLE_PY = `
import json, sys
from confluent_kafka import Producer
bootstrap, user, password, ca, topic, total = sys.argv[1:7]
throttles, errors = [], []
p = Producer({'bootstrap.servers': bootstrap, 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'SCRAM-SHA-512',
              'sasl.username': user, 'sasl.password': password, 'ssl.ca.location': ca, 'linger.ms': 5,
              'throttle_cb': lambda ev: throttles.append(ev.throttle_time)})
value = b'r' * 10240
for _ in range(int(total) // len(value)):
    p.produce(topic, value, on_delivery=lambda err, msg: err and errors.append(str(err)))
    p.poll(0)
left = p.flush(60)
p.poll(0)
print(json.dumps({'throttles': throttles, 'errors': errors[:3], 'undelivered': left}))
`;

test('the Retail Stream Hub walkthrough, step by step, with kcat, KafkaJS, librdkafka and tide', { timeout: 240_000 }, async (t) => {
  if (!toolOrSkip(t, 'kcat', 'kafkajs', 'python-confluent-kafka')) return;
  const dir = mkdtempSync(join(tmpdir(), 'tide-retail-hub-'));
  let broker: ReturnType<typeof spawnTracked> | undefined;
  try {
    cpSync(EXAMPLE, dir, { recursive: true });
    // `tide` on the PATH of the documented scripts is this checkout's bin.
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'tide'), `#!/bin/sh\nexec '${process.execPath}' '${TIDE_BIN}' "$@"\n`);
    chmodSync(join(dir, 'bin', 'tide'), 0o755);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` };
    delete env.TIDE_BROKERS;
    delete env.TIDE_PROFILE;
    env.XDG_CONFIG_HOME = join(dir, 'config-home');
    const sh = (script: string, extra: Record<string, string> = {}): Promise<RunResult> =>
      run('sh', [script], { cwd: dir, env: { ...env, ...extra }, allowFailure: true, timeoutMs: 180_000 });

    const certs = await sh('make-certs.sh');
    assert.equal(certs.code, 0, certs.stderr);

    const adminPort = await freePort();
    let tenantPort = await freePort();
    while (tenantPort === adminPort) tenantPort = await freePort();
    const props = readFileSync(join(dir, 'server.properties'), 'utf8');
    assert.match(props, /listeners=ADMIN:\/\/127\.0\.0\.1:9092,TENANTS:\/\/127\.0\.0\.1:9093\n/);
    writeFileSync(join(dir, 'server.properties'), props.replace('127.0.0.1:9092', `127.0.0.1:${adminPort}`).replace('127.0.0.1:9093', `127.0.0.1:${tenantPort}`));
    const ADMIN = `127.0.0.1:${adminPort}`;
    const TENANTS = `127.0.0.1:${tenantPort}`;

    broker = spawnTracked('sh', ['start-broker.sh'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'inherit'] });
    const banner = await waitForListeners(broker);
    assert.match(banner, new RegExp(`listener ADMIN \\(SASL_PLAINTEXT\\) on ${ADMIN}`));
    assert.match(banner, new RegExp(`listener TENANTS \\(SASL_SSL\\) on ${TENANTS}`));

    const setup = await sh('setup.sh', { ADMIN });
    assert.equal(setup.code, 0, `setup.sh: ${setup.stderr}`);
    assert.match(setup.stdout, /created 5 ACLs/);

    const tide = (args: readonly string[], input?: string): Promise<RunResult> =>
      run(process.execPath, [TIDE_BIN, ...args], { cwd: dir, env, allowFailure: true, timeoutMs: 60_000, ...(input !== undefined ? { input } : {}) });
    const asTeam = (team: string, args: readonly string[], input?: string): Promise<RunResult> =>
      tide(['-b', TENANTS, '--command-config', `${team}-svc.properties`, ...args], input);
    const kcatAs = (team: string, args: readonly string[], input?: string): Promise<RunResult> =>
      kcat(['-b', TENANTS, '-X', 'security.protocol=SASL_SSL', '-X', 'sasl.mechanisms=SCRAM-SHA-512', '-X', `sasl.username=${team}-svc`,
        '-X', `sasl.password=${team}-secret`, '-X', `ssl.ca.location=${join(dir, 'certs', 'ca.crt')}`, ...args],
      { cwd: dir, allowFailure: true, ...(input !== undefined ? { input } : {}) });

    await t.test('each team produces and consumes its own topics (tide with the team config, kcat with SCRAM-SHA-512)', async () => {
      for (const team of TEAMS) {
        const topic = OWN_TOPIC[team];
        const viaTide = await asTeam(team, ['produce', topic], `${team}-by-tide\n`);
        assert.equal(viaTide.code, 0, `${team} tide produce: ${viaTide.stderr}`);
        const viaKcat = await kcatAs(team, ['-P', '-t', topic], `${team}-by-kcat\n`);
        assert.equal(viaKcat.code, 0, `${team} kcat produce: ${viaKcat.stderr}`);
        const read = await kcatAs(team, ['-C', '-t', topic, '-o', 'beginning', '-e', '-q']);
        assert.equal(read.code, 0, `${team} kcat consume: ${read.stderr}`);
        assert.deepEqual(read.stdout.trim().split('\n').sort(), [`${team}-by-kcat`, `${team}-by-tide`]);
        const group = await asTeam(team, ['consume', topic, '--group', `${team}.audit`, '--format', 'text', '-q']);
        assert.equal(group.code, 0, `${team} tide consume --group: ${group.stderr}`);
        assert.deepEqual(group.stdout.trim().split('\n').sort(), [`${team}-by-kcat`, `${team}-by-tide`]);
      }
      // CREATE (from --producer) lets a team create topics under its own prefix only.
      const own = await asTeam('orders', ['topic', 'create', 'orders.refunds']);
      assert.equal(own.code, 0, own.stderr);
      const foreign = await asTeam('marketing', ['topic', 'create', 'orders.promotions']);
      assert.equal(foreign.code, 1);
      assert.match(foreign.stderr, /TOPIC_AUTHORIZATION_FAILED/);
    });

    await t.test('cross-team reads: fulfilment (KafkaJS group), marketing and returns (kcat) read what they were granted', async () => {
      const { Kafka, logLevel } = await import('kafkajs');
      const kafka = new Kafka({
        brokers: [TENANTS], clientId: 'fulfilment-pickers', logLevel: logLevel.NOTHING,
        ssl: { ca: [readFileSync(join(dir, 'certs', 'ca.crt'), 'utf8')] },
        sasl: { mechanism: 'scram-sha-512', username: 'fulfilment-svc', password: 'fulfilment-secret' },
      });
      const consumer = kafka.consumer({ groupId: 'fulfilment.pickers' });
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: 'orders.placed', fromBeginning: true });
        const seen: string[] = [];
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`KafkaJS read ${JSON.stringify(seen)} in 60 s`)), 60_000);
          consumer.run({
            eachMessage: async ({ message }) => {
              seen.push(message.value?.toString() ?? '');
              if (seen.length === 2) {
                clearTimeout(timer);
                resolve();
              }
            },
          }).catch(reject);
        });
        assert.deepEqual(seen.sort(), ['orders-by-kcat', 'orders-by-tide']);
      } finally {
        await consumer.disconnect();
      }
      const marketing = await kcatAs('marketing', ['-C', '-t', 'orders.placed', '-o', 'beginning', '-e', '-q']);
      assert.equal(marketing.code, 0, marketing.stderr);
      assert.equal(marketing.stdout.trim().split('\n').length, 2);
      const returns = await kcatAs('returns', ['-C', '-t', 'fulfilment.shipments', '-o', 'beginning', '-e', '-q']);
      assert.equal(returns.code, 0, returns.stderr);
      assert.equal(returns.stdout.trim().split('\n').length, 2);
      // Fulfilment reads orders.placed only: not orders.cancelled.
      const cancelled = await kcatAs('fulfilment', ['-C', '-t', 'orders.cancelled', '-o', 'beginning', '-e', '-q']);
      assert.notEqual(cancelled.code, 0);
      assert.match(cancelled.stderr, /Topic authorization failed/);
    });

    await t.test('refusals: marketing may not write orders.placed, returns may not read marketing\'s topic or use its group', async () => {
      const kc = await kcatAs('marketing', ['-P', '-t', 'orders.placed'], 'ad\n');
      assert.notEqual(kc.code, 0);
      assert.match(kc.stderr, /Topic authorization failed/);
      const td = await asTeam('marketing', ['produce', 'orders.placed'], 'ad\n');
      assert.equal(td.code, 1);
      assert.match(td.stderr, /TOPIC_AUTHORIZATION_FAILED \(orders\.placed\/\d\).*not authorized to write to topic orders\.placed/);
      const topic = await kcatAs('returns', ['-C', '-t', 'marketing.campaigns', '-o', 'beginning', '-e', '-q']);
      assert.notEqual(topic.code, 0);
      assert.match(topic.stderr, /Topic authorization failed/);
      const group = await asTeam('returns', ['consume', 'fulfilment.shipments', '--group', 'marketing.analytics']);
      assert.equal(group.code, 1);
      assert.match(group.stderr, /GROUP_AUTHORIZATION_FAILED/);
      // Nothing of marketing's reached orders.placed.
      const read = await kcatAs('orders', ['-C', '-t', 'orders.placed', '-o', 'beginning', '-e', '-q']);
      assert.ok(!read.stdout.includes('ad'), read.stdout);
      // How the platform team sees why: the ACLs that apply to orders.placed.
      const list = await tide(['-b', ADMIN, '--command-config', 'admin.properties', 'acl', 'list', '--topic', 'orders.placed', '--resource-pattern-type', 'match', '--format', 'json']);
      assert.equal(list.code, 0, list.stderr);
      const acls = JSON.parse(list.stdout) as Array<{ principal: string; operation: string; resourceName: string }>;
      assert.deepEqual(acls.filter((a) => a.principal === 'User:marketing-svc').map((a) => `${a.resourceName} ${a.operation}`), ['orders. READ']);
    });

    await t.test('quotas: returns over its producer_byte_rate gets throttle times (librdkafka throttle_cb); tide quota describe shows it', async () => {
      // 3 MiB at once: more than 10 s (Kafka's shortest measuring span) of returns' 256 KiB/s.
      const r = await python(THROTTLE_PY, [TENANTS, 'returns-svc', 'returns-secret', join(dir, 'certs', 'ca.crt'), 'returns.requests', String(3 * 1024 * 1024)],
        { env: kcatEnv(), allowFailure: true, timeoutMs: 120_000 });
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { throttles: number[]; errors: string[]; undelivered: number };
      assert.deepEqual([out.errors, out.undelivered], [[], 0]);
      assert.ok(out.throttles.some((s) => s > 0), `throttle times seen by librdkafka: ${JSON.stringify(out.throttles)}`);
      const q = await tide(['-b', ADMIN, '--command-config', 'admin.properties', 'quota', 'describe', '--user', 'returns-svc', '--format', 'json']);
      assert.equal(q.code, 0, q.stderr);
      assert.deepEqual(JSON.parse(q.stdout), [{ entity: { user: 'returns-svc' }, values: { producer_byte_rate: 262144, consumer_byte_rate: 1048576 } }]);
    });
  } finally {
    if (broker !== undefined) await stopChild(broker);
    rmSync(dir, { recursive: true, force: true });
  }
});
