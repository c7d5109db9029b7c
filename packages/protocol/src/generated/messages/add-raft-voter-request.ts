// Generated from AddRaftVoterRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const addRaftVoterRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface AddRaftVoterRequest {
  clusterId: string | null;
  timeoutMs: number;
  voterId: number;
  voterDirectoryId: string;
  listeners: AddRaftVoterRequestListener[];
  ackWhenCommitted: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterRequestInput {
  clusterId?: string | null;
  timeoutMs?: number;
  voterId?: number;
  voterDirectoryId?: string;
  listeners?: AddRaftVoterRequestListenerInput[];
  ackWhenCommitted?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterRequestListener {
  name: string;
  host: string;
  port: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterRequestListenerInput {
  name?: string;
  host?: string;
  port?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterRequest(): AddRaftVoterRequest {
  return {
    clusterId: "",
    timeoutMs: 0,
    voterId: 0,
    voterDirectoryId: "AAAAAAAAAAAAAAAAAAAAAA",
    listeners: [],
    ackWhenCommitted: true,
  };
}

export function defaultAddRaftVoterRequestListener(): AddRaftVoterRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
  };
}

export function writeAddRaftVoterRequest(w: Writer, v: number, m: AddRaftVoterRequestInput): void {
  { const x = m.clusterId === undefined ? "" : m.clusterId; w.compactNullableString(x); }
  { const x = m.timeoutMs === undefined ? 0 : m.timeoutMs; w.int32(x); }
  { const x = m.voterId === undefined ? 0 : m.voterId; w.int32(x); }
  { const x = m.voterDirectoryId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.voterDirectoryId; w.uuid(x); }
  { const x = m.listeners === undefined ? [] : m.listeners; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAddRaftVoterRequestListener(w, v, e); } } }
  if (v >= 1) { const x = m.ackWhenCommitted === undefined ? true : m.ackWhenCommitted; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAddRaftVoterRequestListener(w: Writer, v: number, m: AddRaftVoterRequestListenerInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAddRaftVoterRequest(r: Reader, v: number): AddRaftVoterRequest {
  const fClusterId: string | null = r.compactNullableString();
  const fTimeoutMs: number = r.int32();
  const fVoterId: number = r.int32();
  const fVoterDirectoryId: string = r.uuid();
  const fListeners: AddRaftVoterRequestListener[] = ((n: number) => { if (n < 0) return nullErr('Listeners'); const a = []; for (let i = 0; i < n; i++) a.push(readAddRaftVoterRequestListener(r, v)); return a; })(r.compactArrayLength());
  const fAckWhenCommitted: boolean = (v >= 1) ? r.bool() : true;
  const m: AddRaftVoterRequest = { clusterId: fClusterId, timeoutMs: fTimeoutMs, voterId: fVoterId, voterDirectoryId: fVoterDirectoryId, listeners: fListeners, ackWhenCommitted: fAckWhenCommitted };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAddRaftVoterRequestListener(r: Reader, v: number): AddRaftVoterRequestListener {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const m: AddRaftVoterRequestListener = { name: fName, host: fHost, port: fPort };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
