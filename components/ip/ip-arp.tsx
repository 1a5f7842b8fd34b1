'use client';

import type { ArpVerdict } from '@/lib/inventory/types';
import { elapsed } from '@/lib/queries/connection';
import { useArpVerdicts, useCollection } from '@/lib/queries/use-inventory';
import { ArpBadge } from '../allocation-table/arp-cell';
import { ProbeNowButton } from './probe-now-button';
import { Panel } from '../ui/panel';
import { useNow } from '../ui/use-now';

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** What answers ARP/NDP for the address: the verdict, every MAC (its node or vendor), the last probes. */
export function IpArp({ ip }: { ip: string }) {
  const verdicts = useArpVerdicts();
  const probers = useCollection('probers');
  const now = useNow(true, 5_000);
  const v: ArpVerdict | undefined = verdicts.data?.get(ip);
  const list = probers.data ?? [];
  const failing = list.filter((p) => p.state === 'error');
  return (
    <Panel
      id="ip-arp"
      title="On the LAN (ARP)"
      aside={
        <span className="flex items-center gap-2">
          {v?.simulated ? <span className="text-[11px] text-zinc-400">simulated evidence</span> : null}
          {list.length > 0 ? <ProbeNowButton ip={ip} /> : null}
        </span>
      }
    >
      {list.length === 0 ? (
        <p data-testid="ip-arp-none" className="px-4 py-2 text-xs text-zinc-500">
          No ARP prober runs: start one with LBIPAM_PROBE=1 (privileged) or list agents in LBIPAM_AGENTS.
        </p>
      ) : !v ? (
        <div data-testid="ip-arp-none" className="px-4 py-2 text-xs text-zinc-500">
          <p>Not probed yet.</p>
          {failing.map((p) => (
            <p key={p.name} data-testid="ip-arp-prober-error" className="text-amber-800">
              {p.kind === 'agent' ? `Agent ${p.name}` : `Prober ${p.name}`}: {p.message}
            </p>
          ))}
        </div>
      ) : (
        <div data-testid="ip-arp" data-verdict={v.verdict} className="flex flex-col gap-2 px-4 py-2 text-xs">
          <p className="flex items-center gap-2">
            <ArpBadge verdict={v} />
            <span className="text-zinc-700">{v.detail}</span>
            {v.at !== null ? (
              <span className="text-zinc-400">
                probed {elapsed(now - v.at)} ago{v.vantage ? ` from ${v.vantage}` : ''}
              </span>
            ) : null}
          </p>
          {v.macs.length > 0 ? (
            <ul aria-label="MACs that answer" className="flex flex-col gap-0.5">
              {v.macs.map((m) => (
                <li key={m.mac} data-testid="ip-arp-mac" className="font-mono text-zinc-700">
                  {m.mac}{' '}
                  <span className="font-sans text-zinc-500">
                    {m.node ? `node ${m.node}` : 'no node’s'}
                    {m.vendor ? ` · ${m.vendor}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {v.history.length > 0 ? (
            <table className="w-full text-left" aria-label="Last probes">
              <thead className="text-[11px] uppercase tracking-wide text-zinc-400">
                <tr>
                  <th className="py-0.5 font-medium">time (UTC)</th>
                  <th className="py-0.5 font-medium">from</th>
                  <th className="py-0.5 font-medium">answered by</th>
                </tr>
              </thead>
              <tbody>
                {v.history.map((h) => (
                  <tr key={`${h.at}-${h.vantage}`} data-testid="ip-arp-probe" className="text-zinc-600">
                    <td className="py-0.5 font-mono">{clock(h.at)}</td>
                    <td className="py-0.5">{h.vantage}</td>
                    <td className="py-0.5 font-mono">
                      {h.error ? (
                        <span className="text-rose-700">{h.error}</span>
                      ) : (
                        h.macs.join(', ') || 'nobody'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      )}
    </Panel>
  );
}
