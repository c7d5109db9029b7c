// Generated from AlterClientQuotasRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterClientQuotasRequestVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface AlterClientQuotasRequest {
  entries: AlterClientQuotasRequestEntryData[];
  validateOnly: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestInput {
  entries?: AlterClientQuotasRequestEntryDataInput[];
  validateOnly?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntryData {
  entity: AlterClientQuotasRequestEntityData[];
  ops: AlterClientQuotasRequestOpData[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntryDataInput {
  entity?: AlterClientQuotasRequestEntityDataInput[];
  ops?: AlterClientQuotasRequestOpDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntityData {
  entityType: string;
  entityName: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntityDataInput {
  entityType?: string;
  entityName?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestOpData {
  key: string;
  value: number;
  remove: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestOpDataInput {
  key?: string;
  value?: number;
  remove?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasRequest(): AlterClientQuotasRequest {
  return {
    entries: [],
    validateOnly: false,
  };
}

export function defaultAlterClientQuotasRequestEntryData(): AlterClientQuotasRequestEntryData {
  return {
    entity: [],
    ops: [],
  };
}

export function defaultAlterClientQuotasRequestEntityData(): AlterClientQuotasRequestEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

export function defaultAlterClientQuotasRequestOpData(): AlterClientQuotasRequestOpData {
  return {
    key: "",
    value: 0,
    remove: false,
  };
}

export function writeAlterClientQuotasRequest(w: Writer, v: number, m: AlterClientQuotasRequestInput): void {
  const flex = v >= 1;
  { const x = m.entries === undefined ? [] : m.entries; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterClientQuotasRequestEntryData(w, v, e); } } }
  { const x = m.validateOnly === undefined ? false : m.validateOnly; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterClientQuotasRequestEntryData(w: Writer, v: number, m: AlterClientQuotasRequestEntryDataInput): void {
  const flex = v >= 1;
  { const x = m.entity === undefined ? [] : m.entity; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterClientQuotasRequestEntityData(w, v, e); } } }
  { const x = m.ops === undefined ? [] : m.ops; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterClientQuotasRequestOpData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterClientQuotasRequestEntityData(w: Writer, v: number, m: AlterClientQuotasRequestEntityDataInput): void {
  const flex = v >= 1;
  { const x = m.entityType === undefined ? "" : m.entityType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.entityName === undefined ? "" : m.entityName; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterClientQuotasRequestOpData(w: Writer, v: number, m: AlterClientQuotasRequestOpDataInput): void {
  const flex = v >= 1;
  { const x = m.key === undefined ? "" : m.key; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.value === undefined ? 0 : m.value; w.float64(x); }
  { const x = m.remove === undefined ? false : m.remove; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAlterClientQuotasRequest(r: Reader, v: number): AlterClientQuotasRequest {
  const flex = v >= 1;
  const fEntries: AlterClientQuotasRequestEntryData[] = ((n: number) => { if (n < 0) return nullErr('Entries'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterClientQuotasRequestEntryData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fValidateOnly: boolean = r.bool();
  const m: AlterClientQuotasRequest = { entries: fEntries, validateOnly: fValidateOnly };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterClientQuotasRequestEntryData(r: Reader, v: number): AlterClientQuotasRequestEntryData {
  const flex = v >= 1;
  const fEntity: AlterClientQuotasRequestEntityData[] = ((n: number) => { if (n < 0) return nullErr('Entity'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterClientQuotasRequestEntityData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fOps: AlterClientQuotasRequestOpData[] = ((n: number) => { if (n < 0) return nullErr('Ops'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterClientQuotasRequestOpData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterClientQuotasRequestEntryData = { entity: fEntity, ops: fOps };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterClientQuotasRequestEntityData(r: Reader, v: number): AlterClientQuotasRequestEntityData {
  const flex = v >= 1;
  const fEntityType: string = (flex ? r.compactString() : r.string());
  const fEntityName: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: AlterClientQuotasRequestEntityData = { entityType: fEntityType, entityName: fEntityName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterClientQuotasRequestOpData(r: Reader, v: number): AlterClientQuotasRequestOpData {
  const flex = v >= 1;
  const fKey: string = (flex ? r.compactString() : r.string());
  const fValue: number = r.float64();
  const fRemove: boolean = r.bool();
  const m: AlterClientQuotasRequestOpData = { key: fKey, value: fValue, remove: fRemove };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
