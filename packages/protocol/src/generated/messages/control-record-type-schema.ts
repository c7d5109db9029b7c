// Generated from ControlRecordTypeSchema.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const controlRecordTypeSchemaVersions = { min: 0, max: 0, flexibleMin: -1 } as const;

export interface ControlRecordTypeSchema {
  type: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ControlRecordTypeSchemaInput {
  type?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultControlRecordTypeSchema(): ControlRecordTypeSchema {
  return {
    type: 0,
  };
}

export function writeControlRecordTypeSchema(w: Writer, v: number, m: ControlRecordTypeSchemaInput): void {
  { const x = m.type === undefined ? 0 : m.type; w.int16(x); }
}

export function readControlRecordTypeSchema(r: Reader, v: number): ControlRecordTypeSchema {
  const fType: number = r.int16();
  const m: ControlRecordTypeSchema = { type: fType };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
