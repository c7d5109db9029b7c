// Generated from UpdateRaftVoterResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const updateRaftVoterResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface UpdateRaftVoterResponse {
  throttleTimeMs: number;
  errorCode: number;
  currentLeader: UpdateRaftVoterResponseCurrentLeader;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  currentLeader?: UpdateRaftVoterResponseCurrentLeaderInput;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterResponseCurrentLeader {
  leaderId: number;
  leaderEpoch: number;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterResponseCurrentLeaderInput {
  leaderId?: number;
  leaderEpoch?: number;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterResponse(): UpdateRaftVoterResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    currentLeader: defaultUpdateRaftVoterResponseCurrentLeader(),
  };
}

export function defaultUpdateRaftVoterResponseCurrentLeader(): UpdateRaftVoterResponseCurrentLeader {
  return {
    leaderId: -1,
    leaderEpoch: -1,
    host: "",
    port: 0,
  };
}

export function writeUpdateRaftVoterResponse(w: Writer, v: number, m: UpdateRaftVoterResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (true) { const x = m.currentLeader === undefined ? defaultUpdateRaftVoterResponseCurrentLeader() : m.currentLeader; if (!isDefaultValue(x, defaultUpdateRaftVoterResponseCurrentLeader())) tags.push([0, (w) => { writeUpdateRaftVoterResponseCurrentLeader(w, v, x ?? {}); }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeUpdateRaftVoterResponseCurrentLeader(w: Writer, v: number, m: UpdateRaftVoterResponseCurrentLeaderInput): void {
  { const x = m.leaderId === undefined ? -1 : m.leaderId; w.int32(x); }
  { const x = m.leaderEpoch === undefined ? -1 : m.leaderEpoch; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readUpdateRaftVoterResponse(r: Reader, v: number): UpdateRaftVoterResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fCurrentLeader: UpdateRaftVoterResponseCurrentLeader = defaultUpdateRaftVoterResponseCurrentLeader();
  const m: UpdateRaftVoterResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, currentLeader: fCurrentLeader };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (true) { m.currentLeader = readUpdateRaftVoterResponseCurrentLeader(t, v); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readUpdateRaftVoterResponseCurrentLeader(r: Reader, v: number): UpdateRaftVoterResponseCurrentLeader {
  const fLeaderId: number = r.int32();
  const fLeaderEpoch: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const m: UpdateRaftVoterResponseCurrentLeader = { leaderId: fLeaderId, leaderEpoch: fLeaderEpoch, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
