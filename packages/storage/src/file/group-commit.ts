// Group commit: at most one fsync in flight; callers arriving meanwhile share the next one.
const noop = (): void => {};

export class GroupCommit {
  private inFlight: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private readonly syncOnce: () => Promise<void>;

  constructor(syncOnce: () => Promise<void>) {
    this.syncOnce = syncOnce;
  }

  /** Resolves after an fsync that started after this call (so it covers everything written before). */
  sync(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.start();
    this.queued = this.inFlight.then(noop, noop).then(() => {
      this.queued = null;
      return this.start();
    });
    return this.queued;
  }

  /** Resolves once nothing is in flight or queued. */
  async idle(): Promise<void> {
    while (this.queued ?? this.inFlight) await (this.queued ?? this.inFlight)!.then(noop, noop);
  }

  private start(): Promise<void> {
    const p: Promise<void> = this.syncOnce().finally(() => {
      if (this.inFlight === p) this.inFlight = null;
    });
    this.inFlight = p;
    return p;
  }
}
