// A minimal Kafka wire client for the harness itself: one connection, one request at a time.
// Used where a full client would add its own start-up cost to the number: the cold-start probe
// (process launch -> first acked produce) and readiness checks. Same bytes for Tideline and Kafka.
import { ErrorCode } from '@tideline/protocol';
import net from 'node:net';
import { ApiKey, FrameDecoder, decodeResponse, encodeBatch, encodeRequest } from '@tideline/protocol';

export class WireConnection {
  /** @param {net.Socket} socket */
  constructor(socket) {
    this.socket = socket;
    this.frames = new FrameDecoder();
    this.correlationId = 0;
    /** @type {((frame: Buffer) => void) | undefined} */
    this.waiting = undefined;
    /** @type {((err: Error) => void) | undefined} */
    this.failing = undefined;
    socket.on('data', (chunk) => {
      this.frames.push(chunk);
      for (;;) {
        let frame;
        try {
          frame = this.frames.next();
        } catch (e) {
          fail(e);
          socket.destroy();
          return;
        }
        if (frame === undefined) return;
        const w = this.waiting;
        this.waiting = undefined;
        this.failing = undefined;
        w?.(frame);
      }
    });
    const fail = (err) => {
      const f = this.failing;
      this.waiting = undefined;
      this.failing = undefined;
      f?.(err instanceof Error ? err : new Error('connection closed'));
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  /** Connects once; rejects on ECONNREFUSED and the like (callers retry). */
  static connect(port, host = '127.0.0.1', timeoutMs = 2000) {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host, noDelay: true });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`connect ${host}:${port} timed out`));
      }, timeoutMs);
      s.once('connect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        resolve(new WireConnection(s));
      });
      s.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  request(apiKey, version, body, timeoutMs = 30_000) {
    const id = ++this.correlationId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        this.failing = undefined;
        reject(new Error(`request ${apiKey} v${version} timed out`));
      }, timeoutMs);
      this.waiting = (frame) => {
        clearTimeout(timer);
        try {
          const r = decodeResponse(apiKey, version, frame);
          if (r.correlationId !== id) throw new Error(`correlation id ${r.correlationId} != ${id}`);
          resolve(r.body);
        } catch (e) {
          reject(e);
        }
      };
      this.failing = (e) => {
        clearTimeout(timer);
        reject(e);
      };
      for (const b of encodeRequest(apiKey, version, id, 'tideline-bench', body)) this.socket.write(b);
    });
  }

  close() {
    this.socket.destroy();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Metadata v12 for one topic (auto-creating it); true once partition 0 has a leader. */
export async function topicReady(conn, topic) {
  const md = await conn.request(ApiKey.Metadata, 12, {
    topics: [{ name: topic }],
    allowAutoTopicCreation: true,
    includeTopicAuthorizedOperations: false,
  });
  const t = md.topics.find((x) => x.name === topic);
  return t !== undefined && t.errorCode === ErrorCode.NONE && t.partitions.some((p) => p.partitionIndex === 0 && p.errorCode === ErrorCode.NONE && p.leaderId >= 0);
}

/** Produce v9, acks=all, one record to partition 0; returns the partition error code. */
export async function produceOne(conn, topic, value) {
  const records = encodeBatch({ records: [{ key: null, value, timestamp: BigInt(Date.now()) }] });
  const res = await conn.request(ApiKey.Produce, 9, {
    transactionalId: null,
    acks: -1,
    timeoutMs: 30_000,
    topicData: [{ name: topic, partitionData: [{ index: 0, records }] }],
  });
  return res.responses[0]?.partitionResponses[0]?.errorCode ?? ErrorCode.UNKNOWN_SERVER_ERROR;
}

/**
 * Polls `port` until a produce with acks=all to `topic` succeeds: connect (retry every `stepMs`),
 * Metadata until partition 0 has a leader, Produce until error code 0. Resolves with the time
 * (performance.now()) of the successful produce response.
 */
export async function waitFirstAckedProduce(port, topic, { deadlineMs = 120_000, stepMs = 2, isAlive = () => true } = {}) {
  const end = performance.now() + deadlineMs;
  let conn;
  while (conn === undefined) {
    if (!isAlive()) throw new Error('process exited before accepting connections');
    try {
      conn = await WireConnection.connect(port);
    } catch {
      if (performance.now() > end) throw new Error(`port ${port} never accepted a connection`);
      await sleep(stepMs);
    }
  }
  try {
    const value = Buffer.from('cold-start');
    for (;;) {
      if (!isAlive()) throw new Error('process exited before acking a produce');
      if (performance.now() > end) throw new Error('no acked produce in time');
      let ok = false;
      try {
        ok = (await topicReady(conn, topic)) && (await produceOne(conn, topic, value)) === 0;
      } catch (e) {
        // A broker may accept connections before it serves requests: reconnect and retry.
        conn.close();
        await sleep(stepMs);
        conn = await WireConnection.connect(port).catch(() => undefined);
        while (conn === undefined) {
          if (performance.now() > end) throw e;
          await sleep(stepMs);
          conn = await WireConnection.connect(port).catch(() => undefined);
        }
        continue;
      }
      if (ok) return performance.now();
      await sleep(stepMs);
    }
  } finally {
    conn?.close();
  }
}

/**
 * Waits until every partition of `topic` has a leader and accepts an acks=all produce (one small
 * record each, in one request): a topic is only usable once its logs exist, which brokers may do
 * after CreateTopics has answered. Resolves with the time it took (ms).
 */
export async function waitAllPartitionsWritable(port, topic, partitions, deadlineMs = 120_000) {
  const t0 = performance.now();
  const end = t0 + deadlineMs;
  const conn = await WireConnection.connect(port);
  try {
    let pending = Array.from({ length: partitions }, (_, i) => i);
    const value = Buffer.from('ready');
    while (pending.length > 0) {
      if (performance.now() > end) throw new Error(`${pending.length} of ${partitions} partitions of ${topic} not writable in time`);
      const md = await conn.request(ApiKey.Metadata, 12, { topics: [{ name: topic }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      const t = md.topics.find((x) => x.name === topic);
      const led = new Set((t?.partitions ?? []).filter((p) => p.errorCode === ErrorCode.NONE && p.leaderId >= 0).map((p) => p.partitionIndex));
      const ready = pending.filter((p) => led.has(p));
      if (ready.length > 0) {
        const records = encodeBatch({ records: [{ key: null, value, timestamp: BigInt(Date.now()) }] });
        const res = await conn.request(ApiKey.Produce, 9, {
          transactionalId: null, acks: -1, timeoutMs: 30_000,
          topicData: [{ name: topic, partitionData: ready.map((index) => ({ index, records })) }],
        });
        const ok = new Set(res.responses.flatMap((r) => r.partitionResponses.filter((p) => p.errorCode === ErrorCode.NONE).map((p) => p.index)));
        pending = pending.filter((p) => !ok.has(p));
      }
      if (pending.length > 0) await sleep(50);
    }
    return performance.now() - t0;
  } finally {
    conn.close();
  }
}
