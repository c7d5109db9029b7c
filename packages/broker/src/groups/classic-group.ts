// A classic group (JoinGroup/SyncGroup/Heartbeat/LeaveGroup) and its state machine:
//
//   Empty --join--> PreparingRebalance --all joined / rebalance timeout--> CompletingRebalance
//   CompletingRebalance --leader's SyncGroup--> Stable
//   Stable / CompletingRebalance --join of a new or changed member, leave, expiry--> PreparingRebalance
//   PreparingRebalance --nobody left when the join completes--> Empty
//   any --DeleteGroups / offsets expired--> Dead
//
// Follows Kafka's GroupMetadataManager/ClassicGroup: delayed JoinGroup answers until every known
// member rejoined (or the largest rebalance timeout passed), an initial delay for a group leaving
// Empty, members that did not rejoin in time removed, SyncGroup waits for the leader's
// assignment, members that do not SyncGroup within the rebalance timeout removed, session
// timeouts on timers (never a loop), static members (group.instance.id) replaced in place with
// FENCED_INSTANCE_ID to the old instance. Decisions are synchronous (timers call back in); the
// only wait is for the group record (hooks.persist) before a generation becomes Stable.
// toRecord/restore carry the group through a restart (members included), as Kafka's records do.
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@tideline/protocol';
import type { GroupConfig } from './group-config.js';
import type { GroupRecord } from './offsets-format.js';

export type ClassicState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface Protocol {
  name: string;
  metadata: Buffer;
}

export interface JoinResult {
  errorCode: number;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  memberId: string;
  skipAssignment: boolean;
  members: Array<{ memberId: string; groupInstanceId: string | null; metadata: Buffer }>;
}

export interface SyncResult {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export interface ClassicMember {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  assignment: Buffer;
  joinWaiter: ((r: JoinResult) => void) | null;
  syncWaiter: ((r: SyncResult) => void) | null;
  heartbeatTimer: NodeJS.Timeout | null;
  /** Added by a JoinGroup that is not answered yet: on the new-member join timeout, not the session timeout. */
  isNew?: boolean;
}

export interface JoinParams {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Protocol[];
  /** KIP-394: v4+ answers a first join with MEMBER_ID_REQUIRED. */
  requireKnownMemberId: boolean;
}

export interface ClassicGroupHooks {
  config: GroupConfig;
  now(): number;
  /**
   * Writes the group record (see toRecord) durably: when the leader's assignment arrives (the
   * generation becomes Stable only after the write), when the group becomes Empty, and when a
   * static member is replaced without a rebalance. Kafka writes its GroupMetadata record at the
   * same points.
   */
  persist(group: ClassicGroup): Promise<void>;
}

const EMPTY = Buffer.alloc(0);

const errorJoin = (memberId: string, code: number): JoinResult => ({
  errorCode: code, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId, skipAssignment: false, members: [],
});

export const errorSync = (code: number): SyncResult => ({ errorCode: code, protocolType: null, protocolName: null, assignment: EMPTY });

function sameProtocols(a: readonly Protocol[], b: readonly Protocol[]): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.metadata.equals(b[i]!.metadata));
}

function positive(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
}

function unref(t: NodeJS.Timeout): NodeJS.Timeout {
  t.unref();
  return t;
}

export class ClassicGroup {
  readonly type = 'classic';
  state: ClassicState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, ClassicMember>();
  /** group.instance.id -> member id */
  readonly staticMembers = new Map<string, string>();
  /** Member ids handed out with MEMBER_ID_REQUIRED that have not joined yet, with their expiry timers. */
  readonly pendingMembers = new Map<string, NodeJS.Timeout>();
  /** Members of the current generation that have not sent SyncGroup yet. */
  readonly pendingSync = new Set<string>();
  /** When the group entered its current state (offset expiry of Empty groups counts from here). */
  stateTimestamp: number;
  private joinTimer: NodeJS.Timeout | null = null;
  private syncTimer: NodeJS.Timeout | null = null;
  /** The generation whose assignment is being written (SyncGroup answers wait for it). */
  private persistingGeneration = -1;
  /** Set while the initial delayed join runs: it completes only on its timer. */
  private initialDelay: { remainingMs: number; newMemberAdded: boolean } | null = null;

