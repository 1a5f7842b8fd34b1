import 'server-only';
import { Session } from 'node:inspector';

// One full garbage collection once the server has started: the embedded cluster's seed (10,000
// Services and their slices written, status-written, watched), the informers' first lists and the
// first inventory are a one-off burst, and V8 leaves the heap sized for it — at the scale seed
// ~350 MB of heap for ~170 MB of live objects — for as long as the server runs: its growth
// heuristics scale from the size they last saw. Collected once after the burst, the heap starts
// from what is live and stays near it through later page loads and writes (bench/ui.bench.ts's
// server.rss_10k_mb: ~510 MB → ~365 MB). One pause of a few hundred milliseconds, once.

export const STARTUP_GC_DELAY_MS = 1_000;

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

/** Collects once, `delayMs` after `started` resolves (LBIPAM_STARTUP_GC=0 turns it off). */
export function collectAfterStartup(started: Promise<unknown>, delayMs = STARTUP_GC_DELAY_MS): void {
  if (process.env.LBIPAM_STARTUP_GC === '0') return;
  void started.then(() => {
    setTimeout(() => {
      try {
        collectGarbage();
      } catch {
        // Only memory is at stake: a Node without the inspector keeps its heap as it was.
      }
    }, delayMs).unref();
  });
}
