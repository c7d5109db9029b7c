// Generated from UnregisterBrokerRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const unregisterBrokerRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface UnregisterBrokerRequest {
  brokerId: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UnregisterBrokerRequestInput {
  brokerId?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUnregisterBrokerRequest(): UnregisterBrokerRequest {
  return {
    brokerId: 0,
  };
}

export function writeUnregisterBrokerRequest(w: Writer, v: number, m: UnregisterBrokerRequestInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readUnregisterBrokerRequest(r: Reader, v: number): UnregisterBrokerRequest {
  const fBrokerId: number = r.int32();
  const m: UnregisterBrokerRequest = { brokerId: fBrokerId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
