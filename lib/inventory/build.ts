import { readL2Policy } from '../cilium';
import type { ClusterInfo, ClusterState, SourceStatus } from '../cilium/cluster-state';
import { defaultEngineOptions, type EngineOptions } from '../ipam';
import { buildAlerts, GROUP_WORDINGS } from './alerts';
import { groupAlerts } from './alerts/group';
import { indexL2Leases, notReadyNodes } from './announcer';
import { announcerViews, eventViews, l2PolicyViews, nodeViews } from './cluster-views';
import { judgedCiliumVersion } from './cilium-version';
import { indexGateways } from './columns';
import { indexRoutes } from './hostnames';
import { serviceL2Facts, slicesKnownFrom } from './l2-facts';
import { lazyEngineDiagnose, type DiagnoseFn } from './diagnose';
import { poolModels } from './pool-model';
import { orphanIps, parseIps, poolStats, sortHeld } from './pool-stats';
import { poolView } from './pool-views';
import { holdersByIp, refText, serviceModels, type ReadError } from './service-model';
import type { Alert, Inventory } from './types';
import type { ArpEvidenceInput } from './arp/evidence';
import { arpVerdicts } from './arp/views';
import { parseAddr, rangeContains } from '../net';

// buildInventory: the one pure function from cluster state to the view model. What the cluster
// did is the truth — holders come from the ingress Cilium wrote, reasons from its conditions.
// Its cost grows with Services and pools, never with the number of addresses in a pool.

/** A list from the state, or none when the source is absent or malformed (never a crash). */
const list = <T>(v: T[] | undefined | null): T[] => (Array.isArray(v) ? v : []);

function readErrorAlert(e: ReadError): Alert {
  return {
    id: `unreadable:${e.ref.kind}:${refText(e.ref)}`,
    rule: 'unreadable',
    cause: `unreadable:${e.ref.kind}:${refText(e.ref)}`,
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
  /** The Cilium version the operator configured (LBIPAM_CILIUM_VERSION); default: the cilium-operator's image tag. */
  ciliumVersion?: string;
}

export type { ArpEvidenceInput } from './arp/evidence';

/** The engine's defaults, so the inventory and the embedded LB-IPAM controller judge alike. */
export const DEFAULT_ENGINE_OPTIONS: EngineOptions = defaultEngineOptions;

/** The inventory, and every alert behind its groups (the server lists a group's members from it). */
export interface BuiltInventory {
  inventory: Inventory;
  alerts: Alert[];
  members: Map<string, Alert[]>;
}

export function buildInventoryWithAlerts(
  state: ClusterState,
  evidence: ArpEvidenceInput | null,
  config: InventoryConfig,
): BuiltInventory {
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
  const heldIps = parseIps(holders.keys());
  const held = sortHeld(heldIps);
  const stats = new Map(pools.map((p) => [p.name, poolStats(p, held)]));
  const poolViews = pools.map((p) => poolView(p, stats.get(p.name)));
  const rawPolicies = list(state?.l2Policies).filter((p) => typeof p?.metadata?.name === 'string');
  const l2Read = rawPolicies.map(readL2Policy);
  const cilium = judgedCiliumVersion(list(state?.ciliumOperator), config.ciliumVersion);
  const sources = Array.isArray(config.sources) ? config.sources : [];
  const l2 = serviceL2Facts(services, {
    policies: rawPolicies,
    readPolicies: l2Read,
    nodes,
    slices: list(state?.endpointSlices),
    slicesKnown: slicesKnownFrom(sources),
    version: cilium.version,
    gateways,
    routes: indexRoutes(list(state?.httpRoutes)),
  });
  const arp = arpVerdicts(evidence, holders, (ip) => {
    const a = parseAddr(ip);
    return !!a && pools.some((p) => p.blocks.some((b) => rangeContains(b.range, a)));
  });
  const alerts = buildAlerts({
    pools,
    poolViews: new Map(poolViews.map((v) => [v.name, v])),
    stats,
    services,
    holders,
    orphans: orphanIps(pools, heldIps),
    l2Policies: l2Read,
    nodes,
    notReady: notReadyNodes(nodes),
    now,
    options,
    l2: l2.facts,
    cilium: cilium.version,
    events: list(state?.events),
    diagnose: config.diagnose ?? lazyEngineDiagnose(state, options, now),
    arp,
    probers: evidence?.probers ?? [],
  }).concat(errors.map(readErrorAlert));
  const grouped = groupAlerts(alerts, GROUP_WORDINGS);
  const l2Policies = l2PolicyViews(l2Read, nodes);
  const announcers = announcerViews(services);
  return {
    inventory: {
      version: config.version,
      generatedAt: new Date(now).toISOString(),
      cluster: config.cluster,
      sources: config.sources,
      cilium: cilium.meta,
      pools: poolViews,
      services: l2.views,
      alerts: grouped.groups,
      nodes: nodeViews(nodes, l2Policies, announcers),
      l2Policies,
      announcers,
      events: eventViews(list(state?.events)),
      arp,
      probers: evidence?.probers ?? [],
    },
    alerts,
    members: grouped.members,
  };
}

export function buildInventory(
  state: ClusterState,
  evidence: ArpEvidenceInput | null,
  config: InventoryConfig,
): Inventory {
  return buildInventoryWithAlerts(state, evidence, config).inventory;
}
