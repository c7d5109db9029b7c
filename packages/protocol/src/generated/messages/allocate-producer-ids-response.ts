// Generated from AllocateProducerIdsResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const allocateProducerIdsResponseVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface AllocateProducerIdsResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerIdStart: bigint;
  producerIdLen: number;
  unknownTaggedFields?: TaggedField[];
}

export interface AllocateProducerIdsResponseInput {
  throttleTimeMs?: number;
  errorCode?: number;
  producerIdStart?: bigint;
  producerIdLen?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultAllocateProducerIdsResponse(): AllocateProducerIdsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerIdStart: 0n,
    producerIdLen: 0,
  };
}

export function writeAllocateProducerIdsResponse(w: Writer, v: number, m: AllocateProducerIdsResponseInput): void {
  { const x = m.throttleTimeMs === undefined ? 0 : m.throttleTimeMs; w.int32(x); }
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  { const x = m.producerIdStart === undefined ? 0n : m.producerIdStart; w.int64(x); }
  { const x = m.producerIdLen === undefined ? 0 : m.producerIdLen; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readAllocateProducerIdsResponse(r: Reader, v: number): AllocateProducerIdsResponse {
  const fThrottleTimeMs: number = r.int32();
  const fErrorCode: number = r.int16();
  const fProducerIdStart: bigint = r.int64();
  const fProducerIdLen: number = r.int32();
  const m: AllocateProducerIdsResponse = { throttleTimeMs: fThrottleTimeMs, errorCode: fErrorCode, producerIdStart: fProducerIdStart, producerIdLen: fProducerIdLen };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
