// Generated from ListConfigResourcesResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listConfigResourcesResponseVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ListConfigResourcesResponse {
  throttleTimeMs: number;
  errorCode: number;
  configResources: ListConfigResourcesResponseConfigResource[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  configResources?: ListConfigResourcesResponseConfigResourceInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesResponseConfigResource {
  resourceName: string;
  resourceType: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesResponseConfigResourceInput {
  resourceName?: string;
  resourceType?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultListConfigResourcesResponse(): ListConfigResourcesResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    configResources: [],
  };
}

export function defaultListConfigResourcesResponseConfigResource(): ListConfigResourcesResponseConfigResource {
  return {
    resourceName: "",
    resourceType: 16,
  };
}

export function writeListConfigResourcesResponse(w: Writer, v: number, m: ListConfigResourcesResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.configResources === undefined ? [] : m.configResources; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeListConfigResourcesResponseConfigResource(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeListConfigResourcesResponseConfigResource(w: Writer, v: number, m: ListConfigResourcesResponseConfigResourceInput): void {
  { const x = m.resourceName === undefined ? "" : m.resourceName; w.compactString(x ?? ''); }
  if (v >= 1) { const x = m.resourceType === undefined ? 16 : m.resourceType; w.int8(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListConfigResourcesResponse(r: Reader, v: number): ListConfigResourcesResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fConfigResources: ListConfigResourcesResponseConfigResource[] = ((n: number) => { if (n < 0) return nullErr('ConfigResources'); const a = []; for (let i = 0; i < n; i++) a.push(readListConfigResourcesResponseConfigResource(r, v)); return a; })(r.compactArrayLength());
  const m: ListConfigResourcesResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, configResources: fConfigResources };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readListConfigResourcesResponseConfigResource(r: Reader, v: number): ListConfigResourcesResponseConfigResource {
  const fResourceName: string = r.compactString();
  const fResourceType: number = (v >= 1) ? r.int8() : 16;
  const m: ListConfigResourcesResponseConfigResource = { resourceName: fResourceName, resourceType: fResourceType };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
