// Generated from DeleteShareGroupOffsetsRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const deleteShareGroupOffsetsRequestVersions = { min: 0, max: 0, flexibleMin: 0 } as const;

export interface DeleteShareGroupOffsetsRequest {
  groupId: string;
  topics: DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsRequestInput {
  groupId?: string;
  topics?: DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopicInput[];
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic {
  topicName: string;
  unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopicInput {
  topicName?: string;
  unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupOffsetsRequest(): DeleteShareGroupOffsetsRequest {
  return {
    groupId: "",
    topics: [],
  };
}

export function defaultDeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic(): DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic {
  return {
    topicName: "",
  };
}

export function writeDeleteShareGroupOffsetsRequest(w: Writer, v: number, m: DeleteShareGroupOffsetsRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.topics === undefined ? [] : m.topics; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { writeDeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeDeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic(w: Writer, v: number, m: DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopicInput): void {
  { const x = m.topicName === undefined ? "" : m.topicName; w.compactString(x ?? ''); }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readDeleteShareGroupOffsetsRequest(r: Reader, v: number): DeleteShareGroupOffsetsRequest {
  const fGroupId: string = r.compactString();
  const fTopics: DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic[] = ((n: number) => { if (n < 0) return nullErr('Topics'); const a = []; for (let i = 0; i < n; i++) a.push(readDeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic(r, v)); return a; })(r.compactArrayLength());
  const m: DeleteShareGroupOffsetsRequest = { groupId: fGroupId, topics: fTopics };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readDeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic(r: Reader, v: number): DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic {
  const fTopicName: string = r.compactString();
  const m: DeleteShareGroupOffsetsRequestDeleteShareGroupOffsetsRequestTopic = { topicName: fTopicName };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
