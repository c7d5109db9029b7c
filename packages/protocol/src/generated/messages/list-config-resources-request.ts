// Generated from ListConfigResourcesRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const listConfigResourcesRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ListConfigResourcesRequest {
  resourceTypes: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesRequestInput {
  resourceTypes?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultListConfigResourcesRequest(): ListConfigResourcesRequest {
  return {
    resourceTypes: [],
  };
}

export function writeListConfigResourcesRequest(w: Writer, v: number, m: ListConfigResourcesRequestInput): void {
  if (v >= 1) { const x = m.resourceTypes === undefined ? [] : m.resourceTypes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int8(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readListConfigResourcesRequest(r: Reader, v: number): ListConfigResourcesRequest {
  const fResourceTypes: number[] = (v >= 1) ? ((n: number) => { if (n < 0) return nullErr('ResourceTypes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int8()); return a; })(r.compactArrayLength()) : [];
  const m: ListConfigResourcesRequest = { resourceTypes: fResourceTypes };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
