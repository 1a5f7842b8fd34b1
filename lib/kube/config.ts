import 'server-only';
import { displayServer } from './server-url';
import { KubeConfig } from '@kubernetes/client-node';
import { z } from 'zod';
import type { ClusterInfo } from '../cilium/cluster-state';

// Which cluster the dashboard reads. `lbipam start` decides and sets LBIPAM_* before Next loads
// (docs/contracts.md); a bare `next start` falls back to client-node's own search (KUBECONFIG,
// ~/.kube/config, in-cluster service account).

const envSchema = z.object({
  LBIPAM_KUBECONFIG: z.string().min(1).optional(),
  LBIPAM_CONTEXT: z.string().min(1).optional(),
  LBIPAM_ORIGIN: z.enum(['embedded', 'kubeconfig', 'in-cluster']).optional(),
  LBIPAM_ALLOW_WRITES: z.string().optional(),
  /** The embedded cluster's seed as the header names it: demo, empty, scale, or a folder's name. */
  LBIPAM_SEED: z.string().min(1).max(100).optional(),
  /** The Cilium version the rules judge by, when the operator's image tag does not say it (a mirror, a digest). */
  LBIPAM_CILIUM_VERSION: z
    .string()
    .regex(/^v?\d{1,4}\.\d{1,4}\.\d{1,4}(-[0-9A-Za-z.-]+)?$/, 'expected a Cilium version such as 1.20.2')
    .optional(),
});

export interface LoadedKubeConfig {
  kc: KubeConfig;
  info: ClusterInfo;
  /** LBIPAM_CILIUM_VERSION, when set. */
  ciliumVersion?: string;
}

type Env = Record<string, string | undefined>;

/**
 * Writing (the reserve form's apply) is off for a real cluster unless LBIPAM_ALLOW_WRITES=1, and on
 * for the embedded cluster (a sandbox the dashboard itself started) unless LBIPAM_ALLOW_WRITES=0.
 */
export function readOnly(origin: ClusterInfo['origin'], allowWrites: string | undefined): boolean {
  if (allowWrites === '1') return false;
  if (allowWrites === '0') return true;
  return origin !== 'embedded';
}

export function loadKubeConfig(env: Env = process.env): LoadedKubeConfig {
  const parsed = envSchema.safeParse({
    LBIPAM_KUBECONFIG: env.LBIPAM_KUBECONFIG || undefined,
    LBIPAM_CONTEXT: env.LBIPAM_CONTEXT || undefined,
    LBIPAM_ORIGIN: env.LBIPAM_ORIGIN || undefined,
    LBIPAM_ALLOW_WRITES: env.LBIPAM_ALLOW_WRITES,
    LBIPAM_SEED: env.LBIPAM_SEED || undefined,
    LBIPAM_CILIUM_VERSION: env.LBIPAM_CILIUM_VERSION?.trim() || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid ${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'bad value'}`);
  }
  const e = parsed.data;
  const kc = new KubeConfig();
  let origin: ClusterInfo['origin'];

  if (e.LBIPAM_ORIGIN === 'in-cluster') {
    kc.loadFromCluster();
    origin = 'in-cluster';
  } else if (e.LBIPAM_KUBECONFIG) {
    try {
      kc.loadFromFile(e.LBIPAM_KUBECONFIG);
    } catch (err) {
      throw new Error(
        `cannot read kubeconfig ${e.LBIPAM_KUBECONFIG}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    origin = e.LBIPAM_ORIGIN ?? 'kubeconfig';
  } else {
    kc.loadFromDefault();
    // loadFromDefault picks the service account when there is no kubeconfig file at all.
    origin = e.LBIPAM_ORIGIN ?? (kc.getCurrentContext() === 'inClusterContext' ? 'in-cluster' : 'kubeconfig');
  }

  if (e.LBIPAM_CONTEXT) {
    if (!kc.getContextObject(e.LBIPAM_CONTEXT)) {
      const names = kc.getContexts().map((c) => c.name);
      throw new Error(
        `context '${e.LBIPAM_CONTEXT}' is not in the kubeconfig (contexts: ${names.join(', ') || 'none'})`,
      );
    }
    kc.setCurrentContext(e.LBIPAM_CONTEXT);
  }

  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error(`kubeconfig context '${kc.getCurrentContext()}' names no cluster`);
  const context = kc.getCurrentContext() || undefined;
  const seed = origin === 'embedded' ? (e.LBIPAM_SEED ?? 'demo') : undefined;
  const info: ClusterInfo = {
    name: seed ? `embedded ${seed}` : origin === 'in-cluster' ? 'in-cluster' : (context ?? cluster.name),
    origin,
    server: displayServer(cluster.server),
    context: origin === 'embedded' ? undefined : context,
    ...(seed ? { seed } : {}),
    readOnly: readOnly(origin, e.LBIPAM_ALLOW_WRITES),
  };
  return { kc, info, ...(e.LBIPAM_CILIUM_VERSION && { ciliumVersion: e.LBIPAM_CILIUM_VERSION }) };
}
