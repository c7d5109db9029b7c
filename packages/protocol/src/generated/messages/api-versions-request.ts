// Generated from ApiVersionsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const apiVersionsRequestVersions = { min: 0, max: 5, flexibleMin: 3 } as const;

export interface ApiVersionsRequest {
  clientSoftwareName: string;
  clientSoftwareVersion: string;
  clusterId: string | null;
  nodeId: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsRequestInput {
  clientSoftwareName?: string;
  clientSoftwareVersion?: string;
  clusterId?: string | null;
  nodeId?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsRequest(): ApiVersionsRequest {
  return {
    clientSoftwareName: "",
    clientSoftwareVersion: "",
    clusterId: null,
    nodeId: -1,
  };
}

export function writeApiVersionsRequest(w: Writer, v: number, m: ApiVersionsRequestInput): void {
  const flex = v >= 3;
  if (v >= 3) { const x = m.clientSoftwareName === undefined ? "" : m.clientSoftwareName; w.compactString(x ?? ''); }
  if (v >= 3) { const x = m.clientSoftwareVersion === undefined ? "" : m.clientSoftwareVersion; w.compactString(x ?? ''); }
  if (v >= 5) { const x = m.clusterId === undefined ? null : m.clusterId; w.compactNullableString(x); }
  if (v >= 5) { const x = m.nodeId === undefined ? -1 : m.nodeId; w.int32(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readApiVersionsRequest(r: Reader, v: number): ApiVersionsRequest {
  const flex = v >= 3;
  const fClientSoftwareName: string = (v >= 3) ? r.compactString() : "";
  const fClientSoftwareVersion: string = (v >= 3) ? r.compactString() : "";
  const fClusterId: string | null = (v >= 5) ? r.compactNullableString() : null;
  const fNodeId: number = (v >= 5) ? r.int32() : -1;
  const m: ApiVersionsRequest = { clientSoftwareName: fClientSoftwareName, clientSoftwareVersion: fClientSoftwareVersion, clusterId: fClusterId, nodeId: fNodeId };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
