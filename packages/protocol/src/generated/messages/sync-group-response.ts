// Generated from SyncGroupResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const syncGroupResponseVersions = { min: 0, max: 5, flexibleMin: 4 } as const;

export interface SyncGroupResponse {
  throttleTimeMs: number;
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  protocolType?: string | null;
  protocolName?: string | null;
  assignment?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupResponse(): SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    protocolType: null,
    protocolName: null,
    assignment: EMPTY_BYTES,
  };
}

export function writeSyncGroupResponse(w: Writer, v: number, m: SyncGroupResponseInput): void {
  const flex = v >= 4;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 5) { const x = m.protocolType === undefined ? null : m.protocolType; w.compactNullableString(x); }
  if (v >= 5) { const x = m.protocolName === undefined ? null : m.protocolName; w.compactNullableString(x); }
  { const x = m.assignment === undefined ? EMPTY_BYTES : m.assignment; (flex ? w.compactBytes(x ?? EMPTY_BYTES) : w.bytes(x ?? EMPTY_BYTES)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readSyncGroupResponse(r: Reader, v: number): SyncGroupResponse {
  const flex = v >= 4;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fErrorCode: number = r.int16();
  const fProtocolType: string | null = (v >= 5) ? r.compactNullableString() : null;
  const fProtocolName: string | null = (v >= 5) ? r.compactNullableString() : null;
  const fAssignment: Buffer = (flex ? r.compactBytes() : r.bytes());
  const m: SyncGroupResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, protocolType: fProtocolType, protocolName: fProtocolName, assignment: fAssignment };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
