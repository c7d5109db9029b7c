// Generated from MetadataRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const metadataRequestVersions = { min: 0, max: 13, flexibleMin: 9 } as const;

export interface MetadataRequest {
  topics: MetadataRequestMetadataRequestTopic[] | null;
  allowAutoTopicCreation: boolean;
  includeClusterAuthorizedOperations: boolean;
  includeTopicAuthorizedOperations: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataRequestInput {
  topics?: MetadataRequestMetadataRequestTopicInput[] | null;
  allowAutoTopicCreation?: boolean;
  includeClusterAuthorizedOperations?: boolean;
  includeTopicAuthorizedOperations?: boolean;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataRequestMetadataRequestTopic {
  topicId: string;
  name: string | null;
  unknownTaggedFields?: TaggedField[];
}

export interface MetadataRequestMetadataRequestTopicInput {
  topicId?: string;
  name?: string | null;
  unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataRequest(): MetadataRequest {
  return {
    topics: [],
    allowAutoTopicCreation: true,
    includeClusterAuthorizedOperations: false,
    includeTopicAuthorizedOperations: false,
  };
}

export function defaultMetadataRequestMetadataRequestTopic(): MetadataRequestMetadataRequestTopic {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    name: "",
  };
}

export function writeMetadataRequest(w: Writer, v: number, m: MetadataRequestInput): void {
  const flex = v >= 9;
  { const x = m.topics === undefined ? [] : m.topics; if (x === null) (flex ? w.uvarint(0) : w.int32(-1)); else { (flex ? w.uvarint(x.length + 1) : w.int32(x.length)); for (const e of x) { writeMetadataRequestMetadataRequestTopic(w, v, e); } } }
  if (v >= 4) { const x = m.allowAutoTopicCreation === undefined ? true : m.allowAutoTopicCreation; w.bool(x); }
  if (v >= 8 && v <= 10) { const x = m.includeClusterAuthorizedOperations === undefined ? false : m.includeClusterAuthorizedOperations; w.bool(x); }
  if (v >= 8) { const x = m.includeTopicAuthorizedOperations === undefined ? false : m.includeTopicAuthorizedOperations; w.bool(x); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

function writeMetadataRequestMetadataRequestTopic(w: Writer, v: number, m: MetadataRequestMetadataRequestTopicInput): void {
  const flex = v >= 9;
  if (v >= 10) { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.name === undefined ? "" : m.name; (v >= 10 ? (flex ? w.compactNullableString(x) : w.nullableString(x)) : (flex ? w.compactString(x ?? '') : w.string(x ?? ''))); }
  if (flex) {
    const tags: Array<[number, (w: Writer) => void]> = [];
    w.taggedFields(tags, m.unknownTaggedFields);
  }
}

export function readMetadataRequest(r: Reader, v: number): MetadataRequest {
  const flex = v >= 9;
  const fTopics: MetadataRequestMetadataRequestTopic[] | null = ((n: number) => { if (n < 0) return nullOr(v >= 1, 'Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readMetadataRequestMetadataRequestTopic(r, v)); return a; })((flex ? r.compactArrayLength() : r.arrayLength()));
  const fAllowAutoTopicCreation: boolean = (v >= 4) ? r.bool() : true;
  const fIncludeClusterAuthorizedOperations: boolean = (v >= 8 && v <= 10) ? r.bool() : false;
  const fIncludeTopicAuthorizedOperations: boolean = (v >= 8) ? r.bool() : false;
  const m: MetadataRequest = { topics: fTopics, allowAutoTopicCreation: fAllowAutoTopicCreation, includeClusterAuthorizedOperations: fIncludeClusterAuthorizedOperations, includeTopicAuthorizedOperations: fIncludeTopicAuthorizedOperations };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

function readMetadataRequestMetadataRequestTopic(r: Reader, v: number): MetadataRequestMetadataRequestTopic {
  const flex = v >= 9;
  const fTopicId: string = (v >= 10) ? r.uuid() : "AAAAAAAAAAAAAAAAAAAAAA";
  const fName: string | null = (v >= 10 ? (flex ? r.compactNullableString() : r.nullableString()) : (flex ? r.compactString() : r.string()));
  const m: MetadataRequestMetadataRequestTopic = { topicId: fTopicId, name: fName };
  if (flex) {
    const u = r.taggedFields(null);
    if (u !== undefined) m.unknownTaggedFields = u;
  }
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
