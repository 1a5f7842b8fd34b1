// The answers of /api/reserve/* (lib/kube/reserve.ts computes them), as the browser reads them.
import type { IpPlan, Suggestion } from '../ip-plan/plan';
import type { ReserveCheck } from './reserve-check';
import type { ArpVerdict } from '../inventory/arp/verdict';
import type { ProberStatus } from '../inventory/arp/evidence';

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
 * What the LAN says about the address: the ARP/NDP probe's verdict (lib/inventory/arp), read by
 * `lanVerdictOf`. Without a prober every address is `not-probed`; nothing here guesses a verdict.
 */
export type LanVerdict = (
  | { state: 'not-probed'; why: string }
  | { state: 'silent' }
  | { state: 'node'; node: string; mac: string }
  | { state: 'foreign'; mac: string; vendor: string | null }
) & { simulated?: boolean };

export const NOT_PROBED: LanVerdict = { state: 'not-probed', why: 'the ARP agent is not running' };

/**
 * The LAN's word on one address from the probers' verdicts: a device that is no node's answering
 * (the reservation would collide with it: blocked), a node answering, nobody answering, or not
 * probed — and why (no prober at all, or not reached yet).
 */
export function lanVerdictOf(verdict: ArpVerdict | undefined, probers: readonly ProberStatus[]): LanVerdict {
  if (probers.length === 0) return NOT_PROBED;
  const simulated = verdict?.simulated ? { simulated: true } : {};
  if (!verdict || verdict.verdict === 'not-probed')
    return { state: 'not-probed', why: 'the probers have not reached it yet' };
  const foreign = verdict.macs.find((m) => m.node === null);
  if (foreign) return { state: 'foreign', mac: foreign.mac, vendor: foreign.vendor, ...simulated };
  const node = verdict.macs.find((m) => m.node !== null);
  if (node?.node) return { state: 'node', node: node.node, mac: node.mac, ...simulated };
  return { state: 'silent', ...simulated };
}

/** Why a reservation on an address the LAN says is taken must not be applied, or null. */
export function lanBlocks(lan: LanVerdict, ip: string): string | null {
  if (lan.state !== 'foreign') return null;
  return `a device with MAC ${lan.mac}${lan.vendor ? ` (${lan.vendor})` : ''} answers ARP for ${ip}: it would collide with the reservation — pick another address, or move that device first`;
}
