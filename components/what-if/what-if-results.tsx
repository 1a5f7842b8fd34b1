'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { plural } from '@/lib/inventory/view/format';
import type { WhatIfAnswer } from '@/lib/queries/what-if';
import type {
  AnnouncementChange,
  PoolChange,
  PoolSide,
  ServiceChange,
  ServiceSide,
} from '@/lib/what-if/types';
import { ipHref } from '../pool-map/links';
import { Badge, type Tone } from '../ui/badge';
import { Panel } from '../ui/panel';
import { TableHead } from '../ui/table-head';

/** Long lists are cut here; the summary still counts every change. */
const SHOWN = 200;

const SERVICE_TONE: Record<ServiceChange['change'], Tone> = {
  pending: 'red',
  moved: 'amber',
  released: 'violet',
  granted: 'green',
  unchanged: 'neutral',
};
const ANNOUNCE_TONE: Record<AnnouncementChange['change'], Tone> = {
  stops: 'red',
  moves: 'amber',
  starts: 'green',
  readdressed: 'blue',
};

const th = 'px-3 py-1.5 font-semibold first:pl-4';
const td = 'px-3 py-1.5 align-top first:pl-4';

function IpList({ ips }: { ips: string[] }) {
  if (ips.length === 0) return <span className="text-zinc-400">none</span>;
  return (
    <span className="flex flex-wrap gap-x-2 font-mono">
      {ips.map((ip) => (
        <Link key={ip} href={ipHref(ip)} className="text-sky-700 hover:underline">
          {ip}
        </Link>
      ))}
    </span>
  );
}

function Side({ side }: { side: ServiceSide | null }) {
  if (!side) return <span className="text-zinc-400">—</span>;
  return (
    <span className="flex flex-col gap-0.5">
      <IpList ips={side.ips} />
      {side.satisfied === false && side.reason ? (
        <span className="font-mono text-[11px] text-rose-700">{side.reason}</span>
      ) : side.satisfied === null ? (
        <span className="text-[11px] text-zinc-500">not handled by LB-IPAM</span>
      ) : null}
    </span>
  );
}

function More({ total, what }: { total: number; what: string }) {
  if (total <= SHOWN) return null;
  return (
    <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
      Showing the first {SHOWN.toLocaleString('en-US')} of {total.toLocaleString('en-US')} {what}.
    </p>
  );
}

