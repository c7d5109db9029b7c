// Generated from GetTelemetrySubscriptionsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const getTelemetrySubscriptionsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface GetTelemetrySubscriptionsResponse {
  throttleTimeMs: number;
  errorCode: number;
  clientInstanceId: string;
  subscriptionId: number;
  acceptedCompressionTypes: number[];
  pushIntervalMs: number;
  telemetryMaxBytes: number;
  deltaTemporality: boolean;
  requestedMetrics: string[];
  unknownTaggedFields?: TaggedField[];
}

export interface GetTelemetrySubscriptionsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  clientInstanceId?: string;
  subscriptionId?: number;
  acceptedCompressionTypes?: number[];
  pushIntervalMs?: number;
  telemetryMaxBytes?: number;
  deltaTemporality?: boolean;
  requestedMetrics?: string[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultGetTelemetrySubscriptionsResponse(): GetTelemetrySubscriptionsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    clientInstanceId: "AAAAAAAAAAAAAAAAAAAAAA",
    subscriptionId: 0,
    acceptedCompressionTypes: [],
    pushIntervalMs: 0,
    telemetryMaxBytes: 0,
    deltaTemporality: false,
    requestedMetrics: [],
  };
}

export function writeGetTelemetrySubscriptionsResponse(w: Writer, v: number, m: GetTelemetrySubscriptionsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.clientInstanceId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.clientInstanceId; w.uuid(x); }
  { const x = m.subscriptionId === undefined ? 0 : m.subscriptionId; w.int32(x); }
  { const x = m.acceptedCompressionTypes === undefined ? [] : m.acceptedCompressionTypes; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int8(e); } } }
  { const x = m.pushIntervalMs === undefined ? 0 : m.pushIntervalMs; w.int32(x); }
  { const x = m.telemetryMaxBytes === undefined ? 0 : m.telemetryMaxBytes; w.int32(x); }
  { const x = m.deltaTemporality === undefined ? false : m.deltaTemporality; w.bool(x); }
  { const x = m.requestedMetrics === undefined ? [] : m.requestedMetrics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.compactString(e ?? ''); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readGetTelemetrySubscriptionsResponse(r: Reader, v: number): GetTelemetrySubscriptionsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fClientInstanceId: string = r.uuid();
  const fSubscriptionId: number = r.int32();
  const fAcceptedCompressionTypes: number[] = ((n: number) => { if (n < 0) return nullErr('AcceptedCompressionTypes'); const a = []; for (let i = 0; i < n; i++) a.push(r.int8()); return a; })(r.compactArrayLength());
  const fPushIntervalMs: number = r.int32();
  const fTelemetryMaxBytes: number = r.int32();
  const fDeltaTemporality: boolean = r.bool();
  const fRequestedMetrics: string[] = ((n: number) => { if (n < 0) return nullErr('RequestedMetrics'); const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const m: GetTelemetrySubscriptionsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, clientInstanceId: fClientInstanceId, subscriptionId: fSubscriptionId, acceptedCompressionTypes: fAcceptedCompressionTypes, pushIntervalMs: fPushIntervalMs, telemetryMaxBytes: fTelemetryMaxBytes, deltaTemporality: fDeltaTemporality, requestedMetrics: fRequestedMetrics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
