// Generated from GetTelemetrySubscriptionsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const getTelemetrySubscriptionsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface GetTelemetrySubscriptionsRequest {
  clientInstanceId: string;
  unknownTaggedFields?: TaggedField[];
}

export interface GetTelemetrySubscriptionsRequestInput {
  clientInstanceId?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultGetTelemetrySubscriptionsRequest(): GetTelemetrySubscriptionsRequest {
  return {
    clientInstanceId: "AAAAAAAAAAAAAAAAAAAAAA",
  };
}

export function writeGetTelemetrySubscriptionsRequest(w: Writer, v: number, m: GetTelemetrySubscriptionsRequestInput): void {
  { const x = m.clientInstanceId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.clientInstanceId; w.uuid(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readGetTelemetrySubscriptionsRequest(r: Reader, v: number): GetTelemetrySubscriptionsRequest {
  const fClientInstanceId: string = r.uuid();
  const m: GetTelemetrySubscriptionsRequest = { clientInstanceId: fClientInstanceId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
