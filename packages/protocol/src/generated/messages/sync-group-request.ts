// Generated from SyncGroupRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const syncGroupRequestVersions = { min: 0, max: 5, flexibleMin: 4 } as const;

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignments: SyncGroupRequestSyncGroupRequestAssignment[];
  unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupRequestInput {
  groupId?: string;
  generationId?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  protocolType?: string | null;
  protocolName?: string | null;
  assignments?: SyncGroupRequestSyncGroupRequestAssignmentInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupRequestSyncGroupRequestAssignment {
  memberId: string;
  assignment: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupRequestSyncGroupRequestAssignmentInput {
  memberId?: string;
  assignment?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupRequest(): SyncGroupRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
    protocolType: null,
    protocolName: null,
    assignments: [],
  };
}

export function defaultSyncGroupRequestSyncGroupRequestAssignment(): SyncGroupRequestSyncGroupRequestAssignment {
  return {
    memberId: "",
    assignment: EMPTY_BYTES,
  };
}

export function writeSyncGroupRequest(w: Writer, v: number, m: SyncGroupRequestInput): void {
  const flex = v >= 4;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.generationId === undefined ? 0 : m.generationId; w.int32(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 3) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v >= 5) { const x = m.protocolType === undefined ? null : m.protocolType; w.compactNullableString(x); }
  if (v >= 5) { const x = m.protocolName === undefined ? null : m.protocolName; w.compactNullableString(x); }
  { const x = m.assignments === undefined ? [] : m.assignments; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeSyncGroupRequestSyncGroupRequestAssignment(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeSyncGroupRequestSyncGroupRequestAssignment(w: Writer, v: number, m: SyncGroupRequestSyncGroupRequestAssignmentInput): void {
  const flex = v >= 4;
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.assignment === undefined ? EMPTY_BYTES : m.assignment; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readSyncGroupRequest(r: Reader, v: number): SyncGroupRequest {
  const flex = v >= 4;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fGenerationId: number = r.int32();
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (v >= 3) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fProtocolType: string | null = (v >= 5) ? r.compactNullableString() : null;
  const fProtocolName: string | null = (v >= 5) ? r.compactNullableString() : null;
  const fAssignments: SyncGroupRequestSyncGroupRequestAssignment[] = ((n: number) => { if (n < 0) return nullErr('Assignments'); const a = []; for (let i = 0; i < n; i++) a.push(readSyncGroupRequestSyncGroupRequestAssignment(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: SyncGroupRequest = { groupId: fGroupId, generationId: fGenerationId, memberId: fMemberId, groupInstanceId: fGroupInstanceId, protocolType: fProtocolType, protocolName: fProtocolName, assignments: fAssignments };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readSyncGroupRequestSyncGroupRequestAssignment(r: Reader, v: number): SyncGroupRequestSyncGroupRequestAssignment {
  const flex = v >= 4;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fAssignment: Buffer = (flex ? r.compactBytes() : r.bytes());
  const m: SyncGroupRequestSyncGroupRequestAssignment = { memberId: fMemberId, assignment: fAssignment };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
