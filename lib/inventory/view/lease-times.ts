import type { LeaseReading } from './ip-detail-wire';

// How long ago, as the IP page and the nodes screen show a lease: held since its acquireTime
// (judged now), and renewal and expiry as they stood when the lease was read (renewals every 2 s
// would make a ticking "renewed ago" wrong the moment it was drawn).

export interface LeaseTimes {
  /** Milliseconds since the holder took it (failover resets it, renewals do not); null when unknown. */
  heldFor: number | null;
  /** Milliseconds from the last renewal to the read. */
  renewedBefore: number | null;
  /** Milliseconds from the read to expiry; negative when it was overdue. */
  expiresIn: number | null;
  /** Share of the duration used up since the last renewal, at the read (1 or more: overdue). */
  used: number | null;
}

const at = (iso: string | null | undefined): number | null => {
  const t = Date.parse(iso ?? '');
  return Number.isNaN(t) ? null : t;
};

/** `readAt`: the server's clock when it read the lease; `now`: this moment. */
export function leaseTimes(
  l: Pick<LeaseReading, 'acquireTime' | 'renewTime' | 'durationSeconds' | 'expiresAt'>,
  readAt: number,
  now: number,
): LeaseTimes {
  const acquired = at(l.acquireTime);
  const renewed = at(l.renewTime) ?? acquired;
  const expires = at(l.expiresAt);
  const renewedBefore = renewed === null ? null : Math.max(0, readAt - renewed);
  return {
    heldFor: acquired === null ? null : Math.max(0, now - acquired),
    renewedBefore,
    expiresIn: expires === null ? null : expires - readAt,
    used:
      renewedBefore === null || !l.durationSeconds || l.durationSeconds <= 0
        ? null
        : renewedBefore / (l.durationSeconds * 1000),
  };
}
