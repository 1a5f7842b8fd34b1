import { readL2Policy } from '../cilium';
import type { ClusterInfo, ClusterState, SourceStatus } from '../cilium/cluster-state';
import { defaultEngineOptions, type EngineOptions } from '../ipam';
import { buildAlerts } from './alerts';
import { indexL2Leases, notReadyNodes } from './announcer';
import { indexGateways } from './columns';
import { lazyEngineDiagnose, type DiagnoseFn } from './diagnose';
import { poolModels } from './pool-model';
import { poolView } from './pool-views';
import { buildRows } from './rows';
import { holdersByIp, refText, serviceModels, waitersByIp, type ReadError } from './service-model';
import type { Alert, Inventory } from './types';

// buildInventory: the one pure function from cluster state to the view model. What the cluster
// did is the truth — holders come from the ingress Cilium wrote, reasons from its conditions.

/** A list from the state, or none when the source is absent or malformed (never a crash). */
const list = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

function readErrorAlert(e: ReadError): Alert {
  return {
    id: `unreadable:${e.ref.kind}:${refText(e.ref)}`,
    severity: 'warning',
    title: `${e.ref.kind} ${refText(e.ref)} could not be read`,
    detail: `The dashboard left it out of the inventory: ${e.error}.`,
    fix: `Inspect it with kubectl get ${e.ref.kind.toLowerCase()} -o yaml; its fields do not have the shape Kubernetes and Cilium define.`,
    subject: e.ref,
  };
}

export interface InventoryConfig {
  cluster: ClusterInfo;
  sources: SourceStatus[];
  /** The inventory's version (the feed increments it when the content changes). */
  version: number;
  /** Epoch milliseconds: lease expiry is judged against it (pure libs never read the clock). */
  now: number;
  /** How the cluster's Cilium is configured; defaults are the engine's (the embedded cluster's). */
  engine?: Partial<EngineOptions>;
  /** An engine's diagnose (e.g. the embedded controller's); default: a lazily started engine over `state`. */
  diagnose?: DiagnoseFn;
}

/** ARP evidence from lib/probe; not used yet (the probe room has not published its type). */
export type ArpEvidenceInput = unknown;

/** The engine's defaults, so the inventory and the embedded LB-IPAM controller judge alike. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = defaultEngineOptions;

export function buildInventory(
  state: ClusterState,
  _evidence: ArpEvidenceInput | null,
  config: InventoryConfig,
): Inventory {
  const now = config?.now;
  if (typeof now !== 'number' || !Number.isFinite(now)) {
    throw new TypeError(`buildInventory: config.now must be epoch milliseconds, got ${String(now)}`);
  }
  const options = { ...DEFAULT_ENGINE_OPTIONS, ...config.engine };
  const errors: ReadError[] = [];
  const gateways = indexGateways(list(state?.gateways));
  const leases = indexL2Leases(list(state?.leases));
  const services = serviceModels(list(state?.services), gateways, leases, now, errors);
  const holders = holdersByIp(services);
  const pools = poolModels(list(state?.pools), errors);
  const nodes = list(state?.nodes).filter((n) => typeof n?.metadata?.name === 'string');
  const { rows, freeRanges, stats, orphans } = buildRows(pools, { holders, waiters: waitersByIp(services) });
  const poolViews = pools.map((p) => poolView(p, stats.get(p.name)));
  const alerts = buildAlerts({
    pools,
    poolViews: new Map(poolViews.map((v) => [v.name, v])),
    stats,
    services,
    holders,
    orphans,
    l2Policies: list(state?.l2Policies)
      .filter((p) => typeof p?.metadata?.name === 'string')
      .map(readL2Policy),
    nodes,
    notReady: notReadyNodes(nodes),
    now,
    options,
    diagnose: config.diagnose ?? lazyEngineDiagnose(state, options, now),
  }).concat(errors.map(readErrorAlert));
  return {
    version: config.version,
    generatedAt: new Date(now).toISOString(),
    cluster: config.cluster,
    sources: config.sources,
    pools: poolViews,
    rows,
    freeRanges,
    services: services.map((s) => s.view),
    alerts,
  };
}
