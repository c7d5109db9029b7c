// Generated from JoinGroupRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const joinGroupRequestVersions = { min: 0, max: 9, flexibleMin: 6 } as const;

export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: JoinGroupRequestJoinGroupRequestProtocol[];
  reason: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupRequestInput {
  groupId?: string;
  sessionTimeoutMs?: number;
  rebalanceTimeoutMs?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  protocolType?: string;
  protocols?: JoinGroupRequestJoinGroupRequestProtocolInput[];
  reason?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupRequestJoinGroupRequestProtocol {
  name: string;
  metadata: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupRequestJoinGroupRequestProtocolInput {
  name?: string;
  metadata?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupRequest(): JoinGroupRequest {
  return {
    groupId: "",
    sessionTimeoutMs: 0,
    rebalanceTimeoutMs: -1,
    memberId: "",
    groupInstanceId: null,
    protocolType: "",
    protocols: [],
    reason: null,
  };
}

export function defaultJoinGroupRequestJoinGroupRequestProtocol(): JoinGroupRequestJoinGroupRequestProtocol {
  return {
    name: "",
    metadata: EMPTY_BYTES,
  };
}

export function writeJoinGroupRequest(w: Writer, v: number, m: JoinGroupRequestInput): void {
  const flex = v >= 6;
  { const x = m.groupId === undefined ? "" : m.groupId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.sessionTimeoutMs === undefined ? 0 : m.sessionTimeoutMs; w.int32(x); }
  if (v >= 1) { const x = m.rebalanceTimeoutMs === undefined ? -1 : m.rebalanceTimeoutMs; w.int32(x); }
  { const x = m.memberId === undefined ? "" : m.memberId; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v >= 5) { const x = m.groupInstanceId === undefined ? null : m.groupInstanceId; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.protocolType === undefined ? "" : m.protocolType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.protocols === undefined ? [] : m.protocols; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeJoinGroupRequestJoinGroupRequestProtocol(w, v, e); } } }
  if (v >= 8) { const x = m.reason === undefined ? null : m.reason; w.compactNullableString(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeJoinGroupRequestJoinGroupRequestProtocol(w: Writer, v: number, m: JoinGroupRequestJoinGroupRequestProtocolInput): void {
  const flex = v >= 6;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.metadata === undefined ? EMPTY_BYTES : m.metadata; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readJoinGroupRequest(r: Reader, v: number): JoinGroupRequest {
  const flex = v >= 6;
  const fGroupId: string = (flex ? r.compactString() : r.string());
  const fSessionTimeoutMs: number = r.int32();
  const fRebalanceTimeoutMs: number = (v >= 1) ? r.int32() : -1;
  const fMemberId: string = (flex ? r.compactString() : r.string());
  const fGroupInstanceId: string | null = (v >= 5) ? (flex ? r.compactNullableString() : r.nullableString()) : null;
  const fProtocolType: string = (flex ? r.compactString() : r.string());
  const fProtocols: JoinGroupRequestJoinGroupRequestProtocol[] = ((n: number) => { if (n < 0) return nullErr('Protocols'); const a = []; for (let i = 0; i < n; i++) a.push(readJoinGroupRequestJoinGroupRequestProtocol(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fReason: string | null = (v >= 8) ? r.compactNullableString() : null;
  const m: JoinGroupRequest = { groupId: fGroupId, sessionTimeoutMs: fSessionTimeoutMs, rebalanceTimeoutMs: fRebalanceTimeoutMs, memberId: fMemberId, groupInstanceId: fGroupInstanceId, protocolType: fProtocolType, protocols: fProtocols, reason: fReason };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readJoinGroupRequestJoinGroupRequestProtocol(r: Reader, v: number): JoinGroupRequestJoinGroupRequestProtocol {
  const flex = v >= 6;
  const fName: string = (flex ? r.compactString() : r.string());
  const fMetadata: Buffer = (flex ? r.compactBytes() : r.bytes());
  const m: JoinGroupRequestJoinGroupRequestProtocol = { name: fName, metadata: fMetadata };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
