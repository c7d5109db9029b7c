// Generated from DescribeClusterResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeClusterResponseVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface DescribeClusterResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  endpointType: number;
  clusterId: string;
  controllerId: number;
  brokers: DescribeClusterResponseDescribeClusterBroker[];
  clusterAuthorizedOperations: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  endpointType?: number;
  clusterId?: string;
  controllerId?: number;
  brokers?: DescribeClusterResponseDescribeClusterBrokerInput[];
  clusterAuthorizedOperations?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterResponseDescribeClusterBroker {
  brokerId: number;
  host: string;
  port: number;
  rack: string | null;
  isFenced: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClusterResponseDescribeClusterBrokerInput {
  brokerId?: number;
  host?: string;
  port?: number;
  rack?: string | null;
  isFenced?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClusterResponse(): DescribeClusterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    endpointType: 1,
    clusterId: "",
    controllerId: -1,
    brokers: [],
    clusterAuthorizedOperations: -2147483648,
  };
}

export function defaultDescribeClusterResponseDescribeClusterBroker(): DescribeClusterResponseDescribeClusterBroker {
  return {
    brokerId: 0,
    host: "",
    port: 0,
    rack: null,
    isFenced: false,
  };
}

export function writeDescribeClusterResponse(w: Writer, v: number, m: DescribeClusterResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  if (v >= 1) { const x = m.endpointType === undefined ? 1 : m.endpointType; w.int8(x); }
  { const x = m.clusterId === undefined ? "" : m.clusterId; w.compactString(x ?? ''); }
  { const x = m.controllerId === undefined ? -1 : m.controllerId; w.int32(x); }
  { const x = m.brokers === undefined ? [] : m.brokers; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDescribeClusterResponseDescribeClusterBroker(w, v, e); } } }
  { const x = m.clusterAuthorizedOperations === undefined ? -2147483648 : m.clusterAuthorizedOperations; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeClusterResponseDescribeClusterBroker(w: Writer, v: number, m: DescribeClusterResponseDescribeClusterBrokerInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.rack === undefined ? null : m.rack; w.compactNullableString(x); }
  if (v >= 2) { const x = m.isFenced === undefined ? false : m.isFenced; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeClusterResponse(r: Reader, v: number): DescribeClusterResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const fEndpointType: number = (v >= 1) ? r.int8() : 1;
  const fClusterId: string = r.compactString();
  const fControllerId: number = r.int32();
  const fBrokers: DescribeClusterResponseDescribeClusterBroker[] = ((n: number) => { if (n < 0) return nullErr('Brokers'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeClusterResponseDescribeClusterBroker(r, v)); return a; })(r.compactArrayLength());
  const fClusterAuthorizedOperations: number = r.int32();
  const m: DescribeClusterResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, endpointType: fEndpointType, clusterId: fClusterId, controllerId: fControllerId, brokers: fBrokers, clusterAuthorizedOperations: fClusterAuthorizedOperations };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeClusterResponseDescribeClusterBroker(r: Reader, v: number): DescribeClusterResponseDescribeClusterBroker {
  const fBrokerId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const fRack: string | null = r.compactNullableString();
  const fIsFenced: boolean = (v >= 2) ? r.bool() : false;
  const m: DescribeClusterResponseDescribeClusterBroker = { brokerId: fBrokerId, host: fHost, port: fPort, rack: fRack, isFenced: fIsFenced };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
