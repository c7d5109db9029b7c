// Generated from UpdateMetadataResponse.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const updateMetadataResponseVersions = { min: 0, max: 8, flexibleMin: 6 } as const;

export interface UpdateMetadataResponse {
  errorCode: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UpdateMetadataResponseInput {
  errorCode?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateMetadataResponse(): UpdateMetadataResponse {
  return {
    errorCode: 0,
  };
}

export function writeUpdateMetadataResponse(w: Writer, v: number, m: UpdateMetadataResponseInput): void {
  const flex = v >= 6;
  { const x = m.errorCode === undefined ? 0 : m.errorCode; w.int16(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readUpdateMetadataResponse(r: Reader, v: number): UpdateMetadataResponse {
  const flex = v >= 6;
  const fErrorCode: number = r.int16();
  const m: UpdateMetadataResponse = { errorCode: fErrorCode };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
