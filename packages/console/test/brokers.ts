// Test helper (not a test file): the broker matrix (Tideline + Apache Kafka), a console in front of
// a broker, JSON calls, and a TCP relay that can cut a broker off and bring it back.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import { startConsole, type ConsoleServer } from '../src/index.js';

export type { BrokerKind, TestBroker } from '@tideline/interop';
export const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-console-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});

export async function withConsole<T>(bootstrap: string, fn: (c: ConsoleServer) => Promise<T>, opts: { metricsUrl?: string } = {}): Promise<T> {
  const c = await startConsole({ cluster: { bootstrap }, port: 0, ...(opts.metricsUrl !== undefined ? { metricsUrl: opts.metricsUrl } : {}) });
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(c: ConsoleServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
  const res = await fetch(new URL(path, c.url), {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** A TCP relay on `port` (0: free) to `target`; cut() drops every connection and refuses new ones until restore(). */
export interface Relay {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startRelay(target: { host: string; port: number }, port = 0): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  const listen = (p: number): Promise<number> => new Promise((resolve, reject) => {
    const s = createServer((client) => {
      const up = connect(target.port, target.host);
      sockets.add(client);
      sockets.add(up);
      client.pipe(up).pipe(client);
      const drop = (): void => {
        client.destroy();
        up.destroy();
        sockets.delete(client);
        sockets.delete(up);
      };
      client.on('error', drop).on('close', drop);
      up.on('error', drop).on('close', drop);
    });
    s.once('error', reject);
    s.listen(p, '127.0.0.1', () => {
      server = s;
      const a = s.address();
      resolve(typeof a === 'object' && a !== null ? a.port : p);
    });
  });
  const bound = await listen(port);
  const stop = async (): Promise<void> => {
    const s = server;
    server = null;
    for (const x of sockets) x.destroy();
    sockets.clear();
    if (s !== null) await new Promise<void>((r) => s.close(() => r()));
  };
  return {
    port: bound,
    cut: stop,
    async restore() {
      if (server === null) await listen(bound);
    },
    close: stop,
  };
}

export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
