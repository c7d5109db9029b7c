// Generated from LeaderChangeMessage.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const leaderChangeMessageVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface LeaderChangeMessage {
  version: number;
  leaderId: number;
  voters: LeaderChangeMessageVoter[];
  grantingVoters: LeaderChangeMessageVoter[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderChangeMessageInput {
  version?: number;
  leaderId?: number;
  voters?: LeaderChangeMessageVoterInput[];
  grantingVoters?: LeaderChangeMessageVoterInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderChangeMessageVoter {
  voterId: number;
  voterDirectoryId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface LeaderChangeMessageVoterInput {
  voterId?: number;
  voterDirectoryId?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultLeaderChangeMessage(): LeaderChangeMessage {
  return {
    version: 0,
    leaderId: 0,
    voters: [],
    grantingVoters: [],
  };
}

export function defaultLeaderChangeMessageVoter(): LeaderChangeMessageVoter {
  return {
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

export function writeLeaderChangeMessage(w: Writer, v: number, m: LeaderChangeMessageInput): void {
  { const x = m.version === undefined ? 0 : m.version; w.int16(x); }
  { const x = m.leaderId === undefined ? 0 : m.leaderId; w.int32(x); }
  { const x = m.voters === undefined ? [] : m.voters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeLeaderChangeMessageVoter(w, v, e); } } }
  { const x = m.grantingVoters === undefined ? [] : m.grantingVoters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeLeaderChangeMessageVoter(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeLeaderChangeMessageVoter(w: Writer, v: number, m: LeaderChangeMessageVoterInput): void {
  { const x = m.voterId === undefined ? 0 : m.voterId; w.int32(x); }
  if (v >= 1) { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readLeaderChangeMessage(r: Reader, v: number): LeaderChangeMessage {
  const fVersion: number = r.int16();
  const fLeaderId: number = r.int32();
  const fVoters: LeaderChangeMessageVoter[] = ((n: number) => { if (n < 0) return nullErr('Voters'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderChangeMessageVoter(r, v)); return a; })(r.compactArrayLength());
  const fGrantingVoters: LeaderChangeMessageVoter[] = ((n: number) => { if (n < 0) return nullErr('GrantingVoters'); const a = []; for (let i = 0; i < n; i++) a.push(readLeaderChangeMessageVoter(r, v)); return a; })(r.compactArrayLength());
  const m: LeaderChangeMessage = { version: fVersion, leaderId: fLeaderId, voters: fVoters, grantingVoters: fGrantingVoters };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readLeaderChangeMessageVoter(r: Reader, v: number): LeaderChangeMessageVoter {
  const fVoterId: number = r.int32();
  const fVoterDirectoryId: string = (v >= 1) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const m: LeaderChangeMessageVoter = { voterId: fVoterId, voterDirectoryId: fVoterDirectoryId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
