import 'server-only';
import path from 'node:path';
import { hostname } from 'node:os';
import { z } from 'zod';

// How history is kept, from the environment (`lbipam start` passes it through): PostgreSQL when
// DATABASE_URL is set, else PGlite in LBIPAM_HISTORY_DIR ("memory" keeps nothing across restarts:
// the embedded demo's default; else .lbipam/history/<cluster> under the working directory).
// LBIPAM_HISTORY_LEASE names the Lease replicas elect their one
// recorder with; without it this process records alone (one replica, nothing written to the cluster).

export interface HistoryConfig {
  enabled: boolean;
  databaseUrl: string | null;
  /** null: in memory. */
  dataDir: string | null;
  retentionDays: number;
  lease: { namespace: string; name: string } | null;
  /** This replica's name in the Lease. */
  identity: string;
}

const schema = z.object({
  LBIPAM_HISTORY: z.enum(['on', 'off']).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// or postgresql:// URL')
    .optional(),
  LBIPAM_HISTORY_DIR: z.string().min(1).optional(),
  LBIPAM_HISTORY_RETENTION_DAYS: z.coerce
    .number({ error: 'expected a number of days' })
    .int('expected a whole number of days')
    .min(1, 'expected at least 1 day')
    .max(36_500, 'expected at most 36500 days')
    .optional(),
  LBIPAM_HISTORY_LEASE: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/,
      'expected <namespace>/<name> of the Lease replicas elect the recorder with',
    )
    .optional(),
  LBIPAM_HISTORY_IDENTITY: z.string().min(1).max(128).optional(),
});

/** A cluster's name as a directory name: its own PGlite per cluster the dashboard is pointed at. */
export const clusterDirName = (cluster: string): string =>
  cluster
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 100) || 'cluster';

export function historyConfig(
  env: Record<string, string | undefined> = process.env,
  cluster = 'cluster',
): HistoryConfig {
  const parsed = schema.safeParse(
    Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] || undefined])),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `invalid ${String(issue?.path[0] ?? 'history setting')}: ${issue?.message ?? 'bad value'}`,
    );
  }
  const e = parsed.data;
  const embedded = env.LBIPAM_ORIGIN === 'embedded';
  const dir =
    e.LBIPAM_HISTORY_DIR ?? (embedded ? 'memory' : path.join('.lbipam', 'history', clusterDirName(cluster)));
  const [namespace, name] = e.LBIPAM_HISTORY_LEASE?.split('/') ?? [];
  return {
    enabled: e.LBIPAM_HISTORY !== 'off',
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: dir === 'memory' ? null : path.resolve(dir),
    retentionDays: e.LBIPAM_HISTORY_RETENTION_DAYS ?? 90,
    lease: namespace && name ? { namespace, name } : null,
    identity: e.LBIPAM_HISTORY_IDENTITY ?? `${hostname()}-${process.pid}`,
  };
}
