// Generated from ControlledShutdownRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const controlledShutdownRequestVersions = { min: 0, max: 3, flexibleMin: 3 } as const;

export interface ControlledShutdownRequest {
  brokerId: number;
  brokerEpoch: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface ControlledShutdownRequestInput {
  brokerId?: number;
  brokerEpoch?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultControlledShutdownRequest(): ControlledShutdownRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

export function writeControlledShutdownRequest(w: Writer, v: number, m: ControlledShutdownRequestInput): void {
  const flex = v >= 3;
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  if (v >= 2) { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readControlledShutdownRequest(r: Reader, v: number): ControlledShutdownRequest {
  const flex = v >= 3;
  const fBrokerId: number = r.int32();
  const fBrokerEpoch: bigint = (v >= 2) ? r.int64() : -1n;
  const m: ControlledShutdownRequest = { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
