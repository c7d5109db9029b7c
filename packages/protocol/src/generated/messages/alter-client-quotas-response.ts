// Generated from AlterClientQuotasResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterClientQuotasResponseVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface AlterClientQuotasResponse {
  throttleTimeMs: number;
  entries: AlterClientQuotasResponseEntryData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseInput {
  throttleTimeMs?: number;
  entries?: AlterClientQuotasResponseEntryDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntryData {
  errorCode: number;
  errorMessage: string | null;
  entity: AlterClientQuotasResponseEntityData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntryDataInput {
  errorCode?: number;
  errorMessage?: string | null;
  entity?: AlterClientQuotasResponseEntityDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntityData {
  entityType: string;
  entityName: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntityDataInput {
  entityType?: string;
  entityName?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasResponse(): AlterClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    entries: [],
  };
}

export function defaultAlterClientQuotasResponseEntryData(): AlterClientQuotasResponseEntryData {
  return {
    errorCode: 0,
    errorMessage: "",
    entity: [],
  };
}

export function defaultAlterClientQuotasResponseEntityData(): AlterClientQuotasResponseEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

export function writeAlterClientQuotasResponse(w: Writer, v: number, m: AlterClientQuotasResponseInput): void {
  const flex = v >= 1;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.entries === undefined ? [] : m.entries; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterClientQuotasResponseEntryData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterClientQuotasResponseEntryData(w: Writer, v: number, m: AlterClientQuotasResponseEntryDataInput): void {
  const flex = v >= 1;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.entity === undefined ? [] : m.entity; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterClientQuotasResponseEntityData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterClientQuotasResponseEntityData(w: Writer, v: number, m: AlterClientQuotasResponseEntityDataInput): void {
  const flex = v >= 1;
  { const x = m.entityType === undefined ? "" : m.entityType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.entityName === undefined ? "" : m.entityName; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAlterClientQuotasResponse(r: Reader, v: number): AlterClientQuotasResponse {
  const flex = v >= 1;
  const fThrottleTimeMs: number = r.int32();
  const fEntries: AlterClientQuotasResponseEntryData[] = ((n: number) => { if (n < 0) return nullErr('Entries'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterClientQuotasResponseEntryData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterClientQuotasResponse = { throttleTimeMs: fThrottleTimeMs, entries: fEntries };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterClientQuotasResponseEntryData(r: Reader, v: number): AlterClientQuotasResponseEntryData {
  const flex = v >= 1;
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fEntity: AlterClientQuotasResponseEntityData[] = ((n: number) => { if (n < 0) return nullErr('Entity'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterClientQuotasResponseEntityData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterClientQuotasResponseEntryData = { errorCode: fErrorCode, errorMessage: fErrorMessage, entity: fEntity };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterClientQuotasResponseEntityData(r: Reader, v: number): AlterClientQuotasResponseEntityData {
  const flex = v >= 1;
  const fEntityType: string = (flex ? r.compactString() : r.string());
  const fEntityName: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: AlterClientQuotasResponseEntityData = { entityType: fEntityType, entityName: fEntityName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
