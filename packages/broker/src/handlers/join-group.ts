// JoinGroup v0-9 (classic groups; see groups/classic-group.ts for the state machine). v4+: a first
// join without a member id is answered MEMBER_ID_REQUIRED with the id to use (KIP-394); v5+:
// static membership (group.instance.id, KIP-345) with FENCED_INSTANCE_ID; answers wait until every
// known member rejoined or the rebalance timeout passed, and a group leaving Empty first waits the
// initial rebalance delay. Errors: INVALID_GROUP_ID (empty id), INVALID_SESSION_TIMEOUT (outside
// group.min/max.session.timeout.ms), INCONSISTENT_GROUP_PROTOCOL (no common protocol, other
// protocol type, or a non-empty KIP-848 group holds the id), UNKNOWN_MEMBER_ID,
// COORDINATOR_NOT_AVAILABLE (broker shutting down). v0 uses the session timeout as rebalance
// timeout. Skipped: group.max.size, online migration of classic members into KIP-848 groups.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import type { JoinResult } from '../groups/classic-group.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup } from '../security/authorize.js';

export const joinGroupHandler = defineHandler({
  apiKey: ApiKey.JoinGroup,
  minVersion: 0,
  maxVersion: 9,
  async handle(req, ctx) {
    const v = ctx.apiVersion;
    const coordinator = ctx.broker.groups;
    const fail = (code: number): JoinResult => ({
      errorCode: code, generationId: -1, protocolType: null, protocolName: null, leader: '', memberId: req.memberId, skipAssignment: false, members: [],
    });
    let r: JoinResult;
    const { minSessionTimeoutMs, maxSessionTimeoutMs } = coordinator.config;
    if (!allowedOnGroup(ctx, AclOperation.READ, req.groupId)) r = fail(ErrorCode.GROUP_AUTHORIZATION_FAILED);
    else if (req.groupId === '') r = fail(ErrorCode.INVALID_GROUP_ID);
    else if (req.sessionTimeoutMs < minSessionTimeoutMs || req.sessionTimeoutMs > maxSessionTimeoutMs) r = fail(ErrorCode.INVALID_SESSION_TIMEOUT);
    else if (req.memberId !== '' && coordinator.get(req.groupId) === undefined) r = fail(ErrorCode.UNKNOWN_MEMBER_ID);
    else {
      const group = coordinator.classicForJoin(req.groupId);
      if (group === undefined) r = fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
      else {
        r = await group.join({
          memberId: req.memberId,
          groupInstanceId: v >= 5 ? req.groupInstanceId : null,
          clientId: ctx.header.clientId ?? '',
          clientHost: `/${ctx.connection.remoteAddress}`,
          sessionTimeoutMs: req.sessionTimeoutMs,
          rebalanceTimeoutMs: v >= 1 && req.rebalanceTimeoutMs > 0 ? req.rebalanceTimeoutMs : req.sessionTimeoutMs,
          protocolType: req.protocolType,
          protocols: req.protocols.map((p) => ({ name: p.name, metadata: p.metadata })),
          requireKnownMemberId: v >= 4,
        });
      }
    }
    return {
      throttleTimeMs: 0,
      errorCode: r.errorCode,
      generationId: r.generationId,
      protocolType: r.protocolType,
      // Before v7 the name is not nullable.
      protocolName: v >= 7 ? r.protocolName : (r.protocolName ?? ''),
      leader: r.leader,
      skipAssignment: v >= 9 && r.skipAssignment,
      memberId: r.memberId,
      members: r.members.map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadata })),
    };
  },
});
