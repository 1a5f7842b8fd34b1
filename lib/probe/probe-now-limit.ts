import type { ScopeCheck } from './scope';

// "Probe now" on one address, asked for from a screen: only a pool address that the scope allows,
// at most once per address every few seconds and one at a time overall. One rule for the embedded
// prober, the standalone agent and the demo's simulated segment.

export class ProbeRefused extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 429 | 503,
  ) {
    super(message);
    this.name = 'ProbeRefused';
  }
}

/** A refusal with its HTTP status, from this process or an agent. By name, not instanceof: Next may
 * load this module once per route bundle, and the runtime's hub comes from one of them. */
export const refusalStatus = (err: unknown): number | null =>
  err instanceof Error &&
  (err.name === 'ProbeRefused' || err.name === 'AgentError') &&
  typeof (err as { status?: unknown }).status === 'number'
    ? (err as unknown as { status: number }).status
    : null;

export interface ProbeNowLimitOptions {
  now: () => number;
  /** Least time between two "probe now" of one address, and between any two (ms). */
  perIpMs?: number;
  anyMs?: number;
}

export function createProbeNowLimit(o: ProbeNowLimitOptions) {
  const last = new Map<string, number>();
  let lastAny = -Infinity;
  return {
    /** The address to probe (canonical), or a refusal saying why; counts the probe when allowed. */
    take(check: ScopeCheck): string {
      if (!check.ok) throw new ProbeRefused(check.error, 403);
      const { ip, kind } = check.target;
      if (kind === 'node')
        throw new ProbeRefused(`${ip} is a node address: probe now is for pool addresses only`, 403);
      const t = o.now();
      const perIp = o.perIpMs ?? 5000;
      const since = t - (last.get(ip) ?? -Infinity);
      if (since < perIp)
        throw new ProbeRefused(
          `${ip} was probed ${Math.round(since / 1000)} s ago; wait ${Math.ceil((perIp - since) / 1000)} s`,
          429,
        );
      if (t - lastAny < (o.anyMs ?? 500))
        throw new ProbeRefused('too many probes at once; try again in a second', 429);
      last.set(ip, t);
      lastAny = t;
      return ip;
    },
  };
}
