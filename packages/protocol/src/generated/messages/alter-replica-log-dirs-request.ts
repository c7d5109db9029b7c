// Generated from AlterReplicaLogDirsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const alterReplicaLogDirsRequestVersions = { min: 1, max: 2, flexibleMin: 2 } as const;

export interface AlterReplicaLogDirsRequest {
  dirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestInput {
  dirs?: AlterReplicaLogDirsRequestAlterReplicaLogDirInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDir {
  path: string;
  topics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirInput {
  path?: string;
  topics?: AlterReplicaLogDirsRequestAlterReplicaLogDirTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  name: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsRequestAlterReplicaLogDirTopicInput {
  name?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsRequest(): AlterReplicaLogDirsRequest {
  return {
    dirs: [],
  };
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDir(): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  return {
    path: "",
    topics: [],
  };
}

export function defaultAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  return {
    name: "",
    partitions: [],
  };
}

export function writeAlterReplicaLogDirsRequest(w: Writer, v: number, m: AlterReplicaLogDirsRequestInput): void {
  const flex = v >= 2;
  { const x = m.dirs === undefined ? [] : m.dirs; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterReplicaLogDirsRequestAlterReplicaLogDir(w: Writer, v: number, m: AlterReplicaLogDirsRequestAlterReplicaLogDirInput): void {
  const flex = v >= 2;
  { const x = m.path === undefined ? "" : m.path; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w, v, e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(w: Writer, v: number, m: AlterReplicaLogDirsRequestAlterReplicaLogDirTopicInput): void {
  const flex = v >= 2;
  { const x = m.name === undefined ? "" : m.name; (flex ? w.compactString(x ?? '') : w.string(x ?? '')); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; (flex ? w.uvarint(a.length + 1) : w.int32(a.length)); for (const e of a) { w.int32(e); } } }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readAlterReplicaLogDirsRequest(r: Reader, v: number): AlterReplicaLogDirsRequest {
  const flex = v >= 2;
  const fDirs: AlterReplicaLogDirsRequestAlterReplicaLogDir[] = ((n: number) => { if (n < 0) return nullErr('Dirs'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterReplicaLogDirsRequestAlterReplicaLogDir(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterReplicaLogDirsRequest = { dirs: fDirs };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterReplicaLogDirsRequestAlterReplicaLogDir(r: Reader, v: number): AlterReplicaLogDirsRequestAlterReplicaLogDir {
  const flex = v >= 2;
  const fPath: string = (flex ? r.compactString() : r.string());
  const fTopics: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterReplicaLogDirsRequestAlterReplicaLogDir = { path: fPath, topics: fTopics };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readAlterReplicaLogDirsRequestAlterReplicaLogDirTopic(r: Reader, v: number): AlterReplicaLogDirsRequestAlterReplicaLogDirTopic {
  const flex = v >= 2;
  const fName: string = (flex ? r.compactString() : r.string());
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const m: AlterReplicaLogDirsRequestAlterReplicaLogDirTopic = { name: fName, partitions: fPartitions };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
