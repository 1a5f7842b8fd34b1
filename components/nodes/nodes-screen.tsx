'use client';

import { useNodes } from '@/lib/queries/use-inventory';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';

/** Every node: Ready, the L2 policies that select it, how many addresses it announces. */
export function NodesScreen() {
  const { data: nodes = [] } = useNodes();
  if (nodes.length === 0) {
    return (
      <Panel id="nodes" title="Nodes">
        <p data-testid="nodes-empty" className="px-4 py-8 text-center text-sm text-zinc-500">
          The dashboard sees no nodes (it may not be allowed to list them).
        </p>
      </Panel>
    );
  }
  const max = Math.max(...nodes.map((n) => n.announcing));
  return (
    <Panel id="nodes" title={`Nodes · ${nodes.length.toLocaleString('en-US')}`}>
      <div className="overflow-x-auto">
        <table data-testid="nodes-table" className="w-full border-collapse text-left text-[13px]">
          <thead className="bg-zinc-50 text-xs uppercase tracking-wide text-zinc-500">
            <tr>
              <th scope="col" className="px-4 py-1.5 font-semibold">
                Node
              </th>
              <th scope="col" className="px-3 py-1.5 font-semibold">
                Ready
              </th>
              <th scope="col" className="px-3 py-1.5 font-semibold">
                Address
              </th>
              <th scope="col" className="px-3 py-1.5 font-semibold">
                L2 policies
              </th>
              <th scope="col" className="px-3 py-1.5 text-right font-semibold">
                Announces
              </th>
            </tr>
          </thead>
          <tbody>
            {nodes.map((n) => (
              <tr key={n.name} data-testid="node-row" data-node={n.name} className="border-t border-zinc-100">
                <td className="px-4 py-1.5 font-mono text-zinc-900">{n.name}</td>
                <td className="px-3 py-1.5">
                  {n.ready === true ? (
                    <Badge tone="green">Ready</Badge>
                  ) : n.ready === false ? (
                    <Badge tone="red" title={n.notReadyReason ?? undefined}>
                      NotReady
                    </Badge>
                  ) : (
                    <Badge>unknown</Badge>
                  )}
                </td>
                <td className="px-3 py-1.5 font-mono text-xs text-zinc-600">
                  {n.addresses.find((a) => a.type === 'InternalIP')?.address ?? '—'}
                </td>
                <td className="px-3 py-1.5 text-xs text-zinc-600">{n.l2Policies.join(', ') || '—'}</td>
                <td className="px-3 py-1.5 text-right">
                  <span className="inline-flex items-center gap-2">
                    <span
                      aria-hidden
                      className="inline-block h-1.5 rounded-full bg-sky-600"
                      style={{ width: `${max > 0 ? Math.max(2, (n.announcing / max) * 80) : 0}px` }}
                    />
                    <span className="font-mono tabular-nums">{n.announcing.toLocaleString('en-US')}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
