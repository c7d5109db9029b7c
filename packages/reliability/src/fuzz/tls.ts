// Fuzzing the TLS listeners of a `tide broker start --config` process that has three listeners:
// SASL_PLAINTEXT (PLAIN), SSL and SASL_SSL (PLAIN), with certificates made by openssl in a temp dir.
// Each connection is one of:
//   - garbage: random bytes on raw TCP to a TLS port, before any handshake;
//   - hello: a real ClientHello captured from node:tls, mutated (byte flips, a wrong record or
//     handshake length, a wrong record type or version) or truncated, on raw TCP to a TLS port;
//   - records: a full TLS handshake, then garbage written under TLS (application data the broker
//     decrypts and must treat as Kafka frames) or raw forged TLS records on the TCP socket beneath
//     (bad MAC, wrong type, oversized length);
//   - sasl: a full TLS handshake on the SASL_SSL listener, then the SASL fuzzer's burst (a
//     pre-authentication prefix then valid and mutated corpus frames, see sasl.ts), where nothing but
//     ApiVersions / SaslHandshake / SaslAuthenticate may be answered.
// Connections run in batches; after each batch the broker must answer ApiVersions over TLS on both
// TLS listeners and over TCP on the SASL_PLAINTEXT one, and its process must still be running.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { ApiKey, ErrorCode, FrameDecoder, decodeResponse, encodeRequest } from '@tideline/protocol';
import { freePort, makeTestCertificates } from '@tideline/interop';
import { startBrokerProcess } from '../broker-process.js';
import { probe, servedApis } from '../wire.js';
import { buildCorpus } from './corpus.js';
import { Rng } from './mutate.js';
import { endOnce, saslBurst, sendBurst } from './sasl.js';

export type TlsFuzzKind = 'garbage' | 'hello' | 'records' | 'sasl';
const KINDS: readonly TlsFuzzKind[] = ['garbage', 'hello', 'records', 'sasl'];

export interface TlsFuzzStats {
  connections: number;
  /** Connections per kind. */
  byKind: Record<TlsFuzzKind, number>;
  /** Kafka frames written over established TLS sessions on the SASL_SSL listener. */
  framesWritten: number;
  /** Raw byte chunks (garbage, ClientHellos, forged records, garbage application data) written. */
  rawWrites: number;
  /** TLS handshakes that completed (records and sasl connections). */
  handshakes: number;
  closedByBroker: number;
  preAuthAnswers: number;
  /** Answers to any API but ApiVersions / SaslHandshake / SaslAuthenticate on SASL_SSL before authentication. */
  violations: string[];
  batches: number;
  probes: number;
  probeFailures: string[];
  brokerDied: boolean;
}

