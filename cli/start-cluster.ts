// Which cluster `lbipam start` shows: the embedded demo, a kubeconfig context, or the pod's own
// cluster. Reads only the file system and environment it is given; writes nothing.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { StartOptions } from './start-args';

export type ClusterChoice =
  | { origin: 'embedded'; label: string }
  | { origin: 'kubeconfig'; label: string; kubeconfigPath?: string; context?: string }
  | { origin: 'in-cluster'; label: string };

/**
 * How the header names an embedded cluster's seed (LBIPAM_SEED): demo, empty, scale, or the
 * folder's own name — never a whole path, which says little and may say too much.
 */
export function seedLabel(seed: string): string {
  if (seed === 'demo' || seed === 'empty' || seed === 'scale') return seed;
  const trimmed = seed.replace(/[/\\]+$/, '');
  return path.basename(trimmed) || seed;
}

const serviceAccountToken = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** First existing file of KUBECONFIG (colon-separated), else ~/.kube/config. */
export function findKubeconfig(env: Record<string, string | undefined>, home = os.homedir()): string | null {
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter(Boolean);
  for (const file of fromEnv) if (existsSync(file)) return file;
  if (fromEnv.length > 0) return null;
  const fallback = path.join(home, '.kube', 'config');
  return existsSync(fallback) ? fallback : null;
}

function contextsOf(file: string): { current?: string; names: string[] } | { error: string } {
  try {
    const doc = parse(readFileSync(file, 'utf8')) as {
      'current-context'?: string;
      contexts?: { name?: string }[];
    } | null;
    const names = (doc?.contexts ?? []).map((c) => c.name).filter((n): n is string => typeof n === 'string');
    return { current: doc?.['current-context'], names };
  } catch (err) {
    return { error: `cannot read kubeconfig ${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Running in a Kubernetes pod with a service account (its token mounted, its API server named). */
export const runsInPod = (env: Record<string, string | undefined>): boolean =>
  existsSync(serviceAccountToken) && Boolean(env.KUBERNETES_SERVICE_HOST);

export function chooseCluster(
  opts: StartOptions,
  env: Record<string, string | undefined>,
  inPod = runsInPod(env),
): ClusterChoice | { error: string } {
  if (opts.demo) return { origin: 'embedded', label: `the embedded ${opts.seed} cluster` };
  const file = findKubeconfig(env);
  if (file) {
    const ctx = contextsOf(file);
    if ('error' in ctx) return ctx;
    const context = opts.context ?? ctx.current;
    if (opts.context && !ctx.names.includes(opts.context)) {
      return {
        error: `context '${opts.context}' is not in ${file} (contexts: ${ctx.names.join(', ') || 'none'})`,
      };
    }
    if (!context) return { error: `${file} has no current-context; pass --context NAME` };
    return {
      origin: 'kubeconfig',
      label: `context '${context}' from ${file}`,
      kubeconfigPath: file,
      context,
    };
  }
  if (opts.context) return { error: `--context ${opts.context} given, but no kubeconfig was found` };
  if (inPod) return { origin: 'in-cluster', label: 'the cluster this pod runs in' };
  return { origin: 'embedded', label: 'the embedded demo cluster (no kubeconfig found)' };
}
