// Generated from CreateDelegationTokenRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const createDelegationTokenRequestVersions = { min: 1, max: 3, flexibleMin: 2 } as const;

export interface CreateDelegationTokenRequest {
  ownerPrincipalType: string | null;
  ownerPrincipalName: string | null;
  renewers: CreateDelegationTokenRequestCreatableRenewers[];
  maxLifetimeMs: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenRequestInput {
  ownerPrincipalType?: string | null;
  ownerPrincipalName?: string | null;
  renewers?: CreateDelegationTokenRequestCreatableRenewersInput[];
  maxLifetimeMs?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenRequestCreatableRenewers {
  principalType: string;
  principalName: string;
  unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenRequestCreatableRenewersInput {
  principalType?: string;
  principalName?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenRequest(): CreateDelegationTokenRequest {
  return {
    ownerPrincipalType: "",
    ownerPrincipalName: "",
    renewers: [],
    maxLifetimeMs: 0n,
  };
}

export function defaultCreateDelegationTokenRequestCreatableRenewers(): CreateDelegationTokenRequestCreatableRenewers {
  return {
    principalType: "",
    principalName: "",
  };
}

export function writeCreateDelegationTokenRequest(w: Writer, v: number, m: CreateDelegationTokenRequestInput): void {
  const flex = v >= 2;
  if (v >= 3) { const x = m.ownerPrincipalType === undefined ? "" : m.ownerPrincipalType; w.compactNullableString(x); }
  if (v >= 3) { const x = m.ownerPrincipalName === undefined ? "" : m.ownerPrincipalName; w.compactNullableString(x); }
  { const x = m.renewers === undefined ? [] : m.renewers; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeCreateDelegationTokenRequestCreatableRenewers(w, v, e); } } }
  { const x = m.maxLifetimeMs === undefined ? 0n : m.maxLifetimeMs; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeCreateDelegationTokenRequestCreatableRenewers(w: Writer, v: number, m: CreateDelegationTokenRequestCreatableRenewersInput): void {
  const flex = v >= 2;
  { const x = m.principalType === undefined ? "" : m.principalType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.principalName === undefined ? "" : m.principalName; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readCreateDelegationTokenRequest(r: Reader, v: number): CreateDelegationTokenRequest {
  const flex = v >= 2;
  const fOwnerPrincipalType: string | null = (v >= 3) ? r.compactNullableString() : "";
  const fOwnerPrincipalName: string | null = (v >= 3) ? r.compactNullableString() : "";
  const fRenewers: CreateDelegationTokenRequestCreatableRenewers[] = ((n: number) => { if (n < 0) return nullErr('Renewers'); const a = []; for (let i = 0; i < n; i++) a.push(readCreateDelegationTokenRequestCreatableRenewers(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fMaxLifetimeMs: bigint = r.int64();
  const m: CreateDelegationTokenRequest = { ownerPrincipalType: fOwnerPrincipalType, ownerPrincipalName: fOwnerPrincipalName, renewers: fRenewers, maxLifetimeMs: fMaxLifetimeMs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readCreateDelegationTokenRequestCreatableRenewers(r: Reader, v: number): CreateDelegationTokenRequestCreatableRenewers {
  const flex = v >= 2;
  const fPrincipalType: string = (flex ? r.compactString() : r.string());
  const fPrincipalName: string = (flex ? r.compactString() : r.string());
  const m: CreateDelegationTokenRequestCreatableRenewers = { principalType: fPrincipalType, principalName: fPrincipalName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