/** Captures the first flight node:tls sends (the ClientHello record) by pointing it at a local TCP server. */
async function captureClientHello(o: tls.ConnectionOptions): Promise<Buffer> {
  const server = net.createServer();
  const got = new Promise<Buffer>((resolve, reject) => {
    server.once('connection', (s) => {
      const timer = setTimeout(() => reject(new Error('no ClientHello')), 5000);
      s.once('data', (d: Buffer) => {
        clearTimeout(timer);
        s.destroy();
        resolve(Buffer.from(d));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const client = tls.connect({ ...o, host: '127.0.0.1', port, rejectUnauthorized: false });
  client.on('error', () => {});
  try {
    return await got;
  } finally {
    client.destroy();
    server.close();
  }
}

function randomBytes(rng: Rng, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = rng.int(256);
  return b;
}

/** A mutated or truncated ClientHello (a TLS record: type 22, version, 2-byte length, handshake message). */
function mutateHello(rng: Rng, hello: Buffer): Buffer {
  const b = Buffer.from(hello);
  switch (rng.int(7)) {
    case 0: return b.subarray(0, rng.int(b.length)); // truncated
    case 1: // flipped bytes
      for (let i = 0, n = 1 + rng.int(8); i < n; i++) b[rng.int(b.length)] ^= 1 << rng.int(8);
      return b;
    case 2: b.writeUInt16BE(rng.int(0x10000), 3); return b; // record length
    case 3: if (b.length > 9) b.writeUIntBE(rng.int(0x1000000), 6, 3); return b; // handshake length
    case 4: b[0] = rng.int(256); return b; // record type
    case 5: b.writeUInt16BE(rng.int(0x10000), 1); return b; // record version
    default: return Buffer.concat([b, randomBytes(rng, 1 + rng.int(512))]); // trailing garbage
  }
}

/** A forged TLS record: a plausible header and random contents (fails decryption/MAC, or a bad type/length). */
function forgedRecord(rng: Rng): Buffer {
  const len = rng.next() < 0.1 ? 0x4000 + 256 + rng.int(0xbeff) : rng.int(600);
  const body = randomBytes(rng, Math.min(len, 2048));
  const h = Buffer.alloc(5);
  h[0] = rng.pick([20, 21, 22, 23, 23, 23, rng.int(256)]);
  h.writeUInt16BE(rng.pick([0x0303, 0x0301, rng.int(0x10000)]), 1);
  h.writeUInt16BE(len & 0xffff, 3);
  return Buffer.concat([h, body]);
}

/** Writes `chunks` in order once `open` is ready; ends on close by the broker or after `idleMs`. */
function sendChunks(open: (ready: () => void) => net.Socket, chunks: () => Buffer[], stats: TlsFuzzStats, idleMs: number, onReady?: (s: net.Socket) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const sock = open(() => {
      onReady?.(sock);
      for (const c of chunks()) {
        stats.rawWrites++;
        sock.write(c);
      }
    });
    const end = endOnce(sock, idleMs, resolve);
    const finish = end.finish;
    sock.on('data', () => {});
    sock.on('error', () => {});
    sock.on('close', () => {
      if (!end.finished) stats.closedByBroker++;
      finish();
    });
  });
}

/** ApiVersions over TLS: the broker must answer with NONE within `timeoutMs`. */
async function tlsProbe(port: number, ca: string, timeoutMs: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const sock = tls.connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
      for (const b of encodeRequest(ApiKey.ApiVersions, 3, 7, 'probe', { clientSoftwareName: 'probe', clientSoftwareVersion: '1' })) sock.write(b);
    });
    const frames = new FrameDecoder();
    const done = (e?: Error): void => {
      clearTimeout(timer);
      sock.destroy();
      if (e === undefined) resolve();
      else reject(e);
    };
    const timer = setTimeout(() => done(new Error(`TLS probe of port ${port}: no answer within ${timeoutMs} ms`)), timeoutMs);
    sock.on('data', (d: Buffer) => {
      frames.push(d);
      try {
        const f = frames.next();
        if (f === undefined) return;
        const r = decodeResponse(ApiKey.ApiVersions, 3, f).body;
        done(r.errorCode === ErrorCode.NONE ? undefined : new Error(`TLS probe of port ${port}: ApiVersions error ${r.errorCode}`));
      } catch (e) {
        done(e as Error);
      }
    });
    sock.on('error', (e) => done(e));
    sock.on('close', () => done(new Error(`TLS probe of port ${port}: closed before an answer`)));
  });
}

/**
 * Starts a broker process with SASL_PLAINTEXT, SSL and SASL_SSL listeners and fuzzes its TLS
 * listeners with `connections` connections (in batches of `parallel`), or until `deadlineMs`.
 */
