// Test helper (not a test file): runs a scenario against a fresh Tideline broker and against one
// Apache Kafka broker shared by the test file. Under CI a missing Apache Kafka fails the test.
import { startBroker } from '@tideline/broker';
import { brokerMatrix } from '@tideline/interop';

export type { BrokerKind, TestBroker } from '@tideline/interop';
export const { bothBrokers, useApacheKafka, uniqueTopic } = brokerMatrix({
  tmpPrefix: 'tideline-streams-',
  startTideline: (dataDir) => startBroker({ dataDir, port: 0 }),
});
