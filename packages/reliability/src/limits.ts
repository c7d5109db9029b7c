// Resource-limit drivers: many idle connections, slow readers (pipelined Fetch requests whose
// responses are never read), and clients that keep writing requests without reading anything.
import net from 'node:net';
import { ApiKey, encodeRequest } from '@tideline/protocol';

export interface Sockets {
  sockets: net.Socket[];
  /** Bytes of requests written (accepted by the kernel or queued in this process). */
  written(): number;
  closeAll(): void;
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });
}

/** `n` connections that connect and then do nothing (opened `parallel` at a time). */
export async function openIdle(port: number, n: number, parallel = 200): Promise<Sockets> {
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = await Promise.all(Array.from({ length: Math.min(parallel, n - i) }, () => connect(port)));
    for (const s of batch) {
      s.on('error', () => {});
      sockets.push(s);
    }
  }
  return { sockets, written: () => 0, closeAll: () => sockets.forEach((s) => s.destroy()) };
}

/**
 * `n` connections that each pipeline `requests` Fetch requests for `topic`/0 from offset 0 and never
 * read a byte (the socket is paused, so the kernel's receive buffer fills and the broker must stop).
 */
export async function slowReaders(port: number, n: number, topic: string, requests: number, maxBytes = 1 << 20): Promise<Sockets> {
  let total = 0;
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = await connect(port);
    s.on('error', () => {});
    s.pause();
    for (let r = 0; r < requests; r++) {
      const frame = Buffer.concat(encodeRequest(ApiKey.Fetch, 12, r, 'slow-reader', {
        maxWaitMs: 0, minBytes: 0, maxBytes, sessionEpoch: -1,
        topics: [{ topic, partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: maxBytes }] }],
      }));
      total += frame.length;
      s.write(frame);
    }
    sockets.push(s);
  }
  return { sockets, written: () => total, closeAll: () => sockets.forEach((s) => s.destroy()) };
}

/**
 * `n` connections that write Metadata requests without reading, each until the kernel stops
 * accepting them (`write()` returns false) or `maxBytesEach` is reached; they keep topping up
 * whenever the socket drains, until `closeAll`.
 */
export async function neverReaders(port: number, n: number, maxBytesEach = 8 << 20): Promise<Sockets> {
  let total = 0;
  let closed = false;
  const frame = Buffer.concat(encodeRequest(ApiKey.Metadata, 12, 1, 'never-reader', { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }));
  const sockets: net.Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = await connect(port);
    s.on('error', () => {});
    s.pause();
    let mine = 0;
    const pump = (): void => {
      while (!closed && mine < maxBytesEach) {
        mine += frame.length;
        total += frame.length;
        if (!s.write(frame)) return;
      }
    };
    s.on('drain', pump);
    pump();
    sockets.push(s);
  }
  return {
    sockets,
    written: () => total,
    closeAll: () => {
      closed = true;
      sockets.forEach((s) => s.destroy());
    },
  };
}
