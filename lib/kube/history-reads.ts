import 'server-only';
import { z } from 'zod';
import { canonicalAddr, isValidAddr } from '../net';
import {
  CHANGE_KIND_NAMES,
  isChangeKind,
  type ChangeKind,
  type HistoryStatus,
} from '../inventory/view/history-wire';
import type { HistoryService } from '../history/service';
import type { HistoryQuery } from '../history/store';
import type { SnapshotHistory } from '../inventory/snapshot';
import { jsonError } from './api-responses';

// What GET /api/history and its neighbours share: the query parameters (validated, naming the one
// that is wrong) and the answer when history is not there (503 with the status the header shows).

const isoTime = (name: string) =>
  z
    .string()
    .refine(
      (v) => Number.isFinite(Date.parse(v)),
      `expected an ISO 8601 time for ${name}, such as 2026-01-10T12:00:00Z`,
    )
    .transform((v) => new Date(Date.parse(v)).toISOString());

export const historyQuerySchema = z
  .object({
    ip: z
      .string()
      .max(64)
      .refine(isValidAddr, 'expected an IPv4 or IPv6 address')
      .transform(canonicalAddr)
      .optional(),
    pool: z.string().min(1, 'expected a pool name').max(253).optional(),
    namespace: z.string().min(1, 'expected a namespace').max(63).optional(),
    kind: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .refine((ks) => ks.every(isChangeKind), `expected kinds from: ${CHANGE_KIND_NAMES.join(', ')}`)
      .transform((ks) => ks as ChangeKind[])
      .optional(),
    since: isoTime('since').optional(),
    until: isoTime('until').optional(),
    cursor: z
      .string()
      .regex(/^\d{1,16}\.\d{1,18}$/, 'expected the next value of a previous page')
      .optional(),
    limit: z.coerce
      .number({ error: 'expected a number' })
      .int('expected a whole number')
      .min(1, 'expected at least 1')
      .max(1_000, 'expected at most 1000')
      .default(100),
    /** The inventory version the browser saw: answer once it is recorded (bounded wait). */
    version: z
      .string()
      .regex(/^\d{1,16}$/, 'expected an inventory version')
      .transform(Number)
      .optional(),
    format: z.enum(['csv', 'json'], { error: 'expected csv or json' }).optional(),
    download: z.enum(['1', 'true']).optional(),
  })
  .refine((q) => !q.since || !q.until || q.since <= q.until, {
    message: 'since is after until',
    path: ['since'],
  });

export type HistoryParams = z.infer<typeof historyQuerySchema>;

export const toStoreQuery = (cluster: string, p: HistoryParams, limit = p.limit): HistoryQuery => ({
  cluster,
  ip: p.ip,
  pool: p.pool,
  namespace: p.namespace,
  kinds: p.kind,
  since: p.since,
  until: p.until,
  cursor: p.cursor ?? null,
  limit,
});

const SNAPSHOT_STATUS: HistoryStatus = {
  state: 'snapshot',
  store: 'none',
  message: 'a snapshot is open: the history it carries is shown where it has one',
  since: new Date(0).toISOString(),
  retentionDays: 0,
};

export const historyStatusOf = (h: HistoryService | null): HistoryStatus => h?.status() ?? SNAPSHOT_STATUS;

/** 503 saying why history cannot answer (the dashboard works on without it). */
export function historyUnavailable(h: HistoryService | null): Response {
  const status = historyStatusOf(h);
  return jsonError(503, `history is not available: ${status.message ?? status.state}`, {
    code: 'history',
    status,
  });
}

/** Runs a read; a failure marks the database lost (it reconnects) and answers 503. */
export async function readHistory<T>(
  h: HistoryService | null,
  read: (h: HistoryService) => Promise<T>,
  version?: number,
): Promise<T | Response> {
  if (!h?.store()) return historyUnavailable(h);
  try {
    if (version !== undefined) await h.recorder.caughtUp(version, 2_000);
    return await read(h);
  } catch (err) {
    h.lost(err);
    return historyUnavailable(h);
  }
}

/** What a snapshot carries of history: the last 30 days, at most 50,000 changes (none without a database). */
export async function snapshotHistoryOf(
  h: HistoryService | null,
  cluster: string,
  now = Date.now(),
): Promise<SnapshotHistory | undefined> {
  const store = h?.store();
  if (!h || !store) return undefined;
  const since = new Date(now - 30 * 86_400_000).toISOString();
  try {
    const out = await store.query({ cluster, since, limit: 50_000 });
    return { since, truncated: out.next !== null, changes: out.changes.map(({ id: _id, ...c }) => c) };
  } catch (err) {
    h.lost(err);
    return undefined;
  }
}
