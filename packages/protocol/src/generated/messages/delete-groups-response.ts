// Generated from DeleteGroupsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteGroupsResponseVersions = { min: 0, max: 3, flexibleMin: 2 } as const;

export interface DeleteGroupsResponse {
  throttleTimeMs: number;
  results: DeleteGroupsResponseDeletableGroupResult[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsResponseInput {
  throttleTimeMs?: number;
  results?: DeleteGroupsResponseDeletableGroupResultInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsResponseDeletableGroupResult {
  groupId: string;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsResponseDeletableGroupResultInput {
  groupId?: string;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsResponse(): DeleteGroupsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

export function defaultDeleteGroupsResponseDeletableGroupResult(): DeleteGroupsResponseDeletableGroupResult {
  return {
    groupId: "",
    errorCode: 0,
    errorMessage: null,
  };
}

export function writeDeleteGroupsResponse(w: Writer, v: number, m: DeleteGroupsResponseInput): void {
  const flex = v >= 2;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.results === undefined ? [] : m.results; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDeleteGroupsResponseDeletableGroupResult(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, v: number, m: DeleteGroupsResponseDeletableGroupResultInput): void {
  const flex = v >= 2;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 3) { const x = m.errorMessage === undefined ? null : m.errorMessage; w.compactNullableString(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDeleteGroupsResponse(r: Reader, v: number): DeleteGroupsResponse {
  const flex = v >= 2;
  const fThrottleTimeMs: number = r.int32();
  const fResults: DeleteGroupsResponseDeletableGroupResult[] = ((n: number) => { if (n < 0) return nullErr('Results'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteGroupsResponseDeletableGroupResult(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DeleteGroupsResponse = { throttleTimeMs: fThrottleTimeMs, results: fResults };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDeleteGroupsResponseDeletableGroupResult(r: Reader, v: number): DeleteGroupsResponseDeletableGroupResult {
  const flex = v >= 2;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (v >= 3) ? r.compactNullableString() : null;
  const m: DeleteGroupsResponseDeletableGroupResult = { groupId: fGroupId, errorCode: fErrorCode, errorMessage: fErrorMessage };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
