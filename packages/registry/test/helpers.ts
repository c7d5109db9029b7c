// Test helper (not a test file): the broker matrix for registry tests, a registry started on a
// free port with its own schemas topic and election group (the Apache broker is shared by a
// file's tests), and a small JSON-over-HTTP caller.
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';
import { startRegistry, type RegistryHandle, type RegistryOptions } from '../src/index.js';

export type { BrokerKind, TestBroker } from '@tideline/interop';
export const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-registry-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});

/** A registry on a free port, with a topic and group of its own unless given. */
export function registryOn(bootstrap: string, opts: Partial<RegistryOptions> = {}): Promise<RegistryHandle> {
  const topic = opts.topic ?? uniqueTopic('_schemas');
  return startRegistry({ cluster: { bootstrap }, port: 0, topic, groupId: `${topic}-group`, leaderElection: false, ...opts });
}

export interface Answer {
  status: number;
  body: unknown;
  text: string;
  contentType: string | null;
}

export const CT = 'application/vnd.schemaregistry.v1+json';

/** Calls the registry; `body` is sent as JSON unless it is a string. */
export async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url + path, {
    method,
    headers: { 'content-type': CT, ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text, contentType: res.headers.get('content-type') };
}

/** The id of a registration answer (which is the whole schema since Confluent Platform 8). */
export function idOf(a: Answer): number | undefined {
  return a.status === 200 ? (a.body as { id?: number }).id : undefined;
}

/** Polls until `cond` holds or fails after `timeoutMs`. */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const AVRO_V1 = JSON.stringify({ type: 'record', name: 'CustomerReturn', namespace: 'shop', fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }] });
export const AVRO_V2 = JSON.stringify({
  type: 'record', name: 'CustomerReturn', namespace: 'shop',
  fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'return_reason', type: 'string', default: 'unknown' }],
});
/** Not backward compatible with V1: a new field without a default. */
export const AVRO_BAD = JSON.stringify({
  type: 'record', name: 'CustomerReturn', namespace: 'shop',
  fields: [{ name: 'order_id', type: 'string' }, { name: 'amount', type: 'double' }, { name: 'channel', type: 'string' }],
});
