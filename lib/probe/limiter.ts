// Bounded concurrency and a rate cap for probes: at most `concurrency` in flight, and starts spaced
// so that no more than `perSecond` begin in any second (a sweep must not flood the LAN).

export interface LimiterOptions {
  concurrency: number;
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks started so far. */
  readonly started: number;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createLimiter(options: LimiterOptions): Limiter {
  if (!(options.concurrency >= 1)) throw new RangeError('limiter: concurrency must be at least 1');
  if (!(options.perSecond > 0)) throw new RangeError('limiter: perSecond must be positive');
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? defaultSleep;
  const spacing = 1000 / options.perSecond;
  let active = 0;
  let nextSlot = -Infinity;
  let started = 0;
  const waiting: (() => void)[] = [];

  const acquire = async () => {
    // A released slot is handed to the next waiter directly, so a newcomer cannot overtake it.
    if (active < options.concurrency) active++;
    else await new Promise<void>((r) => waiting.push(r));
    const t = now();
    const slot = Math.max(t, nextSlot);
    nextSlot = slot + spacing;
    if (slot > t) await sleep(slot - t);
    started++;
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run(task) {
      await acquire();
      try {
        return await task();
      } finally {
        release();
      }
    },
    get started() {
      return started;
    },
  };
}
