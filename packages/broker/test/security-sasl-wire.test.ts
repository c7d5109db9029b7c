// The SASL state machine on the wire (our codecs over a raw socket): the pre-authentication gate,
// handshake v0 raw tokens and v1 SaslAuthenticate, Kafka's error codes for out-of-order, unknown
// mechanisms and failed authentication (each followed by a close), oversized and malformed tokens,
// KIP-368 session lifetime, expiry and re-authentication with the same / another principal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApiKey, ErrorCode, FrameDecoder, decodeResponse, encodeRequest, type ApiTypes } from '@tideline/protocol';
import { startBroker, type RunningBroker } from '../src/index.js';

const USERS = { alice: 'alice-secret', bob: 'bob-secret' };

class RawClient {
  private readonly frames = new FrameDecoder();
  private readonly queue: Buffer[] = [];
  private waiter: (() => void) | null = null;
  private id = 1;
  closed = false;

  private constructor(private readonly sock: net.Socket) {
    sock.on('data', (d: Buffer) => {
      this.frames.push(d);
      for (let f = this.frames.next(); f !== undefined; f = this.frames.next()) this.queue.push(f);
      this.waiter?.();
    });
    sock.on('error', () => {});
    sock.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  /** The next frame, or 'closed' once the broker closed the connection (bounded wait). */
  async next(): Promise<Buffer | 'closed'> {
    const deadline = Date.now() + 10_000;
    while (this.queue.length === 0 && !this.closed) {
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
      this.waiter = null;
      if (Date.now() >= deadline) throw new Error('no answer and no close within 10 s');
    }
    return this.queue.shift() ?? 'closed';
  }

  async send<K extends keyof ApiTypes>(apiKey: K, version: number, body: ApiTypes[K]['requestInput']): Promise<ApiTypes[K]['response'] | 'closed'> {
    for (const b of encodeRequest(apiKey, version, this.id++, 'raw', body)) this.sock.write(b);
    const f = await this.next();
    return f === 'closed' ? f : decodeResponse(apiKey, version, f).body;
  }

  raw(bytes: Buffer): void {
    this.sock.write(bytes);
  }

  async closedNow(): Promise<boolean> {
    return (await this.next()) === 'closed';
  }

  close(): void {
    this.sock.destroy();
  }
}

/** The answer, failing the test when the broker closed instead. */
function got<T>(x: T | 'closed'): T {
  if (x === 'closed') throw new assert.AssertionError({ message: 'the broker closed the connection' });
  return x;
}

const token = (user: string, password: string, authzid = ''): Buffer => Buffer.from(`${authzid}\0${user}\0${password}`);
const sized = (b: Buffer): Buffer => {
  const s = Buffer.alloc(4);
  s.writeInt32BE(b.length);
  return Buffer.concat([s, b]);
};

async function withSasl(fn: (b: RunningBroker, connect: () => Promise<RawClient>) => Promise<void>, maxReauthMs = 0): Promise<void> {
  const b = await startBroker({
    storage: 'memory://',
    security: {
      listeners: [
        { name: 'SASL_PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'SASL_PLAINTEXT' },
        { name: 'PLAINTEXT', host: '127.0.0.1', port: 0, securityProtocol: 'PLAINTEXT' },
      ],
      sasl: { enabledMechanisms: ['PLAIN'], plainUsers: { sasl_plaintext: USERS }, maxReauthMs },
    },
  });
  const clients: RawClient[] = [];
  try {
    await fn(b, async () => {
      const c = await RawClient.connect(b.port);
      clients.push(c);
      return c;
    });
  } finally {
    for (const c of clients) c.close();
    await b.close();
  }
}

async function authenticate(c: RawClient, user: string, password: string, version = 2) {
  const h = got(await c.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' }));
  assert.equal(h.errorCode, ErrorCode.NONE);
  return c.send(ApiKey.SaslAuthenticate, version, { authBytes: token(user, password) });
}

test('before authentication only ApiVersions, SaslHandshake and SaslAuthenticate are served; anything else closes', { timeout: 60_000 }, async () => {
  await withSasl(async (_b, connect) => {
    const c = await connect();
    const v = got(await c.send(ApiKey.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' }));
    const keys = v.apiKeys.map((k) => k.apiKey);
    assert.ok(keys.includes(ApiKey.SaslHandshake) && keys.includes(ApiKey.SaslAuthenticate));
    assert.equal(await c.send(ApiKey.Metadata, 12, { topics: null }), 'closed');

    for (const [apiKey, version, body] of [
      [ApiKey.Produce, 9, { acks: 1, timeoutMs: 1000, topicData: [] }],
      [ApiKey.CreateTopics, 7, { topics: [{ name: 'x', numPartitions: 1, replicationFactor: 1 }], timeoutMs: 1000 }],
      [ApiKey.FindCoordinator, 4, { keyType: 0, coordinatorKeys: ['g'] }],
    ] as const) {
      const d = await connect();
      assert.equal(await d.send(apiKey, version, body as never), 'closed', `api ${apiKey}`);
    }
    // After the handshake, still nothing but SaslAuthenticate.
    const e = await connect();
    assert.notEqual(await e.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' }), 'closed');
    assert.equal(await e.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    // Pipelined: a request queued behind the SaslAuthenticate of a failing login is never served.
    const f = await connect();
    for (const buf of [
      ...encodeRequest(ApiKey.SaslHandshake, 1, 1, 'p', { mechanism: 'PLAIN' }),
      ...encodeRequest(ApiKey.SaslAuthenticate, 2, 2, 'p', { authBytes: token('alice', 'nope') }),
      ...encodeRequest(ApiKey.CreateTopics, 7, 3, 'p', { topics: [{ name: 'sneaky', numPartitions: 1, replicationFactor: 1 }], timeoutMs: 1000 }),
    ]) f.raw(buf);
    assert.notEqual(await f.next(), 'closed'); // handshake answer
    const failed = await f.next();
    assert.notEqual(failed, 'closed');
    assert.equal(decodeResponse(ApiKey.SaslAuthenticate, 2, failed as Buffer).body.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
    assert.equal(await f.closedNow(), true);
  });
});

test('Kafka\'s SASL errors: unsupported mechanism, out of order, failed authentication, each then a close', { timeout: 60_000 }, async () => {
  await withSasl(async (b, connect) => {
    const c = await connect();
    const h = await c.send(ApiKey.SaslHandshake, 1, { mechanism: 'SCRAM-SHA-256' });
    assert.deepEqual(h !== 'closed' && [h.errorCode, h.mechanisms], [ErrorCode.UNSUPPORTED_SASL_MECHANISM, ['PLAIN']]);
    assert.equal(await c.closedNow(), true);

    const d = await connect();
    const a = await d.send(ApiKey.SaslAuthenticate, 2, { authBytes: token('alice', 'alice-secret') });
    assert.equal(a !== 'closed' && a.errorCode, ErrorCode.ILLEGAL_SASL_STATE);
    assert.equal(await d.closedNow(), true);

    const e = await connect();
    assert.notEqual(await e.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' }), 'closed');
    const again = await e.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' });
    assert.equal(again !== 'closed' && again.errorCode, ErrorCode.ILLEGAL_SASL_STATE);
    assert.equal(await e.closedNow(), true);

    for (const [tok, message] of [
      [token('alice', 'wrong'), /Invalid username or password/],
      [token('mallory', 'x'), /Invalid username or password/],
      [token('alice', 'alice-secret', 'bob'), /authorization id/],
      [Buffer.from('no separators'), /expected 3/],
      [Buffer.from([0, 0xc3, 0x28, 0, 0x41]), /expected 3/],
      [Buffer.alloc(0), /expected 3/],
    ] as const) {
      const f = await connect();
      assert.notEqual(await f.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' }), 'closed');
      const r = await f.send(ApiKey.SaslAuthenticate, 1, { authBytes: tok });
      assert.notEqual(r, 'closed');
      if (r === 'closed') continue;
      assert.equal(r.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
      assert.match(r.errorMessage ?? '', message);
      assert.equal(await f.closedNow(), true);
    }

    // The PLAINTEXT listener has no SASL: ILLEGAL_SASL_STATE, and it stays open.
    const p = await RawClient.connect(b.listeners['PLAINTEXT']!.port);
    try {
      const ph = await p.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' });
      assert.equal(ph !== 'closed' && ph.errorCode, ErrorCode.ILLEGAL_SASL_STATE);
      assert.notEqual(await p.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    } finally {
      p.close();
    }
  });
});

test('oversized frames before authentication close before any allocation; large ones are fine afterwards', { timeout: 60_000 }, async () => {
  await withSasl(async (_b, connect) => {
    const c = await connect();
    const prefix = Buffer.alloc(4);
    prefix.writeInt32BE(600 * 1024); // above sasl.server.max.receive.size (512 KiB); no body follows
    c.raw(prefix);
    assert.equal(await c.closedNow(), true);

    const d = await connect();
    assert.notEqual(await d.send(ApiKey.SaslHandshake, 1, { mechanism: 'PLAIN' }), 'closed');
    const big = await d.send(ApiKey.SaslAuthenticate, 2, { authBytes: Buffer.concat([token('alice', 'alice-secret'), Buffer.alloc(100_000, 0x61)]) });
    assert.equal(big !== 'closed' && big.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
    assert.equal(await d.closedNow(), true);

    const e = await connect();
    const ok = await authenticate(e, 'alice', 'alice-secret');
    assert.equal(ok !== 'closed' && ok.errorCode, ErrorCode.NONE);
    // Authenticated: a frame above 512 KiB is accepted (a 700 KiB record produced).
    const value = Buffer.alloc(700 * 1024, 1);
    const { encodeBatch } = await import('@tideline/protocol');
    const produced = await e.send(ApiKey.Produce, 9, {
      acks: 1, timeoutMs: 5000,
      topicData: [{ name: 'big', partitionData: [{ index: 0, records: encodeBatch({ records: [{ key: null, value }] }) }] }],
    });
    assert.notEqual(produced, 'closed');
  });
});

test('handshake v0: raw size-prefixed tokens without a header, then requests; a bad raw token closes', { timeout: 60_000 }, async () => {
  await withSasl(async (_b, connect) => {
    const c = await connect();
    const h = await c.send(ApiKey.SaslHandshake, 0, { mechanism: 'PLAIN' });
    assert.equal(h !== 'closed' && h.errorCode, ErrorCode.NONE);
    c.raw(sized(token('alice', 'alice-secret')));
    const answer = await c.next();
    assert.deepEqual(answer, Buffer.alloc(0), 'an empty raw token answers success');
    const m = await c.send(ApiKey.Metadata, 12, { topics: null });
    assert.notEqual(m, 'closed');

    const d = await connect();
    assert.notEqual(await d.send(ApiKey.SaslHandshake, 0, { mechanism: 'PLAIN' }), 'closed');
    d.raw(sized(token('alice', 'wrong')));
    assert.equal(await d.closedNow(), true);

    // Pipelined in one write: frames after a token wait until its step finished (Kafka mutes the channel).
    const e = await connect();
    e.raw(Buffer.concat([
      ...encodeRequest(ApiKey.SaslHandshake, 0, 1, 'p', { mechanism: 'PLAIN' }),
      sized(token('alice', 'alice-secret')),
      ...encodeRequest(ApiKey.Metadata, 12, 2, 'p', { topics: null }),
    ]));
    assert.notEqual(await e.next(), 'closed');
    assert.deepEqual(await e.next(), Buffer.alloc(0));
    const meta = await e.next();
    assert.notEqual(meta, 'closed');
    assert.equal((meta as Buffer).readInt32BE(0), 2);
    const f = await connect();
    f.raw(Buffer.concat([
      ...encodeRequest(ApiKey.SaslHandshake, 1, 1, 'p', { mechanism: 'PLAIN' }),
      ...encodeRequest(ApiKey.SaslAuthenticate, 2, 2, 'p', { authBytes: token('alice', 'alice-secret') }),
      ...encodeRequest(ApiKey.Metadata, 12, 3, 'p', { topics: null }),
    ]));
    for (const id of [1, 2, 3]) {
      const x = await f.next();
      assert.notEqual(x, 'closed');
      assert.equal((x as Buffer).readInt32BE(0), id);
    }
  });
});

test('KIP-368: session lifetime, expiry closes, re-authentication keeps the principal', { timeout: 60_000 }, async () => {
  await withSasl(async (_b, connect) => {
    const c = await connect();
    const r = await authenticate(c, 'alice', 'alice-secret');
    assert.deepEqual(r !== 'closed' && [r.errorCode, r.sessionLifetimeMs], [ErrorCode.NONE, 1500n]);
    assert.notEqual(await c.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    // Re-authenticate as the same user: the session goes on.
    const again = await authenticate(c, 'alice', 'alice-secret', 1);
    assert.deepEqual(again !== 'closed' && [again.errorCode, again.sessionLifetimeMs], [ErrorCode.NONE, 1500n]);
    assert.notEqual(await c.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    // v0 SaslAuthenticate has no lifetime field; the session still expires.
    const d = await connect();
    const v0 = await authenticate(d, 'alice', 'alice-secret', 0);
    assert.equal(v0 !== 'closed' && v0.errorCode, ErrorCode.NONE);
    // Past the lifetime, anything but re-authentication closes.
    await new Promise((res) => setTimeout(res, 1700));
    assert.equal(await c.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    assert.equal(await d.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    // An expired session may still re-authenticate and go on.
    const e = await connect();
    assert.equal((await authenticate(e, 'alice', 'alice-secret')) !== 'closed', true);
    await new Promise((res) => setTimeout(res, 1700));
    const re = await authenticate(e, 'alice', 'alice-secret');
    assert.equal(re !== 'closed' && re.errorCode, ErrorCode.NONE);
    assert.notEqual(await e.send(ApiKey.Metadata, 12, { topics: null }), 'closed');
    // Re-authenticating as someone else fails and closes.
    const f = await connect();
    await authenticate(f, 'alice', 'alice-secret');
    const other = await authenticate(f, 'bob', 'bob-secret');
    assert.notEqual(other, 'closed');
    if (other !== 'closed') {
      assert.equal(other.errorCode, ErrorCode.SASL_AUTHENTICATION_FAILED);
      assert.match(other.errorMessage ?? '', /Cannot change principals/);
    }
    assert.equal(await f.closedNow(), true);
  }, 1500);
});
