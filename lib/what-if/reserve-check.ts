// The reserve form's check (issue 8, "Checked before shown"): the generated YAML is parsed back,
// turned into the Service LB-IPAM will see, and run through what-if against the cluster as the
// dashboard sees it now. The answer names what Cilium would do in its own reason vocabulary and,
// when it would wait, why (lib/explain's words, through the engine's diagnosis).
import { stringify } from 'yaml';
import type { ClusterState } from '../cilium/cluster-state';
import type { Service } from '../cilium/objects';
import { blockRange, readPool } from '../cilium/pool';
import { LB_CLASS, whyNotHandled } from '../cilium/service';
import { owningGatewayRef } from '../inventory/columns';
import type { EngineOptions } from '../ipam';
import { defaultEngineOptions } from '../ipam';
import { reserveYaml } from '../manifests/reserve/generate';
import { readBack } from '../manifests/reserve/read-back';
import type { ReserveInput } from '../manifests/reserve/types';
import { parseAddr, rangeContains } from '../net';
import { NOT_PROBED, type LanVerdict } from './reserve-answers';
import { runWhatIf } from './run';

export { NOT_PROBED, type LanVerdict };

export type ReserveVerdict = 'satisfied' | 'pending' | 'not-handled';

export interface ReserveCheck {
  yaml: string;
  /** The Service LB-IPAM would see: `namespace/name` (a Gateway's: Envoy Gateway's Service). */
  service: string;
  /** "media/my-app", or "Gateway networking/my-gw". */
  subject: string;
  verdict: ReserveVerdict;
  /** "Cilium would assign 192.168.0.223 — satisfied", "would stay pending: already_allocated to …". */
  headline: string;
  /** What Cilium would assign (empty when it would wait). */
  ips: string[];
  /** Cilium's reason (IPAMRequestSatisfied), null when LB-IPAM would not handle it. */
  reason: string | null;
  /** Who holds the requested address now, Gateways named as Gateways. */
  holders: string[];
  /** The explanation of a wait (or of not being handled), in lib/explain's words. */
  explanation: { title: string; cause: string; fix: string | null } | null;
  /** Things worth knowing that do not stop it (an address outside the chosen pool, ETP Local, …). */
  notes: string[];
  /** The object is already in the cluster (applied before): applying again would be refused. */
  exists: boolean;
  lan: LanVerdict;
}

const holderName = (svc: Service): string => {
  const gw = owningGatewayRef(svc);
  return gw ? `${gw.namespace}/${gw.name}` : `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}`;
};

/** Services whose status holds `ip` now (several when they share it). */
export function holdersOf(state: ClusterState, ip: string): string[] {
  return state.services
    .filter((s) => (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip))
    .map(holderName)
    .sort();
}

/** The Service Envoy Gateway already keeps for this Gateway, if it exists. */
function liveGatewayService(state: ClusterState, input: ReserveInput): Service | undefined {
  return state.services.find((s) => {
    const gw = owningGatewayRef(s);
    return gw?.name === input.name && gw.namespace === input.namespace;
  });
}

function inPool(state: ClusterState, pool: string, ip: string): boolean | null {
  const obj = state.pools.find((p) => p.metadata.name === pool);
  const addr = parseAddr(ip);
  if (!obj || !addr) return null;
  return readPool(obj).blocks.some((b) => {
    const r = blockRange(b);
    return r.ok && rangeContains(r.range, addr);
  });
}

function notesFor(state: ClusterState, input: ReserveInput, service: Service): string[] {
  const notes: string[] = [];
  if (input.pool) {
    const inside = inPool(state, input.pool, input.ip);
    if (inside === null) notes.push(`There is no pool named '${input.pool}' in this cluster.`);
    else if (!inside) notes.push(`${input.ip} is not in pool '${input.pool}'.`);
  }
  const cls = service.spec.loadBalancerClass;
  if (cls === LB_CLASS.bgp)
    notes.push(
      `loadBalancerClass ${cls}: LB-IPAM assigns the address, but L2 announcements skip it (only BGP announces it).`,
    );
  if (service.spec.externalTrafficPolicy === 'Local')
    notes.push(
      input.target === 'placeholder'
        ? 'externalTrafficPolicy: Local on a placeholder: it has no endpoints, so on Cilium ≥ 1.20.2 nobody announces it (it still holds the address).'
        : 'externalTrafficPolicy: Local: on Cilium ≥ 1.20.2 only nodes with a ready endpoint of it may announce it; with none, nobody answers ARP.',
    );
  if (input.target === 'placeholder')
    notes.push(
      'The placeholder holds the address until the workload arrives: delete it and apply the workload together, or another Service may take the address in between.',
    );
  return notes;
}

export function checkReservation(
  state: ClusterState,
  input: ReserveInput,
  options: Partial<EngineOptions>,
  now: Date,
): ReserveCheck {
  const yaml = reserveYaml(input);
  const back = readBack(yaml, input, liveGatewayService(state, input)?.metadata.name);
  const svc = back.service;
  const ns = svc.metadata.namespace ?? 'default';
  const key = `${ns}/${svc.metadata.name}`;
  const subject = back.gateway ? `Gateway ${back.gateway}` : key;
  const report = runWhatIf(state, { manifests: stringify(svc) }, options, now);
  const change = report.services.find((s) => s.namespace === ns && s.name === svc.metadata.name);
  const after = change?.after ?? null;
  // Holders other than this Service itself (a re-check of an applied reservation holds its own address).
  const holders = holdersOf(state, input.ip).filter((h) => h !== key && h !== back.gateway);
  const exists = state.services.some(
    (s) => (s.metadata.namespace ?? 'default') === ns && s.metadata.name === svc.metadata.name,
  );
  const notes = notesFor(state, input, svc);
  if (exists) notes.unshift(`${key} is already in the cluster.`);
  const base = { yaml, service: key, subject, holders, notes, exists, lan: NOT_PROBED };

  if (!after || after.satisfied === null) {
    const why = whyNotHandled(svc, { ...defaultEngineOptions, ...options }) ?? 'LB-IPAM has no pool yet';
    return {
      ...base,
      verdict: 'not-handled',
      headline: `LB-IPAM would not handle it: ${why}`,
      ips: [],
      reason: null,
      explanation: {
        title: `${subject} would get no address from LB-IPAM`,
        cause: `LB-IPAM ignores it because ${why}; it gets no address and no condition.`,
        fix: svc.spec.loadBalancerClass
          ? 'Leave loadBalancerClass empty, or use io.cilium/l2-announcer for L2 announcements.'
          : null,
      },
    };
  }
  if (after.satisfied) {
    const shared = holders.length > 0 ? ` (shared with ${holders.join(', ')})` : '';
    return {
      ...base,
      verdict: 'satisfied',
      headline: `Cilium would assign ${after.ips.join(', ')} — satisfied${shared}`,
      ips: after.ips,
      reason: after.reason,
      explanation: null,
    };
  }
  const to =
    after.reason?.startsWith('already_allocated') && holders.length > 0 ? ` to ${holders.join(', ')}` : '';
  return {
    ...base,
    verdict: 'pending',
    headline: `would stay pending: ${after.reason ?? 'no reason given'}${to}`,
    ips: after.ips,
    reason: after.reason,
    explanation: change?.explanation ?? null,
  };
}
