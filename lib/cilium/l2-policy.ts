// Typed reading of CiliumL2AnnouncementPolicy (cilium.io/v2alpha1 only).
import type { CiliumL2AnnouncementPolicy, KubeNode, LabelSelector, Service } from './objects';
import { matchesSelector, selectorError, selectsService } from './selector';

export const L2_POLICY_KIND = 'CiliumL2AnnouncementPolicy';

/** Cilium's agents hold one Lease per announced Service, named `cilium-l2announce-<ns>-<name>`. */
export const L2_LEASE_PREFIX = 'cilium-l2announce-';
export const l2LeaseName = (namespace: string, name: string): string =>
  `${L2_LEASE_PREFIX}${namespace}-${name}`;
export const L2_POLICY_API_VERSIONS = ['cilium.io/v2alpha1'] as const;

export interface L2PolicyView {
  name: string;
  nodeSelector: LabelSelector | null | undefined;
  serviceSelector: LabelSelector | null | undefined;
  loadBalancerIPs: boolean;
  externalIPs: boolean;
  /** Unanchored Go regexps; empty ⇒ every selected device. */
  interfaces: string[];
  errors: { type: string; message: string }[];
}

export function readL2Policy(policy: CiliumL2AnnouncementPolicy): L2PolicyView {
  const spec = policy.spec ?? {};
  const errors: { type: string; message: string }[] = [];
  const nodeErr = selectorError(spec.nodeSelector);
  if (nodeErr) errors.push({ type: 'io.cilium/bad-node-selector', message: nodeErr });
  const svcErr = selectorError(spec.serviceSelector);
  if (svcErr) errors.push({ type: 'io.cilium/bad-service-selector', message: svcErr });
  for (const re of spec.interfaces ?? []) {
    try {
      new RegExp(re);
    } catch (err) {
      errors.push({
        type: 'io.cilium/bad-interface-regex',
        message: err instanceof Error ? err.message : String(err),
      });
    }
  }
  return {
    name: policy.metadata.name,
    nodeSelector: spec.nodeSelector,
    serviceSelector: spec.serviceSelector,
    loadBalancerIPs: spec.loadBalancerIPs === true,
    externalIPs: spec.externalIPs === true,
    interfaces: spec.interfaces ?? [],
    errors,
  };
}

/** Does the policy select this Service (labels + synthetic labels), ignoring IP kinds? */
export const l2PolicySelectsService = (p: L2PolicyView, svc: Service): boolean =>
  selectsService(p.serviceSelector, svc);

/** Node selection uses the node's labels (Cilium matches CiliumNode labels, which mirror them). */
export const l2PolicySelectsNode = (p: L2PolicyView, node: KubeNode): boolean =>
  matchesSelector(p.nodeSelector, node.metadata.labels ?? {});

/** Interfaces a policy announces on, out of a node's devices (regexps are unanchored; OR). */
export function l2PolicyInterfaces(p: L2PolicyView, devices: string[]): string[] {
  if (p.interfaces.length === 0) return devices;
  const res = p.interfaces.flatMap((s) => {
    try {
      return [new RegExp(s)];
    } catch {
      return [];
    }
  });
  return devices.filter((d) => res.some((re) => re.test(d)));
}
