'use client';

import { useMemo } from 'react';
import { readIpParam } from '@/lib/inventory/view/ip-param';
import type { Family } from '@/lib/net';
import { useIpDetail } from '@/lib/queries/use-ip-detail';
import { ScreenError, ScreenSkeleton } from '../shell/screen-skeleton';
import { IpAlerts } from './ip-alerts';
import { IpArp } from './ip-arp';
import { IpAnnouncement } from './ip-announcement';
import { IpEvents } from './ip-events';
import { IpHistory } from './ip-history';
import { IpInvalid } from './ip-invalid';
import { IpOutlook } from './ip-outlook';
import { IpOutside } from './ip-outside';
import { IpOwners, IpWaiting } from './ip-owners';
import { IpSummary } from './ip-summary';
import { IpYaml } from './ip-yaml';

/** One address, live: facts from the cache at once, the server's reads (YAML, Events, lease, outlook) as they come. */
function IpDetailView({ ip, family }: { ip: string; family: Family }) {
  const d = useIpDetail(ip, family);
  const f = d.facts;
  if (!f) {
    if (d.error && d.extrasError) return <ScreenError error={d.extrasError} />;
    return <ScreenSkeleton label={`Loading ${ip}…`} />;
  }
  const extras = d.extras;
  const services = extras?.services ?? [];
  // Only read when a lease came with the answer.
  const readAt = extras ? Date.parse(extras.now) : 0;
  const held = f.holders.length > 0;
  return (
    <div
      data-testid="ip-detail"
      data-ip={ip}
      data-status={f.status ?? 'outside'}
      data-complete={extras && !d.extrasUpdating ? 'true' : 'false'}
      className="flex flex-col gap-4"
    >
      <IpSummary facts={f} />
      {d.extrasError ? (
        <p
          role="alert"
          data-testid="ip-extras-error"
          className="rounded border border-rose-200 bg-rose-50 px-3 py-2 text-xs text-rose-900"
        >
          What the server reads on demand (lease timings, Events, YAML, Cilium’s outlook) is not available:{' '}
          {d.extrasError.message}
        </p>
      ) : null}
      {f.placements.length === 0 ? <IpOutside facts={f} /> : null}
      {held ? <IpOwners holders={f.holders} ip={ip} /> : null}
      {!held && f.placements.length > 0 ? (
        <IpOutlook outlook={extras?.outlook} pending={d.extrasPending} error={d.extrasError} />
      ) : null}
      {f.waiting.length > 0 ? <IpWaiting waiting={f.waiting} /> : null}
      {held ? (
        <IpAnnouncement holders={f.holders} extras={services} readAt={readAt} pending={d.extrasPending} />
      ) : null}
      {f.placements.length > 0 ? <IpArp ip={ip} /> : null}
      {held || f.waiting.length > 0 || f.placements.length > 0 ? <IpAlerts alerts={f.alerts} /> : null}
      <IpHistory ip={ip} />
      {held || f.waiting.length > 0 ? (
        <>
          <IpEvents services={services} pending={d.extrasPending} />
          <IpYaml services={services} pending={d.extrasPending} />
        </>
      ) : null}
    </div>
  );
}

/** /ips/<ip>: a readable refusal for anything that is not one address, else the address. */
export function IpScreen({ raw }: { raw: string }) {
  const param = useMemo(() => readIpParam(raw), [raw]);
  if (!param.ok) return <IpInvalid input={param.input} error={param.error} />;
  return <IpDetailView ip={param.ip} family={param.family} />;
}
