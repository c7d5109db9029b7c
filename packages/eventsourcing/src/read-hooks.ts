// Read hooks on the store: `withReadHooks(store, hooks)` is the same store with every read path
// (readStream, aggregateStream, subscribe) passing events through `read` (upcasting, decryption)
// and every append through `write` (schema validation, encryption) before anything is written. The
// store itself is unchanged; the wrapper is what the application, Emmett's CommandHandler and the
// projections are given, so no path can skip the hooks.
import type { AggregateStreamOptions, AggregateStreamResult, Event, ReadStreamResult } from '@event-driven-io/emmett';
import type { AppendOptions, AppendResult, ReadOptions, SubscribeOptions, SubscriptionBatch, TidelineEventStore, TidelineReadEvent, TidelineReadEventMetadata } from './types.js';
import type { EventTransform } from './read-event.js';
import type { BaseEventStore } from './base.js';

export interface ReadHooks {
  /** Applied to every event read (upcast, then decrypt). */
  read?: EventTransform;
  /** Applied to every event before an append (validate, encrypt); throwing refuses the whole append. */
  write?: (e: Event) => Event | Promise<Event>;
}

/** The store with hooks: Emmett's EventStore plus our append options (schemaVersion, eventIds, commandId, metadata). */
export type HookedEventStore = TidelineEventStore & Pick<BaseEventStore, 'appendToStream'>;

export function withReadHooks(store: TidelineEventStore, hooks: ReadHooks): HookedEventStore {
  const read = hooks.read;
  const readStream = async <E extends Event, P extends Event = E>(streamName: string, options?: ReadOptions<E, P>): Promise<ReadStreamResult<E, TidelineReadEventMetadata>> => {
    const r = await store.readStream<E, P>(streamName, options);
    if (read === undefined) return r;
    const events: unknown[] = [];
    for (const e of r.events) events.push(await read(e as unknown as TidelineReadEvent));
    return { ...r, events: events as ReadStreamResult<E, TidelineReadEventMetadata>['events'] };
  };
  return {
    readStream,
    async aggregateStream<State, E extends Event, P extends Event = E>(streamName: string, options: AggregateStreamOptions<State, E, TidelineReadEventMetadata, P>): Promise<AggregateStreamResult<State, bigint>> {
      const r = await readStream<E, P>(streamName, options.read);
      const evolve = options.evolve as (s: State, e: TidelineReadEvent<E>) => State;
      let state = options.initialState();
      for (const e of r.events) state = evolve(state, e as TidelineReadEvent<E>);
      return { currentStreamVersion: r.currentStreamVersion, state, streamExists: r.streamExists };
    },
    async appendToStream<E extends Event, P extends Event = E>(streamName: string, events: E[], options?: AppendOptions<E, P>): Promise<AppendResult> {
      const w = hooks.write;
      const out = w === undefined ? events : ((await Promise.all(events.map((e) => w(e)))) as E[]);
      return (await store.appendToStream<E, P>(streamName, out, options)) as AppendResult;
    },
    streamExists: (streamName: string) => store.streamExists(streamName),
    partitionCount: () => store.partitionCount(),
    close: () => store.close(),
    subscribe<E extends Event = Event>(opts?: SubscribeOptions): AsyncIterable<SubscriptionBatch<E>> {
      const inner = store.subscribe<E>(opts);
      if (read === undefined) return inner;
      return (async function* () {
        for await (const b of inner) {
          const events: TidelineReadEvent<E>[] = [];
          for (const e of b.events) events.push((await read(e as unknown as TidelineReadEvent)) as unknown as TidelineReadEvent<E>);
          yield { ...b, events };
        }
      })();
    },
  } as HookedEventStore;
}
