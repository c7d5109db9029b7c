// Records of the internal compacted topic `__consumer_offsets`. Keys follow Kafka's layouts, so
// compaction keeps the latest record per (group, topic, partition) and per group:
//   offset key  (version 1): int16 1 | string group | string topic | int32 partition
//   group key   (version 2): int16 2 | string group
// Values:
//   offset value (version 3, Kafka's OffsetCommitValue v3 layout): int16 3 | int64 offset |
//     int32 leaderEpoch | string metadata | int64 commitTimestamp
//   group value (version 100, ours): int16 100 | UTF-8 JSON of GroupRecord (members included)
// A null value is a tombstone (offset deleted, group deleted). Strings are int16 length + UTF-8.
// Pure functions: no I/O.

export const OFFSET_KEY_VERSION = 1;
export const GROUP_KEY_VERSION = 2;
export const OFFSET_VALUE_VERSION = 3;
export const GROUP_VALUE_VERSION = 100;

export type OffsetsKey =
  | { kind: 'offset'; group: string; topic: string; partition: number }
  | { kind: 'group'; group: string };

export interface CommittedOffset {
  offset: bigint;
  /** -1 when the client did not send one. */
  leaderEpoch: number;
  metadata: string | null;
  /** Milliseconds since the epoch (the broker's clock at commit time). */
  commitTimestamp: bigint;
}

/** A classic member as stored (Kafka's GroupMetadataValue member); buffers are base64. */
export interface ClassicMemberRecord {
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** The member's metadata for the group's selected protocol. */
  subscription: string;
  assignment: string;
}

export interface TopicPartitionsRecord {
  topicId: string;
  partitions: number[];
}

/** A KIP-848 member as stored (Kafka's member metadata + current assignment records in one). */
export interface ConsumerMemberRecord {
  memberId: string;
  instanceId: string | null;
  rackId: string | null;
  clientId: string;
  clientHost: string;
  memberEpoch: number;
  previousMemberEpoch: number;
  state: 'stable' | 'unrevoked' | 'unreleased';
  rebalanceTimeoutMs: number;
  subscribedTopicNames: string[];
  subscribedTopicRegex: string | null;
  serverAssignor: string | null;
  assigned: TopicPartitionsRecord[];
  pendingRevocation: TopicPartitionsRecord[];
}

/**
 * A group as it survives a restart (Kafka persists the same in its group records): classic groups
 * with their generation, protocol, leader and members with subscriptions and assignments (written
 * when a generation's assignment is set and when the group becomes empty); consumer groups with
 * their epochs, members, current and target assignments (written when any of these change).
 */
export interface GroupRecord {
  type: 'classic' | 'consumer';
  /** Classic: the group's protocol type ("consumer", "connect", ...), null for simple groups. */
  protocolType: string | null;
  /** Classic: generation id; consumer: group epoch. */
  epoch: number;
  /** Classic: the selected protocol and the leader (null when empty). */
  protocolName?: string | null;
  leader?: string | null;
  /** Classic: when the group entered its state (offset expiry of empty groups counts from it). */
  currentStateTimestamp?: number;
  members?: ClassicMemberRecord[];
  /** Consumer: the epoch of the target assignment, the members and each member's target. */
  assignmentEpoch?: number;
  consumerMembers?: ConsumerMemberRecord[];
  target?: Array<{ memberId: string; partitions: TopicPartitionsRecord[] }>;
}

function strLen(s: string): number {
  return 2 + Buffer.byteLength(s, 'utf8');
}

function writeStr(buf: Buffer, pos: number, s: string): number {
  const n = buf.write(s, pos + 2, 'utf8');
  buf.writeInt16BE(n, pos);
  return pos + 2 + n;
}

function readStr(buf: Buffer, pos: number): [string, number] {
  const n = buf.readInt16BE(pos);
  if (n < 0) return ['', pos + 2];
  if (pos + 2 + n > buf.length) throw new RangeError('string runs past the end of the record');
  return [buf.toString('utf8', pos + 2, pos + 2 + n), pos + 2 + n];
}

export function encodeOffsetKey(group: string, topic: string, partition: number): Buffer {
  const buf = Buffer.allocUnsafe(2 + strLen(group) + strLen(topic) + 4);
  buf.writeInt16BE(OFFSET_KEY_VERSION, 0);
  let pos = writeStr(buf, 2, group);
  pos = writeStr(buf, pos, topic);
  buf.writeInt32BE(partition, pos);
  return buf;
}

