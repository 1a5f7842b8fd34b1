'use client';

import Link from 'next/link';
import type { ServiceView } from '@/lib/inventory/types';
import type { IpServiceExtras, LeaseReading } from '@/lib/inventory/view/ip-detail-wire';
import { leaseTimes } from '@/lib/inventory/view/lease-times';
import { clockTime, elapsed } from '@/lib/queries/connection';
import { nodeHref } from '../nodes/node-links';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';
import { useDataNow } from '../ui/use-data-now';
import { NotKnown } from './not-known';

const dt = 'text-zinc-500';
const nodeLink = 'font-mono text-sky-700 hover:underline';
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function LeaseFacts({ lease, readAt }: { lease: LeaseReading; readAt: number }) {
  const now = useDataNow(1000);
  const t = leaseTimes(lease, readAt, now);
  return (
    <>
      <dt className={dt}>Lease</dt>
      <dd className="font-mono">
        {lease.namespace}/{lease.name}
      </dd>
      <dt className={dt}>Holder</dt>
      <dd data-testid="ip-lease-holder" className="flex flex-wrap items-center gap-2">
        {lease.holder ? (
          <Link href={nodeHref(lease.holder)} className={nodeLink}>
            {lease.holder}
          </Link>
        ) : (
          <span className="text-zinc-500">nobody</span>
        )}
        <Badge tone={lease.state === 'held' ? 'green' : lease.state === 'expired' ? 'red' : 'amber'}>
          {lease.state}
        </Badge>
      </dd>
      <dt className={dt}>Held since</dt>
      <dd data-testid="ip-lease-acquired">
        {lease.acquireTime ? (
          <>
            {clockTime(Date.parse(lease.acquireTime))}{' '}
            <span className="text-zinc-500">({elapsed(t.heldFor ?? 0)})</span>
          </>
        ) : (
          <span className="text-zinc-500">not stated</span>
        )}
        {lease.transitions !== null ? (
          <span className="text-zinc-500">
            {' '}
            · {lease.transitions.toLocaleString('en-US')}{' '}
            {lease.transitions === 1 ? 'transition' : 'transitions'}
          </span>
        ) : null}
      </dd>
      <dt className={dt}>Renewal</dt>
      <dd data-testid="ip-lease-renewal">
        {t.renewedBefore !== null
          ? `renewed ${seconds(t.renewedBefore)} before it was read at ${clockTime(readAt)}`
          : 'never renewed'}
        {lease.durationSeconds !== null ? ` · duration ${lease.durationSeconds} s` : ''}
        {t.expiresIn !== null ? (
          t.expiresIn >= 0 ? (
            <span className="text-zinc-500"> · {seconds(t.expiresIn)} left</span>
          ) : (
            <span className="text-rose-800"> · overdue by {seconds(-t.expiresIn)}</span>
          )
        ) : null}
      </dd>
    </>
  );
}

function Eligible({ s }: { s: ServiceView }) {
  if (!s.eligibleNodes) return <NotKnown what="nodes that may take the lease" />;
  if (s.eligibleNodes.length === 0)
    return (
      <span className="text-rose-800">
        none: no Ready node both is selected by an L2 policy and may announce it
      </span>
    );
  return (
    <span className="flex flex-wrap gap-1.5">
      {s.eligibleNodes.map((n) => (
        <Link key={n} href={nodeHref(n)} data-testid="ip-eligible-node" className="font-mono">
          <Badge
            tone={n === s.announcer ? 'green' : 'neutral'}
            title={n === s.announcer ? 'holds the lease' : undefined}
          >
            {n}
            {n === s.announcer ? ' · holder' : ''}
          </Badge>
        </Link>
      ))}
    </span>
  );
}

function Endpoints({ s }: { s: ServiceView }) {
  if (!s.endpointsByNode) return <NotKnown what="endpoints per node" />;
  const entries = Object.entries(s.endpointsByNode).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="text-zinc-500">no ready endpoints</span>;
  return (
    <ul data-testid="ip-endpoints" className="flex flex-wrap gap-x-3">
      {entries.map(([node, n]) => (
        <li key={node}>
          <span className="font-mono">{node === '' ? '(no node name)' : node}</span>{' '}
          <span className="tabular-nums text-zinc-600">{n}</span>
        </li>
      ))}
    </ul>
  );
}

/** Its L2 announcement: the lease and its timings, who may take it, where its endpoints run. */
function Announcement({
  s,
  extras,
  readAt,
  pending,
}: {
  s: ServiceView;
  extras: IpServiceExtras | undefined;
  readAt: number;
  pending: boolean;
}) {
  return (
    <li data-testid="ip-announcement" data-service={s.key} className="px-4 py-2.5">
      <p className="font-mono text-xs font-medium text-zinc-700">{s.key}</p>
      <dl className="mt-1 grid grid-cols-[7.5rem_1fr] gap-x-3 gap-y-1 text-xs">
        {extras?.lease ? (
          <LeaseFacts lease={extras.lease} readAt={readAt} />
        ) : (
          <>
            <dt className={dt}>Lease</dt>
            <dd data-testid="ip-lease-none" className="text-zinc-600">
              {pending
                ? 'reading the lease…'
                : !extras
                  ? 'not read: the server reads the leases of the first Services of an address only'
                  : 'none: no node announces it over L2 (no cilium-l2announce lease)'}
            </dd>
          </>
        )}
        <dt className={dt}>L2 policies</dt>
        <dd className="font-mono">
          {s.l2Policies ? (
            s.l2Policies.join(', ') || <span className="font-sans text-zinc-500">none select it</span>
          ) : (
            <NotKnown what="L2 policies selecting it" />
          )}
        </dd>
        <dt className={dt}>Eligible nodes</dt>
        <dd>
          <Eligible s={s} />
        </dd>
        <dt className={dt}>Endpoints per node</dt>
        <dd>
          <Endpoints s={s} />
        </dd>
      </dl>
    </li>
  );
}

export function IpAnnouncement({
  holders,
  extras,
  readAt,
  pending,
}: {
  holders: ServiceView[];
  extras: IpServiceExtras[];
  readAt: number;
  pending: boolean;
}) {
  return (
    <Panel id="ip-announcement" title="L2 announcement">
      <ul className="divide-y divide-zinc-100">
        {holders.map((s) => (
          <Announcement
            key={s.key}
            s={s}
            extras={extras.find((e) => e.key === s.key)}
            readAt={readAt}
            pending={pending}
          />
        ))}
      </ul>
    </Panel>
  );
}
