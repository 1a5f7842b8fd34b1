import type { Deployment } from './objects';

// The Cilium version some behaviour depends on (reference ../shared/reference/cilium-lbipam.md F):
// read from the cilium-operator Deployment's image tag, or given by the operator in config.

export interface CiliumVersion {
  major: number;
  minor: number;
  patch: number;
  /** As written, without a leading "v" or a digest ("1.20.2", "1.19.4-rc.1"). */
  text: string;
}

const VERSION = /^v?(\d{1,4})\.(\d{1,4})\.(\d{1,4})(-[0-9A-Za-z.-]+)?$/;

/** "v1.20.2", "1.19.4-rc.1" → the version; anything else (a branch tag, "latest") → null. */
export function parseCiliumVersion(text: string): CiliumVersion | null {
  const m = VERSION.exec(text.trim());
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    text: text.trim().replace(/^v/, ''),
  };
}

/** The tag of an image reference ("quay.io/cilium/operator-generic:v1.20.2@sha256:…" → "v1.20.2"). */
export function imageTag(image: string): string | null {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(colon + 1) : null;
}

export const CILIUM_OPERATOR = { namespace: 'kube-system', name: 'cilium-operator' } as const;

/** The version in the operator Deployment's image tag (its first container whose tag is a version). */
export function versionFromOperator(d: Deployment | undefined): CiliumVersion | null {
  for (const c of d?.spec?.template?.spec?.containers ?? []) {
    const tag = typeof c?.image === 'string' ? imageTag(c.image) : null;
    const v = tag ? parseCiliumVersion(tag) : null;
    if (v) return v;
  }
  return null;
}

/** a < b, ignoring pre-release suffixes (1.20.2-rc.1 counts as 1.20.2). */
export function versionBelow(v: CiliumVersion, b: string): boolean {
  const o = parseCiliumVersion(b);
  if (!o) throw new Error(`not a version: ${b}`);
  if (v.major !== o.major) return v.major < o.major;
  if (v.minor !== o.minor) return v.minor < o.minor;
  return v.patch < o.patch;
}

/** Cilium ≥ 1.20.2 only lets nodes with a local backend take the lease of an eTP=Local Service (F.1). */
export const LOCAL_GATE_VERSION = '1.20.2';
export const gatesLocalTraffic = (v: CiliumVersion | null): boolean =>
  v !== null && !versionBelow(v, LOCAL_GATE_VERSION);
