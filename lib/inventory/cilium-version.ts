import type { Deployment } from '../cilium/objects';
import { parseCiliumVersion, versionFromOperator, type CiliumVersion } from '../cilium/version';
import type { InventoryMeta } from './types';

// Which Cilium the rules judge by: the operator's configured version wins (it knows, e.g. when the
// image is mirrored under another tag), else the cilium-operator Deployment's image tag.

export interface JudgedVersion {
  version: CiliumVersion | null;
  meta: NonNullable<InventoryMeta['cilium']>;
}

export function judgedCiliumVersion(
  operator: readonly Deployment[],
  configured: string | undefined,
): JudgedVersion {
  if (configured) {
    const v = parseCiliumVersion(configured);
    return { version: v, meta: { version: v?.text ?? null, source: 'config' } };
  }
  const v = versionFromOperator(operator[0]);
  return { version: v, meta: { version: v?.text ?? null, source: v ? 'deployment' : null } };
}
