// Generated from ControllerRegistrationRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const controllerRegistrationRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface ControllerRegistrationRequest {
  controllerId: number;
  incarnationId: string;
  zkMigrationReady: boolean;
  listeners: ControllerRegistrationRequestListener[];
  features: ControllerRegistrationRequestFeature[];
  unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestInput {
  controllerId?: number;
  incarnationId?: string;
  zkMigrationReady?: boolean;
  listeners?: ControllerRegistrationRequestListenerInput[];
  features?: ControllerRegistrationRequestFeatureInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestListener {
  name: string;
  host: string;
  port: number;
  securityProtocol: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestListenerInput {
  name?: string;
  host?: string;
  port?: number;
  securityProtocol?: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestFeature {
  name: string;
  minSupportedVersion: number;
  maxSupportedVersion: number;
  unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestFeatureInput {
  name?: string;
  minSupportedVersion?: number;
  maxSupportedVersion?: number;
  unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationRequest(): ControllerRegistrationRequest {
  return {
    controllerId: 0,
    incarnationId: "AAAAAAAAAAAAAAAAAAAAAA",
    zkMigrationReady: false,
    listeners: [],
    features: [],
  };
}

export function defaultControllerRegistrationRequestListener(): ControllerRegistrationRequestListener {
  return {
    name: "",
    host: "",
    port: 0,
    securityProtocol: 0,
  };
}

export function defaultControllerRegistrationRequestFeature(): ControllerRegistrationRequestFeature {
  return {
    name: "",
    minSupportedVersion: 0,
    maxSupportedVersion: 0,
  };
}

export function writeControllerRegistrationRequest(w: Writer, v: number, m: ControllerRegistrationRequestInput): void {
  { const x = m.controllerId === undefined ? 0 : m.controllerId; w.int32(x); }
  { const x = m.incarnationId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.incarnationId; w.uuid(x); }
  { const x = m.zkMigrationReady === undefined ? false : m.zkMigrationReady; w.bool(x); }
  { const x = m.listeners === undefined ? [] : m.listeners; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeControllerRegistrationRequestListener(w, v, e); } } }
  { const x = m.features === undefined ? [] : m.features; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeControllerRegistrationRequestFeature(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeControllerRegistrationRequestListener(w: Writer, v: number, m: ControllerRegistrationRequestListenerInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.host === undefined ? "" : m.host; w.compactString(x ?? ''); }
  { const x = m.port === undefined ? 0 : m.port; w.uint16(x); }
  { const x = m.securityProtocol === undefined ? 0 : m.securityProtocol; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeControllerRegistrationRequestFeature(w: Writer, v: number, m: ControllerRegistrationRequestFeatureInput): void {
  { const x = m.name === undefined ? "" : m.name; w.compactString(x ?? ''); }
  { const x = m.minSupportedVersion === undefined ? 0 : m.minSupportedVersion; w.int16(x); }
  { const x = m.maxSupportedVersion === undefined ? 0 : m.maxSupportedVersion; w.int16(x); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readControllerRegistrationRequest(r: Reader, v: number): ControllerRegistrationRequest {
  const fControllerId: number = r.int32();
  const fIncarnationId: string = r.uuid();
  const fZkMigrationReady: boolean = r.bool();
  const fListeners: ControllerRegistrationRequestListener[] = ((n: number) => { if (n < 0) return nullErr('Listeners'); const a = []; for (let i = 0; i < n; i++) a.push(readControllerRegistrationRequestListener(r, v)); return a; })(r.compactArrayLength());
  const fFeatures: ControllerRegistrationRequestFeature[] = ((n: number) => { if (n < 0) return nullErr('Features'); const a = []; for (let i = 0; i < n; i++) a.push(readControllerRegistrationRequestFeature(r, v)); return a; })(r.compactArrayLength());
  const m: ControllerRegistrationRequest = { controllerId: fControllerId, incarnationId: fIncarnationId, zkMigrationReady: fZkMigrationReady, listeners: fListeners, features: fFeatures };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readControllerRegistrationRequestListener(r: Reader, v: number): ControllerRegistrationRequestListener {
  const fName: string = r.compactString();
  const fHost: string = r.compactString();
  const fPort: number = r.uint16();
  const fSecurityProtocol: number = r.int16();
  const m: ControllerRegistrationRequestListener = { name: fName, host: fHost, port: fPort, securityProtocol: fSecurityProtocol };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readControllerRegistrationRequestFeature(r: Reader, v: number): ControllerRegistrationRequestFeature {
  const fName: string = r.compactString();
  const fMinSupportedVersion: number = r.int16();
  const fMaxSupportedVersion: number = r.int16();
  const m: ControllerRegistrationRequestFeature = { name: fName, minSupportedVersion: fMinSupportedVersion, maxSupportedVersion: fMaxSupportedVersion };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
