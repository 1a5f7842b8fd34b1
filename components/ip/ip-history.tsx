'use client';

import { useMemo } from 'react';
import { ChangeList } from '../history/change-list';
import { Panel } from '../ui/panel';

/** Who held the address over time, and every other recorded change of it (announcements). */
export function IpHistory({ ip }: { ip: string }) {
  const filters = useMemo(() => ({ ip }), [ip]);
  return (
    <Panel
      id="ip-history"
      title="History"
      aside={
        <a
          href={`/api/history?ip=${encodeURIComponent(ip)}&format=csv&download=1`}
          className="text-xs text-sky-800 hover:underline"
        >
          CSV
        </a>
      }
    >
      <ChangeList
        filters={filters}
        hideIp
        pageSize={50}
        empty={`Nothing recorded for ${ip} yet: no holder, release or announcement change since history began.`}
      />
    </Panel>
  );
}
