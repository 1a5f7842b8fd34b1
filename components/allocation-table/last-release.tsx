'use client';

import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo } from 'react';
import type { LastRelease } from '@/lib/inventory/view/history-wire';
import { formatUtcTime } from '@/lib/inventory/view/format';
import { elapsed } from '@/lib/queries/connection';
import { releasesQueryOptions } from '@/lib/queries/history';
import { useMeta } from '@/lib/queries/use-inventory';
import { useNow } from '../ui/use-now';

// A free address's last release, from history: when, and who held it — what people use to give an
// address back to its previous owner (as Harvester's pools show lastAllocated).

/** Last releases by address (null: not loaded, no history, or a snapshot's table). */
export const LastReleases = createContext<ReadonlyMap<string, LastRelease> | null>(null);

/** The live cluster's releases, refetched with each inventory version; none when `enabled` is false. */
export function useLastReleases(enabled: boolean): ReadonlyMap<string, LastRelease> | null {
  const version = useMeta().data?.version ?? 0;
  const q = useQuery({ ...releasesQueryOptions(version), enabled });
  return useMemo(() => (q.data ? new Map(q.data.releases.map((r) => [r.ip, r])) : null), [q.data]);
}

export function LastReleaseNote({ ip }: { ip: string }) {
  const releases = useContext(LastReleases);
  const now = useNow(false);
  const r = releases?.get(ip);
  if (!r) return null;
  const by = r.holders.length ? r.holders.join(', ') : 'an unknown holder';
  return (
    <span
      data-testid="last-release"
      className="text-[11px] text-zinc-500"
      title={`Released ${formatUtcTime(r.at)} by ${by}`}
    >
      {elapsed(Math.max(0, now - Date.parse(r.at)))} ago by {by}
    </span>
  );
}
