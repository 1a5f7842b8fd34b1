import Link from 'next/link';
import type { ServiceView } from '@/lib/inventory/types';
import { portText } from '@/lib/inventory/view/format';
import { ipHref } from '../pool-map/links';
import { Badge } from '../ui/badge';
import { Panel } from '../ui/panel';
import { NotKnown } from './not-known';

const dt = 'text-zinc-500';

function Addresses({ ips, current }: { ips: string[]; current: string }) {
  return (
    <span className="flex flex-wrap gap-x-2 font-mono">
      {ips.map((ip) =>
        ip === current ? (
          <span key={ip} className="font-semibold text-zinc-900">
            {ip}
          </span>
        ) : (
          <Link key={ip} href={ipHref(ip)} className="text-sky-700 hover:underline">
            {ip}
          </Link>
        ),
      )}
    </span>
  );
}

function Condition({ s }: { s: ServiceView }) {
  if (s.satisfied === true) return <Badge tone="green">IPAMRequestSatisfied</Badge>;
  if (s.satisfied === null)
    return <span className="text-zinc-500">not handled by LB-IPAM (no condition)</span>;
  return (
    <span className="flex flex-col">
      <span className="font-mono text-rose-800">{s.reason ?? 'pending'}</span>
      {s.message ? <span className="text-zinc-600">{s.message}</span> : null}
    </span>
  );
}

function Hostnames({ s }: { s: ServiceView }) {
  if (!s.hostnames) return <NotKnown what="hostnames" />;
  if (s.hostnames.length === 0) return <span className="text-zinc-500">none point at it</span>;
  return (
    <ul className="flex flex-col">
      {s.hostnames.map((h) => (
        <li key={`${h.source}/${h.name}`}>
          <span className="font-mono text-zinc-900">{h.name}</span>{' '}
          <span className="text-zinc-500">
            {h.source === 'external-dns'
              ? 'external-dns annotation'
              : h.source === 'gateway-listener'
                ? `listener of Gateway ${h.gateway ? `${h.gateway.namespace}/${h.gateway.name}` : ''}`
                : `HTTPRoute ${h.route ? `${h.route.namespace}/${h.route.name}` : ''}`}
            {h.gateway && h.gateway.programmed === false ? ' (Gateway not Programmed)' : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** One Service on the address: who it is, what it asked for and got, how it shares, its ports. */
function Owner({ s, ip }: { s: ServiceView; ip: string }) {
  return (
    <li data-testid="ip-owner" data-service={s.key} className="px-4 py-2.5">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-sm font-semibold text-zinc-900">{s.key}</span>
        {s.displayName !== s.name ? <span className="text-sm text-zinc-600">“{s.displayName}”</span> : null}
        {s.type ? <Badge>{s.type}</Badge> : null}
        {s.gateway ? <span className="text-xs text-zinc-500">Service of Gateway {s.gateway}</span> : null}
      </div>
      <dl className="mt-1.5 grid grid-cols-[7.5rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className={dt}>Requested</dt>
        <dd data-testid="ip-owner-requested">
          {s.requestedIps.length > 0 ? (
            <Addresses ips={s.requestedIps} current={ip} />
          ) : (
            <span className="text-zinc-600">any address of a pool that selects it</span>
          )}
        </dd>
        <dt className={dt}>Allocated</dt>
        <dd data-testid="ip-owner-allocated">
          {s.ips.length > 0 ? (
            <Addresses ips={s.ips} current={ip} />
          ) : (
            <span className="text-zinc-500">none</span>
          )}
        </dd>
        <dt className={dt}>Sharing key</dt>
        <dd data-testid="ip-owner-sharing" className="font-mono">
          {s.sharingKey ?? <span className="font-sans text-zinc-500">none (not shared)</span>}
        </dd>
        <dt className={dt}>Ports</dt>
        <dd data-testid="ip-owner-ports" className="font-mono">
          {s.ports.length > 0 ? (
            s.ports.map(portText).join(', ')
          ) : (
            <span className="font-sans text-zinc-500">none</span>
          )}
        </dd>
        {s.externalTrafficPolicy ? (
          <>
            <dt className={dt}>Traffic policy</dt>
            <dd className="font-mono">{s.externalTrafficPolicy}</dd>
          </>
        ) : null}
        <dt className={dt}>Hostnames</dt>
        <dd data-testid="ip-owner-hostnames">
          <Hostnames s={s} />
        </dd>
        <dt className={dt}>LB-IPAM</dt>
        <dd>
          <Condition s={s} />
        </dd>
      </dl>
    </li>
  );
}

export function IpOwners({ holders, ip }: { holders: ServiceView[]; ip: string }) {
  return (
    <Panel id="ip-owners" title={holders.length > 1 ? `Held by · ${holders.length} Services` : 'Held by'}>
      <ul className="divide-y divide-zinc-100">
        {holders.map((s) => (
          <Owner key={s.key} s={s} ip={ip} />
        ))}
      </ul>
    </Panel>
  );
}

/** Pending Services that asked for this address and did not get it, in Cilium's words. */
export function IpWaiting({ waiting }: { waiting: ServiceView[] }) {
  return (
    <Panel id="ip-waiting" title={`Wanted by · ${waiting.length}`}>
      <ul className="divide-y divide-zinc-100">
        {waiting.map((s) => (
          <li key={s.key} data-testid="ip-waiter" data-service={s.key} className="px-4 py-2 text-xs">
            <span className="font-mono text-sm font-medium text-zinc-900">{s.key}</span>{' '}
            <span className="font-mono text-rose-800">{s.reason ?? 'pending'}</span>
            {s.message ? <p className="mt-0.5 text-zinc-600">{s.message}</p> : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
