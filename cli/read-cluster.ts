// The cluster a reading command (`lbipam export`, `lbipam snapshot`) reads, chosen as `lbipam start`
// chooses it (cli/start-cluster.ts): --kubeconfig/--context, KUBECONFIG or ~/.kube/config, the pod's
// own cluster, else the embedded demo (--demo or --seed S ask for it). The embedded one runs in this
// process only for as long as the command reads it.
import { existsSync } from 'node:fs';
import { chooseCluster, seedLabel } from './start-cluster';
import { allowServerModules } from './server-modules';
import type { Inventory } from '../lib/inventory/types';
import type { ReadOnce } from '../lib/kube/read-once';

export interface ClusterFlags {
  kubeconfig?: string;
  context?: string;
  demo: boolean;
  seed: string;
  timeoutMs: number;
}

export const clusterFlagsUsage = `cluster (as \`lbipam start\` chooses it):
  --kubeconfig PATH   read this kubeconfig (default: KUBECONFIG, then ~/.kube/config)
  --context NAME      its context (default: the current one)
  --demo              the embedded demo cluster (also when no kubeconfig is found)
  --seed S            the embedded cluster with seed demo|empty|scale|overlap|DIR
  --timeout SECONDS   how long to wait for the cluster's first lists (default 30)`;

export const defaultClusterFlags = (): ClusterFlags => ({ demo: false, seed: 'demo', timeoutMs: 30_000 });

/**
 * Takes one cluster flag at args[i] into `flags`; returns how many arguments it used (0: not a
 * cluster flag) or an error.
 */
function takeClusterFlag(args: string[], i: number, flags: ClusterFlags): number | { error: string } {
  const arg = args[i];
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  const name = eq > 0 ? arg.slice(0, eq) : arg;
  const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
  if (name === '--demo') {
    flags.demo = true;
    return 1;
  }
  if (!['--kubeconfig', '--context', '--seed', '--timeout'].includes(name)) return 0;
  const value = inline ?? args[i + 1];
  if (value === undefined || value === '') return { error: `${name} needs a value` };
  if (name === '--kubeconfig') flags.kubeconfig = value;
  else if (name === '--context') flags.context = value;
  else if (name === '--seed') {
    flags.seed = value;
    flags.demo = true;
  } else {
    if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
      return { error: `--timeout needs a whole number of seconds, got '${value}'` };
    flags.timeoutMs = Number(value) * 1000;
  }
  return inline === undefined ? 2 : 1;
}

/**
 * Parses a reading command's arguments: the cluster flags into `cluster`, every other `--name VALUE`
 * (or `--name=VALUE`) of `own` handed to `take`, which returns an error or null.
 */
export function parseCommandArgs(
  args: string[],
  cluster: ClusterFlags,
  own: readonly string[],
  take: (name: string, value: string) => string | null,
): { error: string } | 'help' | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-h' || arg === '--help') return 'help';
    const used = takeClusterFlag(args, i, cluster);
    if (typeof used !== 'number') return used;
    if (used > 0) {
      i += used - 1;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!own.includes(name)) return { error: `unknown option '${arg}'` };
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '') return { error: `${name} needs a value` };
    const error = take(name, value);
    if (error) return { error };
  }
  return null;
}

export type ReadResult = ({ ok: true; label: string } & ReadOnce) | { ok: false; error: string };

/** Reads the chosen cluster once; every watch and any embedded cluster are stopped before it returns. */
export async function readChosenCluster(
  flags: ClusterFlags,
  env: Record<string, string | undefined>,
): Promise<ReadResult> {
  if (flags.demo && (flags.kubeconfig || flags.context))
    return { ok: false, error: '--demo/--seed and --kubeconfig/--context exclude each other' };
  if (flags.kubeconfig && !existsSync(flags.kubeconfig))
    return { ok: false, error: `kubeconfig ${flags.kubeconfig} does not exist` };
  const choice = chooseCluster(
    { port: 0, host: '127.0.0.1', dev: false, demo: flags.demo, seed: flags.seed, context: flags.context },
    flags.kubeconfig ? { ...env, KUBECONFIG: flags.kubeconfig } : env,
  );
  if ('error' in choice) return { ok: false, error: choice.error };
  allowServerModules();
  const { readInventoryOnce } = await import('../lib/kube/read-once');
  const base = { LBIPAM_CILIUM_VERSION: env.LBIPAM_CILIUM_VERSION, LBIPAM_ALLOW_WRITES: undefined };
  if (choice.origin !== 'embedded') {
    const kubeEnv =
      choice.origin === 'in-cluster'
        ? { ...base, LBIPAM_ORIGIN: 'in-cluster' }
        : {
            ...base,
            LBIPAM_ORIGIN: 'kubeconfig',
            LBIPAM_KUBECONFIG: choice.kubeconfigPath,
            LBIPAM_CONTEXT: choice.context,
          };
    return attempt(choice.label, () => readInventoryOnce(kubeEnv, flags.timeoutMs));
  }
  const { startEmbeddedCluster } = await import('../lib/sim/embedded');
  let cluster;
  try {
    cluster = await startEmbeddedCluster({ seed: flags.seed });
  } catch (err) {
    return { ok: false, error: `the embedded cluster did not start: ${message(err)}` };
  }
  try {
    const kubeEnv = {
      ...base,
      LBIPAM_ORIGIN: 'embedded',
      LBIPAM_KUBECONFIG: cluster.kubeconfigPath,
      LBIPAM_SEED: seedLabel(flags.seed),
    };
    return await attempt(choice.label, () => readInventoryOnce(kubeEnv, flags.timeoutMs));
  } finally {
    await cluster.stop();
  }
}

async function attempt(label: string, read: () => Promise<ReadOnce>): Promise<ReadResult> {
  try {
    return { ok: true, label, ...(await read()) };
  } catch (err) {
    return { ok: false, error: `cannot read ${label}: ${message(err)}` };
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Pool names for "no pool named X (pools: …)". */
export const poolNames = (inv: Inventory) => inv.pools.map((p) => p.name).join(', ') || 'none';
