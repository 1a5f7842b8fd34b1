'use client';

import Link from 'next/link';
import { useNodes } from '@/lib/queries/use-inventory';
import { nodeHref } from '../nodes/node-links';
import { Panel } from '../ui/panel';

/** Addresses announced per node, and how uneven that is (one node answering for all is a risk). */
export function AnnouncersSummary() {
  const { data: nodes = [] } = useNodes();
  const total = nodes.reduce((n, x) => n + x.announcing, 0);
  if (nodes.length === 0 || total === 0) return null;
  const max = Math.max(...nodes.map((n) => n.announcing));
  const eligible = nodes.filter((n) => n.ready !== false && n.l2Policies.length > 0);
  const fair = eligible.length > 0 ? total / eligible.length : total;
  const imbalanced = eligible.length > 1 && max >= 2 * fair && max - fair >= 2;
  return (
    <Panel
      id="announcers"
      title={`Announcers · ${total.toLocaleString('en-US')} addresses`}
      aside={
        <Link href="/nodes" className="text-xs font-medium text-sky-700 hover:underline">
          Nodes →
        </Link>
      }
    >
      <ul className="grid gap-x-6 gap-y-1 px-4 py-2 text-xs sm:grid-cols-2 lg:grid-cols-4">
        {nodes.map((n) => (
          <li
            key={n.name}
            data-testid="announcer-node"
            data-node={n.name}
            className="flex items-center gap-2"
          >
            <span className="flex w-40 min-w-0 items-baseline gap-1">
              <Link
                href={nodeHref(n.name)}
                className="truncate font-mono text-zinc-800 hover:text-sky-700 hover:underline"
                title={
                  n.ready === false
                    ? `${n.name}: not Ready (${n.notReadyReason ?? 'no reason given'})`
                    : n.name
                }
              >
                {n.name}
              </Link>
              {n.ready === false ? (
                <span className="shrink-0 text-[10px] font-semibold uppercase text-rose-700">NotReady</span>
              ) : null}
            </span>
            <span className="h-1.5 flex-1 overflow-hidden rounded-full bg-zinc-100">
              <span
                className={`block h-full rounded-full ${n.ready === false ? 'bg-rose-500' : 'bg-sky-600'}`}
                style={{ width: `${max > 0 ? (n.announcing / max) * 100 : 0}%` }}
              />
            </span>
            <span className="w-10 text-right font-mono tabular-nums text-zinc-700">{n.announcing}</span>
          </li>
        ))}
      </ul>
      {imbalanced ? (
        <p
          data-testid="announcers-imbalance"
          className="border-t border-zinc-100 px-4 py-2 text-xs text-amber-800"
        >
          Uneven: one node answers ARP for {max} addresses where an even share would be about{' '}
          {Math.round(fair)}. If it fails, all of them move at once.
        </p>
      ) : null}
    </Panel>
  );
}
