// Upcasters: a chain per event type of steps from schema version v to v + 1, applied on every read
// path (aggregate loading, readStream, projections, subscriptions) through `decoder()`. Events are
// never rewritten in the log; readers see the current version. Optional per-version validators give
// the typed `EventSchemaError` for data that fails its schema (the write side calls `validate`
// before appending, so nothing invalid is written).
import { EventSchemaError, ReadSideError, ReadSideErrorCode } from './read-errors.js';
import type { EventTransform, ReadEvent } from './read-event.js';

/** One step: data of version `from` to data of version `from + 1`. */
export type UpcastStep = (data: unknown, event: Readonly<ReadEvent>) => unknown;
/** Returns the problems with `data` (empty or null when valid). */
export type EventValidator = (data: unknown) => readonly string[] | null;

interface TypeChain {
  steps: Map<number, UpcastStep>;
  current: number;
  validators: Map<number, EventValidator>;
}

export class Upcasters {
  private readonly types = new Map<string, TypeChain>();

  private chain(type: string): TypeChain {
    let c = this.types.get(type);
    if (c === undefined) {
      c = { steps: new Map(), current: 1, validators: new Map() };
      this.types.set(type, c);
    }
    return c;
  }

  /** Registers the step from `fromVersion` to `fromVersion + 1`; the type's current version grows with it. */
  register(type: string, fromVersion: number, step: UpcastStep): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new RangeError(`schema versions start at 1 (got ${fromVersion})`);
    const c = this.chain(type);
    if (c.steps.has(fromVersion)) throw new RangeError(`${type}: an upcaster from v${fromVersion} is already registered`);
    c.steps.set(fromVersion, step);
    c.current = Math.max(c.current, fromVersion + 1);
    return this;
  }

  /** A validator for `type` at `version` (e.g. compiled from the JSON Schema registered for it). */
  validator(type: string, version: number, v: EventValidator): this {
    const c = this.chain(type);
    c.validators.set(version, v);
    c.current = Math.max(c.current, version);
    return this;
  }

  /** The version events of `type` are read at (1 for types without upcasters). */
  currentVersion(type: string): number {
    return this.types.get(type)?.current ?? 1;
  }

  /** Throws `EventSchemaError` when `data` fails the validator of `type` at `version` (default: current). */
  validate(type: string, data: unknown, version = this.currentVersion(type)): void {
    const v = this.types.get(type)?.validators.get(version);
    if (v === undefined) return;
    const problems = v(data);
    if (problems !== null && problems.length > 0) throw new EventSchemaError(type, version, problems);
  }

  /** The event at its type's current schema version (the same object when nothing is to do). */
  upcast<E extends ReadEvent>(event: E): E {
    const c = this.types.get(event.type);
    if (c === undefined) return event;
    const m = event.metadata;
    let v = m.schemaVersion;
    if (v === c.current) return event;
    if (v > c.current) {
      throw new ReadSideError(ReadSideErrorCode.SchemaVersionFromTheFuture, `${event.type} v${v} is newer than this reader's v${c.current} (stream ${m.streamName}, event ${m.messageId})`);
    }
    let data: unknown = event.data;
    while (v < c.current) {
      const step = c.steps.get(v);
      if (step === undefined) throw new ReadSideError(ReadSideErrorCode.UpcasterMissing, `${event.type}: no upcaster from v${v} (current v${c.current})`);
      data = step(data, event);
      v++;
    }
    return { ...event, data, metadata: { ...m, schemaVersion: v } } as E;
  }

  /** The upcast as a transform for the read paths (decoderWith, withReadHooks). */
  readonly transform: EventTransform = (e) => this.upcast(e);
}
