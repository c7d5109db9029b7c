import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNoCollision, collidingTopic, isInternalTopic, validateTopicName, topicNameProblem } from '../src/topic-names.js';
import { BrokerError } from '../src/errors.js';

const invalidTopic = (e: unknown): boolean => e instanceof BrokerError && e.kafkaError === 'INVALID_TOPIC_EXCEPTION';

test('legal topic names: [a-zA-Z0-9._-], 1..249 characters, not "." or ".."', () => {
  for (const ok of ['a', 'orders', 'a.b_c-D9', '...', '_', 'x'.repeat(249), '__consumer_offsets']) validateTopicName(ok);
  for (const bad of ['', '.', '..', 'x'.repeat(250), 'a b', 'a/b', 'ä', 'a:b', 'a\u0000']) {
    assert.throws(() => validateTopicName(bad), invalidTopic, JSON.stringify(bad));
  }
  assert.match(topicNameProblem('a b') ?? '', /character other than ASCII alphanumerics/);
  assert.match(topicNameProblem('x'.repeat(250)) ?? '', /longer than 249/);
});

test("'.' and '_' collide; the same name does not", () => {
  assert.equal(collidingTopic('a.b', ['a_b', 'c']), 'a_b');
  assert.equal(collidingTopic('a_b', ['a.b']), 'a.b');
  assert.equal(collidingTopic('a.b', ['a.b']), undefined);
  assert.equal(collidingTopic('ab', ['a_b']), undefined);
  assert.equal(collidingTopic('a.b.c', ['a_b.c']), 'a_b.c');
  assert.throws(() => checkNoCollision('a.b', ['a_b']), (e: unknown) => invalidTopic(e) && /collides with existing topic: a_b/.test((e as Error).message));
});

test('internal topics', () => {
  assert.ok(isInternalTopic('__consumer_offsets'));
  assert.ok(isInternalTopic('__transaction_state'));
  assert.ok(!isInternalTopic('consumer_offsets'));
});
