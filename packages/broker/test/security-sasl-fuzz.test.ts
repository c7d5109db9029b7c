// Fuzzed frames on a SASL listener never reach a handler unauthenticated: every served API at
// every version (well-formed with default fields, truncated, bit-flipped or random bytes), sent on
// connections in each pre-authentication state (fresh, after ApiVersions, after a v1 handshake,
// after a v0 handshake, i.e. raw-token mode). A spy on the handler registry records every handler
// run with its session; the only ones allowed unauthenticated are ApiVersions, SaslHandshake and
// SaslAuthenticate, and no session becomes authenticated. The broker still serves afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, encodeRequest, type ApiTypes } from '@tideline/protocol';
import { startBroker } from '../src/index.js';
import type { Handler, RequestContext } from '../src/registry.js';

/** xorshift32: the same frames on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

const PRE_AUTH_OK = new Set<number>([ApiKey.ApiVersions, ApiKey.SaslHandshake, ApiKey.SaslAuthenticate]);

test('fuzzed frames on a SASL listener never reach a handler unauthenticated', { timeout: 120_000 }, async () => {
  const b = await startBroker({
    storage: 'memory://',
    security: {
      listeners: [{ name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' }],
      sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { sasl_plaintext: { alice: 'alice-secret' } } },
    },
  });
  const violations: string[] = [];
  let handled = 0;
  const registry = b.broker.registry;
  const get = registry.get.bind(registry);
  registry.get = (apiKey: number): Handler | undefined => {
    const h = get(apiKey);
    if (h === undefined) return h;
    return {
      ...h,
      handle(req: never, ctx: RequestContext) {
        handled++;
        const s = ctx.connection.session;
        if (!s.authenticated && !PRE_AUTH_OK.has(apiKey)) violations.push(`api ${apiKey} ran unauthenticated`);
        if (s.authenticated) violations.push(`a fuzzed connection authenticated as ${s.principal} (api ${apiKey})`);
        return h.handle(req, ctx);
      },
    } as Handler;
  };
  try {
    const apis = registry.list();
    const rand = rng(0x5a51);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const frame = (): Buffer => {
      const api = pick(apis);
      const version = api.minVersion + Math.floor(rand() * (api.maxVersion - api.minVersion + 1));
      let body: Buffer;
      try {
        body = Buffer.concat(encodeRequest(api.apiKey as keyof ApiTypes, version, Math.floor(rand() * 1e6), 'fuzz', {} as never)).subarray(4);
      } catch {
        body = Buffer.alloc(12);
        body.writeInt16BE(api.apiKey, 0);
        body.writeInt16BE(version, 2);
      }
      const mode = rand();
      if (mode < 0.25) body = body.subarray(0, Math.floor(rand() * body.length));
      else if (mode < 0.6) {
        body = Buffer.from(body);
        for (let i = 0; i < 1 + rand() * 4; i++) if (body.length > 0) body[Math.floor(rand() * body.length)]! ^= 1 << Math.floor(rand() * 8);
      } else if (mode < 0.7) {
        body = Buffer.from(Array.from({ length: Math.floor(rand() * 64) }, () => Math.floor(rand() * 256)));
      }
      const size = Buffer.alloc(4);
      size.writeInt32BE(body.length);
      return Buffer.concat([size, body]);
    };
    const prefixes: Buffer[][] = [
      [],
      encodeRequest(ApiKey.ApiVersions, 3, 1, 'fuzz', { clientSoftwareName: 'f', clientSoftwareVersion: '1' }),
      encodeRequest(ApiKey.SaslHandshake, 1, 1, 'fuzz', { mechanism: 'PLAIN' }),
      encodeRequest(ApiKey.SaslHandshake, 0, 1, 'fuzz', { mechanism: 'PLAIN' }),
    ];
    let sent = 0;
    for (let conn = 0; conn < 400; conn++) {
      const frames = [...prefixes[conn % prefixes.length]!, ...Array.from({ length: 1 + Math.floor(rand() * 8) }, frame)];
      sent += frames.length;
      await new Promise<void>((resolve) => {
        const s = net.connect(b.port, '127.0.0.1', () => {
          for (const f of frames) s.write(f);
        });
        s.on('data', () => {});
        s.on('error', () => {});
        // Closed by the broker, or cut after a while (a half-sent frame waits forever otherwise).
        const timer = setTimeout(() => s.destroy(), 300);
        s.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    assert.deepEqual(violations, []);
    assert.ok(handled > 0, 'some pre-authentication requests were handled');
    assert.ok(sent > 1500);

    // Still serving: a real login and a Metadata request.
    const { Kafka, logLevel } = await import('kafkajs');
    const admin = new Kafka({ brokers: [b.bootstrap], sasl: { mechanism: 'plain', username: 'alice', password: 'alice-secret' }, logLevel: logLevel.NOTHING }).admin();
    registry.get = get;
    await admin.connect();
    assert.ok(Array.isArray(await admin.listTopics()));
    await admin.disconnect();
  } finally {
    registry.get = get;
    await b.close();
  }
});