  constructor(readonly groupId: string, private readonly hooks: ClassicGroupHooks) {
    this.stateTimestamp = hooks.now();
  }

  get isEmpty(): boolean {
    return this.members.size === 0;
  }

  private transition(s: ClassicState): void {
    this.state = s;
    this.stateTimestamp = this.hooks.now();
  }

  /** The protocol every member supports that most members prefer (Kafka's vote). */
  selectProtocol(): string | null {
    const all = [...this.members.values()];
    if (all.length === 0) return null;
    const candidates = all[0]!.protocols.map((p) => p.name).filter((n) => all.every((m) => m.protocols.some((p) => p.name === n)));
    if (candidates.length === 0) return null;
    const votes = new Map<string, number>(candidates.map((c) => [c, 0]));
    for (const m of all) {
      const pick = m.protocols.find((p) => votes.has(p.name));
      if (pick !== undefined) votes.set(pick.name, votes.get(pick.name)! + 1);
    }
    let best = candidates[0]!;
    for (const c of candidates) if (votes.get(c)! > votes.get(best)!) best = c;
    return best;
  }

  /** Can a member with these protocols join (INCONSISTENT_GROUP_PROTOCOL otherwise)? */
  supportsProtocols(protocolType: string, protocols: readonly Protocol[], except?: string): boolean {
    const others = [...this.members.values()].filter((m) => m.memberId !== except);
    if (others.length === 0) return protocolType.length > 0 && protocols.length > 0;
    if (protocolType !== this.protocolType) return false;
    return protocols.some((p) => others.every((m) => m.protocols.some((q) => q.name === p.name)));
  }

  private metadataOf(m: ClassicMember): Buffer {
    return m.protocols.find((p) => p.name === this.protocolName)?.metadata ?? EMPTY;
  }

  private joinResultFor(m: ClassicMember, skipAssignment = false): JoinResult {
    const isLeader = m.memberId === this.leaderId;
    return {
      errorCode: ErrorCode.NONE,
      generationId: this.generationId,
      protocolType: this.protocolType,
      protocolName: this.protocolName,
      leader: this.leaderId ?? '',
      memberId: m.memberId,
      skipAssignment,
      members: isLeader
        ? [...this.members.values()].map((x) => ({ memberId: x.memberId, groupInstanceId: x.groupInstanceId, metadata: this.metadataOf(x) }))
        : [],
    };
  }

  // ---- JoinGroup ----------------------------------------------------------------------

  join(p: JoinParams): Promise<JoinResult> {
    if (this.state === 'Dead') return Promise.resolve(errorJoin(p.memberId, ErrorCode.COORDINATOR_NOT_AVAILABLE));
    return p.memberId === '' ? this.joinUnknown(p) : this.joinKnown(p);
  }

