// Event schemas in a schema registry (Confluent-compatible HTTP API): each event type and schema
// version is a JSON Schema under the subject `<topic>-<eventType>` (the TopicRecordNameStrategy's
// naming), so every type evolves on its own and the registry's compatibility rules judge each step.
import { ReadSideError, ReadSideErrorCode } from './read-errors.js';

export interface EventSchemaRegistryOptions {
  /** Base URL, e.g. http://127.0.0.1:8081. */
  url: string;
  /** Per request. Default 10000. */
  timeoutMs?: number;
}

export interface CompatibilityResult {
  isCompatible: boolean;
  messages: string[];
}

const CT = 'application/vnd.schemaregistry.v1+json';

export class EventSchemaRegistry {
  private readonly url: string;
  private readonly timeoutMs: number;

  constructor(opts: EventSchemaRegistryOptions) {
    this.url = opts.url.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  static subject(topic: string, eventType: string): string {
    return `${topic}-${eventType}`;
  }

  private async call<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: object): Promise<{ status: number; json: T }> {
    const res = await fetch(this.url + path, {
      method,
      headers: { 'content-type': CT, accept: CT },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      json = { message: text };
    }
    return { status: res.status, json: json as T };
  }

  private fail(what: string, status: number, json: unknown): never {
    const j = json as { error_code?: number; message?: string } | null;
    throw new ReadSideError(ReadSideErrorCode.RegistryError, `${what}: HTTP ${status}${j?.error_code !== undefined ? ` (${j.error_code})` : ''}: ${j?.message ?? ''}`);
  }

  /** Registers (or finds) the schema; returns its id. */
  async register(subject: string, schema: object): Promise<number> {
    const r = await this.call<{ id: number }>('POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schemaType: 'JSON', schema: JSON.stringify(schema) });
    if (r.status !== 200) this.fail(`register ${subject}`, r.status, r.json);
    return r.json.id;
  }

  /** Checks `schema` against the subject's latest version under the subject's compatibility level. */
  async checkCompatibility(subject: string, schema: object): Promise<CompatibilityResult> {
    const r = await this.call<{ is_compatible: boolean; messages?: string[] }>('POST', `/compatibility/subjects/${encodeURIComponent(subject)}/versions/latest?verbose=true`, {
      schemaType: 'JSON',
      schema: JSON.stringify(schema),
    });
    if (r.status === 404) return { isCompatible: true, messages: [] }; // nothing registered yet
    if (r.status !== 200) this.fail(`check ${subject}`, r.status, r.json);
    return { isCompatible: r.json.is_compatible, messages: r.json.messages ?? [] };
  }

  /** Sets the subject's compatibility level (BACKWARD, FORWARD, FULL, ..._TRANSITIVE, NONE). */
  async setCompatibility(subject: string, level: string): Promise<void> {
    const r = await this.call('PUT', `/config/${encodeURIComponent(subject)}`, { compatibility: level });
    if (r.status !== 200) this.fail(`config ${subject}`, r.status, r.json);
  }
}

/**
 * Test helper: registers `before`, then checks `after` against it under `level` (default BACKWARD,
 * which is what an upcaster-free reader of the new version needs) and throws with the registry's
 * messages when the evolution is refused.
 */
export async function assertCompatibleEvolution(registry: EventSchemaRegistry, subject: string, before: object, after: object, level = 'BACKWARD'): Promise<void> {
  await registry.setCompatibility(subject, level);
  await registry.register(subject, before);
  const r = await registry.checkCompatibility(subject, after);
  if (!r.isCompatible) throw new ReadSideError(ReadSideErrorCode.RegistryError, `${subject}: the new schema is not ${level} compatible: ${r.messages.join('; ')}`);
}