function ServicesTable({ services }: { services: ServiceChange[] }) {
  return (
    <Panel id="what-if-services" title={`Services · ${services.length.toLocaleString('en-US')}`}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-[13px]">
          <TableHead cellClassName={th} columns={['Service', 'Change', 'Now', 'After', 'Why']} />
          <tbody>
            {services.slice(0, SHOWN).map((s) => (
              <tr
                key={`${s.namespace}/${s.name}`}
                data-testid="what-if-service"
                data-service={`${s.namespace}/${s.name}`}
                data-change={s.change}
                className="border-t border-zinc-100"
              >
                <td className={`${td} font-mono text-zinc-900`}>
                  {s.namespace}/{s.name}
                </td>
                <td className={td}>
                  <Badge tone={SERVICE_TONE[s.change]}>{s.change}</Badge>
                </td>
                <td className={td}>
                  <Side side={s.before} />
                </td>
                <td className={td}>
                  <Side side={s.after} />
                </td>
                <td className={`${td} max-w-md text-zinc-700`}>
                  {s.explanation ? (
                    <>
                      <p className="font-medium text-zinc-900">{s.explanation.title}</p>
                      <p>{s.explanation.cause}</p>
                      {s.explanation.fix ? (
                        <p className="mt-0.5 text-zinc-600">Fix: {s.explanation.fix}</p>
                      ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More total={services.length} what="Services" />
    </Panel>
  );
}

function Counts({ side }: { side: PoolSide | null }) {
  if (!side) return <span className="text-zinc-400">—</span>;
  return (
    <span className="tabular-nums">
      {side.used ?? '?'} used / {side.total ?? '?'}
      {side.conflicting ? (
        <span className="ml-2">
          <Badge tone="red" title={side.conflictMessage ?? undefined}>
            conflict
          </Badge>
        </span>
      ) : null}
    </span>
  );
}

function PoolsTable({ pools }: { pools: PoolChange[] }) {
  return (
    <Panel id="what-if-pools" title={`Pools · ${pools.length.toLocaleString('en-US')}`}>
      <table className="w-full border-collapse text-left text-[13px]">
        <TableHead cellClassName={th} columns={['Pool', 'Change', 'Now', 'After']} />
        <tbody>
          {pools.map((p) => (
            <tr
              key={p.name}
              data-testid="what-if-pool"
              data-pool={p.name}
              className="border-t border-zinc-100"
            >
              <td className={`${td} font-mono text-zinc-900`}>{p.name}</td>
              <td className={td}>
                <Badge tone={p.change === 'deleted' ? 'red' : p.change === 'unchanged' ? 'neutral' : 'blue'}>
                  {p.change}
                </Badge>
              </td>
              <td className={td}>
                <Counts side={p.before} />
              </td>
              <td className={td}>
                <Counts side={p.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function AnnouncementsTable({ changes }: { changes: AnnouncementChange[] }) {
  return (
    <Panel id="what-if-announcements" title={`Announcements · ${changes.length.toLocaleString('en-US')}`}>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-[13px]">
          <TableHead cellClassName={th} columns={['Service', 'Addresses', 'Change', 'From', 'To', 'Why']} />
          <tbody>
            {changes.slice(0, SHOWN).map((a) => (
              <tr
                key={`${a.namespace}/${a.name}`}
                data-testid="what-if-announcement"
                data-service={`${a.namespace}/${a.name}`}
                data-change={a.change}
                className="border-t border-zinc-100"
              >
                <td className={`${td} font-mono text-zinc-900`}>
                  {a.namespace}/{a.name}
                </td>
                <td className={td}>
                  <IpList ips={a.ips} />
                </td>
                <td className={td}>
                  <Badge tone={ANNOUNCE_TONE[a.change]}>{a.change}</Badge>
                </td>
                <td className={`${td} font-mono`}>
                  {a.from ?? <span className="text-zinc-400">nobody</span>}
                </td>
                <td className={`${td} font-mono`}>
                  {a.to.length === 0 ? (
                    <span className="font-sans text-rose-700">nobody answers</span>
                  ) : a.to.length === 1 ? (
                    a.to[0]
                  ) : (
                    <span title="Cilium's agents race for the lease: any one of these may win">
                      one of {a.to.join(', ')}
                    </span>
                  )}
                </td>
                <td className={`${td} text-zinc-700`}>{a.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More total={changes.length} what="announcements" />
    </Panel>
  );
}

function SummaryLine({ answer }: { answer: WhatIfAnswer }) {
  const s = answer.summary;
  const parts: ReactNode[] = [];
  const add = (n: number, one: string, many: string, tone: string) => {
    if (n > 0)
      parts.push(
        <span key={one} className={tone}>
          {plural(n, one, many)}
        </span>,
      );
  };
  add(s.pending, 'Service goes pending', 'Services go pending', 'text-rose-700');
  add(s.moved, 'Service changes address', 'Services change address', 'text-amber-800');
  add(s.released, 'Service releases its address', 'Services release their addresses', 'text-violet-800');
  add(s.granted, 'Service gets an address', 'Services get an address', 'text-emerald-800');
  add(s.announcementsMoved, 'announcement moves', 'announcements move', 'text-amber-800');
  add(s.announcementsStopped, 'announcement stops', 'announcements stop', 'text-rose-700');
  return (
    <p data-testid="what-if-summary" className="text-sm font-medium text-zinc-900">
      {parts.length === 0 ? (
        'Nothing would change: Cilium would leave every address and announcement as it is.'
      ) : (
        <>
          If applied:{' '}
          {parts.map((p, i) => (
            <span key={i}>
              {i > 0 ? ' · ' : ''}
              {p}
            </span>
          ))}
        </>
      )}
    </p>
  );
}

/** The answer: a summary, what the proposal contained, then Services, pools and announcements. */
export function WhatIfResults({ answer }: { answer: WhatIfAnswer }) {
  const changedPools = answer.pools;
  return (
    <div data-testid="what-if-results" className="flex flex-col gap-4">
      <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <SummaryLine answer={answer} />
        {answer.proposal.length > 0 ? (
          <p className="mt-1 text-xs text-zinc-500">
            Tried: {answer.proposal.join('; ')} — against the cluster as of inventory version{' '}
            {answer.version.toLocaleString('en-US')}. Nothing was written.
          </p>
        ) : null}
        {answer.warnings.length > 0 || answer.skipped.length > 0 ? (
          <ul className="mt-2 space-y-0.5 text-xs text-amber-800">
            {answer.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
            {answer.skipped.map((k) => (
              <li key={k.kind}>
                {plural(k.count, `${k.kind} document`, `${k.kind} documents`)} left out: what-if models pools,
                Services and L2 announcement policies.
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {answer.services.length > 0 ? <ServicesTable services={answer.services} /> : null}
      {answer.announcements.length > 0 ? <AnnouncementsTable changes={answer.announcements} /> : null}
      {changedPools.length > 0 ? <PoolsTable pools={changedPools} /> : null}
    </div>
  );
}
