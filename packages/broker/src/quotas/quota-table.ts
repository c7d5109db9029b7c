// The client-quota table: entities (user, client-id, user + client-id, their defaults, and ip)
// with their quota values, Kafka's validation of AlterClientQuotas, its filter matching for
// DescribeClientQuotas, and the precedence that picks the quota applying to a (user, client-id)
// pair. Pure: the broker's QuotaManager persists the table and measures rates.
import type { StoredClientQuota } from '@tideline/storage';

export const USER = 'user';
export const CLIENT_ID = 'client-id';
export const IP = 'ip';

export type QuotaKey = 'producer_byte_rate' | 'consumer_byte_rate' | 'request_percentage' | 'controller_mutation_rate';

/** Keys valid on user / client-id entities and whether they must be whole numbers (Kafka: LONG vs DOUBLE). */
const CLIENT_KEYS: Readonly<Record<string, 'long' | 'double'>> = {
  producer_byte_rate: 'long',
  consumer_byte_rate: 'long',
  request_percentage: 'double',
  controller_mutation_rate: 'double',
};
/** Keys valid on ip entities (stored and described; connection rates are not enforced). */
const IP_KEYS: Readonly<Record<string, 'int'>> = { connection_creation_rate: 'int' };

/** An entity as a map of type to name (null: the type's default entity). */
export type QuotaEntity = ReadonlyMap<string, string | null>;

export interface QuotaOp {
  readonly key: string;
  /** Null removes the key. */
  readonly value: number | null;
}

export interface FilterComponent {
  readonly entityType: string;
  /** 'exact' with a name, 'default' (null name) or 'any' (every entity of the type). */
  readonly match: { kind: 'exact'; name: string } | { kind: 'default' } | { kind: 'any' };
}

/** A refused alteration or filter: INVALID_REQUEST (or UNSUPPORTED_VERSION) and Kafka's message. */
export class QuotaRequestError extends Error {
  constructor(readonly code: 'INVALID_REQUEST' | 'UNSUPPORTED_VERSION', message: string) {
    super(message);
  }
}

/** Canonical text of an entity, independent of the order its components came in. */
export function entityKey(e: QuotaEntity): string {
  return [...e.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([t, n]) => `${t}=${n === null ? '\u0000' : n}`).join('\u0001');
}

/** Kafka's text for an entity in messages: `ClientQuotaEntity(entries={user=alice})`. */
function describeEntity(e: QuotaEntity): string {
  return `ClientQuotaEntity(entries={${[...e.entries()].map(([t, n]) => `${t}=${n}`).join(', ')}})`;
}

const key3 = (u: string | null | undefined, c: string | null | undefined): string =>
  `${u === undefined ? '-' : u === null ? 'D' : `=${u}`}\u0001${c === undefined ? '-' : c === null ? 'D' : `=${c}`}`;

/** Which quota applies to a (user, client-id) pair, and the sensor it is measured by. */
export interface ResolvedQuota {
  readonly bound: number;
  /**
   * The (user, client-id) tags of the matched level, as Kafka's metric tags: an exact entity
   * shares one sensor among its connections; a default entity gives each user / client id its own.
   */
  readonly sensor: string;
}

export class QuotaTable {
  private readonly entities = new Map<string, { entity: QuotaEntity; values: Map<string, number> }>();
  /** user/client entities by key3 (only those; ip entities are not consulted by the resolver). */
  private readonly byPair = new Map<string, Map<string, number>>();

  constructor(stored: readonly StoredClientQuota[] = []) {
    for (const q of stored) {
      const entity: QuotaEntity = new Map(q.entity);
      this.put(entity, new Map(Object.entries(q.values)));
    }
  }

  private put(entity: QuotaEntity, values: Map<string, number>): void {
    const k = entityKey(entity);
    const pair = entity.has(IP) ? null : key3(entity.get(USER), entity.get(CLIENT_ID));
    if (values.size === 0) {
      this.entities.delete(k);
      if (pair !== null) this.byPair.delete(pair);
      return;
    }
    this.entities.set(k, { entity, values });
    if (pair !== null) this.byPair.set(pair, values);
  }

  /** True when some user / client-id entity sets `key` (nothing is measured otherwise). */
  has(key: QuotaKey): boolean {
    for (const v of this.byPair.values()) if (v.has(key)) return true;
    return false;
  }

  toStored(): StoredClientQuota[] {
    return [...this.entities.values()].map(({ entity, values }) => ({ entity: [...entity.entries()], values: Object.fromEntries(values) }));
  }

  /**
   * Kafka's precedence: /config/users/<user>/clients/<client-id>, <user>/clients/<default>,
   * <user>, <default>/clients/<client-id>, <default>/clients/<default>, <default>,
   * /config/clients/<client-id>, /config/clients/<default>. Null when none sets `key`.
   */
  resolve(key: QuotaKey, user: string, clientId: string): ResolvedQuota | null {
    const levels: Array<[string | null | undefined, string | null | undefined, string, string]> = [
      [user, clientId, user, clientId],
      [user, null, user, clientId],
      [user, undefined, user, ''],
      [null, clientId, user, clientId],
      [null, null, user, clientId],
      [null, undefined, user, ''],
      [undefined, clientId, '', clientId],
      [undefined, null, '', clientId],
    ];
    for (const [u, c, tagUser, tagClient] of levels) {
      const v = this.byPair.get(key3(u, c))?.get(key);
      if (v !== undefined) return { bound: v, sensor: `${key}\u0000${tagUser}\u0000${tagClient}` };
    }
    return null;
  }

