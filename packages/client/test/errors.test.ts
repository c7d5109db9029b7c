import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, TidelineError } from '@tideline/protocol';
import { ClientError, ClientErrorCode, KafkaError, isRetriable } from '../src/index.js';
import { checkError, needsMetadataRefresh } from '../src/internal.js';

test('KafkaError carries the Kafka name as its code, the number, and the retriable flag', () => {
  const e = new KafkaError(ErrorCode.NOT_LEADER_OR_FOLLOWER, { topic: 't', partition: 1, broker: '1@h:9092' });
  assert.ok(e instanceof TidelineError);
  assert.equal(e.code, 'NOT_LEADER_OR_FOLLOWER');
  assert.equal(e.errorCode, ErrorCode.NOT_LEADER_OR_FOLLOWER);
  assert.equal(e.message, 'NOT_LEADER_OR_FOLLOWER (t/1) from 1@h:9092');
  assert.ok(e.retriable && isRetriable(e));
  assert.doesNotThrow(() => checkError(ErrorCode.NONE));
  assert.throws(() => checkError(ErrorCode.TOPIC_ALREADY_EXISTS), (x: unknown) => x instanceof KafkaError && x.code === 'TOPIC_ALREADY_EXISTS');
});

test('stale-metadata errors: the InvalidMetadataException family, UNKNOWN_LEADER_EPOCH, FETCH_SESSION_TOPIC_ID_ERROR and lost connections', () => {
  const stale = [
    ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, ErrorCode.LEADER_NOT_AVAILABLE, ErrorCode.NOT_LEADER_OR_FOLLOWER, ErrorCode.FENCED_LEADER_EPOCH,
    ErrorCode.UNKNOWN_LEADER_EPOCH, ErrorCode.UNKNOWN_TOPIC_ID, ErrorCode.INCONSISTENT_TOPIC_ID, ErrorCode.FETCH_SESSION_TOPIC_ID_ERROR,
  ];
  for (const c of stale) assert.ok(needsMetadataRefresh(new KafkaError(c)), String(c));
  for (const c of [ErrorCode.NOT_COORDINATOR, ErrorCode.REQUEST_TIMED_OUT, ErrorCode.OFFSET_OUT_OF_RANGE, ErrorCode.CONCURRENT_TRANSACTIONS]) {
    assert.ok(!needsMetadataRefresh(new KafkaError(c)), String(c));
  }
  assert.ok(needsMetadataRefresh(new ClientError(ClientErrorCode.CONNECTION_ERROR, 'gone', { retriable: true })));
  assert.ok(!needsMetadataRefresh(new ClientError(ClientErrorCode.REQUEST_TIMEOUT, 'slow', { retriable: true })));
});
