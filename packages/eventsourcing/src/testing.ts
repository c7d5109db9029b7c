// given/when/then for deciders over a store, runnable without a broker: the command goes through
// Emmett's DeciderCommandHandler into an in-memory store with the Kafka store's semantics
// (versions, dedup, record format), so what the test sees is what the Kafka store would do.
// (Emmett's DeciderSpecification tests the pure decider; this one also covers the store path.)
import assert from 'node:assert/strict';
import { DeciderCommandHandler, type Command, type Event } from '@event-driven-io/emmett';
import { InMemoryTidelineEventStore } from './memory.js';

export interface DeciderDefinition<State, C extends Command, E extends Event> {
  decide: (command: C, state: State) => E | E[];
  evolve: (state: State, event: E) => State;
  initialState: () => State;
}

export interface StoreSpecWhen<E extends Event> {
  /** The events appended by the command (types and data). */
  then(expected: E | E[]): Promise<void>;
  thenNothingHappened(): Promise<void>;
  /** The command failed; `check` inspects the error. Nothing was appended. */
  thenThrows(check?: (error: unknown) => boolean): Promise<void>;
}

/** `storeSpec(decider)('account-1', givenEvents).when(command).then(events)`. */
export function storeSpec<State, C extends Command, E extends Event>(decider: DeciderDefinition<State, C, E>) {
  return (streamName: string, given: E[] = []) => ({
    when(command: C): StoreSpecWhen<E> {
      const run = async (): Promise<{ store: InMemoryTidelineEventStore; before: bigint; result: Promise<unknown> }> => {
        const store = new InMemoryTidelineEventStore();
        if (given.length > 0) await store.appendToStream(streamName, given);
        const before = (await store.readStream(streamName)).currentStreamVersion;
        const handle = DeciderCommandHandler<State, C, E>({ ...decider, mapToStreamId: (id) => id });
        return { store, before, result: handle(store, streamName, command) };
      };
      const appended = async (store: InMemoryTidelineEventStore, before: bigint): Promise<Array<{ type: string; data: unknown }>> =>
        (await store.readStream(streamName, { from: before + 1n })).events.map((e) => ({ type: e.type, data: e.data }));
      return {
        async then(expected) {
          const { store, before, result } = await run();
          await result;
          const want = (Array.isArray(expected) ? expected : [expected]).map((e) => ({ type: e.type, data: e.data }));
          assert.deepEqual(await appended(store, before), want);
        },
        async thenNothingHappened() {
          const { store, before, result } = await run();
          await result;
          assert.deepEqual(await appended(store, before), []);
        },
        async thenThrows(check) {
          const { store, before, result } = await run();
          let failed: unknown = null;
          try {
            await result;
          } catch (e) {
            failed = e ?? new Error('rejected');
          }
          assert.ok(failed !== null, 'the command was expected to fail');
          if (check !== undefined) assert.ok(check(failed), `unexpected error: ${String(failed)}`);
          assert.deepEqual(await appended(store, before), [], 'a failed command appends nothing');
        },
      };
    },
  });
}