export function encodeGroupKey(group: string): Buffer {
  const buf = Buffer.allocUnsafe(2 + strLen(group));
  buf.writeInt16BE(GROUP_KEY_VERSION, 0);
  writeStr(buf, 2, group);
  return buf;
}

/** The key, or undefined for a key version we do not know (ignored when loading). */
export function decodeKey(buf: Buffer): OffsetsKey | undefined {
  const version = buf.readInt16BE(0);
  if (version === 0 || version === OFFSET_KEY_VERSION) {
    const [group, p1] = readStr(buf, 2);
    const [topic, p2] = readStr(buf, p1);
    return { kind: 'offset', group, topic, partition: buf.readInt32BE(p2) };
  }
  if (version === GROUP_KEY_VERSION) return { kind: 'group', group: readStr(buf, 2)[0] };
  return undefined;
}

export function encodeOffsetValue(v: CommittedOffset): Buffer {
  const meta = v.metadata ?? '';
  const buf = Buffer.allocUnsafe(2 + 8 + 4 + strLen(meta) + 8);
  buf.writeInt16BE(OFFSET_VALUE_VERSION, 0);
  buf.writeBigInt64BE(v.offset, 2);
  buf.writeInt32BE(v.leaderEpoch, 10);
  const pos = writeStr(buf, 14, meta);
  buf.writeBigInt64BE(v.commitTimestamp, pos);
  return buf;
}

export function decodeOffsetValue(buf: Buffer): CommittedOffset {
  const version = buf.readInt16BE(0);
  if (version !== OFFSET_VALUE_VERSION) throw new RangeError(`unknown offset value version ${version}`);
  const offset = buf.readBigInt64BE(2);
  const leaderEpoch = buf.readInt32BE(10);
  const [metadata, pos] = readStr(buf, 14);
  return { offset, leaderEpoch, metadata, commitTimestamp: buf.readBigInt64BE(pos) };
}

export function encodeGroupValue(g: GroupRecord): Buffer {
  const json = Buffer.from(JSON.stringify(g), 'utf8');
  const buf = Buffer.allocUnsafe(2 + json.length);
  buf.writeInt16BE(GROUP_VALUE_VERSION, 0);
  json.copy(buf, 2);
  return buf;
}

/** The group record, or undefined for a version we do not know or a value that does not parse. */
export function decodeGroupValue(buf: Buffer): GroupRecord | undefined {
  if (buf.length < 2 || buf.readInt16BE(0) !== GROUP_VALUE_VERSION) return undefined;
  let v: Partial<GroupRecord>;
  try {
    v = JSON.parse(buf.toString('utf8', 2)) as Partial<GroupRecord>;
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null || (v.type !== 'classic' && v.type !== 'consumer')) return undefined;
  const out: GroupRecord = { type: v.type, protocolType: typeof v.protocolType === 'string' ? v.protocolType : null, epoch: typeof v.epoch === 'number' ? v.epoch : 0 };
  if (v.type === 'classic') {
    out.protocolName = typeof v.protocolName === 'string' ? v.protocolName : null;
    out.leader = typeof v.leader === 'string' ? v.leader : null;
    if (typeof v.currentStateTimestamp === 'number') out.currentStateTimestamp = v.currentStateTimestamp;
    out.members = Array.isArray(v.members) ? v.members.filter((m) => typeof m?.memberId === 'string') : [];
  } else {
    out.assignmentEpoch = typeof v.assignmentEpoch === 'number' ? v.assignmentEpoch : out.epoch;
    out.consumerMembers = Array.isArray(v.consumerMembers) ? v.consumerMembers.filter((m) => typeof m?.memberId === 'string') : [];
    out.target = Array.isArray(v.target) ? v.target.filter((t) => typeof t?.memberId === 'string' && Array.isArray(t.partitions)) : [];
  }
  return out;
}

/** Kafka's choice of offsets partition for a group: abs(Java String.hashCode) % partitions. */
export function offsetsPartitionFor(group: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < group.length; i++) h = (Math.imul(h, 31) + group.charCodeAt(i)) | 0;
  // Kafka's Utils.abs maps MIN_VALUE to 0.
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitions;
}
