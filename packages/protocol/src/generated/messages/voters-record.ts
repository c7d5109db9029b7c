// Generated from VotersRecord.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const votersRecordVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface VotersRecord {
  version: number;
  voters: VotersRecordVoter[];
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordInput {
  version?: number;
  voters?: VotersRecordVoterInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordVoter {
  voterId: number;
  voterDirectoryId: string;
  endpoints: VotersRecordEndpoint[];
  kRaftVersionFeature: VotersRecordKRaftVersionFeature;
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordVoterInput {
  voterId?: number;
  voterDirectoryId?: string;
  endpoints?: VotersRecordEndpointInput[];
  kRaftVersionFeature?: VotersRecordKRaftVersionFeatureInput;
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordEndpoint {
  name: string;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordEndpointInput {
  name?: string;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordKRaftVersionFeature {
  minSupportedVersion: number;
  maxSupportedVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordKRaftVersionFeatureInput {
  minSupportedVersion?: number;
  maxSupportedVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultVotersRecord(): VotersRecord {
  return {
    version: 0,
    voters: [],
  };
}

export function defaultVotersRecordVoter(): VotersRecordVoter {
  return {
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    endpoints: [],
    kRaftVersionFeature: defaultVotersRecordKRaftVersionFeature(),
  };
}

export function defaultVotersRecordEndpoint(): VotersRecordEndpoint {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function defaultVotersRecordKRaftVersionFeature(): VotersRecordKRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function writeVotersRecord(w: Writer, v: number, m: VotersRecordInput): void {
  { const x = m.version === undefined ? 0 : m.version; w.int16(x); }
  { const x = m.voters === undefined ? [] : m.voters; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVotersRecordVoter(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVotersRecordVoter(w: Writer, v: number, m: VotersRecordVoterInput): void {
  { const x = m.voterId === undefined ? 0 : m.voterId; w.int32(x); }
  { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  { const x = m.endpoints === undefined ? [] : m.endpoints; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeVotersRecordEndpoint(w, v, e); } } }
  { const x = m.kRaftVersionFeature === undefined ? defaultVotersRecordKRaftVersionFeature() : m.kRaftVersionFeature; writeVotersRecordKRaftVersionFeature(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVotersRecordEndpoint(w: Writer, v: number, m: VotersRecordEndpointInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeVotersRecordKRaftVersionFeature(w: Writer, v: number, m: VotersRecordKRaftVersionFeatureInput): void {
  { const x = m.minSupportedVersion === undefined ? 0 : m.minSupportedVersion; w.int16(x); }
  { const x = m.maxSupportedVersion === undefined ? 0 : m.maxSupportedVersion; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readVotersRecord(r: Reader, v: number): VotersRecord {
  const fVersion: number = r.int16();
  const fVoters: VotersRecordVoter[] = ((n: number) => { if (n < 0) return nullErr('Voters'); const a = []; for (let i = 0; i < n; i++) a.push(readVotersRecordVoter(r, v)); return a; })(r.compactArrayLength());
  const m: VotersRecord = { version: fVersion, voters: fVoters };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVotersRecordVoter(r: Reader, v: number): VotersRecordVoter {
  const fVoterId: number = r.int32();
  const fVoterDirectoryId: string = r.uuid();
  const fEndpoints: VotersRecordEndpoint[] = ((n: number) => { if (n < 0) return nullErr('Endpoints'); const a = []; for (let i = 0; i < n; i++) a.push(readVotersRecordEndpoint(r, v)); return a; })(r.compactArrayLength());
  const fKRaftVersionFeature: VotersRecordKRaftVersionFeature = readVotersRecordKRaftVersionFeature(r, v);
  const m: VotersRecordVoter = { voterId: fVoterId, voterDirectoryId: fVoterDirectoryId, endpoints: fEndpoints, kRaftVersionFeature: fKRaftVersionFeature };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVotersRecordEndpoint(r: Reader, v: number): VotersRecordEndpoint {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: VotersRecordEndpoint = { name: fName, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readVotersRecordKRaftVersionFeature(r: Reader, v: number): VotersRecordKRaftVersionFeature {
  const fMinSupportedVersion: number = r.int16();
  const fMaxSupportedVersion: number = r.int16();
  const m: VotersRecordKRaftVersionFeature = { minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
