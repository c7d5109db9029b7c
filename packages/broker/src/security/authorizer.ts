// The ACL authorizer (Kafka: authorizer.class.name = StandardAuthorizer). It holds every binding,
// indexed by resource type and then by literal name and by prefix, so a check looks at only the
// bindings that can apply: the literal name, the literal `*`, and the prefixed patterns the name
// starts with (one map lookup per distinct prefix length in use). Decisions are memoized per
// (principal, host, operation, resource) until the next ACL change: the produce and fetch paths
// ask once per topic per request.
//
// Rules (Kafka's): super users are allowed everything; a DENY binding on the operation (or ALL)
// wins over any ALLOW; an ALLOW of READ, WRITE, DELETE or ALTER also allows DESCRIBE, an ALLOW of
// ALTER_CONFIGS also allows DESCRIBE_CONFIGS, ALL allows everything; a binding applies to the
// principal it names or `User:*`, from the host it names or `*`. With no binding at all on the
// resource, allow.everyone.if.no.acl.found decides. Disabled (no authorizer configured), every
// check answers allowed without looking at anything.
import type { AclStore, StoredAcl } from '@tideline/storage';
import {
  AclOperation, AclPermissionType, PatternType, ResourceType, WILDCARD, WILDCARD_PRINCIPAL, bindingKey, filterMatches,
  type AclBinding, type AclBindingFilter, type ConcreteResourceType,
} from './acl.js';
import type { AclSettings, Principal } from './types.js';

interface TypeIndex {
  readonly literal: Map<string, AclBinding[]>;
  readonly prefixed: Map<string, AclBinding[]>;
  /** Lengths of the prefixed patterns in use, ascending. */
  prefixLengths: number[];
}

const IMPLIES_DESCRIBE = new Set<number>([AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE, AclOperation.DELETE, AclOperation.ALTER]);
const IMPLIES_DESCRIBE_CONFIGS = new Set<number>([AclOperation.DESCRIBE_CONFIGS, AclOperation.ALTER_CONFIGS]);
const MAX_MEMO = 50_000;