  /** DescribeClientQuotas: the entities matching every component (and no other type when strict). */
  describe(components: readonly FilterComponent[], strict: boolean): Array<{ entity: QuotaEntity; values: ReadonlyMap<string, number> }> {
    const seen = new Set<string>();
    for (const c of components) {
      if (c.entityType === '') throw new QuotaRequestError('INVALID_REQUEST', 'Invalid empty entity type.');
      if (seen.has(c.entityType)) throw new QuotaRequestError('INVALID_REQUEST', `Entity type ${c.entityType} cannot appear more than once in the filter.`);
      if (c.entityType !== USER && c.entityType !== CLIENT_ID && c.entityType !== IP) {
        throw new QuotaRequestError('UNSUPPORTED_VERSION', `Unsupported entity type ${c.entityType}`);
      }
      seen.add(c.entityType);
    }
    if (seen.has(IP) && (seen.has(USER) || seen.has(CLIENT_ID))) {
      throw new QuotaRequestError('INVALID_REQUEST', 'Invalid entity filter component combination. IP filter component should not be used with user or clientId filter component.');
    }
    const out: Array<{ entity: QuotaEntity; values: ReadonlyMap<string, number> }> = [];
    for (const { entity, values } of this.entities.values()) {
      if (strict && entity.size !== components.length) continue;
      const ok = components.every((c) => {
        if (!entity.has(c.entityType)) return false;
        const name = entity.get(c.entityType);
        if (c.match.kind === 'exact') return name === c.match.name;
        if (c.match.kind === 'default') return name === null;
        return true;
      });
      if (ok) out.push({ entity, values });
    }
    return out;
  }

  /** Checks one alteration as Kafka's controller does; returns Kafka's message for a refusal. */
  private check(entity: ReadonlyArray<readonly [string, string | null]>, ops: readonly QuotaOp[]): string | null {
    const keys = new Set<string>();
    for (const op of ops) {
      if (keys.has(op.key)) return `Duplicate quota key ${op.key} not updating quota for this entity ${describeEntity(new Map(entity))}`;
      keys.add(op.key);
    }
    if (entity.length === 0) return 'Invalid empty client quota entity';
    const types = new Set<string>();
    for (const [type, name] of entity) {
      if (types.has(type)) return `Invalid client quota entity, duplicate entity entry ${type}`;
      if (type !== USER && type !== CLIENT_ID && type !== IP) return `Unhandled client quota entity type: ${type}`;
      if (name !== null && name === '') return `Empty ${type} not supported`;
      types.add(type);
    }
    let valid: Readonly<Record<string, string>>;
    if (types.has(IP)) {
      if (types.has(USER) || types.has(CLIENT_ID)) return 'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId';
      valid = IP_KEYS;
    } else {
      valid = CLIENT_KEYS;
    }
    for (const op of ops) {
      if (op.value === null) continue;
      const type = valid[op.key];
      if (type === undefined) return `Invalid configuration key ${op.key}`;
      if (!(op.value > 0)) return `Quota ${op.key} must be greater than 0`;
      if (type === 'int' && op.value > 2147483647) return `Proposed value for ${op.key} is too large for an INT.`;
      if (type === 'long' && op.value > 9223372036854775807) return `Proposed value for ${op.key} is too large for a LONG.`;
      if (type !== 'double' && Math.abs(op.value % 1) > 1e-6) return `${op.key} cannot be a fractional value.`;
    }
    return null;
  }

  /**
   * AlterClientQuotas: validates every entry, applies the valid ones (unless validateOnly) and
   * answers one message per entry (null: accepted). Returns whether anything changed.
   */
  alter(
    entries: ReadonlyArray<{ entity: ReadonlyArray<readonly [string, string | null]>; ops: readonly QuotaOp[] }>,
    validateOnly: boolean,
  ): { results: Array<string | null>; changed: boolean } {
    const done = new Set<string>();
    let changed = false;
    const results = entries.map(({ entity, ops }) => {
      const map: QuotaEntity = new Map(entity);
      const error = this.check(entity, ops);
      if (error !== null) return error;
      const k = entityKey(map);
      if (done.has(k)) return `Ignoring duplicate entity ${describeEntity(map)}`;
      done.add(k);
      if (validateOnly) return null;
      const values = new Map(this.entities.get(k)?.values ?? []);
      for (const op of ops) {
        if (op.value === null) {
          if (values.delete(op.key)) changed = true;
        } else if (values.get(op.key) !== op.value) {
          values.set(op.key, op.value);
          changed = true;
        }
      }
      this.put(map, values);
      return null;
    });
    return { results, changed };
  }
}
