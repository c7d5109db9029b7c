// Generated from ShareGroupHeartbeatRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const shareGroupHeartbeatRequestVersions = { min: 1, max: 1, flexibleMin: 0 } as const;

export interface ShareGroupHeartbeatRequest {
  groupId: string;
  memberId: string;
  memberEpoch: number;
  rackId: string | null;
  subscribedTopicNames: string[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatRequestInput {
  groupId?: string;
  memberId?: string;
  memberEpoch?: number;
  rackId?: string | null;
  subscribedTopicNames?: string[] | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupHeartbeatRequest(): ShareGroupHeartbeatRequest {
  return {
    groupId: "",
    memberId: "",
    memberEpoch: 0,
    rackId: null,
    subscribedTopicNames: null,
  };
}

export function writeShareGroupHeartbeatRequest(w: Writer, v: number, m: ShareGroupHeartbeatRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.rackId === undefined ? null : m.rackId; w.compactNullableString(x); }
  { const x = m.subscribedTopicNames === undefined ? null : m.subscribedTopicNames; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { w.compactString(e ?? ''); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readShareGroupHeartbeatRequest(r: Reader, v: number): ShareGroupHeartbeatRequest {
  const fGroupId: string = r.compactString();
  const fMemberId: string = r.compactString();
  const fMemberEpoch: number = r.int32();
  const fRackId: string | null = r.compactNullableString();
  const fSubscribedTopicNames: string[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const m: ShareGroupHeartbeatRequest = { groupId: fGroupId, memberId: fMemberId, memberEpoch: fMemberEpoch, rackId: fRackId, subscribedTopicNames: fSubscribedTopicNames };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
