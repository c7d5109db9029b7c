import { resolve } from 'node:path';
import { startBroker, type RunningBroker } from '@tideline/broker';

export interface BrokerRunOptions {
  dataDir: string;
  listen: string;
  autoCreateTopics: boolean;
  logLevel: 'silent' | 'error' | 'warn' | 'info' | 'debug';
}

export function parseListen(listen: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(listen);
  if (m === null) throw new Error(`--listen must be HOST:PORT, got ${JSON.stringify(listen)}`);
  const port = Number(m[3]);
  if (port > 65535) throw new Error(`port ${port} out of range`);
  return { host: m[1] ?? (m[2] === '' ? '127.0.0.1' : m[2]!), port };
}

/** Starts the broker in the foreground and stops it cleanly on SIGINT/SIGTERM. */
export async function runBroker(o: BrokerRunOptions, out: (line: string) => void): Promise<RunningBroker> {
  const { host, port } = parseListen(o.listen);
  const dataDir = resolve(o.dataDir);
  const b = await startBroker({ dataDir, host, port, autoCreateTopics: o.autoCreateTopics, logLevel: o.logLevel });
  let stopping = false;
  const stop = (sig: string): void => {
    if (stopping) return;
    stopping = true;
    out(`${sig}: stopping`);
    b.close().then(() => process.exit(0), (err: unknown) => {
      console.error(err);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  out(`Tideline broker listening on ${b.bootstrap} (data: ${dataDir})`);
  out(`  bootstrap.servers=${b.bootstrap}`);
  return b;
}