  private joinUnknown(p: JoinParams): Promise<JoinResult> {
    if (!this.supportsProtocols(p.protocolType, p.protocols)) return Promise.resolve(errorJoin('', ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    if (p.groupInstanceId !== null) {
      const old = this.staticMembers.get(p.groupInstanceId);
      if (old !== undefined && this.members.has(old)) return this.replaceStaticMember(p, old);
      return this.addMemberAndRebalance(p, `${p.groupInstanceId}-${randomUUID()}`);
    }
    const memberId = `${p.clientId}-${randomUUID()}`;
    if (p.requireKnownMemberId) {
      this.addPendingMember(memberId, p.sessionTimeoutMs);
      return Promise.resolve(errorJoin(memberId, ErrorCode.MEMBER_ID_REQUIRED));
    }
    return this.addMemberAndRebalance(p, memberId);
  }

  private joinKnown(p: JoinParams): Promise<JoinResult> {
    const pending = this.pendingMembers.get(p.memberId);
    if (pending !== undefined) {
      if (!this.supportsProtocols(p.protocolType, p.protocols)) return Promise.resolve(errorJoin(p.memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
      clearTimeout(pending);
      this.pendingMembers.delete(p.memberId);
      return this.addMemberAndRebalance(p, p.memberId);
    }
    const err = this.validateMember(p.memberId, p.groupInstanceId);
    if (err !== ErrorCode.NONE) return Promise.resolve(errorJoin(p.memberId, err));
    const m = this.members.get(p.memberId)!;
    if (!this.supportsProtocols(p.protocolType, p.protocols, this.members.size > 1 ? p.memberId : undefined)) {
      return Promise.resolve(errorJoin(p.memberId, ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    switch (this.state) {
      case 'PreparingRebalance':
        return this.updateMemberAndRebalance(m, p);
      case 'CompletingRebalance':
        // The member lost our JoinGroup answer: give it again unless its protocols changed.
        if (sameProtocols(m.protocols, p.protocols)) {
          this.touch(m);
          return Promise.resolve(this.joinResultFor(m));
        }
        return this.updateMemberAndRebalance(m, p);
      case 'Stable':
        if (m.memberId === this.leaderId || !sameProtocols(m.protocols, p.protocols)) return this.updateMemberAndRebalance(m, p);
        this.touch(m);
        return Promise.resolve(this.joinResultFor(m));
      default:
        return Promise.resolve(errorJoin(p.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  /** UNKNOWN_MEMBER_ID / FENCED_INSTANCE_ID checks shared by every request of a member. */
  validateMember(memberId: string, groupInstanceId: string | null): number {
    if (groupInstanceId !== null) {
      const current = this.staticMembers.get(groupInstanceId);
      if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (current !== memberId) return ErrorCode.FENCED_INSTANCE_ID;
    }
    return this.members.has(memberId) ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
  }

  private addPendingMember(memberId: string, sessionTimeoutMs: number): void {
    this.pendingMembers.set(memberId, unref(setTimeout(() => {
      this.pendingMembers.delete(memberId);
      if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
    }, sessionTimeoutMs)));
  }

  private newMember(p: JoinParams, memberId: string): ClassicMember {
    return {
      memberId, groupInstanceId: p.groupInstanceId, clientId: p.clientId, clientHost: p.clientHost,
      sessionTimeoutMs: p.sessionTimeoutMs, rebalanceTimeoutMs: p.rebalanceTimeoutMs, protocolType: p.protocolType,
      protocols: p.protocols, assignment: EMPTY, joinWaiter: null, syncWaiter: null, heartbeatTimer: null,
    };
  }

  private addMemberAndRebalance(p: JoinParams, memberId: string): Promise<JoinResult> {
    const m = this.newMember(p, memberId);
    m.isNew = true;
    if (this.members.size === 0) this.protocolType = p.protocolType;
    this.members.set(memberId, m);
    if (m.groupInstanceId !== null) this.staticMembers.set(m.groupInstanceId, memberId);
    if (this.leaderId === null) this.leaderId = memberId;
    if (this.initialDelay !== null) this.initialDelay.newMemberAdded = true;
    const done = this.awaitJoin(m);
    // As Kafka: a parked new member cannot heartbeat; it is removed if the join has not completed in time.
    this.touch(m, this.hooks.config.newMemberJoinTimeoutMs);
    this.maybePrepareRebalance();
    return done;
  }

  private updateMemberAndRebalance(m: ClassicMember, p: JoinParams): Promise<JoinResult> {
    m.protocols = p.protocols;
    m.sessionTimeoutMs = p.sessionTimeoutMs;
    m.rebalanceTimeoutMs = p.rebalanceTimeoutMs;
    m.clientId = p.clientId;
    m.clientHost = p.clientHost;
    const done = this.awaitJoin(m);
    // A new member's join deadline stays (Kafka does not move it either).
    if (m.isNew !== true) this.touch(m);
    this.maybePrepareRebalance();
    return done;
  }

  private awaitJoin(m: ClassicMember): Promise<JoinResult> {
    // A second JoinGroup from the same member supersedes the first. Kafka drops the old callback
    // unanswered; we answer it with REBALANCE_IN_PROGRESS so no request hangs.
    m.joinWaiter?.(errorJoin(m.memberId, ErrorCode.REBALANCE_IN_PROGRESS));
    return new Promise<JoinResult>((resolve) => { m.joinWaiter = resolve; });
  }

  private replaceStaticMember(p: JoinParams, oldId: string): Promise<JoinResult> {
    const old = this.members.get(oldId)!;
    const newId = `${p.groupInstanceId}-${randomUUID()}`;
    old.joinWaiter?.(errorJoin(oldId, ErrorCode.FENCED_INSTANCE_ID));
    old.syncWaiter?.(errorSync(ErrorCode.FENCED_INSTANCE_ID));
    old.joinWaiter = null;
    old.syncWaiter = null;
    if (old.heartbeatTimer !== null) clearTimeout(old.heartbeatTimer);
    const m: ClassicMember = { ...this.newMember(p, newId), assignment: old.assignment };
    this.members.delete(oldId);
    this.members.set(newId, m);
    this.staticMembers.set(p.groupInstanceId!, newId);
    if (this.leaderId === oldId) this.leaderId = newId;
    if (this.pendingSync.delete(oldId)) this.pendingSync.add(newId);
    this.touch(m);
    if (this.state === 'Stable' && this.selectProtocol() === this.protocolName) {
      // The group's protocol stays: the new instance takes over the old one's assignment
      // (recorded, so the old member id stays fenced after a restart). As Kafka, changed
      // metadata alone (a restarted consumer owns nothing yet) does not rebalance.
      const result = this.joinResultFor(m, m.memberId === this.leaderId);
      return this.hooks.persist(this).then(() => result, () => result);
    }
    const done = this.awaitJoin(m);
    if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
    else this.prepareRebalance();
    return done;
  }

  private maybePrepareRebalance(): void {
    if (this.state === 'Stable' || this.state === 'CompletingRebalance' || this.state === 'Empty') this.prepareRebalance();
    else if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
  }

  private rebalanceTimeoutMs(): number {
    let max = 0;
    for (const m of this.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  prepareRebalance(): void {
    if (this.state === 'CompletingRebalance') {
      for (const m of this.members.values()) {
        m.assignment = EMPTY;
        m.syncWaiter?.(errorSync(ErrorCode.REBALANCE_IN_PROGRESS));
        m.syncWaiter = null;
      }
    }
    this.clearSyncTimer();
    const initial = this.state === 'Empty';
    this.transition('PreparingRebalance');
    if (this.joinTimer !== null) clearTimeout(this.joinTimer);
    const timeout = this.rebalanceTimeoutMs();
    if (initial && this.hooks.config.initialRebalanceDelayMs > 0) {
      const delay = Math.min(this.hooks.config.initialRebalanceDelayMs, timeout);
      this.initialDelay = { remainingMs: Math.max(timeout - delay, 0), newMemberAdded: false };
      this.joinTimer = unref(setTimeout(() => this.onInitialDelay(), delay));
      return;
    }
    this.initialDelay = null;
    this.joinTimer = unref(setTimeout(() => this.completeJoin(), timeout));
    this.tryCompleteJoin();
  }

  private onInitialDelay(): void {
    const d = this.initialDelay;
    if (d !== null && d.newMemberAdded && d.remainingMs > 0) {
      const delay = Math.min(this.hooks.config.initialRebalanceDelayMs, d.remainingMs);
      this.initialDelay = { remainingMs: d.remainingMs - delay, newMemberAdded: false };
      this.joinTimer = unref(setTimeout(() => this.onInitialDelay(), delay));
      return;
    }
    this.completeJoin();
  }

  private tryCompleteJoin(): void {
    if (this.state !== 'PreparingRebalance' || this.initialDelay !== null) return;
    if (this.pendingMembers.size > 0) return;
    for (const m of this.members.values()) if (m.joinWaiter === null) return;
    this.completeJoin();
  }

  private completeJoin(): void {
    if (this.joinTimer !== null) clearTimeout(this.joinTimer);
    this.joinTimer = null;
    this.initialDelay = null;
    if (this.state !== 'PreparingRebalance') return;
    // Dynamic members that did not rejoin in time leave; static ones keep their place.
    for (const m of [...this.members.values()]) {
      if (m.joinWaiter === null && m.groupInstanceId === null) this.removeMemberOnly(m);
    }
    this.generationId++;
    if (this.members.size === 0) {
      this.protocolName = null;
      this.transition('Empty');
      this.hooks.persist(this).catch(() => undefined);
      return;
    }
    this.protocolName = this.selectProtocol();
    const leader = this.leaderId === null ? undefined : this.members.get(this.leaderId);
    if (leader === undefined || leader.joinWaiter === null) {
      this.leaderId = ([...this.members.values()].find((m) => m.joinWaiter !== null) ?? [...this.members.values()][0]!).memberId;
    }
    this.transition('CompletingRebalance');
    this.pendingSync.clear();
    for (const m of this.members.values()) this.pendingSync.add(m.memberId);
    this.syncTimer = unref(setTimeout(() => this.onSyncTimeout(), this.rebalanceTimeoutMs()));
    for (const m of this.members.values()) {
      const w = m.joinWaiter;
      m.joinWaiter = null;
      m.isNew = false;
      this.touch(m);
      w?.(this.joinResultFor(m));
    }
  }

  private clearSyncTimer(): void {
    if (this.syncTimer !== null) clearTimeout(this.syncTimer);
    this.syncTimer = null;
    this.pendingSync.clear();
  }

  private onSyncTimeout(): void {
    this.syncTimer = null;
    if (this.state !== 'CompletingRebalance' && this.state !== 'Stable') return;
    const late = [...this.pendingSync].map((id) => this.members.get(id)).filter((m): m is ClassicMember => m !== undefined);
    this.pendingSync.clear();
    if (late.length === 0) return;
    for (const m of late) this.removeMemberOnly(m);
    this.prepareRebalance();
  }

  // ---- SyncGroup ----------------------------------------------------------------------

  sync(
    memberId: string, groupInstanceId: string | null, generationId: number,
    protocolType: string | null, protocolName: string | null, assignments: ReadonlyArray<{ memberId: string; assignment: Buffer }>,
  ): Promise<SyncResult> {
    if (this.state === 'Dead') return Promise.resolve(errorSync(ErrorCode.COORDINATOR_NOT_AVAILABLE));
    const err = this.validateMember(memberId, groupInstanceId);
    if (err !== ErrorCode.NONE) return Promise.resolve(errorSync(err));
    if (generationId !== this.generationId) return Promise.resolve(errorSync(ErrorCode.ILLEGAL_GENERATION));
    if ((protocolType !== null && protocolType !== this.protocolType) || (protocolName !== null && protocolName !== this.protocolName)) {
      return Promise.resolve(errorSync(ErrorCode.INCONSISTENT_GROUP_PROTOCOL));
    }
    const m = this.members.get(memberId)!;
    switch (this.state) {
      case 'PreparingRebalance':
        return Promise.resolve(errorSync(ErrorCode.REBALANCE_IN_PROGRESS));
      case 'Stable':
        this.pendingSync.delete(memberId);
        this.touch(m);
        return Promise.resolve(this.syncResult(m));
      case 'CompletingRebalance': {
        this.pendingSync.delete(memberId);
        this.touch(m);
        m.syncWaiter?.(errorSync(ErrorCode.REBALANCE_IN_PROGRESS));
        const done = new Promise<SyncResult>((resolve) => { m.syncWaiter = resolve; });
        if (memberId === this.leaderId && this.persistingGeneration !== this.generationId) {
          const given = new Map(assignments.map((a) => [a.memberId, a.assignment]));
          for (const x of this.members.values()) x.assignment = given.get(x.memberId) ?? EMPTY;
          // As Kafka: the group record with the assignment is written first; the generation
          // becomes Stable and the parked SyncGroups are answered once it is durable.
          const generation = this.generationId;
          this.persistingGeneration = generation;
          this.hooks.persist(this).then(
            () => this.completeSync(generation, ErrorCode.NONE),
            () => this.completeSync(generation, ErrorCode.COORDINATOR_NOT_AVAILABLE),
          );
        }
        return done;
      }
      default:
        return Promise.resolve(errorSync(ErrorCode.UNKNOWN_MEMBER_ID));
    }
  }

  private completeSync(generation: number, code: number): void {
    // A rebalance that started meanwhile already answered the parked requests.
    if (this.state !== 'CompletingRebalance' || this.generationId !== generation) return;
    if (code === ErrorCode.NONE) this.transition('Stable');
    for (const x of this.members.values()) {
      if (code !== ErrorCode.NONE) x.assignment = EMPTY;
      const w = x.syncWaiter;
      x.syncWaiter = null;
      w?.(code === ErrorCode.NONE ? this.syncResult(x) : errorSync(code));
    }
    if (code !== ErrorCode.NONE) this.prepareRebalance();
  }

  private syncResult(m: ClassicMember): SyncResult {
    return { errorCode: ErrorCode.NONE, protocolType: this.protocolType, protocolName: this.protocolName, assignment: m.assignment };
  }

  // ---- Heartbeat ----------------------------------------------------------------------

  heartbeat(memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (this.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    const err = this.validateMember(memberId, groupInstanceId);
    if (err !== ErrorCode.NONE) return err;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    this.touch(this.members.get(memberId)!);
    return this.state === 'PreparingRebalance' ? ErrorCode.REBALANCE_IN_PROGRESS : ErrorCode.NONE;
  }

  /** Restarts the member's session timer. */
  private touch(m: ClassicMember, timeoutMs = m.sessionTimeoutMs): void {
    if (m.heartbeatTimer !== null) clearTimeout(m.heartbeatTimer);
    m.heartbeatTimer = unref(setTimeout(() => this.onSessionExpired(m), timeoutMs));
  }

  private onSessionExpired(m: ClassicMember): void {
    m.heartbeatTimer = null;
    if (this.members.get(m.memberId) !== m) return;
    // Members waiting for a JoinGroup or SyncGroup answer are alive: the rebalance timeout governs
    // them. Except a new member whose first join did not complete within the new-member timeout.
    if (m.isNew !== true && (m.joinWaiter !== null || m.syncWaiter !== null)) {
      this.touch(m);
      return;
    }
    this.removeMember(m);
  }

  // ---- LeaveGroup ---------------------------------------------------------------------

  /** One member identity of a LeaveGroup request; returns its error code. */
  leave(memberId: string, groupInstanceId: string | null): number {
    if (this.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (groupInstanceId === null && this.pendingMembers.has(memberId)) {
      clearTimeout(this.pendingMembers.get(memberId));
      this.pendingMembers.delete(memberId);
      if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
      return ErrorCode.NONE;
    }
    let id = memberId;
    if (groupInstanceId !== null) {
      const current = this.staticMembers.get(groupInstanceId);
      if (current === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
      if (memberId !== '' && memberId !== current) return ErrorCode.FENCED_INSTANCE_ID;
      id = current;
    }
    const m = this.members.get(id);
    if (m === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.removeMember(m);
    return ErrorCode.NONE;
  }

  /** Removes a member and rebalances the rest. */
  removeMember(m: ClassicMember): void {
    this.removeMemberOnly(m);
    if (this.state === 'Stable' || this.state === 'CompletingRebalance') this.prepareRebalance();
    else if (this.state === 'PreparingRebalance') this.tryCompleteJoin();
  }

  private removeMemberOnly(m: ClassicMember): void {
    if (m.heartbeatTimer !== null) clearTimeout(m.heartbeatTimer);
    m.heartbeatTimer = null;
    m.joinWaiter?.(errorJoin(m.memberId, ErrorCode.UNKNOWN_MEMBER_ID));
    m.syncWaiter?.(errorSync(ErrorCode.UNKNOWN_MEMBER_ID));
    m.joinWaiter = null;
    m.syncWaiter = null;
    this.members.delete(m.memberId);
    if (m.groupInstanceId !== null && this.staticMembers.get(m.groupInstanceId) === m.memberId) this.staticMembers.delete(m.groupInstanceId);
    this.pendingSync.delete(m.memberId);
    if (this.leaderId === m.memberId) this.leaderId = this.members.keys().next().value ?? null;
  }

  /** OffsetCommit checks (Kafka's ClassicGroup.validateOffsetCommit). */
  validateOffsetCommit(memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (this.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    if (generationId < 0 && this.state === 'Empty') return ErrorCode.NONE;
    if (generationId >= 0 || memberId !== '' || groupInstanceId !== null) {
      const err = this.validateMember(memberId, groupInstanceId);
      if (err !== ErrorCode.NONE) return err;
      if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    } else if (this.state !== 'Empty') {
      return ErrorCode.UNKNOWN_MEMBER_ID;
    }
    if (this.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    if (generationId >= 0) {
      const m = this.members.get(memberId);
      if (m !== undefined) this.touch(m);
    }
    return ErrorCode.NONE;
  }

  /** Topics the members subscribe to, when the protocol is the consumer protocol (else undefined). */
  subscribedTopics(decode: (metadata: Buffer) => string[] | undefined): Set<string> | undefined {
    if (this.protocolType !== 'consumer' || this.members.size === 0) return undefined;
    const out = new Set<string>();
    for (const m of this.members.values()) {
      const topics = decode(this.metadataOf(m));
      if (topics === undefined) return undefined;
      for (const t of topics) out.add(t);
    }
    return out;
  }

  memberMetadata(m: ClassicMember): Buffer {
    return this.metadataOf(m);
  }

  /** The group record: generation, protocol, leader, members with subscription and assignment. */
  toRecord(): GroupRecord {
    return {
      type: 'classic',
      protocolType: this.protocolType,
      epoch: this.generationId,
      protocolName: this.protocolName,
      leader: this.leaderId,
      currentStateTimestamp: this.stateTimestamp,
      members: [...this.members.values()].map((m) => ({
        memberId: m.memberId, groupInstanceId: m.groupInstanceId, clientId: m.clientId, clientHost: m.clientHost,
        sessionTimeoutMs: m.sessionTimeoutMs, rebalanceTimeoutMs: m.rebalanceTimeoutMs,
        subscription: this.metadataOf(m).toString('base64'), assignment: m.assignment.toString('base64'),
      })),
    };
  }

  /**
   * Loads a group record (a new group, before it serves): Empty without members, else Stable in
   * the recorded generation with every member's session timer started now (Kafka does the same).
   */
  restore(rec: GroupRecord): void {
    this.generationId = rec.epoch;
    this.protocolType = rec.protocolType;
    const members = rec.members ?? [];
    if (members.length > 0 && rec.protocolName !== null && rec.protocolName !== undefined) {
      this.protocolName = rec.protocolName;
      for (const r of members) {
        const m: ClassicMember = {
          memberId: r.memberId, groupInstanceId: typeof r.groupInstanceId === 'string' ? r.groupInstanceId : null,
          clientId: String(r.clientId ?? ''), clientHost: String(r.clientHost ?? ''),
          sessionTimeoutMs: positive(r.sessionTimeoutMs, this.hooks.config.minSessionTimeoutMs),
          rebalanceTimeoutMs: positive(r.rebalanceTimeoutMs, this.hooks.config.minSessionTimeoutMs),
          protocolType: rec.protocolType ?? '',
          protocols: [{ name: rec.protocolName, metadata: Buffer.from(String(r.subscription ?? ''), 'base64') }],
          assignment: Buffer.from(String(r.assignment ?? ''), 'base64'),
          joinWaiter: null, syncWaiter: null, heartbeatTimer: null,
        };
        this.members.set(m.memberId, m);
        if (m.groupInstanceId !== null) this.staticMembers.set(m.groupInstanceId, m.memberId);
        this.touch(m);
      }
      this.leaderId = rec.leader !== null && rec.leader !== undefined && this.members.has(rec.leader) ? rec.leader : this.members.keys().next().value!;
      this.transition('Stable');
    }
    if (typeof rec.currentStateTimestamp === 'number') this.stateTimestamp = rec.currentStateTimestamp;
  }

  /** Stops every timer and answers every waiting request (broker shutdown, group deletion). */
  shutdown(code: number = ErrorCode.COORDINATOR_NOT_AVAILABLE): void {
    if (this.joinTimer !== null) clearTimeout(this.joinTimer);
    this.joinTimer = null;
    this.clearSyncTimer();
    for (const t of this.pendingMembers.values()) clearTimeout(t);
    this.pendingMembers.clear();
    for (const m of this.members.values()) {
      if (m.heartbeatTimer !== null) clearTimeout(m.heartbeatTimer);
      m.heartbeatTimer = null;
      m.joinWaiter?.(errorJoin(m.memberId, code));
      m.syncWaiter?.(errorSync(code));
      m.joinWaiter = null;
      m.syncWaiter = null;
    }
  }

  markDead(): void {
    this.shutdown();
    this.members.clear();
    this.staticMembers.clear();
    this.transition('Dead');
  }
}
