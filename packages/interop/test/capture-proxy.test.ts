// The capture proxy without any Kafka: frame splitting and request/response pairing over a
// fake upstream that answers each frame with the request's correlation id.
import assert from 'node:assert/strict';
import { createConnection, createServer } from 'node:net';
import { test } from 'node:test';
import { FrameSplitter, startCaptureProxy } from '../src/internal.js';

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function request(apiKey: number, apiVersion: number, correlationId: number): Buffer {
  const b = Buffer.alloc(12);
  b.writeInt16BE(apiKey, 0);
  b.writeInt16BE(apiVersion, 2);
  b.writeInt32BE(correlationId, 4);
  b.writeInt16BE(-1, 8); // null client id
  return frame(b);
}

test('FrameSplitter reassembles frames split at any byte', () => {
  const stream = Buffer.concat([request(18, 3, 1), request(3, 12, 2), frame(Buffer.alloc(0))]);
  for (let cut = 0; cut <= stream.length; cut++) {
    const s = new FrameSplitter();
    const out = [...s.push(stream.subarray(0, cut)), ...s.push(stream.subarray(cut))];
    assert.equal(out.length, 3, `cut at ${cut}`);
    assert.equal(out[1]!.readInt16BE(0), 3);
    assert.equal(out[2]!.length, 0);
  }
});

test('capture proxy forwards bytes and pairs responses by correlation id', { timeout: 10_000 }, async () => {
  const upstream = createServer((sock) => {
    const split = new FrameSplitter();
    sock.on('data', (chunk: Buffer) => {
      for (const f of split.push(chunk)) {
        const resp = Buffer.alloc(6);
        resp.writeInt32BE(f.readInt32BE(4));
        resp.writeInt16BE(0, 4);
        sock.write(frame(resp));
      }
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const addr = upstream.address();
  assert.ok(addr !== null && typeof addr === 'object');
  const proxy = await startCaptureProxy({ target: { host: '127.0.0.1', port: addr.port } });
  try {
    const sock = createConnection({ host: '127.0.0.1', port: proxy.port });
    const got: Buffer[] = [];
    const split = new FrameSplitter();
    await new Promise<void>((resolve, reject) => {
      sock.on('error', reject);
      sock.on('data', (c: Buffer) => {
        got.push(...split.push(c));
        if (got.length === 2) resolve();
      });
      sock.write(Buffer.concat([request(18, 3, 7), request(1, 4, 8)]));
    });
    sock.destroy();
    assert.deepEqual(got.map((g) => g.readInt32BE(0)), [7, 8]);
    const ex = proxy.exchanges();
    assert.equal(ex.length, 2);
    assert.deepEqual(
      ex.map((e) => [e.request.apiKey, e.request.apiVersion, e.response?.apiKey, e.response?.correlationId]),
      [
        [18, 3, 18, 7],
        [1, 4, 1, 8],
      ],
    );
  } finally {
    await proxy.stop();
    await new Promise<void>((r) => upstream.close(() => r()));
  }
});
