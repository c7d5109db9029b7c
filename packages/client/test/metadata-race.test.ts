// Regression: concurrent sends to a topic that does not exist yet failed with "Cannot read
// properties of undefined (reading 'partitions')": the Metadata responses of the burst are applied
// in order, and a later one (answered while the broker was still creating the topic) removed the
// topic that an earlier one had just added, before that earlier caller read it back.
import assert from 'node:assert/strict';
import { Producer } from '../src/index.js';
import { bothBrokers, uniqueTopic } from './brokers.js';

bothBrokers('concurrent sends to an auto-created topic all succeed', { only: 'tideline', timeout: 60_000 }, async (b) => {
  for (let round = 0; round < 5; round++) {
    const p = new Producer({ bootstrap: b.bootstrap });
    try {
      const topic = uniqueTopic('auto');
      const res = await Promise.all(Array.from({ length: 5 }, (_, i) => p.send({ topic, messages: [{ key: `k${i}`, value: 'v' }] })));
      assert.equal(res.length, 5);
    } finally {
      await p.close();
    }
  }
});
