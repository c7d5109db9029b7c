// Generated from UnregisterControllerRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const unregisterControllerRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface UnregisterControllerRequest {
  controllerId: number;
  unknownTaggedFields?: TaggedField[];
}

export interface UnregisterControllerRequestInput {
  controllerId?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultUnregisterControllerRequest(): UnregisterControllerRequest {
  return {
    controllerId: 0,
  };
}

export function writeUnregisterControllerRequest(w: Writer, v: number, m: UnregisterControllerRequestInput): void {
  { const x = m.controllerId === undefined ? 0 : m.controllerId; w.int32(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readUnregisterControllerRequest(r: Reader, v: number): UnregisterControllerRequest {
  const fControllerId: number = r.int32();
  const m: UnregisterControllerRequest = { controllerId: fControllerId };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
