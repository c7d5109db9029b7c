// ListGroups v0-5: every live group of this node. v4+ filter by state (case-insensitive, as
// Kafka), v5+ by type ("classic", "consumer", "share") and answer each group's type. Share groups
// (KIP-932) are listed with protocol type "share" (Empty or Stable). Simple groups (offsets
// committed without membership) are classic groups with an empty protocol type.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnCluster, allowedOnGroup } from '../security/authorize.js';

export const listGroupsHandler = defineHandler({
  apiKey: ApiKey.ListGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(req, ctx) {
    const v = ctx.apiVersion;
    const states = new Set((v >= 4 ? req.statesFilter : []).map((s) => s.toLowerCase()));
    const types = new Set((v >= 5 ? req.typesFilter : []).map((s) => s.toLowerCase()));
    // DESCRIBE on the cluster lists every group; otherwise the groups the principal may DESCRIBE.
    const all = allowedOnCluster(ctx, AclOperation.DESCRIBE);
    const shareGroups = ctx.broker.shares.list().map((g) => ({ groupId: g.groupId, protocolType: 'share', groupState: g.state, groupType: 'share' }));
    const groups = [...ctx.broker.groups.list(), ...shareGroups]
      .filter((g) => (all || allowedOnGroup(ctx, AclOperation.DESCRIBE, g.groupId)) && (states.size === 0 || states.has(g.groupState.toLowerCase())) && (types.size === 0 || types.has(g.groupType)))
      .sort((a, b) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, groups };
  },
});
