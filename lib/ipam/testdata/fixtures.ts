// Builders for engine tests: pools and Services as the API server would hand them over.
import type { CiliumLoadBalancerIPPool, LabelSelector, PoolBlock, Service } from '../../cilium/objects';
import { LbIpamEngine } from '../engine';
import type { EngineOptions } from '../types';

export const T0 = new Date('2026-01-01T00:00:00Z');

export function pool(
  name: string,
  blocks: (string | PoolBlock)[],
  extra: { selector?: LabelSelector; disabled?: boolean; allowFirstLastIPs?: string; created?: string; generation?: number } = {},
): CiliumLoadBalancerIPPool {
  return {
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumLoadBalancerIPPool',
    metadata: { name, generation: extra.generation ?? 1, creationTimestamp: extra.created ?? '2026-01-01T00:00:00Z' },
    spec: {
      blocks: blocks.map((b) => (typeof b === 'string' ? { cidr: b } : b)),
      ...(extra.selector ? { serviceSelector: extra.selector } : {}),
      ...(extra.disabled !== undefined ? { disabled: extra.disabled } : {}),
      ...(extra.allowFirstLastIPs ? { allowFirstLastIPs: extra.allowFirstLastIPs } : {}),
    },
  };
}

export interface SvcOpts {
  ns?: string;
  ips?: string;
  key?: string;
  cross?: string;
  labels?: Record<string, string>;
  ports?: { port: number; protocol?: string }[];
  type?: string;
  cls?: string;
  policy?: string;
  families?: string[];
  etp?: string;
  selector?: Record<string, string>;
  lbIP?: string;
  annotations?: Record<string, string>;
  generation?: number;
}

export function svc(name: string, o: SvcOpts = {}): Service {
  const annotations: Record<string, string> = { ...(o.annotations ?? {}) };
  if (o.ips !== undefined) annotations['lbipam.cilium.io/ips'] = o.ips;
  if (o.key !== undefined) annotations['lbipam.cilium.io/sharing-key'] = o.key;
  if (o.cross !== undefined) annotations['lbipam.cilium.io/sharing-cross-namespace'] = o.cross;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: o.ns ?? 'default', generation: o.generation ?? 1, labels: o.labels, annotations },
    spec: {
      type: o.type ?? 'LoadBalancer',
      ...(o.cls ? { loadBalancerClass: o.cls } : {}),
      ...(o.policy ? { ipFamilyPolicy: o.policy } : {}),
      ...(o.families ? { ipFamilies: o.families } : {}),
      ...(o.etp ? { externalTrafficPolicy: o.etp } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
      ...(o.lbIP ? { loadBalancerIP: o.lbIP } : {}),
      ports: o.ports ?? [],
    },
  };
}

export function engine(options?: Partial<EngineOptions>): LbIpamEngine {
  return new LbIpamEngine(options, () => T0);
}

export const up = (e: LbIpamEngine, ...objs: (CiliumLoadBalancerIPPool | Service)[]): void => {
  for (const o of objs) e.apply({ op: 'upsert', object: o } as never);
};
export const del = (e: LbIpamEngine, ...objs: (CiliumLoadBalancerIPPool | Service)[]): void => {
  for (const o of objs) e.apply({ op: 'delete', object: o } as never);
};

export const ips = (e: LbIpamEngine, name: string, ns = 'default'): string[] =>
  (e.serviceStatus(ns, name)?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '');

export const cond = (e: LbIpamEngine, name: string, ns = 'default') =>
  e.serviceStatus(ns, name)?.conditions?.find((c) => c.type === 'cilium.io/IPAMRequestSatisfied');

export function counts(e: LbIpamEngine, name: string): { total?: string; available?: string; used?: string; conflict?: string } {
  const c = e.poolStatus(name)?.conditions ?? [];
  const m = (t: string) => c.find((x) => x.type === t)?.message;
  return {
    total: m('cilium.io/IPsTotal'),
    available: m('cilium.io/IPsAvailable'),
    used: m('cilium.io/IPsUsed'),
    conflict: c.find((x) => x.type === 'cilium.io/PoolConflict')?.status,
  };
}
