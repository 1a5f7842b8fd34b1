import 'server-only';

// Timing of the informer supervision: restart backoff, when a source counts as stale, and how
// often unreadable sources (forbidden, missing) are tried again.

export interface SupervisorTiming {
  backoffBaseMs: number;
  backoffMaxMs: number;
  /**
   * Cap for errors where the server never answered (refused, reset, DNS, TLS, timeout): such a
   * retry costs the API server nothing, and the dashboard must notice it is back within seconds.
   */
  unreachableMaxMs: number;
  /** Down longer than this: 'stale'. */
  staleAfterMs: number;
  /** Retry interval for 'forbidden' and 'missing' (RBAC granted or CRD installed later). */
  slowRetryMs: number;
}

export const defaultTiming: SupervisorTiming = {
  backoffBaseMs: 1_000,
  backoffMaxMs: 30_000,
  unreachableMaxMs: 3_000,
  staleAfterMs: 30_000,
  slowRetryMs: 60_000,
};

export function backoffDelay(attempt: number, t: SupervisorTiming, random = Math.random): number {
  const exp = Math.min(t.backoffMaxMs, t.backoffBaseMs * 2 ** Math.min(attempt, 30));
  // ±20% jitter so many dashboards do not hammer a recovering API server in lockstep.
  return Math.min(t.backoffMaxMs, Math.round(exp * (0.8 + 0.4 * random())));
}
