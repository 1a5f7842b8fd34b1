'use client';

import { Fragment, useState, useSyncExternalStore } from 'react';
import { announceBalance } from '@/lib/inventory/view/node-announcers';
import { useAnnouncers, useNodes } from '@/lib/queries/use-inventory';
import { ScreenError } from '../shell/screen-skeleton';
import { Button } from '../ui/button';
import { Panel } from '../ui/panel';
import { BalanceBar } from './balance-bar';
import { EligibilityMatrix } from './eligibility-matrix';
import { nodeAnchor } from './node-links';
import { NodeLeases } from './node-leases';
import { ReadyBadge } from './ready-badge';
import { TableHead } from '../ui/table-head';

const th = 'whitespace-nowrap px-3 py-1.5 font-semibold first:pl-4';
const td = 'whitespace-nowrap px-3 py-1.5 first:pl-4';

// The row named by the URL's #node-<name> (the IP page links there) opens by itself.
const onHash = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const readHash = () => decodeURIComponent(window.location.hash.slice(1));

/** Every node: Ready, the L2 policies selecting it, what it announces against the others; per address, who may. */
export function NodesScreen() {
  const { data: nodes = [] } = useNodes();
  const announcers = useAnnouncers();
  const hash = useSyncExternalStore(onHash, readHash, () => '');
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  if (nodes.length === 0) {
    return (
      <Panel id="nodes" title="Nodes">
        <p data-testid="nodes-empty" className="px-4 py-8 text-center text-sm text-zinc-500">
          The dashboard sees no nodes (it may not be allowed to list them).
        </p>
      </Panel>
    );
  }
  const balance = announceBalance(nodes, announcers.data ?? []);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const isOpen = (name: string) => toggled[name] ?? hash === nodeAnchor(name);
  return (
    <>
      <Panel
        id="nodes"
        title={`Nodes · ${nodes.length.toLocaleString('en-US')}`}
        aside={
          announcers.data ? (
            <span data-testid="nodes-mean" className="text-xs text-zinc-500">
              mean {balance.mean.toFixed(1)} addresses over {balance.over}{' '}
              {balance.over === 1 ? 'node' : 'nodes'} that may announce
            </span>
          ) : null
        }
      >
        {announcers.error ? (
          <ScreenError error={announcers.error} onRetry={() => void announcers.refetch()} />
        ) : null}
        <div className="relative overflow-x-auto">
          <table data-testid="nodes-table" className="w-full border-collapse text-left text-[13px]">
            <TableHead
              cellClassName={th}
              columns={['Node', 'Ready', 'Address', 'L2 policies', 'Announces']}
            />
            <tbody>
              {balance.rows.map((r) => {
                const n = byName.get(r.node);
                const open = isOpen(r.node);
                const leases = [...r.held, ...r.expired];
                return (
                  <Fragment key={r.node}>
                    <tr
                      id={nodeAnchor(r.node)}
                      data-testid="node-row"
                      data-node={r.node}
                      data-ready={n ? String(n.ready) : 'missing'}
                      className="scroll-mt-16 border-t border-zinc-100"
                    >
                      <td className={td}>
                        <Button
                          variant="ghost"
                          aria-expanded={open}
                          aria-controls={`${nodeAnchor(r.node)}-leases`}
                          onClick={() => setToggled((t) => ({ ...t, [r.node]: !open }))}
                          className="!px-1 font-mono !text-[13px] !text-zinc-900"
                        >
                          <span aria-hidden>{open ? '▾' : '▸'}</span> {r.node}
                        </Button>
                      </td>
                      <td className={td}>
                        {n ? (
                          <ReadyBadge node={n} />
                        ) : (
                          <span className="text-xs text-rose-800">not a node of this cluster</span>
                        )}
                      </td>
                      <td className={`${td} font-mono text-xs text-zinc-600`}>
                        {n?.addresses.find((a) => a.type === 'InternalIP')?.address ?? '—'}
                      </td>
                      <td className={`${td} text-xs text-zinc-600`}>{n?.l2Policies.join(', ') || '—'}</td>
                      <td className={td}>
                        {announcers.data ? (
                          <>
                            <BalanceBar count={r.held.length} mean={balance.mean} max={balance.max} />
                            {r.expired.length > 0 ? (
                              <span className="ml-2 text-[11px] text-rose-800">
                                +{r.expired.length} expired
                              </span>
                            ) : null}
                          </>
                        ) : (
                          <span className="font-mono tabular-nums">
                            {n?.announcing.toLocaleString('en-US')}
                          </span>
                        )}
                      </td>
                    </tr>
                    {open ? (
                      <tr id={`${nodeAnchor(r.node)}-leases`}>
                        <td colSpan={5} className="p-0">
                          {announcers.data ? (
                            <NodeLeases node={r.node} leases={leases} />
                          ) : (
                            <p role="status" className="px-8 py-2 text-xs text-zinc-500">
                              Loading its leases…
                            </p>
                          )}
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      </Panel>
      <EligibilityMatrix nodes={nodes.map((n) => n.name)} announcers={announcers.data} />
    </>
  );
}
