// The read side's decoder hook: from a record of the event topic to the store's event
// (TidelineReadEvent, Emmett's ReadEvent with our metadata). Every read path of the read side goes
// through an `EventDecoder`, so upcasting (Upcasters.decoder) and decryption
// (PersonalDataCodec.decoder) happen in one place; `withReadHooks` (read-hooks.ts) puts the same
// transformation on the store's own read paths (readStream, aggregateStream, subscribe).
import type { Event } from '@event-driven-io/emmett';
import { decodeEvent, isEventRecord, type StoredRecord } from './codec.js';
import { ReadSideError, ReadSideErrorCode } from './read-errors.js';
import { jsonSerde, type EventSerde, type TidelineReadEvent } from './types.js';

/** A decoded event of the store (type, data, metadata with stream position, partition, offset, schemaVersion). */
export type ReadEvent<E extends Event = Event> = TidelineReadEvent<E>;

/** Transforms an event on its way to a reader (upcasting, decryption); async so it can fetch keys. */
export type EventTransform = (e: TidelineReadEvent) => TidelineReadEvent | Promise<TidelineReadEvent>;

/** Turns a record of the event topic into an event. */
export type EventDecoder = (record: StoredRecord) => TidelineReadEvent | Promise<TidelineReadEvent>;

/** The record format's decoder (the core's), refusing records that are not events. */
export function recordDecoder(serde: EventSerde = jsonSerde): EventDecoder {
  return (r) => {
    if (!isEventRecord(r)) throw new ReadSideError(ReadSideErrorCode.MalformedEventRecord, `record ${r.partition}@${r.offset} is not an event (key, es-type and es-version are required)`);
    try {
      return decodeEvent(r, serde);
    } catch (e) {
      throw new ReadSideError(ReadSideErrorCode.MalformedEventRecord, `record ${r.partition}@${r.offset} could not be decoded`, { cause: e });
    }
  };
}

/** `decode` followed by the transforms, in order. */
export function decoderWith(decode: EventDecoder, ...transforms: EventTransform[]): EventDecoder {
  if (transforms.length === 0) return decode;
  return async (r) => {
    let e = await decode(r);
    for (const t of transforms) e = await t(e);
    return e;
  };
}

/** Composes transforms (upcast first, then decrypt, typically). */
export function composeTransforms(...transforms: EventTransform[]): EventTransform {
  return async (e) => {
    for (const t of transforms) e = await t(e);
    return e;
  };
}
