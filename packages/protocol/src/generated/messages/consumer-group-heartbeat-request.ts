// Generated from ConsumerGroupHeartbeatRequest.json by @tideline/codegen. Do not edit.
/* eslint-disable */
import { Reader, Writer, type TaggedField, ProtocolError, EMPTY_BYTES, writeRecords, isDefaultValue, nullErr, nullOr } from '../../codec/generated-support.js';

export const consumerGroupHeartbeatRequestVersions = { min: 0, max: 1, flexibleMin: 0 } as const;

export interface ConsumerGroupHeartbeatRequest {
  groupId: string;
  memberId: string;
  memberEpoch: number;
  instanceId: string | null;
  rackId: string | null;
  rebalanceTimeoutMs: number;
  subscribedTopicNames: string[] | null;
  subscribedTopicRegex: string | null;
  serverAssignor: string | null;
  topicPartitions: ConsumerGroupHeartbeatRequestTopicPartitions[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatRequestInput {
  groupId?: string;
  memberId?: string;
  memberEpoch?: number;
  instanceId?: string | null;
  rackId?: string | null;
  rebalanceTimeoutMs?: number;
  subscribedTopicNames?: string[] | null;
  subscribedTopicRegex?: string | null;
  serverAssignor?: string | null;
  topicPartitions?: ConsumerGroupHeartbeatRequestTopicPartitionsInput[] | null;
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatRequestTopicPartitions {
  topicId: string;
  partitions: number[];
  unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatRequestTopicPartitionsInput {
  topicId?: string;
  partitions?: number[];
  unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupHeartbeatRequest(): ConsumerGroupHeartbeatRequest {
  return {
    groupId: "",
    memberId: "",
    memberEpoch: 0,
    instanceId: null,
    rackId: null,
    rebalanceTimeoutMs: -1,
    subscribedTopicNames: null,
    subscribedTopicRegex: null,
    serverAssignor: null,
    topicPartitions: null,
  };
}

export function defaultConsumerGroupHeartbeatRequestTopicPartitions(): ConsumerGroupHeartbeatRequestTopicPartitions {
  return {
    topicId: "AAAAAAAAAAAAAAAAAAAAAA",
    partitions: [],
  };
}

export function writeConsumerGroupHeartbeatRequest(w: Writer, v: number, m: ConsumerGroupHeartbeatRequestInput): void {
  { const x = m.groupId === undefined ? "" : m.groupId; w.compactString(x ?? ''); }
  { const x = m.memberId === undefined ? "" : m.memberId; w.compactString(x ?? ''); }
  { const x = m.memberEpoch === undefined ? 0 : m.memberEpoch; w.int32(x); }
  { const x = m.instanceId === undefined ? null : m.instanceId; w.compactNullableString(x); }
  { const x = m.rackId === undefined ? null : m.rackId; w.compactNullableString(x); }
  { const x = m.rebalanceTimeoutMs === undefined ? -1 : m.rebalanceTimeoutMs; w.int32(x); }
  { const x = m.subscribedTopicNames === undefined ? null : m.subscribedTopicNames; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { w.compactString(e ?? ''); } } }
  if (v >= 1) { const x = m.subscribedTopicRegex === undefined ? null : m.subscribedTopicRegex; w.compactNullableString(x); }
  { const x = m.serverAssignor === undefined ? null : m.serverAssignor; w.compactNullableString(x); }
  { const x = m.topicPartitions === undefined ? null : m.topicPartitions; if (x === null) w.uvarint(0); else { w.uvarint(x.length + 1); for (const e of x) { writeConsumerGroupHeartbeatRequestTopicPartitions(w, v, e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

function writeConsumerGroupHeartbeatRequestTopicPartitions(w: Writer, v: number, m: ConsumerGroupHeartbeatRequestTopicPartitionsInput): void {
  { const x = m.topicId === undefined ? "AAAAAAAAAAAAAAAAAAAAAA" : m.topicId; w.uuid(x); }
  { const x = m.partitions === undefined ? [] : m.partitions; { const a = x ?? []; w.uvarint(a.length + 1); for (const e of a) { w.int32(e); } } }
  const tags: Array<[number, (w: Writer) => void]> = [];
  w.taggedFields(tags, m.unknownTaggedFields);
}

export function readConsumerGroupHeartbeatRequest(r: Reader, v: number): ConsumerGroupHeartbeatRequest {
  const fGroupId: string = r.compactString();
  const fMemberId: string = r.compactString();
  const fMemberEpoch: number = r.int32();
  const fInstanceId: string | null = r.compactNullableString();
  const fRackId: string | null = r.compactNullableString();
  const fRebalanceTimeoutMs: number = r.int32();
  const fSubscribedTopicNames: string[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(r.compactString()); return a; })(r.compactArrayLength());
  const fSubscribedTopicRegex: string | null = (v >= 1) ? r.compactNullableString() : null;
  const fServerAssignor: string | null = r.compactNullableString();
  const fTopicPartitions: ConsumerGroupHeartbeatRequestTopicPartitions[] | null = ((n: number) => { if (n < 0) return null; const a = []; for (let i = 0; i < n; i++) a.push(readConsumerGroupHeartbeatRequestTopicPartitions(r, v)); return a; })(r.compactArrayLength());
  const m: ConsumerGroupHeartbeatRequest = { groupId: fGroupId, memberId: fMemberId, memberEpoch: fMemberEpoch, instanceId: fInstanceId, rackId: fRackId, rebalanceTimeoutMs: fRebalanceTimeoutMs, subscribedTopicNames: fSubscribedTopicNames, subscribedTopicRegex: fSubscribedTopicRegex, serverAssignor: fServerAssignor, topicPartitions: fTopicPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

function readConsumerGroupHeartbeatRequestTopicPartitions(r: Reader, v: number): ConsumerGroupHeartbeatRequestTopicPartitions {
  const fTopicId: string = r.uuid();
  const fPartitions: number[] = ((n: number) => { if (n < 0) return nullErr('Partitions'); const a = []; for (let i = 0; i < n; i++) a.push(r.int32()); return a; })(r.compactArrayLength());
  const m: ConsumerGroupHeartbeatRequestTopicPartitions = { topicId: fTopicId, partitions: fPartitions };
  const u = r.taggedFields(null);
  if (u !== undefined) m.unknownTaggedFields = u;
  return m;
}

void ProtocolError; void EMPTY_BYTES; void writeRecords; void isDefaultValue; void nullErr; void nullOr;
