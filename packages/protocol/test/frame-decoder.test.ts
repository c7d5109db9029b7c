import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { FrameDecoder, FrameSizeError, ProtocolError } from '../src/index.js';

function framed(body: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(4 + body.length);
  b.writeInt32BE(body.length, 0);
  b.set(body, 4);
  return b;
}

/** The stream cut at the given offsets (sorted, deduplicated, any of them may be 0 or the end). */
function cut(stream: Buffer, at: number[]): Buffer[] {
  const points = [...new Set(at.map((a) => a % (stream.length + 1)))].sort((x, y) => x - y);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, stream.length]) {
    out.push(stream.subarray(prev, p));
    prev = p;
  }
  return out;
}

function drain(d: FrameDecoder, out: Buffer[] = []): Buffer[] {
  for (let f = d.next(); f !== undefined; f = d.next()) out.push(f);
  return out;
}

const bodies = fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 12 });
const cuts = fc.array(fc.nat(), { maxLength: 20 });

test('frames split at arbitrary chunk boundaries come out identical and in order', () => {
  fc.assert(fc.property(bodies, cuts, fc.boolean(), (frames, at, pullEachPush) => {
    const stream = Buffer.concat(frames.map(framed));
    const d = new FrameDecoder(300);
    const got: Buffer[] = [];
    const chunks = cut(stream, at);
    for (const c of chunks) {
      d.push(c);
      if (pullEachPush) got.push(...drain(d));
    }
    got.push(...drain(d));
    assert.deepEqual(got.map((g) => Buffer.from(g).toString('hex')), frames.map((f) => Buffer.from(f).toString('hex')));
    assert.equal(d.buffered, 0);
  }));
});

test('buffered counts the bytes not yet taken; peek leaves the frame for next', () => {
  fc.assert(fc.property(bodies, cuts, (frames, at) => {
    const stream = Buffer.concat(frames.map(framed));
    const d = new FrameDecoder();
    let pushed = 0;
    let taken = 0;
    for (const c of cut(stream, at)) {
      d.push(c);
      pushed += c.length;
      assert.equal(d.buffered, pushed - taken);
      const p = d.peek();
      assert.equal(d.peek(), p);
      assert.equal(d.buffered, pushed - taken);
      const f = d.next();
      assert.equal(f, p);
      if (f !== undefined) taken += 4 + f.length;
      assert.equal(d.buffered, pushed - taken);
    }
  }));
});

test('a frame inside one chunk is a view of it; a frame across chunks is an exact-size copy', () => {
  const chunk = Buffer.concat([framed(Buffer.from('abc')), framed(Buffer.from('defgh'))]);
  const d = new FrameDecoder();
  d.push(chunk);
  const a = d.next()!;
  assert.equal(a.buffer, chunk.buffer);
  assert.equal(a.byteOffset, chunk.byteOffset + 4);
  assert.equal(d.next()!.toString(), 'defgh');
  const whole = framed(Buffer.alloc(5000, 7));
  d.push(whole.subarray(0, 2));
  d.push(whole.subarray(2, 100));
  assert.equal(d.next(), undefined);
  d.push(whole.subarray(100));
  const b = d.next()!;
  assert.equal(b.length, 5000);
  assert.equal(b.byteOffset, 4);
  assert.equal(b.buffer.byteLength, 5004);
});

test('an oversize or negative size is refused before its body is buffered, and nothing after it is parsed', () => {
  const max = 64;
  const badSize = fc.oneof(fc.integer({ min: max + 1, max: 0x7fffffff }), fc.integer({ min: -0x80000000, max: -1 }));
  fc.assert(fc.property(bodies.map((fs) => fs.map((f) => f.subarray(0, max))), badSize, fc.uint8Array({ maxLength: 200 }), cuts, (good, size, after, at) => {
    const prefix = Buffer.alloc(4);
    prefix.writeInt32BE(size, 0);
    // Whatever follows the bad size, valid frames included, must not come out.
    const stream = Buffer.concat([...good.map(framed), prefix, Buffer.from(after), framed(Buffer.from('x'))]);
    const d = new FrameDecoder(max);
    const got: Buffer[] = [];
    let refused: unknown;
    for (const c of cut(stream, at)) {
      d.push(c);
      try {
        drain(d, got);
      } catch (err) {
        refused ??= err;
        // Refused as soon as the 4 size bytes are in: nothing stays buffered.
        assert.equal(d.buffered, 0);
      }
    }
    assert.ok(refused instanceof FrameSizeError);
    assert.ok(refused instanceof ProtocolError);
    assert.equal(refused.size, size);
    assert.equal(refused.maxFrameSize, max);
    assert.equal(got.length, good.length);
    assert.throws(() => d.next(), (e) => e === refused);
    assert.throws(() => d.peek(), (e) => e === refused);
    d.push(framed(Buffer.from('y')));
    assert.equal(d.buffered, 0);
  }));
});

test('a size of exactly the cap and an empty frame are accepted', () => {
  const d = new FrameDecoder(3);
  d.push(Buffer.concat([framed(Buffer.from('abc')), framed(Buffer.alloc(0))]));
  assert.deepEqual(drain(d).map((f) => f.toString()), ['abc', '']);
});

test('copyTo: a frame it gives a buffer for is copied into that buffer, split anywhere; the others keep the default', () => {
  fc.assert(fc.property(bodies, cuts, fc.boolean(), (frames, at, pullEachPush) => {
    const stream = Buffer.concat(frames.map(framed));
    const given: Buffer[] = [];
    const heads: number[] = [];
    // Frames whose first int16 is even go to a buffer of ours, as a broker pools one api key's frames.
    const d = new FrameDecoder(300, (size, head) => {
      heads.push(head);
      if (head === -1 || head % 2 !== 0) return undefined;
      const b = Buffer.alloc(size, 0xee);
      given.push(b);
      return b;
    });
    const got: Buffer[] = [];
    for (const c of cut(stream, at)) {
      d.push(c);
      if (pullEachPush) got.push(...drain(d));
    }
    got.push(...drain(d));
    assert.deepEqual(got.map((g) => Buffer.from(g).toString('hex')), frames.map((f) => Buffer.from(f).toString('hex')));
    assert.deepEqual(heads, frames.map((f) => (f.length >= 2 ? Buffer.from(f).readInt16BE(0) : -1)), 'called once per frame, with its head');
    assert.deepEqual(got.filter((g) => given.includes(g)).length, given.length, 'the frames copied are the buffers given');
    assert.equal(d.buffered, 0);
  }));
});

test('copyTo must give exactly the frame size', () => {
  const d = new FrameDecoder(100, (size) => Buffer.alloc(size + 1));
  d.push(framed(Buffer.from('abcd')));
  assert.throws(() => d.next(), RangeError);
});
