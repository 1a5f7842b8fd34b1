// The answers of /api/reserve/* (lib/kube/reserve.ts computes them), as the browser reads them.
import type { IpPlan, Suggestion } from '../ip-plan/plan';
import type { ReserveCheck } from './reserve-check';

export interface ReserveChoices {
  pool: string;
  /** The address Cilium would hand out next from this pool (null: full, disabled or conflicting). */
  next: string | null;
  /** Free addresses inside the IP plan, ranked for the namespace. */
  suggestions: Suggestion[];
  /** Free addresses of the pool, lowest first, at most 256. */
  free: string[];
  /** How many more free addresses there are beyond `free` (a decimal string). */
  freeMore: string;
  /** The free stretches in words ("192.168.0.223–225"). */
  freeRuns: string[];
  plan: IpPlan;
}

export interface ServerAnswer {
  ok: boolean;
  /** HTTP status from the API server (0: no answer). */
  status: number;
  /** Its reason (Invalid, AlreadyExists, Forbidden, …) and message, as it wrote them. */
  reason: string | null;
  message: string;
}

export type ApplyResult =
  | { state: 'created'; object: string; ips: string[]; check: ReserveCheck }
  | {
      state: 'refused';
      status: number;
      code: string;
      error: string;
      check?: ReserveCheck;
      heldBy?: string[];
    };

/**
 * What the LAN says about the address: the ARP/NDP probe's verdict (issue 10). Until the probe
 * agent runs, every address is `not-probed`; nothing here guesses a verdict.
 */
export type LanVerdict =
  | { state: 'not-probed'; why: string }
  | { state: 'silent' }
  | { state: 'node'; node: string; mac: string }
  | { state: 'foreign'; mac: string; vendor: string | null };

export const NOT_PROBED: LanVerdict = { state: 'not-probed', why: 'the ARP agent is not running' };
