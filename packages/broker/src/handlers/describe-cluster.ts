// DescribeCluster v0-2 (v2: IncludeFencedBrokers; this node is never fenced). This node is the only broker and the controller. v1's endpoint type must
// be 1 (brokers): asking a broker for controllers is MISMATCHED_ENDPOINT_TYPE, any other value
// UNSUPPORTED_ENDPOINT_TYPE, as in Kafka. Served to every principal, as Kafka serves it: DESCRIBE on
// the cluster only decides whether the requested cluster authorized operations are reported (0
// without it). Skipped: racks.
import { ApiKey, ErrorCode } from '@tideline/protocol';
import { defineHandler } from '../registry.js';
import { brokerList } from './metadata.js';
import { AclOperation } from '../security/acl.js';
import { OPERATIONS_NOT_REQUESTED, allowedOnCluster, authorizedOperations } from '../security/authorize.js';

export const describeClusterHandler = defineHandler({
  apiKey: ApiKey.DescribeCluster,
  minVersion: 0,
  maxVersion: 2,
  handle(req, ctx) {
    const b = ctx.broker;
    const endpointType = ctx.apiVersion >= 1 ? req.endpointType : 1;
    if (endpointType !== 1) {
      return {
        throttleTimeMs: 0,
        errorCode: endpointType === 2 ? ErrorCode.MISMATCHED_ENDPOINT_TYPE : ErrorCode.UNSUPPORTED_ENDPOINT_TYPE,
        errorMessage: endpointType === 2 ? 'The request was sent to a broker endpoint, not a controller.' : `Unsupported endpoint type ${endpointType}`,
        endpointType,
        clusterId: b.config.clusterId,
        controllerId: -1,
        brokers: [],
      };
    }
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      errorMessage: null,
      endpointType: 1,
      clusterId: b.config.clusterId,
      controllerId: b.config.nodeId,
      brokers: brokerList(b, ctx.connection.session.listener).map((x) => ({ brokerId: x.nodeId, host: x.host, port: x.port, rack: null })),
      clusterAuthorizedOperations: !req.includeClusterAuthorizedOperations ? OPERATIONS_NOT_REQUESTED
        : allowedOnCluster(ctx, AclOperation.DESCRIBE) ? authorizedOperations(ctx, 'cluster', '') : 0,
    };
  },
});
