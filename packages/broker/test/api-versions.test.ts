import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKey, ErrorCode, encodeRequest, decodeResponse } from '@tideline/protocol';
import { startBroker } from '../src/index.js';

async function roundTrip(port: number, frame: Buffer): Promise<Buffer> {
  const sock = net.connect(port, '127.0.0.1');
  sock.write(frame);
  let buf = Buffer.alloc(0);
  for await (const d of sock) {
    buf = Buffer.concat([buf, d as Buffer]);
    if (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) break;
  }
  sock.destroy();
  return buf.subarray(4, 4 + buf.readInt32BE(0));
}

test('ApiVersions lists the registered handlers; unknown versions get a v0 answer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-broker-'));
  const b = await startBroker({ dataDir: dir, port: 0 });
  try {
    const ok = decodeResponse(ApiKey.ApiVersions, 3, await roundTrip(b.port, Buffer.concat(encodeRequest(ApiKey.ApiVersions, 3, 7, 'test', { clientSoftwareName: 't', clientSoftwareVersion: '1' }))));
    assert.equal(ok.correlationId, 7);
    assert.equal(ok.body.errorCode, ErrorCode.NONE);
    assert.ok(ok.body.apiKeys.some((a) => a.apiKey === ApiKey.ApiVersions && a.maxVersion === 4));
    // Version 99: the broker cannot parse the body but must still answer with v0 + UNSUPPORTED_VERSION.
    const frame = Buffer.concat(encodeRequest(ApiKey.ApiVersions, 3, 9, 'test', {}));
    frame.writeInt16BE(99, 6);
    const bad = decodeResponse(ApiKey.ApiVersions, 0, await roundTrip(b.port, frame));
    assert.equal(bad.correlationId, 9);
    assert.equal(bad.body.errorCode, ErrorCode.UNSUPPORTED_VERSION);
  } finally {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
