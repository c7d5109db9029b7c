// Generated from UpdateRaftVoterRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const updateRaftVoterRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface UpdateRaftVoterRequest {
  clusterId: string | null;
  currentLeaderEpoch: number;
  voterId: number;
  voterDirectoryId: string;
  listeners: UpdateRaftVoterRequestListener[];
  kRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestInput {
  clusterId?: string | null;
  currentLeaderEpoch?: number;
  voterId?: number;
  voterDirectoryId?: string;
  listeners?: UpdateRaftVoterRequestListenerInput[];
  kRaftVersionFeature?: UpdateRaftVoterRequestKRaftVersionFeatureInput;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestListener {
  name: string;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestListenerInput {
  name?: string;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestKRaftVersionFeature {
  minSupportedVersion: number;
  maxSupportedVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestKRaftVersionFeatureInput {
  minSupportedVersion?: number;
  maxSupportedVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterRequest(): UpdateRaftVoterRequest {
  return {
    clusterId: "",
    currentLeaderEpoch: 0,
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    listeners: [],
    kRaftVersionFeature: defaultUpdateRaftVoterRequestKRaftVersionFeature(),
  };
}

export function defaultUpdateRaftVoterRequestListener(): UpdateRaftVoterRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function defaultUpdateRaftVoterRequestKRaftVersionFeature(): UpdateRaftVoterRequestKRaftVersionFeature {
  return {
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function writeUpdateRaftVoterRequest(w: Writer, v: number, m: UpdateRaftVoterRequestInput): void {
  { const x = m.clusterId === undefined ? "" : m.clusterId; w.compactNullableString(x); }
  { const x = m.currentLeaderEpoch === undefined ? 0 : m.currentLeaderEpoch; w.int32(x); }
  { const x = m.voterId === undefined ? 0 : m.voterId; w.int32(x); }
  { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  { const x = m.listeners === undefined ? [] : m.listeners; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeUpdateRaftVoterRequestListener(w, v, e); } } }
  { const x = m.kRaftVersionFeature === undefined ? defaultUpdateRaftVoterRequestKRaftVersionFeature() : m.kRaftVersionFeature; writeUpdateRaftVoterRequestKRaftVersionFeature(w, v, x ?? {}); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeUpdateRaftVoterRequestListener(w: Writer, v: number, m: UpdateRaftVoterRequestListenerInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeUpdateRaftVoterRequestKRaftVersionFeature(w: Writer, v: number, m: UpdateRaftVoterRequestKRaftVersionFeatureInput): void {
  { const x = m.minSupportedVersion === undefined ? 0 : m.minSupportedVersion; w.int16(x); }
  { const x = m.maxSupportedVersion === undefined ? 0 : m.maxSupportedVersion; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readUpdateRaftVoterRequest(r: Reader, v: number): UpdateRaftVoterRequest {
  const fClusterId: string | null = r.compactNullableString();
  const fCurrentLeaderEpoch: number = r.int32();
  const fVoterId: number = r.int32();
  const fVoterDirectoryId: string = r.uuid();
  const fListeners: UpdateRaftVoterRequestListener[] = ((n: number) => { if (n < 0) return nullErr('Listeners'); const a = []; for (let i = 0; i < n; i++) a.push(readUpdateRaftVoterRequestListener(r, v)); return a; })(r.compactArrayLength());
  const fKRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature = readUpdateRaftVoterRequestKRaftVersionFeature(r, v);
  const m: UpdateRaftVoterRequest = { clusterId: fClusterId, currentLeaderEpoch: fCurrentLeaderEpoch, voterId: fVoterId, voterDirectoryId: fVoterDirectoryId, listeners: fListeners, kRaftVersionFeature: fKRaftVersionFeature };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readUpdateRaftVoterRequestListener(r: Reader, v: number): UpdateRaftVoterRequestListener {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: UpdateRaftVoterRequestListener = { name: fName, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readUpdateRaftVoterRequestKRaftVersionFeature(r: Reader, v: number): UpdateRaftVoterRequestKRaftVersionFeature {
  const fMinSupportedVersion: number = r.int16();
  const fMaxSupportedVersion: number = r.int16();
  const m: UpdateRaftVoterRequestKRaftVersionFeature = { minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
