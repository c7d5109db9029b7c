// Generated from EndTxnMarker.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const endTxnMarkerVersions = { min: 0, max: 0, flexibleMin: -1 } as const;

export interface EndTxnMarker {
  coordinatorEpoch: number;
  unknownTaggedFields?: TaggedField[];
}

export interface EndTxnMarkerInput {
  coordinatorEpoch?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnMarker(): EndTxnMarker {
  return {
    coordinatorEpoch: 0,
  };
}

export function writeEndTxnMarker(w: Writer, v: number, m: EndTxnMarkerInput): void {
  { const x = m.coordinatorEpoch === undefined ? 0 : m.coordinatorEpoch; w.int32(x); }
}

export function readEndTxnMarker(r: Reader, v: number): EndTxnMarker {
  const fCoordinatorEpoch: number = r.int32();
  const m: EndTxnMarker = { coordinatorEpoch: fCoordinatorEpoch };
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
