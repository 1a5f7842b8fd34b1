import 'server-only';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// One full garbage collection once the server has started: the embedded cluster's seed (10,000
// Services and their slices written, status-written, watched), the informers' first lists and the
// first inventory are a one-off burst, and V8 leaves the heap sized for it — at the scale seed
// ~350 MB of heap for ~170 MB of live objects — for as long as the server runs: its growth
// heuristics scale from the size they last saw. Collected once after the burst, the heap starts
// from what is live and stays near it through later page loads and writes (bench/ui.bench.ts's
// server.rss_10k_mb: ~510 MB → ~365 MB). One pause of a few hundred milliseconds, once.

export const STARTUP_GC_DELAY_MS = 1_000;

/** V8's full collection (`gc()` as --expose-gc gives it), without starting Node with that flag. */
export function collectGarbage(): boolean {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') {
    exposed();
    return true;
  }
  // A context created while --expose-gc is set gets `gc` (the flag only affects new contexts).
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  setFlagsFromString('--no-expose-gc');
  if (typeof gc !== 'function') return false;
  (gc as () => void)();
  return true;
}

/** Collects once, `delayMs` after `started` resolves (LBIPAM_STARTUP_GC=0 turns it off). */
export function collectAfterStartup(started: Promise<unknown>, delayMs = STARTUP_GC_DELAY_MS): void {
  if (process.env.LBIPAM_STARTUP_GC === '0') return;
  void started.then(() => {
    setTimeout(() => {
      try {
        collectGarbage();
      } catch {
        // Only memory is at stake: a runtime without the flag keeps its heap as it was.
      }
    }, delayMs).unref();
  });
}
