// Group commit: callers share fdatasync rounds. A round covers everything written before it
// started; up to `maxInFlight` rounds run at once and callers arriving while that many are in flight
// share the next one, which starts when the oldest settles.
//
// Why more than one in flight: with a single round in flight, a write that lands just after a round
// started waits for that round to finish, then for the event loop to start the next one, then for
// its own fdatasync: up to two fdatasyncs plus a trip through a busy event loop. With two, its
// round starts at once; the kernel still serialises journal commits, but the data write-back and
// the hop back to the event loop overlap the earlier round.
//
// Rounds settle in the order they started: `syncOnce` gets the previous round and must not report
// success (raise the high watermark, resolve acks) before it has settled, and must fail if it
// failed. So a settled round still means "everything written before I started is durable" even
// when its own fdatasync returned before an earlier one's.
const noop = (): void => {};

export class GroupCommit {
  /** Rounds in flight, oldest first; each settles after the one before it. */
  private readonly rounds: Promise<void>[] = [];
  private queued: Promise<void> | null = null;
  private readonly syncOnce: (previous: Promise<void> | null) => Promise<void>;
  private readonly maxInFlight: number;

  constructor(syncOnce: (previous: Promise<void> | null) => Promise<void>, maxInFlight = 2) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) throw new RangeError(`maxInFlight must be a positive integer, got ${maxInFlight}`);
    this.syncOnce = syncOnce;
    this.maxInFlight = maxInFlight;
  }

  /** Resolves after an fsync that started after this call (so it covers everything written before). */
  sync(): Promise<void> {
    if (this.queued) return this.queued;
    if (this.rounds.length < this.maxInFlight) return this.start();
    this.queued = this.rounds[0]!.then(noop, noop).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  /** Resolves once nothing is in flight or queued. */
  async idle(): Promise<void> {
    for (;;) {
      const last = this.queued ?? this.rounds[this.rounds.length - 1];
      if (last === undefined) return;
      await last.then(noop, noop);
    }
  }

  private start(): Promise<void> {
    const previous = this.rounds[this.rounds.length - 1] ?? null;
    // Awaiting `previous` here too keeps rounds settling in order whatever `syncOnce` does with it.
    const run = async (): Promise<void> => {
      await this.syncOnce(previous);
      if (previous) await previous;
    };
    const p: Promise<void> = run().finally(() => {
      const i = this.rounds.indexOf(p);
      if (i >= 0) this.rounds.splice(i, 1);
    });
    this.rounds.push(p);
    return p;
  }
}