export async function runTlsFuzz(o: { connections: number; seed: number; parallel?: number; deadlineMs?: number }): Promise<TlsFuzzStats> {
  const dir = mkdtempSync(join(tmpdir(), 'tideline-fuzz-tls-'));
  const stats: TlsFuzzStats = {
    connections: 0, byKind: { garbage: 0, hello: 0, records: 0, sasl: 0 }, framesWritten: 0, rawWrites: 0, handshakes: 0,
    closedByBroker: 0, preAuthAnswers: 0, violations: [], batches: 0, probes: 0, probeFailures: [], brokerDied: false,
  };
  try {
    const certs = makeTestCertificates(dir);
    const [saslPort, sslPort, saslSslPort] = [await freePort(), await freePort(), await freePort()];
    const jaas = 'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="alice-secret";';
    const configFile = join(dir, 'server.properties');
    writeFileSync(configFile, [
      `listeners=SASL_PLAINTEXT://127.0.0.1:${saslPort},SSL://127.0.0.1:${sslPort},SASL_SSL://127.0.0.1:${saslSslPort}`,
      'sasl.enabled.mechanisms=PLAIN',
      `listener.name.sasl_plaintext.plain.sasl.jaas.config=${jaas}`,
      `listener.name.sasl_ssl.plain.sasl.jaas.config=${jaas}`,
      'ssl.keystore.type=PEM',
      `ssl.keystore.location=${certs.server.keystoreFile}`,
      '',
    ].join('\n'));
    const broker = await startBrokerProcess({ dataDir: join(dir, 'data'), port: saslPort, configFile, logLevel: 'error' });
    try {
      const served = await servedApis(saslPort);
      const corpus = buildCorpus(served, { perVersion: 3, seed: o.seed, hints: { names: ['fuzz', 'fuzz-group', ''] } });
      const hellos = [
        await captureClientHello({ servername: 'localhost' }),
        await captureClientHello({ servername: 'localhost', maxVersion: 'TLSv1.2' }),
        await captureClientHello({ ALPNProtocols: ['kafka'] }),
      ];
      const tlsOpen = (port: number) => (ready: () => void): net.Socket =>
        tls.connect({ host: '127.0.0.1', port, ca: certs.ca, servername: 'localhost' }, () => {
          stats.handshakes++;
          ready();
        });
      const tcpOpen = (port: number) => (ready: () => void): net.Socket => net.connect(port, '127.0.0.1', ready);
      let corr = 1;
      const one = async (rng: Rng): Promise<void> => {
        const kind = rng.pick(KINDS);
        const port = rng.next() < 0.5 ? sslPort : saslSslPort;
        stats.connections++;
        stats.byKind[kind]++;
        switch (kind) {
          case 'garbage':
            await sendChunks(tcpOpen(port), () => [randomBytes(rng, 1 + rng.int(rng.next() < 0.9 ? 600 : 40_000))], stats, 300);
            return;
          case 'hello':
            await sendChunks(tcpOpen(port), () => {
              const h = rng.pick(hellos);
              // Sometimes the intact hello first (the handshake starts), then garbage mid-handshake.
              return rng.next() < 0.25 ? [h, randomBytes(rng, 1 + rng.int(300))] : [mutateHello(rng, h)];
            }, stats, 300);
            return;
          case 'records': {
            // Half: garbage application data under TLS; half: forged records on the raw TCP socket beneath.
            const raw = rng.next() < 0.5;
            let tcp: net.Socket | undefined;
            await sendChunks((ready) => {
              tcp = net.connect(port, '127.0.0.1');
              tcp.on('error', () => {});
              return tls.connect({ socket: tcp, ca: certs.ca, servername: 'localhost' }, () => {
                stats.handshakes++;
                ready();
              });
            }, () => {
              const n = 1 + rng.int(4);
              if (!raw) return Array.from({ length: n }, () => randomBytes(rng, 1 + rng.int(2000)));
              for (let i = 0; i < n; i++) {
                stats.rawWrites++;
                tcp!.write(forgedRecord(rng));
              }
              return [];
            }, stats, 300);
            tcp?.destroy();
            return;
          }
          case 'sasl': {
            const burst = saslBurst(rng, corpus, () => corr++);
            stats.framesWritten += burst.frames.length;
            await sendBurst(tlsOpen(saslSslPort), burst, stats);
            return;
          }
        }
      };
      const deadline = performance.now() + (o.deadlineMs ?? Infinity);
      const parallel = o.parallel ?? 8;
      const rngs = Array.from({ length: parallel }, (_, i) => new Rng(o.seed * 7919 + i));
      while (stats.connections < o.connections && performance.now() < deadline && stats.probeFailures.length === 0) {
        // A batch: `parallel` workers, each running a few connections one after another.
        await Promise.all(rngs.map(async (rng) => {
          for (let i = 0; i < 4; i++) await one(rng);
        }));
        stats.batches++;
        const checks: Array<[string, () => Promise<unknown>]> = [
          [`SSL ${sslPort}`, () => tlsProbe(sslPort, certs.ca, 10_000)],
          [`SASL_SSL ${saslSslPort}`, () => tlsProbe(saslSslPort, certs.ca, 10_000)],
          [`SASL_PLAINTEXT ${saslPort}`, () => probe(saslPort, 10_000)],
        ];
        for (const [name, check] of checks) {
          stats.probes++;
          try {
            await check();
          } catch (e) {
            stats.probeFailures.push(`after batch ${stats.batches}, ${name}: ${(e as Error).message}`);
          }
        }
        if (!broker.alive()) {
          stats.brokerDied = true;
          break;
        }
      }
      if (!broker.alive()) stats.brokerDied = true;
      return stats;
    } finally {
      await broker.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
