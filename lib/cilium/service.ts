// Typed reading of a Service the way LB-IPAM sees it (getSVCRequestedIPs, getSVCSharingKey,
// getSVCSharingCrossNamespace, serviceIPFamilyRequest, isResponsibleForSVC).
import { addrEquals, parseAddrZoned, type IpAddr } from '../net';
import { ANNOTATION, getAnnotation } from './annotations';
import type { Service } from './objects';
import { serviceSelectorLabels } from './selector';

export const LB_CLASS = { bgp: 'io.cilium/bgp-control-plane', l2: 'io.cilium/l2-announcer' } as const;

export interface ServiceReaderOptions {
  ipv4: boolean;
  ipv6: boolean;
}

export interface ResponsibilityOptions {
  defaultLBServiceIPAM: 'lbipam' | 'nodeipam' | 'none';
  l2Announcements: boolean;
  bgpControlPlane: boolean;
}

export interface ServicePortView {
  port: number;
  protocol: string;
}

export interface ServiceRequest {
  namespace: string;
  name: string;
  /** `<namespace>/<name>` */
  key: string;
  /** spec.loadBalancerIP first, then annotation entries; adjacent duplicates collapsed. */
  requestedIPs: IpAddr[];
  /** Entries Cilium logs and skips (where they came from, and the text). */
  invalidIPs: { source: string; value: string }[];
  sharingKey: string;
  sharingCrossNamespace: string[];
  /** S2 opt-in; S1 (what the engine follows) ignores it. */
  sharingPermitDifferentPods: boolean;
  families: { ipv4: boolean; ipv6: boolean };
  ports: ServicePortView[];
  externalTrafficPolicy: string;
  selector: Record<string, string>;
  /** Labels plus the two synthetic ones. */
  labels: Record<string, string>;
}

export const serviceKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/**
 * getSVCRequestedIPs. Entries go through netip.ParseAddr, which accepts an IPv6 zone: `fe80::1%eth0`
 * is a request (kept with its zone, so it never falls back to generic allocation), not a skipped entry.
 */
export function requestedIPs(svc: Service): { ips: IpAddr[]; invalid: { source: string; value: string }[] } {
  const ips: IpAddr[] = [];
  const invalid: { source: string; value: string }[] = [];
  const lbIP = svc.spec?.loadBalancerIP;
  if (lbIP) {
    const ip = parseAddrZoned(lbIP);
    if (ip) ips.push(ip);
    else invalid.push({ source: 'spec.loadBalancerIP', value: lbIP });
  }
  const ann = getAnnotation(svc.metadata.annotations, ANNOTATION.ips, ANNOTATION.ipsAlias);
  if (ann.value !== '') {
    for (const entry of ann.value.split(',')) {
      const ip = parseAddrZoned(entry.trim());
      if (ip) ips.push(ip);
      else invalid.push({ source: `metadata.annotations["${ann.key}"]`, value: entry });
    }
  }
  // slices.CompactFunc: only adjacent duplicates collapse.
  const compact = ips.length < 2 ? ips : ips.filter((ip, i) => i === 0 || !addrEquals(ip, ips[i - 1]));
  return { ips: compact, invalid };
}

/** SingleStack (or no policy): the first listed family, else the cluster's first enabled one. */
function singleFamily(families: string[], opts: ServiceReaderOptions): { ipv4: boolean; ipv6: boolean } {
  if (families.length > 0)
    return families[0] === 'IPv4' ? { ipv4: true, ipv6: false } : { ipv4: false, ipv6: true };
  if (opts.ipv4) return { ipv4: true, ipv6: false };
  return { ipv4: false, ipv6: opts.ipv6 };
}

/** serviceIPFamilyRequest, row for row (see the reference, B.3). */
export function requestedFamilies(
  svc: Service,
  opts: ServiceReaderOptions,
): { ipv4: boolean; ipv6: boolean } {
  const families = svc.spec?.ipFamilies ?? [];
  const policy = svc.spec?.ipFamilyPolicy;
  // A module-level helper rather than a closure: this runs on every Service event.
  if (policy === undefined || policy === null || policy === '') return singleFamily(families, opts);
  switch (policy) {
    case 'SingleStack':
      return singleFamily(families, opts);
    case 'PreferDualStack':
      if (families.length > 0) {
        return { ipv4: families.includes('IPv4') && opts.ipv4, ipv6: families.includes('IPv6') && opts.ipv6 };
      }
      return { ipv4: opts.ipv4, ipv6: opts.ipv6 };
    case 'RequireDualStack':
      return { ipv4: opts.ipv4, ipv6: opts.ipv6 };
    default:
      return { ipv4: false, ipv6: false };
  }
}

