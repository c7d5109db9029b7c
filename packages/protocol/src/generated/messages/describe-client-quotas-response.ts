// Generated from DescribeClientQuotasResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeClientQuotasResponseVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface DescribeClientQuotasResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  entries: DescribeClientQuotasResponseEntryData[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  entries?: DescribeClientQuotasResponseEntryDataInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntryData {
  entity: DescribeClientQuotasResponseEntityData[];
  values: DescribeClientQuotasResponseValueData[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntryDataInput {
  entity?: DescribeClientQuotasResponseEntityDataInput[];
  values?: DescribeClientQuotasResponseValueDataInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntityData {
  entityType: string;
  entityName: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntityDataInput {
  entityType?: string;
  entityName?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseValueData {
  key: string;
  value: number;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseValueDataInput {
  key?: string;
  value?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasResponse(): DescribeClientQuotasResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    entries: [],
  };
}

export function defaultDescribeClientQuotasResponseEntryData(): DescribeClientQuotasResponseEntryData {
  return {
    entity: [],
    values: [],
  };
}

export function defaultDescribeClientQuotasResponseEntityData(): DescribeClientQuotasResponseEntityData {
  return {
    entityType: "",
    entityName: "",
  };
}

export function defaultDescribeClientQuotasResponseValueData(): DescribeClientQuotasResponseValueData {
  return {
    key: "",
    value: 0,
  };
}

export function writeDescribeClientQuotasResponse(w: Writer, v: number, m: DescribeClientQuotasResponseInput): void {
  const flex = v >= 1;
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  { const x = m.entries === undefined ? [] : m.entries; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeDescribeClientQuotasResponseEntryData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeClientQuotasResponseEntryData(w: Writer, v: number, m: DescribeClientQuotasResponseEntryDataInput): void {
  const flex = v >= 1;
  { const x = m.entity === undefined ? [] : m.entity; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeClientQuotasResponseEntityData(w, v, e); } } }
  { const x = m.values === undefined ? [] : m.values; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeClientQuotasResponseValueData(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeClientQuotasResponseEntityData(w: Writer, v: number, m: DescribeClientQuotasResponseEntityDataInput): void {
  const flex = v >= 1;
  { const x = m.entityType === undefined ? "" : m.entityType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.entityName === undefined ? "" : m.entityName; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeClientQuotasResponseValueData(w: Writer, v: number, m: DescribeClientQuotasResponseValueDataInput): void {
  const flex = v >= 1;
  { const x = m.key === undefined ? "" : m.key; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.value === undefined ? 0 : m.value; w.float64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeClientQuotasResponse(r: Reader, v: number): DescribeClientQuotasResponse {
  const flex = v >= 1;
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const fEntries: DescribeClientQuotasResponseEntryData[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readDescribeClientQuotasResponseEntryData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeClientQuotasResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, entries: fEntries };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeClientQuotasResponseEntryData(r: Reader, v: number): DescribeClientQuotasResponseEntryData {
  const flex = v >= 1;
  const fEntity: DescribeClientQuotasResponseEntityData[] = ((n: number) => { if (n < 0) return nullErr('Entity'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeClientQuotasResponseEntityData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fValues: DescribeClientQuotasResponseValueData[] = ((n: number) => { if (n < 0) return nullErr('Values'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeClientQuotasResponseValueData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: DescribeClientQuotasResponseEntryData = { entity: fEntity, values: fValues };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeClientQuotasResponseEntityData(r: Reader, v: number): DescribeClientQuotasResponseEntityData {
  const flex = v >= 1;
  const fEntityType: string = (flex ? r.compactString() : r.string());
  const fEntityName: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: DescribeClientQuotasResponseEntityData = { entityType: fEntityType, entityName: fEntityName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeClientQuotasResponseValueData(r: Reader, v: number): DescribeClientQuotasResponseValueData {
  const flex = v >= 1;
  const fKey: string = (flex ? r.compactString() : r.string());
  const fValue: number = r.float64();
  const m: DescribeClientQuotasResponseValueData = { key: fKey, value: fValue };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
