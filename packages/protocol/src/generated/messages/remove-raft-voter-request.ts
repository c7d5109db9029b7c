// Generated from RemoveRaftVoterRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const removeRaftVoterRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface RemoveRaftVoterRequest {
  clusterId: string | null;
  voterId: number;
  voterDirectoryId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface RemoveRaftVoterRequestInput {
  clusterId?: string | null;
  voterId?: number;
  voterDirectoryId?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultRemoveRaftVoterRequest(): RemoveRaftVoterRequest {
  return {
    clusterId: "",
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

export function writeRemoveRaftVoterRequest(w: Writer, v: number, m: RemoveRaftVoterRequestInput): void {
  { const x = m.clusterId === undefined ? "" : m.clusterId; w.compactNullableString(x); }
  { const x = m.voterId === undefined ? 0 : m.voterId; w.int32(x); }
  { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readRemoveRaftVoterRequest(r: Reader, v: number): RemoveRaftVoterRequest {
  const fClusterId: string | null = r.compactNullableString();
  const fVoterId: number = r.int32();
  const fVoterDirectoryId: string = r.uuid();
  const m: RemoveRaftVoterRequest = { clusterId: fClusterId, voterId: fVoterId, voterDirectoryId: fVoterDirectoryId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
