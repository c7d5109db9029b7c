// Generated from AlterUserScramCredentialsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterUserScramCredentialsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AlterUserScramCredentialsRequest {
  deletions: AlterUserScramCredentialsRequestScramCredentialDeletion[];
  upsertions: AlterUserScramCredentialsRequestScramCredentialUpsertion[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestInput {
  deletions?: AlterUserScramCredentialsRequestScramCredentialDeletionInput[];
  upsertions?: AlterUserScramCredentialsRequestScramCredentialUpsertionInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialDeletion {
  name: string;
  mechanism: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialDeletionInput {
  name?: string;
  mechanism?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialUpsertion {
  name: string;
  mechanism: number;
  iterations: number;
  salt: Buffer;
  saltedPassword: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialUpsertionInput {
  name?: string;
  mechanism?: number;
  iterations?: number;
  salt?: Buffer;
  saltedPassword?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterUserScramCredentialsRequest(): AlterUserScramCredentialsRequest {
  return {
    deletions: [],
    upsertions: [],
  };
}

export function defaultAlterUserScramCredentialsRequestScramCredentialDeletion(): AlterUserScramCredentialsRequestScramCredentialDeletion {
  return {
    name: "",
    mechanism: 0,
  };
}

export function defaultAlterUserScramCredentialsRequestScramCredentialUpsertion(): AlterUserScramCredentialsRequestScramCredentialUpsertion {
  return {
    name: "",
    mechanism: 0,
    iterations: 0,
    salt: EMPTY_BYTES,
    saltedPassword: EMPTY_BYTES,
  };
}

export function writeAlterUserScramCredentialsRequest(w: Writer, v: number, m: AlterUserScramCredentialsRequestInput): void {
  { const x = m.deletions === undefined ? [] : m.deletions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterUserScramCredentialsRequestScramCredentialDeletion(w, v, e); } } }
  { const x = m.upsertions === undefined ? [] : m.upsertions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeAlterUserScramCredentialsRequestScramCredentialUpsertion(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterUserScramCredentialsRequestScramCredentialDeletion(w: Writer, v: number, m: AlterUserScramCredentialsRequestScramCredentialDeletionInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.mechanism === undefined ? 0 : m.mechanism; w.int8(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeAlterUserScramCredentialsRequestScramCredentialUpsertion(w: Writer, v: number, m: AlterUserScramCredentialsRequestScramCredentialUpsertionInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.mechanism === undefined ? 0 : m.mechanism; w.int8(x); }
  { const x = m.iterations === undefined ? 0 : m.iterations; w.int32(x); }
  { const x = m.salt === undefined ? EMPTY_BYTES : m.salt; w.compactBytes(x ?? EMPTY_BYTES); }
  { const x = m.saltedPassword === undefined ? EMPTY_BYTES : m.saltedPassword; w.compactBytes(x ?? EMPTY_BYTES); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAlterUserScramCredentialsRequest(r: Reader, v: number): AlterUserScramCredentialsRequest {
  const fDeletions: AlterUserScramCredentialsRequestScramCredentialDeletion[] = ((n: number) => { if (n < 0) return nullErr('Deletions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterUserScramCredentialsRequestScramCredentialDeletion(r, v)); return a; })(r.compactArrayLength());
  const fUpsertions: AlterUserScramCredentialsRequestScramCredentialUpsertion[] = ((n: number) => { if (n < 0) return nullErr('Upsertions'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterUserScramCredentialsRequestScramCredentialUpsertion(r, v)); return a; })(r.compactArrayLength());
  const m: AlterUserScramCredentialsRequest = { deletions: fDeletions, upsertions: fUpsertions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterUserScramCredentialsRequestScramCredentialDeletion(r: Reader, v: number): AlterUserScramCredentialsRequestScramCredentialDeletion {
  const fName: string = r.compactString();
  const fMechanism: number = r.int8();
  const m: AlterUserScramCredentialsRequestScramCredentialDeletion = { name: fName, mechanism: fMechanism };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readAlterUserScramCredentialsRequestScramCredentialUpsertion(r: Reader, v: number): AlterUserScramCredentialsRequestScramCredentialUpsertion {
  const fName: string = r.compactString();
  const fMechanism: number = r.int8();
  const fIterations: number = r.int32();
  const fSalt: Buffer = r.compactBytes();
  const fSaltedPassword: Buffer = r.compactBytes();
  const m: AlterUserScramCredentialsRequestScramCredentialUpsertion = { name: fName, mechanism: fMechanism, iterations: fIterations, salt: fSalt, saltedPassword: fSaltedPassword };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
