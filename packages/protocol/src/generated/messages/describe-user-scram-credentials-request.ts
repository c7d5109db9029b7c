// Generated from DescribeUserScramCredentialsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeUserScramCredentialsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DescribeUserScramCredentialsRequest {
  users: DescribeUserScramCredentialsRequestUserName[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsRequestInput {
  users?: DescribeUserScramCredentialsRequestUserNameInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsRequestUserName {
  name: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsRequestUserNameInput {
  name?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsRequest(): DescribeUserScramCredentialsRequest {
  return {
    users: [],
  };
}

export function defaultDescribeUserScramCredentialsRequestUserName(): DescribeUserScramCredentialsRequestUserName {
  return {
    name: "",
  };
}

export function writeDescribeUserScramCredentialsRequest(w: Writer, v: number, m: DescribeUserScramCredentialsRequestInput): void {
  { const x = m.users === undefined ? [] : m.users; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeDescribeUserScramCredentialsRequestUserName(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDescribeUserScramCredentialsRequestUserName(w: Writer, v: number, m: DescribeUserScramCredentialsRequestUserNameInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDescribeUserScramCredentialsRequest(r: Reader, v: number): DescribeUserScramCredentialsRequest {
  const fUsers: DescribeUserScramCredentialsRequestUserName[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readDescribeUserScramCredentialsRequestUserName(r, v)); return a; })(r.compactArrayLength());
  const m: DescribeUserScramCredentialsRequest = { users: fUsers };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDescribeUserScramCredentialsRequestUserName(r: Reader, v: number): DescribeUserScramCredentialsRequestUserName {
  const fName: string = r.compactString();
  const m: DescribeUserScramCredentialsRequestUserName = { name: fName };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