/** An ALLOW binding of `granted` allows `wanted`. */
function allowImplies(granted: number, wanted: number): boolean {
  if (granted === AclOperation.ALL || granted === wanted) return true;
  if (wanted === AclOperation.DESCRIBE) return IMPLIES_DESCRIBE.has(granted);
  if (wanted === AclOperation.DESCRIBE_CONFIGS) return IMPLIES_DESCRIBE_CONFIGS.has(granted);
  return false;
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is the host `10.0.0.1`, as Kafka sees it. */
export function normalizeHost(remoteAddress: string): string {
  return remoteAddress.startsWith('::ffff:') && remoteAddress.includes('.') ? remoteAddress.slice(7) : remoteAddress;
}

const toStored = (b: AclBinding): StoredAcl => [b.resourceType, b.resourceName, b.patternType, b.principal, b.host, b.operation, b.permissionType];

export class Authorizer {
  readonly enabled: boolean;
  private readonly superUsers: ReadonlySet<Principal>;
  private readonly allowIfNoAcl: boolean;
  /** Every binding by its key (insertion order kept for listings). */
  private readonly bindings = new Map<string, AclBinding>();
  private readonly index = new Map<number, TypeIndex>();
  private readonly memo = new Map<string, boolean>();
  /** Saves run one at a time, in order. */
  private saving: Promise<void> = Promise.resolve();

  private constructor(settings: AclSettings | undefined, private readonly store: AclStore | null) {
    this.enabled = settings?.enabled === true;
    this.superUsers = new Set(settings?.superUsers ?? []);
    this.allowIfNoAcl = settings?.allowEveryoneIfNoAclFound ?? false;
  }

  /** Loads the stored bindings (they are kept even when authorization is off, as Kafka keeps them in its metadata). */
  static async open(settings: AclSettings | undefined, store: AclStore | null): Promise<Authorizer> {
    const a = new Authorizer(settings, store);
    for (const [resourceType, resourceName, patternType, principal, host, operation, permissionType] of store === null ? [] : await store.load()) {
      if (resourceType < ResourceType.TOPIC || resourceType > ResourceType.USER) continue;
      if (patternType !== PatternType.LITERAL && patternType !== PatternType.PREFIXED) continue;
      if (permissionType !== AclPermissionType.ALLOW && permissionType !== AclPermissionType.DENY) continue;
      a.add({
        resourceType: resourceType as ConcreteResourceType, resourceName, patternType, principal, host, operation, permissionType,
      });
    }
    return a;
  }

  isSuperUser(principal: Principal): boolean {
    return this.superUsers.has(principal);
  }

  /** May `principal`, connected from `host`, perform `operation` on the resource? */
  authorize(principal: Principal, host: string, operation: number, resourceType: number, name: string): boolean {
    if (!this.enabled || this.superUsers.has(principal)) return true;
    const key = `${principal}\u0000${host}\u0000${operation}\u0000${resourceType}\u0000${name}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const r = this.decide(principal, host, operation, resourceType, name);
    if (this.memo.size >= MAX_MEMO) this.memo.clear();
    this.memo.set(key, r);
    return r;
  }

  /**
   * May `principal` perform `operation` on at least one resource of the type (Kafka's
   * authorizeByResourceType, used for idempotent producers: WRITE on any topic)? True when an ALLOW
   * binding on the type applies and no DENY binding on the literal `*` or a prefix covering it does.
   */
  authorizeAny(principal: Principal, host: string, operation: number, resourceType: number): boolean {
    if (!this.enabled || this.superUsers.has(principal)) return true;
    const idx = this.index.get(resourceType);
    const applies = (b: AclBinding): boolean => (b.principal === principal || b.principal === WILDCARD_PRINCIPAL) && (b.host === WILDCARD || b.host === host);
    const denied = (b: AclBinding): boolean => applies(b) && b.permissionType === AclPermissionType.DENY && (b.operation === AclOperation.ALL || b.operation === operation);
    if (idx === undefined) return this.allowIfNoAcl;
    if ((idx.literal.get(WILDCARD) ?? []).some(denied)) return false;
    for (const list of [...idx.literal.values(), ...idx.prefixed.values()]) {
      for (const b of list) {
        if (applies(b) && b.permissionType === AclPermissionType.ALLOW && allowImplies(b.operation, operation)) {
          const name = b.resourceName;
          // An allowed resource not covered by a DENY on a shorter prefix.
          const coveredByDeny = [...idx.prefixed.entries()].some(([p, l]) => name.startsWith(p) && l.some(denied));
          if (!coveredByDeny) return true;
        }
      }
    }
    return false;
  }

  /** The bit field of `operations` (AclOperation codes) the principal may perform on the resource. */
  authorizedOperations(principal: Principal, host: string, resourceType: number, name: string, operations: readonly number[]): number {
    let bits = 0;
    for (const op of operations) if (this.authorize(principal, host, op, resourceType, name)) bits |= 1 << op;
    return bits;
  }

  private decide(principal: Principal, host: string, operation: number, resourceType: number, name: string): boolean {
    const idx = this.index.get(resourceType);
    if (idx === undefined) return this.allowIfNoAcl;
    let found = false;
    let allowed = false;
    const visit = (list: AclBinding[] | undefined): boolean => {
      if (list === undefined) return true;
      for (const b of list) {
        found = true;
        if (b.principal !== principal && b.principal !== WILDCARD_PRINCIPAL) continue;
        if (b.host !== WILDCARD && b.host !== host) continue;
        if (b.permissionType === AclPermissionType.DENY) {
          if (b.operation === AclOperation.ALL || b.operation === operation) return false;
        } else if (allowImplies(b.operation, operation)) {
          allowed = true;
        }
      }
      return true;
    };
    if (!visit(idx.literal.get(name))) return false;
    if (name !== WILDCARD && !visit(idx.literal.get(WILDCARD))) return false;
    for (const len of idx.prefixLengths) {
      if (len > name.length) break;
      if (!visit(idx.prefixed.get(name.slice(0, len)))) return false;
    }
    return found ? allowed : this.allowIfNoAcl;
  }

  /** Every binding the filter matches. */
  list(filter: AclBindingFilter): AclBinding[] {
    const out: AclBinding[] = [];
    for (const b of this.bindings.values()) if (filterMatches(filter, b)) out.push(b);
    return out;
  }

  /** Adds bindings (already validated; duplicates are kept once) and stores the new set durably. */
  async create(bindings: readonly AclBinding[]): Promise<void> {
    let changed = false;
    for (const b of bindings) changed = this.add(b) || changed;
    if (changed) await this.persist();
  }

  /** Removes the bindings each filter matches; answers them per filter (a binding is reported once, by the first filter matching it). */
  async delete(filters: readonly AclBindingFilter[]): Promise<AclBinding[][]> {
    const results = filters.map((f) => {
      const matched = this.list(f);
      for (const b of matched) this.remove(b);
      return matched;
    });
    if (results.some((r) => r.length > 0)) await this.persist();
    return results;
  }

  private persist(): Promise<void> {
    const snapshot = [...this.bindings.values()].map(toStored);
    const store = this.store;
    const next = this.saving.then(() => store?.save(snapshot));
    this.saving = next.catch(() => {});
    return next;
  }

  private add(b: AclBinding): boolean {
    const key = bindingKey(b);
    if (this.bindings.has(key)) return false;
    this.bindings.set(key, b);
    let idx = this.index.get(b.resourceType);
    if (idx === undefined) {
      idx = { literal: new Map(), prefixed: new Map(), prefixLengths: [] };
      this.index.set(b.resourceType, idx);
    }
    const byName = b.patternType === PatternType.LITERAL ? idx.literal : idx.prefixed;
    const list = byName.get(b.resourceName);
    if (list === undefined) byName.set(b.resourceName, [b]);
    else list.push(b);
    if (b.patternType === PatternType.PREFIXED) this.reindexPrefixes(idx);
    this.memo.clear();
    return true;
  }

  private remove(b: AclBinding): void {
    const key = bindingKey(b);
    if (!this.bindings.delete(key)) return;
    const idx = this.index.get(b.resourceType)!;
    const byName = b.patternType === PatternType.LITERAL ? idx.literal : idx.prefixed;
    const rest = byName.get(b.resourceName)!.filter((x) => bindingKey(x) !== key);
    if (rest.length === 0) byName.delete(b.resourceName);
    else byName.set(b.resourceName, rest);
    if (b.patternType === PatternType.PREFIXED) this.reindexPrefixes(idx);
    if (idx.literal.size === 0 && idx.prefixed.size === 0) this.index.delete(b.resourceType);
    this.memo.clear();
  }

  private reindexPrefixes(idx: TypeIndex): void {
    idx.prefixLengths = [...new Set([...idx.prefixed.keys()].map((p) => p.length))].sort((x, y) => x - y);
  }
}
