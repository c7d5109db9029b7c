// Generated from AllocateProducerIdsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const allocateProducerIdsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AllocateProducerIdsRequest {
  brokerId: number;
  brokerEpoch: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface AllocateProducerIdsRequestInput {
  brokerId?: number;
  brokerEpoch?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAllocateProducerIdsRequest(): AllocateProducerIdsRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
  };
}

export function writeAllocateProducerIdsRequest(w: Writer, v: number, m: AllocateProducerIdsRequestInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAllocateProducerIdsRequest(r: Reader, v: number): AllocateProducerIdsRequest {
  const fBrokerId: number = r.int32();
  const fBrokerEpoch: bigint = r.int64();
  const m: AllocateProducerIdsRequest = { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
