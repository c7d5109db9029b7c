// @tideline/eventsourcing: event streams per entity on Kafka, projections, snapshots, upcasters.
export {
  H, encodeGlobalPosition, decodeGlobalPosition, checkpointToString, parseCheckpoint, jsonSerde, DEFAULT_LIMITS, categoryOf, storeTopics,
} from './types.js';
export type {
  EventPosition, TidelineReadEventMetadata, TidelineReadEvent, ExpectedVersion, AppendMetadata, AppendOptions, AppendResult, ReadOptions,
  Checkpoint, SubscribeOptions, SubscriptionBatch, EventSubscriber, TidelineEventStore, EventSerde, StoreLimits, StoreTopics,
} from './types.js';
export { EventStoreError, EventStoreErrorCode, ExpectedVersionConflict, isExpectedVersionConflict } from './errors.js';
export { BaseEventStore, type AppendCommand } from './base.js';
export { InMemoryTidelineEventStore, getTidelineInMemoryEventStore, type InMemoryStoreOptions } from './memory.js';
export { decodeEvent, isEventRecord, type StoredRecord } from './codec.js';
export {
  STREAM_DOES_NOT_EXIST, STREAM_EXISTS, NO_CONCURRENCY_CHECK, ExpectedVersionConflictError, isExpectedVersionConflictError,
} from '@event-driven-io/emmett';
export type { Event, ReadEvent, EventStore, ExpectedStreamVersion } from '@event-driven-io/emmett';
export { KafkaEventStore, type KafkaEventStoreOptions } from './kafka/store.js';
export { EventStoreOwner, type OwnerOptions, type InlineHandler, type InlineTx } from './kafka/owner.js';
export { createStoreTopics, type StoreTopicOptions } from './kafka/wire.js';
export { storeSpec, type DeciderDefinition, type StoreSpecWhen } from './testing.js';
// Emmett's command handling and test helpers, unchanged, so Emmett code runs over our stores with one import.
export {
  CommandHandler, DeciderCommandHandler, DeciderSpecification, IllegalStateError, ValidationError, EmmettError,
} from '@event-driven-io/emmett';
export type { Command, Decider } from '@event-driven-io/emmett';
