// Generated from ListClientMetricsResourcesResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listClientMetricsResourcesResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ListClientMetricsResourcesResponse {
  throttleTimeMs: number;
  errorCode: number;
  clientMetricsResources: ListClientMetricsResourcesResponseClientMetricsResource[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListClientMetricsResourcesResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  clientMetricsResources?: ListClientMetricsResourcesResponseClientMetricsResourceInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListClientMetricsResourcesResponseClientMetricsResource {
  name: string;
  unknownTaggedFields?: TaggedField[];
}

export interface ListClientMetricsResourcesResponseClientMetricsResourceInput {
  name?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListClientMetricsResourcesResponse(): ListClientMetricsResourcesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientMetricsResources: [],
  };
}

export function defaultListClientMetricsResourcesResponseClientMetricsResource(): ListClientMetricsResourcesResponseClientMetricsResource {
  return {
    name: "",
  };
}

export function writeListClientMetricsResourcesResponse(w: Writer, v: number, m: ListClientMetricsResourcesResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.clientMetricsResources === undefined ? [] : m.clientMetricsResources; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeListClientMetricsResourcesResponseClientMetricsResource(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeListClientMetricsResourcesResponseClientMetricsResource(w: Writer, v: number, m: ListClientMetricsResourcesResponseClientMetricsResourceInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListClientMetricsResourcesResponse(r: Reader, v: number): ListClientMetricsResourcesResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fClientMetricsResources: ListClientMetricsResourcesResponseClientMetricsResource[] = ((n: number) => { if (n < 0) return nullErr('ClientMetricsResources'); const a = []; for (let i = 0; i < n; i++) a.push(readListClientMetricsResourcesResponseClientMetricsResource(r, v)); return a; })(r.compactArrayLength());
  const m: ListClientMetricsResourcesResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, clientMetricsResources: fClientMetricsResources };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readListClientMetricsResourcesResponseClientMetricsResource(r: Reader, v: number): ListClientMetricsResourcesResponseClientMetricsResource {
  const fName: string = r.compactString();
  const m: ListClientMetricsResourcesResponseClientMetricsResource = { name: fName };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
