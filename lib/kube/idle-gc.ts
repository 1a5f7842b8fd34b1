import 'server-only';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

// A thorough garbage collection a second after the first inventory, then whenever the server falls
// idle after a burst of work. V8 collects
// its old generation only when the heap reaches a limit it scales from the size it last saw, so a
// burst — the embedded cluster's seed and the first inventory at start, twenty page loads, a
// storm of writes — leaves the heap holding up to twice what is live (at the scale seed ~320 MB
// of heap for ~190 MB live, megabytes of superseded Service-list JSON among it) for as long as
// nothing else allocates. Collected once the event loop has been idle a moment, the heap, and the
// process's resident memory, return to what is live (bench/ui.bench.ts server.rss_10k_mb). The
// pause (a few hundred ms at 10,000 Services) falls when nothing is waiting for the loop; a
// request that arrives during it waits that long once. LBIPAM_IDLE_GC=0 turns it off.

export interface IdleGcPolicy {
  /** How long the loop must have been idle. */
  idleMs: number;
  /** Event-loop utilisation below which a sample counts as idle (0–1). */
  idleElu: number;
  /** Worth a pause: the heap V8 holds (committed, what RSS sees) beyond its size right after the last collection, at least this (bytes)… */
  minGarbageBytes: number;
  /** …and at least this share of that live size. */
  minGarbageShare: number;
  /** Never two collections closer than this. */
  minIntervalMs: number;
}

export const DEFAULT_IDLE_GC: IdleGcPolicy = {
  idleMs: 2_000,
  idleElu: 0.05,
  minGarbageBytes: 48 * 1024 * 1024,
  minGarbageShare: 0.25,
  minIntervalMs: 10_000,
};

export interface IdleGcState {
  /** The heap's committed size right after the last collection (null: none yet; the start's burst is all garbage). */
  liveBytes: number | null;
  lastAt: number;
  /** Since when every sample was idle (null: the last one was busy). */
  idleSince: number | null;
}

/** Whether to collect now, from the latest sample: pure (tested), the timer below feeds it. */
export function shouldCollect(
  s: IdleGcState,
  sample: { now: number; elu: number; heapBytes: number },
  p: IdleGcPolicy = DEFAULT_IDLE_GC,
): boolean {
  if (sample.elu >= p.idleElu || s.idleSince === null) return false;
  if (sample.now - s.idleSince < p.idleMs || sample.now - s.lastAt < p.minIntervalMs) return false;
  if (s.liveBytes === null) return true;
  const garbage = sample.heapBytes - s.liveBytes;
  return garbage >= p.minGarbageBytes && garbage >= p.minGarbageShare * s.liveBytes;
}

/**
 * V8's most thorough collection — the one DevTools' "collect garbage" runs: repeated full GCs that
 * compact the heap and hand free pages back (a plain full GC keeps most of the pages it freed).
 * Through an in-process inspector session: no debugger port is opened. Calls `done` when finished.
 */
export function collectGarbage(done: (ok: boolean) => void = () => {}): void {
  const session = new Session();
  session.connect();
  session.post('HeapProfiler.collectGarbage', (err) => {
    // Not from inside the session's own callback: disconnecting there leaves it holding the loop.
    setImmediate(() => {
      session.disconnect();
      done(!err);
    });
  });
}

/** Once `started` resolves (the first inventory): one collection a second later, whatever the load —
 * the start's burst is all garbage, and 200 clients connecting at once may keep the loop from ever
 * looking idle — then one whenever the loop falls idle after a burst. */
export function collectWhenIdle(
  started: Promise<unknown>,
  policy: IdleGcPolicy = DEFAULT_IDLE_GC,
  everyMs = 500,
  firstAfterMs = 1_000,
): void {
  if (process.env.LBIPAM_IDLE_GC === '0') return;
  void started.then(() => {
    const state: IdleGcState = { liveBytes: null, lastAt: -Infinity, idleSince: null };
    let last = performance.eventLoopUtilization();
    let busy = false;
    const collect = () => {
      busy = true;
      try {
        collectGarbage(() => {
          busy = false;
          state.liveBytes = getHeapStatistics().total_heap_size;
          state.lastAt = performance.now();
          state.idleSince = null;
          last = performance.eventLoopUtilization();
        });
      } catch {
        // Only memory is at stake: a Node without the inspector keeps its heap as it was.
        busy = false;
        state.lastAt = performance.now();
      }
    };
    setTimeout(collect, firstAfterMs).unref();
    setInterval(() => {
      if (busy || state.liveBytes === null) return;
      const now = performance.now();
      const elu = performance.eventLoopUtilization(last).utilization;
      last = performance.eventLoopUtilization();
      if (elu >= policy.idleElu) {
        state.idleSince = null;
        return;
      }
      // The interval's own start counts: idle since the sample before this one.
      state.idleSince ??= now - everyMs;
      const heapBytes = getHeapStatistics().total_heap_size;
      if (shouldCollect(state, { now, elu, heapBytes }, policy)) collect();
    }, everyMs).unref();
  });
}
