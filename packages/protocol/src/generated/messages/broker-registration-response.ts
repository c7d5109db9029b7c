// Generated from BrokerRegistrationResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const brokerRegistrationResponseVersions = { min: 0, max: 4, flexibleMin: 0 } as const;

export interface BrokerRegistrationResponse {
  throttleTimeMs: number;
  errorCode: number;
  brokerEpoch: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  brokerEpoch?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationResponse(): BrokerRegistrationResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    brokerEpoch: -1n,
  };
}

export function writeBrokerRegistrationResponse(w: Writer, v: number, m: BrokerRegistrationResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readBrokerRegistrationResponse(r: Reader, v: number): BrokerRegistrationResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fBrokerEpoch: bigint = r.int64();
  const m: BrokerRegistrationResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, brokerEpoch: fBrokerEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
