// Generated from PushTelemetryRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const pushTelemetryRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface PushTelemetryRequest {
  clientInstanceId: string;
  subscriptionId: number;
  terminating: boolean;
  compressionType: number;
  metrics: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export interface PushTelemetryRequestInput {
  clientInstanceId?: string;
  subscriptionId?: number;
  terminating?: boolean;
  compressionType?: number;
  metrics?: Buffer;
  unknownTaggedFields?: TaggedField[];
}

export function defaultPushTelemetryRequest(): PushTelemetryRequest {
  return {
    clientInstanceId: "AAAAAAAAAAAAAAAAAAAAAA",
    subscriptionId: 0,
    terminating: false,
    compressionType: 0,
    metrics: EMPTY_BYTES,
  };
}

export function writePushTelemetryRequest(w: Writer, v: number, m: PushTelemetryRequestInput): void {
  { const x = m.clientInstanceId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.clientInstanceId; w.uuid(x); }
  { const x = m.subscriptionId === undefined ? 0 : m.subscriptionId; w.int32(x); }
  { const x = m.terminating === undefined ? false : m.terminating; w.bool(x); }
  { const x = m.compressionType === undefined ? 0 : m.compressionType; w.int8(x); }
  { const x = m.metrics === undefined ? EMPTY_BYTES : m.metrics; w.compactBytes(x ?? EMPTY_BYTES); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readPushTelemetryRequest(r: Reader, v: number): PushTelemetryRequest {
  const fClientInstanceId: string = r.uuid();
  const fSubscriptionId: number = r.int32();
  const fTerminating: boolean = r.bool();
  const fCompressionType: number = r.int8();
  const fMetrics: Buffer = r.compactBytes();
  const m: PushTelemetryRequest = { clientInstanceId: fClientInstanceId, subscriptionId: fSubscriptionId, terminating: fTerminating, compressionType: fCompressionType, metrics: fMetrics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