/** strconv.ParseBool's true spellings. */
const TRUE_WORDS: readonly string[] = ['1', 't', 'T', 'true', 'TRUE', 'True'];

export function readServiceRequest(svc: Service, opts: ServiceReaderOptions): ServiceRequest {
  const namespace = svc.metadata.namespace ?? 'default';
  const { ips, invalid } = requestedIPs(svc);
  const ann = svc.metadata.annotations;
  const cross = getAnnotation(
    ann,
    ANNOTATION.sharingCrossNamespace,
    ANNOTATION.sharingCrossNamespaceAlias,
  ).value;
  const permit = ann?.[ANNOTATION.sharingPermitDifferentPods] ?? '';
  return {
    namespace,
    name: svc.metadata.name,
    key: serviceKey(namespace, svc.metadata.name),
    requestedIPs: ips,
    invalidIPs: invalid,
    sharingKey: getAnnotation(ann, ANNOTATION.sharingKey, ANNOTATION.sharingKeyAlias).value,
    // S1 splits without trimming (" ns-b" is not "ns-b"); S2 trims each entry.
    sharingCrossNamespace: cross === '' ? [] : cross.split(','),
    sharingPermitDifferentPods: TRUE_WORDS.includes(permit),
    families: requestedFamilies(svc, opts),
    // The API server defaults a port's protocol to TCP; Cilium compares the strings literally.
    ports: (svc.spec?.ports ?? []).map((p) => ({ port: Number(p.port), protocol: p.protocol || 'TCP' })),
    // The API server defaults externalTrafficPolicy to Cluster for LoadBalancer Services.
    externalTrafficPolicy:
      svc.spec?.externalTrafficPolicy || (svc.spec?.type === 'LoadBalancer' ? 'Cluster' : ''),
    selector: { ...(svc.spec?.selector ?? {}) },
    labels: serviceSelectorLabels(svc),
  };
}

/** The loadBalancerClass values LB-IPAM handles under these options. */
export function lbClasses(opts: ResponsibilityOptions): string[] {
  const classes: string[] = [];
  if (opts.bgpControlPlane) classes.push(LB_CLASS.bgp);
  if (opts.l2Announcements) classes.push(LB_CLASS.l2);
  return classes;
}

/** isResponsibleForSVC: type LoadBalancer and (no class and default IPAM is lbipam, or a known class). */
export function isHandledByLbIpam(svc: Service, opts: ResponsibilityOptions): boolean {
  if (svc.spec?.type !== 'LoadBalancer') return false;
  const cls = svc.spec.loadBalancerClass;
  if (cls === undefined || cls === null) return opts.defaultLBServiceIPAM === 'lbipam';
  return lbClasses(opts).includes(cls);
}

/** Why LB-IPAM ignores this Service, in plain words; undefined when it handles it. */
export function whyNotHandled(svc: Service, opts: ResponsibilityOptions): string | undefined {
  if (isHandledByLbIpam(svc, opts)) return undefined;
  if (svc.spec?.type !== 'LoadBalancer')
    return `it is of type ${svc.spec?.type || 'ClusterIP'}, not LoadBalancer`;
  const cls = svc.spec.loadBalancerClass;
  if (cls === undefined || cls === null) {
    return `it has no loadBalancerClass and the operator's default-lb-service-ipam is '${opts.defaultLBServiceIPAM}', not 'lbipam'`;
  }
  if (cls === LB_CLASS.bgp)
    return `its loadBalancerClass '${cls}' needs the BGP control plane, which is disabled`;
  if (cls === LB_CLASS.l2) return `its loadBalancerClass '${cls}' needs L2 announcements, which are disabled`;
  return `its loadBalancerClass '${cls}' belongs to another controller`;
}
