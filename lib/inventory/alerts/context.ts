import { selectsService, type L2PolicyView, type ResponsibilityOptions } from '../../cilium';
import { formatAddr, parseAddr, rangeContains, type IpRange } from '../../net';
import type { KubeNode } from '../../cilium/objects';
import type { DiagnoseFn } from '../diagnose';
import { poolAllocates, type PoolModel } from '../pool-model';
import type { PoolRowStats } from '../pool-stats';
import { refText, type ServiceModel } from '../service-model';
import type { Alert, PoolView } from '../types';

/** What a rule returns: an alert without its rule name (the rule table adds it) and, when alerts of
 * one rule share a cause and a fix, that cause (else each alert is its own group). */
export type RuleAlert = Omit<Alert, 'rule' | 'cause'> & { cause?: string };

// Everything an alert rule may look at, computed once per build. Rules are small pure functions
// `(ctx) => Alert[]`, each with its own test.

export interface AlertContext {
  pools: PoolModel[];
  poolViews: Map<string, PoolView>;
  stats: Map<string, PoolRowStats>;
  services: ServiceModel[];
  holders: Map<string, ServiceModel[]>;
  /** Held addresses in no pool block. */
  orphans: string[];
  l2Policies: L2PolicyView[];
  nodes: KubeNode[];
  /** NotReady nodes with the reason Kubernetes gives. */
  notReady: Map<string, string>;
  now: number;
  options: ResponsibilityOptions;
  /** The engine's explanation of one Service (lazy; for what the statuses alone cannot explain). */
  diagnose?: DiagnoseFn;
}

export type AlertRule = (ctx: AlertContext) => RuleAlert[];

/** "media/jellyfin (Jellyfin)": the object, and what the table calls it when that differs. */
export function holderText(s: ServiceModel): string {
  const name = refText(s.ref);
  return s.columns.service !== s.svc.metadata.name ? `${name} (${s.columns.service})` : name;
}

/** How an alert names a Service: by its Gateway when Envoy Gateway generated it (users edit the Gateway). */
export const subjectName = (s: ServiceModel): string =>
  s.columns.gateway ? `Gateway ${s.columns.gateway}` : refText(s.ref);

export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const MAX_RUNS = 6;

/** "192.168.0.223–192.168.0.225, 192.168.0.232–192.168.0.237" (at most six stretches). */
export function runsText(runs: IpRange[]): string {
  const text = runs.slice(0, MAX_RUNS).map((r) => {
    const from = formatAddr({ family: r.family, value: r.from });
    return r.from === r.to ? from : `${from}–${formatAddr({ family: r.family, value: r.to })}`;
  });
  if (runs.length > MAX_RUNS) text.push(`… (${runs.length - MAX_RUNS} more stretches)`);
  return text.join(', ');
}

/** The first pool (by name) with a block containing the address. */
export function poolContaining(ctx: AlertContext, ip: string): PoolModel | undefined {
  const addr = parseAddr(ip);
  if (!addr) return undefined;
  return ctx.pools.find((p) => p.blocks.some((b) => rangeContains(b.range, addr)));
}

/** "free in pool 'pool': 192.168.0.223–…", or null when the pool has nothing free. */
export function freeInPool(ctx: AlertContext, pool: PoolModel | undefined): string | null {
  const runs = pool ? (ctx.stats.get(pool.name)?.freeRuns ?? []) : [];
  return pool && runs.length > 0 ? `free in pool '${pool.name}': ${runsText(runs)}` : null;
}

export const serviceAlertId = (rule: string, s: ServiceModel) => `${rule}:${s.key}`;

/** What a rule says about one pending Service. */
export interface PendingAlert {
  title: string;
  detail: string;
  fix: string | null;
}

/** A pool that would give this Service an address: allocating, selecting it, with room. */
export function poolWithRoomFor(ctx: AlertContext, s: ServiceModel): PoolModel | undefined {
  return ctx.pools.find(
    (p) =>
      poolAllocates(p) &&
      selectsService(p.view.serviceSelector, s.svc) &&
      (ctx.stats.get(p.name)?.freeRuns.length ?? 0) > 0,
  );
}
