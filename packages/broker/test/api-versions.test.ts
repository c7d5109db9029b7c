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
    assert.ok(ok.body.apiKeys.some((a) => a.apiKey === ApiKey.ApiVersions && a.maxVersion === 5));
    // transaction.version is finalized at 2 (KIP-890 part 2), with a features epoch clients can compare.
    assert.deepEqual(ok.body.finalizedFeatures.map((f) => [f.name, f.minVersionLevel, f.maxVersionLevel]), [['transaction.version', 2, 2]]);
    assert.deepEqual(ok.body.supportedFeatures.map((f) => [f.name, f.minVersion, f.maxVersion]), [['transaction.version', 0, 2]]);
    assert.ok(ok.body.finalizedFeaturesEpoch >= 0n);
    // v5 (KIP-1242): naming another cluster or node is REBOOTSTRAP_REQUIRED; the right ones are fine.
    const v5 = async (clusterId: string | null, nodeId: number): Promise<number> =>
      decodeResponse(ApiKey.ApiVersions, 5, await roundTrip(b.port, Buffer.concat(encodeRequest(ApiKey.ApiVersions, 5, 8, 'test', { clientSoftwareName: 't', clientSoftwareVersion: '1', clusterId, nodeId })))).body.errorCode;
    assert.equal(await v5(null, -1), ErrorCode.NONE);
    assert.equal(await v5(b.broker.config.clusterId, b.broker.config.nodeId), ErrorCode.NONE);
    assert.equal(await v5('another-cluster', -1), ErrorCode.REBOOTSTRAP_REQUIRED);
    assert.equal(await v5(null, b.broker.config.nodeId + 1), ErrorCode.REBOOTSTRAP_REQUIRED);
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
