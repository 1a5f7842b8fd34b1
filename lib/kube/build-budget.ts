// How long a feed rebuild waits, as a token bucket of building time. A lone change (a kubectl
// create, a failover) is built after the debounce alone, however long the last build took; only a
// sustained storm of changes is slowed, to at most `share` of the time spent building (a third by
// default, after a burst of 2 s: twenty creates a few hundred ms apart at 10,000 Services are not
// a storm), so the server keeps answering and the heap does not fill with discarded inventories
// faster than GC gives it back. The bucket holds up to `burstMs` of building; each build spends
// its duration; it refills at `share` ms per ms.

export interface BuildBudgetOptions {
  /** Building time a burst may spend before builds are spaced (ms). */
  burstMs?: number;
  /** The share of time sustained building may take (0–1]. */
  share?: number;
}

export class BuildBudget {
  private readonly burstMs: number;
  private readonly share: number;
  private tokens: number;
  private at: number | null = null;

  constructor(opts: BuildBudgetOptions = {}) {
    this.burstMs = opts.burstMs ?? 2_000;
    this.share = opts.share ?? 1 / 3;
    if (!(this.share > 0 && this.share <= 1))
      throw new RangeError(`share must be in (0, 1], got ${this.share}`);
    this.tokens = this.burstMs;
  }

  private refill(now: number): void {
    if (this.at !== null) this.tokens = Math.min(this.burstMs, this.tokens + (now - this.at) * this.share);
    this.at = now;
  }

  /** How long to wait from `now` before the next build, beyond the debounce: 0 while the budget lasts. */
  waitMs(now: number, nextBuildMs: number): number {
    this.refill(now);
    const need = Math.min(nextBuildMs, this.burstMs);
    return this.tokens >= need ? 0 : (need - this.tokens) / this.share;
  }

  /** A build of `ms` ended at `now`. */
  spent(now: number, ms: number): void {
    this.refill(now);
    this.tokens -= ms;
  }
}
