import Link from 'next/link';
import type { IpFacts } from '@/lib/inventory/view/ip-facts';
import { poolHref } from '../pools/pool-card';
import { Count } from '../ui/count';
import { Panel } from '../ui/panel';

/** An address no pool contains: say so, and name the pools closest to it (a typo is the usual cause). */
export function IpOutside({ facts }: { facts: IpFacts }) {
  return (
    <Panel id="ip-outside" title="Not in any pool">
      <div data-testid="ip-outside" className="px-4 py-3 text-sm text-zinc-700">
        <p>
          No CiliumLoadBalancerIPPool of this cluster contains {facts.ip}. Cilium never hands it out; a
          Service that asks for it stays pending with <span className="font-mono">no_pool</span>
          {facts.holders.length > 0 ? ', and the Services holding it got it from outside LB-IPAM' : ''}.
        </p>
        {facts.nearest.length > 0 ? (
          <>
            <p className="mt-2 text-xs text-zinc-500">Nearest pools:</p>
            <ul className="mt-1 text-xs">
              {facts.nearest.map((n) => (
                <li key={n.pool} data-testid="ip-nearest" data-pool={n.pool} className="py-0.5">
                  <Link href={poolHref(n.pool)} className="font-mono text-sky-700 hover:underline">
                    {n.pool}
                  </Link>{' '}
                  <span className="font-mono text-zinc-600">{n.block}</span>{' '}
                  <span className="text-zinc-500">
                    — <Count n={n.distance} /> {n.distance === '1' ? 'address' : 'addresses'}{' '}
                    {n.side === 'above' ? 'above' : 'below'} it
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2 text-xs text-zinc-500">
            No pool has addresses of this family (IPv{facts.family}).
          </p>
        )}
      </div>
    </Panel>
  );
}
