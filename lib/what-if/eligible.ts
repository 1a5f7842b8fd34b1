import { l2Selection, l2World, type L2World } from '../cilium/l2-eligibility';
import { readL2Policy } from '../cilium/l2-policy';
import type { CiliumL2AnnouncementPolicy, KubeNode, Service } from '../cilium/objects';

// Which nodes may announce a Service's LoadBalancer address (reference section D), with the nodes
// the proposal drains left out: the one selection rule of lib/cilium/l2-eligibility.ts.

export type EligibilityWorld = L2World;

export const eligibilityWorld = (
  policies: CiliumL2AnnouncementPolicy[],
  nodes: KubeNode[],
  drained: ReadonlySet<string>,
): EligibilityWorld => l2World(policies.map(readL2Policy), nodes, drained);

/** null: no policy announces its LoadBalancer address; else the eligible nodes, sorted. */
export const eligibleNodes = (svc: Service, world: EligibilityWorld): string[] | null =>
  l2Selection(svc, world, { lbIps: true, externalIps: false })?.nodes ?? null;
