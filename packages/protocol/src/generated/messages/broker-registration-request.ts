// Generated from BrokerRegistrationRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const brokerRegistrationRequestVersions = { min: 0, max: 4, flexibleMin: 0 } as const;

export interface BrokerRegistrationRequest {
  brokerId: number;
  clusterId: string;
  incarnationId: string;
  listeners: BrokerRegistrationRequestListener[];
  features: BrokerRegistrationRequestFeature[];
  rack: string | null;
  isMigratingZkBroker: boolean;
  logDirs: string[];
  previousBrokerEpoch: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestInput {
  brokerId?: number;
  clusterId?: string;
  incarnationId?: string;
  listeners?: BrokerRegistrationRequestListenerInput[];
  features?: BrokerRegistrationRequestFeatureInput[];
  rack?: string | null;
  isMigratingZkBroker?: boolean;
  logDirs?: string[];
  previousBrokerEpoch?: bigint;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestListener {
  name: string;
  host: string;
  port: number;
  securityProtocol: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestListenerInput {
  name?: string;
  host?: string;
  port?: number;
  securityProtocol?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestFeature {
  name: string;
  minSupportedVersion: number;
  maxSupportedVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestFeatureInput {
  name?: string;
  minSupportedVersion?: number;
  maxSupportedVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationRequest(): BrokerRegistrationRequest {
  return {
    brokerId: 0,
    clusterId: "",
    incarnationId: "AAAAAAAAAAAAAAAAAAAAAA",
    listeners: [],
    features: [],
    rack: "",
    isMigratingZkBroker: false,
    logDirs: [],
    previousBrokerEpoch: -1n,
  };
}

export function defaultBrokerRegistrationRequestListener(): BrokerRegistrationRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

export function defaultBrokerRegistrationRequestFeature(): BrokerRegistrationRequestFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function writeBrokerRegistrationRequest(w: Writer, v: number, m: BrokerRegistrationRequestInput): void {
  { const x = m.brokerId === undefined ? 0 : m.brokerId; w.int32(x); }
  { const x = m.clusterId === undefined ? "" : m.clusterId; w.compactString(x ?? ''); }
  { const x = m.incarnationId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.incarnationId; w.uuid(x); }
  { const x = m.listeners === undefined ? [] : m.listeners; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeBrokerRegistrationRequestListener(w, v, e); } } }
  { const x = m.features === undefined ? [] : m.features; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeBrokerRegistrationRequestFeature(w, v, e); } } }
  { const x = m.rack === undefined ? "" : m.rack; w.compactNullableString(x); }
  if (v >= 1) { const x = m.isMigratingZkBroker === undefined ? false : m.isMigratingZkBroker; w.bool(x); }
  if (v >= 2) { const x = m.logDirs === undefined ? [] : m.logDirs; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.uuid(e); } } }
  if (v >= 3) { const x = m.previousBrokerEpoch === undefined ? -1n : m.previousBrokerEpoch; w.int64(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeBrokerRegistrationRequestListener(w: Writer, v: number, m: BrokerRegistrationRequestListenerInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  { const x = m.securityProtocol === undefined ? 0 : m.securityProtocol; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeBrokerRegistrationRequestFeature(w: Writer, v: number, m: BrokerRegistrationRequestFeatureInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.minSupportedVersion === undefined ? 0 : m.minSupportedVersion; w.int16(x); }
  { const x = m.maxSupportedVersion === undefined ? 0 : m.maxSupportedVersion; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readBrokerRegistrationRequest(r: Reader, v: number): BrokerRegistrationRequest {
  const fBrokerId: number = r.int32();
  const fClusterId: string = r.compactString();
  const fIncarnationId: string = r.uuid();
  const fListeners: BrokerRegistrationRequestListener[] = ((n: number) => { if (n < 0) return nullErr('Listeners'); const a = []; for (let i = 0; i < n; i++) a.push(readBrokerRegistrationRequestListener(r, v)); return a; })(r.compactArrayLength());
  const fFeatures: BrokerRegistrationRequestFeature[] = ((n: number) => { if (n < 0) return nullErr('Features'); const a = []; for (let i = 0; i < n; i++) a.push(readBrokerRegistrationRequestFeature(r, v)); return a; })(r.compactArrayLength());
  const fRack: string | null = r.compactNullableString();
  const fIsMigratingZkBroker: boolean = (v >= 1) ? r.bool() : false;
  const fLogDirs: string[] = (v >= 2) ? ((n: number) => { if (n < 0) return nullErr('LogDirs'); const a = []; for (let i = 0; i < n; i++) a.push(r.uuid()); return a; })(r.compactArrayLength()) : [];
  const fPreviousBrokerEpoch: bigint = (v >= 3) ? r.int64() : -1n;
  const m: BrokerRegistrationRequest = { brokerId: fBrokerId, clusterId: fClusterId, incarnationId: fIncarnationId, listeners: fListeners, features: fFeatures, rack: fRack, isMigratingZkBroker: fIsMigratingZkBroker, logDirs: fLogDirs, previousBrokerEpoch: fPreviousBrokerEpoch };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readBrokerRegistrationRequestListener(r: Reader, v: number): BrokerRegistrationRequestListener {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const fSecurityProtocol: number = r.int16();
  const m: BrokerRegistrationRequestListener = { name: fName, host: fHost, port: fPort, securityProtocol: fSecurityProtocol };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readBrokerRegistrationRequestFeature(r: Reader, v: number): BrokerRegistrationRequestFeature {
  const fName: string = r.compactString();
  const fMinSupportedVersion: number = r.int16();
  const fMaxSupportedVersion: number = r.int16();
  const m: BrokerRegistrationRequestFeature = { name: fName, minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
