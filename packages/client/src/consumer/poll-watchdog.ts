// max.poll.interval.ms: notices the application holding a record (or batch) for too long.
// Sampled rather than timed per record: the hot path only bumps a counter.

export class PollWatchdog {
  /** Records/batches handed out; `inHand` while the application holds one. */
  private handed = 0;
  private inHand = false;
  private expired = false;
  private timer: NodeJS.Timeout | null = null;

  /**
   * `expire` runs when one was held longer than `maxMs` (false: nothing to do, e.g. no group yet;
   * it is asked again next time); `resume` when the application asks for more after that.
   */
  constructor(
    private readonly maxMs: number,
    private readonly expire: () => boolean,
    private readonly resume: () => void,
  ) {}

  start(): void {
    if (this.timer !== null) return;
    const max = this.maxMs;
    let seen = -1;
    let since = Date.now();
    this.timer = setInterval(() => {
      const now = Date.now();
      if (this.handed !== seen || !this.inHand) {
        seen = this.handed;
        since = now;
        return;
      }
      if (this.expired || now - since <= max) return;
      if (this.expire()) this.expired = true;
    }, Math.max(50, Math.min(1000, Math.floor(max / 4))));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** A record or batch goes to the application. */
  handOut(): void {
    this.handed++;
    this.inHand = true;
  }

  /** The application asks for more: a poll timeout is over. */
  polled(): void {
    this.inHand = false;
    if (this.expired) {
      this.expired = false;
      this.resume();
    }
  }
}
