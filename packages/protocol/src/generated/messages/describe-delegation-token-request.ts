// Generated from DescribeDelegationTokenRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeDelegationTokenRequestVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface DescribeDelegationTokenRequest {
  owners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenRequestInput {
  owners?: DescribeDelegationTokenRequestDescribeDelegationTokenOwnerInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  principalType: string;
  principalName: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenRequestDescribeDelegationTokenOwnerInput {
  principalType?: string;
  principalName?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenRequest(): DescribeDelegationTokenRequest {
  return {
    owners: [],
  };
}

export function defaultDescribeDelegationTokenRequestDescribeDelegationTokenOwner(): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  return {
    principalType: "",
    principalName: "",
  };
}

export function writeDescribeDelegationTokenRequest(w: Writer, v: number, m: DescribeDelegationTokenRequestInput): void {
  const flex = v >= 2;
  { const x = m.owners === undefined ? [] : m.owners; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w: Writer, v: number, m: DescribeDelegationTokenRequestDescribeDelegationTokenOwnerInput): void {
  const flex = v >= 2;
  { const x = m.principalType === undefined ? "" : m.principalType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.principalName === undefined ? "" : m.principalName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeDelegationTokenRequest(r: Reader, v: number): DescribeDelegationTokenRequest {
  const flex = v >= 2;
  const fOwners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeDelegationTokenRequest = { owners: fOwners };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r: Reader, v: number): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  const flex = v >= 2;
  const fPrincipalType: string = (flex ? r.compactString() : r.string());
  const fPrincipalName: string = (flex ? r.compactString() : r.string());
  const m: DescribeDelegationTokenRequestDescribeDelegationTokenOwner = { principalType: fPrincipalType, principalName: fPrincipalName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
