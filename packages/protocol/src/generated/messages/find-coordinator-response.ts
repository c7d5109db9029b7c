// Generated from FindCoordinatorResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const findCoordinatorResponseVersions = { min: 0, max: 6, flexibleMin: 3 } as const;

export interface FindCoordinatorResponse {
  throttleTimeMs: number;
  errorCode: number;
  errorMessage: string | null;
  nodeId: number;
  host: string;
  port: number;
  coordinators: FindCoordinatorResponseCoordinator[];
  unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  nodeId?: number;
  host?: string;
  port?: number;
  coordinators?: FindCoordinatorResponseCoordinatorInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorResponseCoordinator {
  key: string;
  nodeId: number;
  host: string;
  port: number;
  errorCode: number;
  errorMessage: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorResponseCoordinatorInput {
  key?: string;
  nodeId?: number;
  host?: string;
  port?: number;
  errorCode?: number;
  errorMessage?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorResponse(): FindCoordinatorResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    nodeId: 0,
    host: "",
    port: 0,
    coordinators: [],
  };
}

export function defaultFindCoordinatorResponseCoordinator(): FindCoordinatorResponseCoordinator {
  return {
    key: "",
    nodeId: 0,
    host: "",
    port: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

export function writeFindCoordinatorResponse(w: Writer, v: number, m: FindCoordinatorResponseInput): void {
  const flex = v >= 3;
  if (v >= 1) { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  if (v <= 3) { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (v >= 1 && v <= 3) { const x = m.errorMessage === undefined ? "" : m.errorMessage; (flex ? w.compactNullableString(x) : w.nullableString(x)); }
  if (v <= 3) { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  if (v <= 3) { const x = m.host === undefined ? "" : m.host; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  if (v <= 3) { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  if (v >= 4) { const x = m.coordinators === undefined ? [] : m.coordinators; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeFindCoordinatorResponseCoordinator(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeFindCoordinatorResponseCoordinator(w: Writer, v: number, m: FindCoordinatorResponseCoordinatorInput): void {
  { const x = m.key === undefined ? "" : m.key; w.compactString(x ?? ''); }
  { const x = m.nodeId === undefined ? 0 : m.nodeId; w.int32(x); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.errorMessage === undefined ? "" : m.errorMessage; w.compactNullableString(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readFindCoordinatorResponse(r: Reader, v: number): FindCoordinatorResponse {
  const flex = v >= 3;
  const fThrottleTimeMs: number = (v >= 1) ? r.int32() : 0;
  const fErrorCode: number = (v <= 3) ? r.int16() : 0;
  const fErrorMessage: string | null = (v >= 1 && v <= 3) ? (flex ? r.compactNullableString() : r.nullableString()) : "";
  const fNodeId: number = (v <= 3) ? r.int32() : 0;
  const fHost: string = (v <= 3) ? (flex ? r.compactString() : r.string()) : "";
  const fPort: number = (v <= 3) ? r.int32() : 0;
  const fCoordinators: FindCoordinatorResponseCoordinator[] = (v >= 4) ? ((n: number) => { if (n < 0) return nullErr('Coordinators'); const a = []; for (let i = 0; i < n; i++) a.push(readFindCoordinatorResponseCoordinator(r, v)); return a; })(r.compactArrayLength()) : [];
  const m: FindCoordinatorResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, errorMessage: fErrorMessage, nodeId: fNodeId, host: fHost, port: fPort, coordinators: fCoordinators };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readFindCoordinatorResponseCoordinator(r: Reader, v: number): FindCoordinatorResponseCoordinator {
  const fKey: string = r.compactString();
  const fNodeId: number = r.int32();
  const fHost: string = r.compactString();
  const fPort: number = r.int32();
  const fErrorCode: number = r.int16();
  const fErrorMessage: string | null = r.compactNullableString();
  const m: FindCoordinatorResponseCoordinator = { key: fKey, nodeId: fNodeId, host: fHost, port: fPort, errorCode: fErrorCode, errorMessage: fErrorMessage };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
