// Regression: Kafka's "never" (Long.MAX_VALUE) for retention.ms / segment.ms / flush.ms was refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logConfigFromTopicConfigs } from '../src/config.js';

test('Long.MAX_VALUE configs clamp instead of failing; retention.bytes below -1 means unlimited', () => {
  const c = logConfigFromTopicConfigs({ 'retention.ms': '9223372036854775807', 'flush.ms': '9223372036854775807', 'segment.ms': '9223372036854775807', 'retention.bytes': '-5' });
  assert.equal(c.retentionMs, Number.MAX_SAFE_INTEGER);
  assert.equal(c.flushMs, Number.MAX_SAFE_INTEGER);
  assert.equal(c.segmentMs, Number.MAX_SAFE_INTEGER);
  assert.equal(c.retentionBytes, -1);
  assert.throws(() => logConfigFromTopicConfigs({ 'segment.ms': 'abc' }));
  assert.throws(() => logConfigFromTopicConfigs({ 'segment.ms': '0' }));
});
