'use client';

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AlertGroup } from '../inventory/types';
import { sortBySeverity } from '../inventory/view/alerts';
import type { IpDetailResponse } from '../inventory/view/ip-detail-wire';
import { ipFacts, ipRevision, type IpFacts } from '../inventory/view/ip-facts';
import type { Family } from '../net';
import { ipDetailQueryOptions } from './ip-detail';
import { useCollection } from './use-inventory';

// One address for the IP page. Its facts come from the live cache (pools, Services, alerts), so the
// page follows the stream without asking the server; what only the server can read (YAML, Events,
// renewTime, the engine's outlook, members of large alert groups) comes from GET /api/ips/<ip>,
// fetched again whenever the facts it depends on move.

export interface IpDetail {
  /** Null until the Service list is in the cache, unless the server's answer came first. */
  facts: IpFacts | null;
  /** The server's answer (the previous one while a newer one is on its way). */
  extras: IpDetailResponse | undefined;
  extrasPending: boolean;
  /** The answer shown is for an earlier revision; the current one is on its way. */
  extrasUpdating: boolean;
  extrasError: Error | null;
  /** The Service list could not be read (the facts then come from the server alone). */
  error: Error | null;
}

/** Until the live facts are known, the request is keyed by this (and answered with facts too). */
const FIRST = 'first';

export function useIpDetail(ip: string, family: Family): IpDetail {
  const pools = useCollection('pools');
  const services = useCollection('services');
  const alerts = useCollection('alerts');
  // The newest Events of the cluster (a small collection): one about its Services refetches the list.
  const events = useCollection('events');
  const live = useMemo(
    () =>
      pools.data && services.data && alerts.data
        ? ipFacts(ip, family, { pools: pools.data, services: services.data, alerts: alerts.data })
        : null,
    [ip, family, pools.data, services.data, alerts.data],
  );
  const revision = useMemo(
    () => (live && pools.data ? ipRevision(live, pools.data, events.data) : FIRST),
    [live, pools.data, events.data],
  );
  const extras = useQuery(ipDetailQueryOptions(ip, revision));
  // The previous answer is kept while the next is fetched, but never one about another address.
  const data = extras.data?.ip === ip ? extras.data : undefined;
  const facts = useMemo(
    () => (live ? withServerAlerts(live, alerts.data ?? [], data) : (data?.facts ?? null)),
    [live, alerts.data, data],
  );
  return {
    facts,
    extras: data,
    extrasPending: !data && !extras.error,
    extrasUpdating: extras.isPlaceholderData,
    extrasError: extras.error,
    error: services.error ?? pools.error ?? null,
  };
}

/** The live groups the server found a member of about the address, added to those found by subject. */
function withServerAlerts(
  f: IpFacts,
  groups: readonly AlertGroup[],
  extras: IpDetailResponse | undefined,
): IpFacts {
  const ids = new Set(extras?.alertIds ?? []);
  if (ids.size === 0) return { ...f, alerts: sortBySeverity(f.alerts) };
  const mine = new Set(f.alerts);
  return { ...f, alerts: sortBySeverity(groups.filter((g) => mine.has(g) || ids.has(g.id))) };
}
