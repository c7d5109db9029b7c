// Generated from DescribeClientQuotasRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const describeClientQuotasRequestVersions = { min: 0, max: 1, flexibleMin: 1 } as const;

export interface DescribeClientQuotasRequest {
  components: DescribeClientQuotasRequestComponentData[];
  strict: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasRequestInput {
  components?: DescribeClientQuotasRequestComponentDataInput[];
  strict?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasRequestComponentData {
  entityType: string;
  matchType: number;
  match: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasRequestComponentDataInput {
  entityType?: string;
  matchType?: number;
  match?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasRequest(): DescribeClientQuotasRequest {
  return {
    components: [],
    strict: false,
  };
}

export function defaultDescribeClientQuotasRequestComponentData(): DescribeClientQuotasRequestComponentData {
  return {
    entityType: "",
    matchType: 0,
    match: "",
  };
}

export function writeDescribeClientQuotasRequest(w: Writer, v: number, m: DescribeClientQuotasRequestInput): void {
  const flex = v >= 1;
  { const x = m.components === undefined ? [] : m.components; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeDescribeClientQuotasRequestComponentData(w, v, e); } } }
  { const x = m.strict === undefined ? false : m.strict; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeDescribeClientQuotasRequestComponentData(w: Writer, v: number, m: DescribeClientQuotasRequestComponentDataInput): void {
  const flex = v >= 1;
  { const x = m.entityType === undefined ? "" : m.entityType; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.matchType === undefined ? 0 : m.matchType; w.int8(x); }
  { const x = m.match === undefined ? "" : m.match; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readDescribeClientQuotasRequest(r: Reader, v: number): DescribeClientQuotasRequest {
  const flex = v >= 1;
  const fComponents: DescribeClientQuotasRequestComponentData[] = ((n: number) => { if (n < 0) return nullErr('Components'); const a = []; for (let i = 0; i < n; i++) a.push(readDescribeClientQuotasRequestComponentData(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fStrict: boolean = r.bool();
  const m: DescribeClientQuotasRequest = { components: fComponents, strict: fStrict };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readDescribeClientQuotasRequestComponentData(r: Reader, v: number): DescribeClientQuotasRequestComponentData {
  const flex = v >= 1;
  const fEntityType: string = (flex ? r.compactString() : r.string());
  const fMatchType: number = r.int8();
  const fMatch: string | null = (flex ? r.compactNullableString() : r.nullableString());
  const m: DescribeClientQuotasRequestComponentData = { entityType: fEntityType, matchType: fMatchType, match: fMatch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
