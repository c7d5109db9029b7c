// Generated from DefaultPrincipalData.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const defaultPrincipalDataVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DefaultPrincipalData {
  type: string;
  name: string;
  tokenAuthenticated: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface DefaultPrincipalDataInput {
  type?: string;
  name?: string;
  tokenAuthenticated?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDefaultPrincipalData(): DefaultPrincipalData {
  return {
    type: "",
    name: "",
    tokenAuthenticated: false,
  };
}

export function writeDefaultPrincipalData(w: Writer, v: number, m: DefaultPrincipalDataInput): void {
  { const x = m.type === undefined ? "" : m.type; w.compactString(x ?? ''); }
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.tokenAuthenticated === undefined ? false : m.tokenAuthenticated; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDefaultPrincipalData(r: Reader, v: number): DefaultPrincipalData {
  const fType: string = r.compactString();
  const fName: string = r.compactString();
  const fTokenAuthenticated: boolean = r.bool();
  const m: DefaultPrincipalData = { type: fType, name: fName, tokenAuthenticated: fTokenAuthenticated };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
