'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ipHref } from '@/lib/inventory/view/links';
import type { Claim } from '@/lib/scan/types';
import type { GitopsResponse } from '@/lib/scan/wire';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';
import { TableHead } from '../ui/table-head';
import { PLAN_TONE, where } from './tones';

const th = 'whitespace-nowrap px-3 py-1.5 text-left font-semibold first:pl-4';
const td = 'px-3 py-1.5 align-top first:pl-4';
const mono = 'font-mono text-xs text-zinc-600';

const owner = (c: Claim) =>
  `${c.owner.kind} ${c.owner.namespace ? `${c.owner.namespace}/` : ''}${c.owner.name}`;

const matches = (c: Claim, q: string) =>
  [c.address ?? c.written, owner(c), c.owner.service ?? '', c.at.file, ...c.variables.map((v) => v.name)]
    .join(' ')
    .toLowerCase()
    .includes(q);

/** Every declared claim: the address, its owner, where it is written and where its variable is defined. */
export function ClaimsPanel({ data }: { data: GitopsResponse }) {
  const [q, setQ] = useState('');
  const all = data.report.claims;
  const shown = q ? all.filter((c) => matches(c, q.trim().toLowerCase())) : all;
  return (
    <Panel
      id="gitops-claims"
      title={`Claims · ${all.length.toLocaleString('en-US')}`}
      aside={
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Filter address, owner, file"
          aria-label="Filter claims"
          className="w-56 rounded-md border border-zinc-300 px-2 py-0.5 text-xs"
        />
      }
    >
      {all.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-zinc-500">
          The repository declares no LoadBalancer address.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="gitops-claims">
          <TableHead
            columns={['Address', 'Owner', 'Service', 'Source', 'Where', 'Variable']}
            cellClassName={th}
          />
          <tbody className="divide-y divide-zinc-100">
            {shown.map((c, i) => (
              <tr key={i}>
                <td className={`${td} whitespace-nowrap font-mono text-xs`}>
                  {c.address ? (
                    <Link href={ipHref(c.address)} className="text-sky-700 hover:underline">
                      {c.address}
                    </Link>
                  ) : (
                    <span title={c.problem ?? undefined} className="text-rose-700">
                      {c.written}
                    </span>
                  )}
                </td>
                <td className={td}>{owner(c)}</td>
                <td className={`${td} ${mono}`}>{c.owner.service ?? '—'}</td>
                <td className={`${td} whitespace-nowrap text-xs text-zinc-600`} title={c.field}>
                  {c.source}
                </td>
                <td className={`${td} ${mono}`}>{where(c.at)}</td>
                <td className={`${td} ${mono}`}>
                  {c.variables.map((v) => (
                    <div key={v.name}>
                      {v.name}
                      {v.definedAt ? ` · ${where(v.definedAt)}` : v.from ? ` · ${v.from}` : ' · undefined'}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** The engine's plan of the repository on an empty cluster: who gets what, who waits and why. */
export function PlanPanel({ data }: { data: GitopsResponse }) {
  const { entries, pools } = data.report.plan;
  return (
    <Panel id="gitops-plan" title="Plan on an empty cluster">
      {entries.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-zinc-500">
          The repository creates no LoadBalancer Service.
        </p>
      ) : (
        <table className="w-full text-sm" data-testid="gitops-plan">
          <TableHead columns={['Service', 'Addresses', 'State', 'Why']} cellClassName={th} />
          <tbody className="divide-y divide-zinc-100">
            {entries.map((e) => (
              <tr key={e.service}>
                <td className={`${td} ${mono}`}>{e.service}</td>
                <td className={`${td} whitespace-nowrap font-mono text-xs`}>{e.ips.join(', ') || '—'}</td>
                <td className={td}>
                  <Badge tone={PLAN_TONE[e.state]}>{e.state}</Badge>
                </td>
                <td className={`${td} text-xs text-zinc-700`}>
                  {e.state === 'satisfied' ? '' : `${e.title}: ${e.detail}`}
                  {e.fix ? <div className="text-zinc-500">Fix: {e.fix}</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pools.length ? (
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-600">
          {pools
            .map(
              (p) =>
                `${p.name}: ${p.used} of ${p.total} used${p.conflict ? ` (conflict: ${p.conflict})` : ''}`,
            )
            .join(' · ')}
        </p>
      ) : null}
    </Panel>
  );
}
