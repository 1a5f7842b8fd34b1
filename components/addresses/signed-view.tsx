'use client';

import { formatUtcTime } from '@/lib/inventory/view/format';
import { IpLinksContext } from '../allocation-table/ip-links';
import { AddressesTable } from './addresses-screen';

/**
 * What a signed link shows: one allocation table, read-only, self-contained (its addresses do not
 * lead to the rest of the dashboard, which the link does not open), and until when it works.
 */
export function SignedView({ pool, expiresAt }: { pool: string | null; expiresAt: string }) {
  return (
    <IpLinksContext.Provider value={false}>
      <p data-testid="signed-view" className="text-xs text-zinc-500">
        A read-only view shared by a signed link, which works until{' '}
        <time dateTime={expiresAt}>{formatUtcTime(expiresAt)}</time>.
      </p>
      <AddressesTable pool={pool ?? undefined} title={pool ? `IP allocations of pool ${pool}` : undefined} />
    </IpLinksContext.Provider>
  );
}
