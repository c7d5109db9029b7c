// Generated from BrokerHeartbeatResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const brokerHeartbeatResponseVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface BrokerHeartbeatResponse {
  throttleTimeMs: number;
  errorCode: number;
  isCaughtUp: boolean;
  isFenced: boolean;
  shouldShutDown: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerHeartbeatResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  isCaughtUp?: boolean;
  isFenced?: boolean;
  shouldShutDown?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerHeartbeatResponse(): BrokerHeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    isCaughtUp: false,
    isFenced: true,
    shouldShutDown: false,
  };
}

export function writeBrokerHeartbeatResponse(w: Writer, v: number, m: BrokerHeartbeatResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.isCaughtUp === undefined ? false : m.isCaughtUp; w.bool(x); }
  { const x = m.isFenced === undefined ? true : m.isFenced; w.bool(x); }
  { const x = m.shouldShutDown === undefined ? false : m.shouldShutDown; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readBrokerHeartbeatResponse(r: Reader, v: number): BrokerHeartbeatResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fIsCaughtUp: boolean = r.bool();
  const fIsFenced: boolean = r.bool();
  const fShouldShutDown: boolean = r.bool();
  const m: BrokerHeartbeatResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, isCaughtUp: fIsCaughtUp, isFenced: fIsFenced, shouldShutDown: fShouldShutDown };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
