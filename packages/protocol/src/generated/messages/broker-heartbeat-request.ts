// Generated from BrokerHeartbeatRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const brokerHeartbeatRequestVersions = { min: 0, max: 2, flexibleMin: 0 } as const;

export interface BrokerHeartbeatRequest {
  brokerId: number;
  brokerEpoch: bigint;
  currentMetadataOffset: bigint;
  wantFence: boolean;
  wantShutDown: boolean;
  offlineLogDirs: string[];
  cordonedLogDirs: string[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerHeartbeatRequestInput {
  brokerId?: number;
  brokerEpoch?: bigint;
  currentMetadataOffset?: bigint;
  wantFence?: boolean;
  wantShutDown?: boolean;
  offlineLogDirs?: string[];
  cordonedLogDirs?: string[] | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerHeartbeatRequest(): BrokerHeartbeatRequest {
  return {
    brokerId: 0,
    brokerEpoch: -1n,
    currentMetadataOffset: 0n,
    wantFence: false,
    wantShutDown: false,
    offlineLogDirs: [],
    cordonedLogDirs: null,
  };
}

export function writeBrokerHeartbeatRequest(w: Writer, v: number, m: BrokerHeartbeatRequestInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.brokerEpoch === undefined ? -1n : m.brokerEpoch; w.int64(x); }
  { const x = m.currentMetadataOffset === undefined ? 0n : m.currentMetadataOffset; w.int64(x); }
  { const x = m.wantFence === undefined ? false : m.wantFence; w.bool(x); }
  { const x = m.wantShutDown === undefined ? false : m.wantShutDown; w.bool(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  if (v >= 1) { const x = m.offlineLogDirs === undefined ? [] : m.offlineLogDirs; if (!isDefaultValue(x, [])) tags.push([0, (w) => { { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.uuid(e); } } }]); }
  if (v >= 2) { const x = m.cordonedLogDirs === undefined ? null : m.cordonedLogDirs; if (!isDefaultValue(x, null)) tags.push([1, (w) => { if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { w.uuid(e); } } }]); }
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readBrokerHeartbeatRequest(r: Reader, v: number): BrokerHeartbeatRequest {
  const fBrokerId: number = r.int32();
  const fBrokerEpoch: bigint = r.int64();
  const fCurrentMetadataOffset: bigint = r.int64();
  const fWantFence: boolean = r.bool();
  const fWantShutDown: boolean = r.bool();
  const fOfflineLogDirs: string[] = [];
  const fCordonedLogDirs: string[] | null = null;
  const m: BrokerHeartbeatRequest = { brokerId: fBrokerId, brokerEpoch: fBrokerEpoch, currentMetadataOffset: fCurrentMetadataOffset, wantFence: fWantFence, wantShutDown: fWantShutDown, offlineLogDirs: fOfflineLogDirs, cordonedLogDirs: fCordonedLogDirs };
  const u = r.taggedFields((tag, t) => {
    switch (tag) {
      case 0: if (v >= 1) { m.offlineLogDirs = ((n: number) => { if (n < 0) return nullErr('OfflineLogDirs'); const a = []; for (let i = 0; i < n; i++) a.push(t.uuid()); return a; })(t.compactArrayLength()); return true; } return false;
      case 1: if (v >= 2) { m.cordonedLogDirs = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(t.uuid()); return a; })(t.compactArrayLength()); return true; } return false;
      default: return false;
    }
  });
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
