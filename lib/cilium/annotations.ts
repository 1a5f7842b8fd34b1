// LB-IPAM's Service annotations and Cilium's lookup rule: the primary key is consulted first and,
// if present at all (even empty), the legacy alias is not consulted.
export const ANNOTATION = {
  ips: 'lbipam.cilium.io/ips',
  ipsAlias: 'io.cilium/lb-ipam-ips',
  sharingKey: 'lbipam.cilium.io/sharing-key',
  sharingKeyAlias: 'io.cilium/lb-ipam-sharing-key',
  sharingCrossNamespace: 'lbipam.cilium.io/sharing-cross-namespace',
  sharingCrossNamespaceAlias: 'io.cilium/lb-ipam-sharing-cross-namespace',
  /** S2 only; S1 ignores it (kept so the reader can report it). */
  sharingPermitDifferentPods: 'lbipam.cilium.io/sharing-permit-different-pods',
} as const;

/** annotation.Get(obj, primary, alias): value and whether any of the keys was present. */
export function getAnnotation(
  annotations: Record<string, string> | undefined,
  primary: string,
  alias: string,
): { value: string; key?: string } {
  const a = annotations ?? {};
  if (Object.prototype.hasOwnProperty.call(a, primary))
    return { value: String(a[primary] ?? ''), key: primary };
  if (Object.prototype.hasOwnProperty.call(a, alias)) return { value: String(a[alias] ?? ''), key: alias };
  return { value: '' };
}
