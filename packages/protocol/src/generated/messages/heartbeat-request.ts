// Generated from HeartbeatRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const heartbeatRequestVersions = { min: 0, max: 4, flexibleMin: 4 } as const;

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface HeartbeatRequestInput {
  groupId?: string;
  generationId?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultHeartbeatRequest(): HeartbeatRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
  };
}

export function writeHeartbeatRequest(w: Writer, v: number, m: HeartbeatRequestInput): void {
  const flex = v >= 4;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.generationId === undefined ? 0 : m.generationId; w.int32(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 3) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readHeartbeatRequest(r: Reader, v: number): HeartbeatRequest {
  const flex = v >= 4;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fGenerationId: number = r.int32();
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (v >= 3) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const m: HeartbeatRequest = { groupId: fGroupId, generationId: fGenerationId, memberId: fMemberId, groupInstanceId: fGroupInstanceId };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
