import type { L2PolicyView, ResponsibilityOptions } from '../../cilium';
import type { KubeEvent, KubeNode } from '../../cilium/objects';
import type { CiliumVersion } from '../../cilium/version';
import type { L2Facts } from '../l2-facts';
import type { Explanation } from '../../explain';
import type { DiagnoseFn } from '../diagnose';
import type { ProberStatus } from '../arp/evidence';
import type { ArpVerdict } from '../arp/verdict';
import type { PoolModel } from '../pool-model';
import type { PoolRowStats } from '../pool-stats';
import { refText, type ServiceModel } from '../service-model';
import type { Alert, PoolView } from '../types';

/** What a rule returns: an alert without its rule name (the rule table adds it) and, when alerts of
 * one rule share a cause and a fix, that cause (else each alert is its own group). */
export type RuleAlert = Omit<Alert, 'rule' | 'cause'> & { cause?: string };

// Everything an alert rule may look at, computed once per build. Rules are small pure functions
// `(ctx) => Alert[]`, each with its own test. Their words come from lib/explain where another
// screen (the engine's diagnose, `lbipam plan`) explains the same situation.

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
  /** Per Service key: selecting L2 policies, endpoints per node, eligible nodes (absent in old callers' contexts). */
  l2?: Map<string, L2Facts>;
  /** The Cilium version judged by (null: unknown). */
  cilium?: CiliumVersion | null;
  /** Events the data path keeps (Services, pools, nodes; the newest few hundred). */
  events?: KubeEvent[];
  /** The engine's explanation of one Service (lazy; for what the statuses alone cannot explain). */
  /** ARP verdicts of this build (lib/inventory/arp), when evidence exists. */
  arp?: ArpVerdict[];
  /** The ARP/NDP probers and agents, each with its state and, when it fails, why. */
  probers?: ProberStatus[];
  diagnose?: DiagnoseFn;
}

export type AlertRule = (ctx: AlertContext) => RuleAlert[];

/** An alert's words, cause and shared words from one explanation. */
export const alertFrom = (e: Explanation) => ({
  title: e.title,
  detail: e.detail,
  fix: e.fix,
  cause: e.key,
  shared: e.shared,
});

/** "media/jellyfin (Jellyfin)": the object, and what the table calls it when that differs. */
export function holderText(s: ServiceModel): string {
  const name = refText(s.ref);
  return s.columns.service !== s.svc.metadata.name ? `${name} (${s.columns.service})` : name;
}

/** How an alert names a Service: by its Gateway when Envoy Gateway generated it (users edit the Gateway). */
export const subjectName = (s: ServiceModel): string =>
  s.columns.gateway ? `Gateway ${s.columns.gateway}` : refText(s.ref);

export const serviceAlertId = (rule: string, s: ServiceModel) => `${rule}:${s.key}`;
