// DescribeGroups v0-5. Classic groups: state, protocol type, and, when Stable, the protocol name
// and each member's metadata and assignment (other states list members without them, as Kafka).
// Unknown groups answer state "Dead" with no error (v6 would say GROUP_ID_NOT_FOUND). KIP-848
// groups answer their state and protocol type "consumer" with no members (ConsumerGroupDescribe
// describes them). Skipped: authorized operations (always -2147483648, "not requested").
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';

const NO_OPERATIONS = -2147483648;

export const describeGroupsHandler = defineHandler({
  apiKey: ApiKey.DescribeGroups,
  minVersion: 0,
  maxVersion: 5,
  handle(req, ctx) {
    const coordinator = ctx.broker.groups;
    return {
      throttleTimeMs: 0,
      groups: req.groups.map((groupId) => {
        const g = coordinator.get(groupId);
        const base = { errorCode: ErrorCode.NONE, groupId, authorizedOperations: NO_OPERATIONS };
        if (g === undefined || g.state === 'Dead') return { ...base, groupState: 'Dead', protocolType: '', protocolData: '', members: [] };
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
