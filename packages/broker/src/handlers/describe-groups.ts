// DescribeGroups v0-6. Classic groups: state, protocol type, and, when Stable, the protocol name
// and each member's metadata and assignment (other states list members without them, as Kafka).
// Unknown groups answer state "Dead", with no error before v6 and GROUP_ID_NOT_FOUND and a message
// from v6 (KIP-1043). KIP-848
// groups answer their state and protocol type "consumer" with no members (ConsumerGroupDescribe
// describes them). Skipped: authorized operations (always -2147483648, "not requested").
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { AclOperation } from '../security/acl.js';
import { OPERATIONS_NOT_REQUESTED, allowedOnGroup, authorizedOperations } from '../security/authorize.js';


export const describeGroupsHandler = defineHandler({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 6,
  handle(req, ctx) {
    const coordinator = ctx.broker.groups;
    return {
      throttleTimeMs: 0,
      groups: req.groups.map((groupId) => {
        if (!allowedOnGroup(ctx, AclOperation.DESCRIBE, groupId)) {
          return {
            errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, groupId, authorizedOperations: OPERATIONS_NOT_REQUESTED,
            groupState: '', protocolType: '', protocolData: '', members: [],
          };
        }
        const g = coordinator.get(groupId);
        const ops = ctx.apiVersion >= 3 && req.includeAuthorizedOperations ? authorizedOperations(ctx, 'group', groupId) : OPERATIONS_NOT_REQUESTED;
        const base = { errorCode: ErrorCode.NONE, groupId, authorizedOperations: ops };
        if (g === undefined || g.state === 'Dead') {
          const missing = ctx.apiVersion >= 6 ? { errorCode: ErrorCode.GROUP_ID_NOT_FOUND, errorMessage: `Group ${groupId} not found.` } : {};
          return { ...base, ...missing, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
        }
        if (g.type === 'consumer') return { ...base, groupState: g.state, protocolType: 'consumer', protocolData: '', members: [] };
        const stable = g.state === 'Stable';
        return {
          ...base,
          groupState: g.state,
          protocolType: g.protocolType ?? '',
          protocolData: stable ? (g.protocolName ?? '') : '',
          members: [...g.members.values()].map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            memberMetadata: stable ? g.memberMetadata(m) : Buffer.alloc(0),
            memberAssignment: stable ? m.assignment : Buffer.alloc(0),
          })),
        };
      }),
    };
  },
});
