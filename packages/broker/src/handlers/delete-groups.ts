// DeleteGroups v0-3 (v3 adds a per-group error message, left null): deletes empty groups and their committed offsets (tombstones in
// `__consumer_offsets`). Per group: GROUP_ID_NOT_FOUND (unknown or already dead), NON_EMPTY_GROUP
// (members remain), a storage error code if the tombstones could not be written. Share groups
// (KIP-932): their share-partition states and group configs are deleted.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { allowedOnGroup } from '../security/authorize.js';

export const deleteGroupsHandler = defineHandler({
  apiKey: ApiKey.DeleteGroups,
  minVersion: 0,
  maxVersion: 3,
  async handle(req, ctx) {
    const results = [];
    for (const groupId of req.groupsNames) {
      const b = ctx.broker;
      const errorCode = !allowedOnGroup(ctx, AclOperation.DELETE, groupId)
        ? ErrorCode.GROUP_AUTHORIZATION_FAILED
        : b.shares.get(groupId) !== undefined ? await b.shares.deleteGroup(groupId) : await b.groups.deleteGroup(groupId);
      results.push({ groupId, errorCode });
    }
    return { throttleTimeMs: 0, results };
  },
});
