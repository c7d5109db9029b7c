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
// The read side: projections, snapshots, upcasters, forgetting.
export { ReadSideError, ReadSideErrorCode, EventSchemaError } from './read-errors.js';
export { recordDecoder, decoderWith, composeTransforms } from './read-event.js';
export type { EventDecoder, EventTransform } from './read-event.js';
export { withReadHooks } from './read-hooks.js';
export type { ReadHooks, HookedEventStore } from './read-hooks.js';
export { Upcasters } from './upcasters.js';
export type { UpcastStep, EventValidator } from './upcasters.js';
export { EventSchemaRegistry, assertCompatibleEvolution } from './event-schemas.js';
export type { EventSchemaRegistryOptions, CompatibilityResult } from './event-schemas.js';
export { CompactedTable } from './compacted-table.js';
export type { CompactedTableOptions } from './compacted-table.js';
export { PersonalDataCodec, InMemoryKeyStore, KafkaKeyStore, REDACTED } from './forgetting.js';
export type { KeyStore, KafkaKeyStoreOptions, PersonalFields } from './forgetting.js';
export { InMemorySnapshotStore, KafkaSnapshotStore, SnapshotLoader, SnapshotPolicies, storeTail, streamPositionOf } from './snapshots.js';
export type { Snapshot, SnapshotStore, StateCodec, SnapshotPolicy, LoadInfo, LoadResult, ReadTail, SnapshotLoaderOptions } from './snapshots.js';
export { EventSubscription, runProjection } from './projections/subscription.js';
export type { EventBatch, CheckpointTarget, SubscriptionOptions, Lag, PartitionLag } from './projections/subscription.js';
export { PostgresReadModel, quoteIdent } from './projections/postgres.js';
export type { PgProjection, PgTables, PostgresReadModelOptions } from './projections/postgres.js';
export { SqliteReadModel } from './projections/sqlite.js';
export type { SqliteProjection, SqliteTables } from './projections/sqlite.js';
export { rebuildAndSwitch } from './projections/rebuild.js';
export type { Rebuildable } from './projections/rebuild.js';
export { projectionSpec, eventRecords } from './projection-testing.js';
export type { GivenEvent, ProjectionSpec, ProjectionSpecOptions } from './projection-testing.js';
export { KafkaEventStore, type KafkaEventStoreOptions } from './kafka/store.js';
export { EventStoreOwner, type OwnerOptions, type InlineHandler, type InlineTx, type InlineProjection } from './kafka/owner.js';
export { InlineDocuments, InlineDocumentReader, createDocumentTopic } from './kafka/inline-documents.js';
export type { InlineDocument, InlineDocumentsOptions } from './kafka/inline-documents.js';
export { createStoreTopics, type StoreTopicOptions } from './kafka/wire.js';
export { storeSpec, type DeciderDefinition, type StoreSpecWhen } from './testing.js';
// Emmett's command handling and test helpers, unchanged, so Emmett code runs over our stores with one import.
export {
  CommandHandler, DeciderCommandHandler, DeciderSpecification, IllegalStateError, ValidationError, EmmettError,
} from '@event-driven-io/emmett';
export type { Command, Decider } from '@event-driven-io/emmett';
