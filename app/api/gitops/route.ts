import 'server-only';
import { z } from 'zod';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { DEFAULT_ENGINE_OPTIONS } from '@/lib/inventory/build';
import { buildReport } from '@/lib/scan/report';
import { scanConfiguredRepo } from '@/lib/scan/repo-source';
import type { GitopsResponse } from '@/lib/scan/wire';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({ refresh: z.enum(['1', 'true']).optional() }).strict();

/**
 * The configured repository's claims, findings, plan on an empty cluster and drift against the
 * cluster the dashboard watches. The repository is the server's setting; the browser sends no path.
 */
export async function GET(request: Request) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  let repo;
  try {
    repo = await scanConfiguredRepo(parsed.data.refresh !== undefined);
  } catch (err) {
    return jsonError(500, err instanceof Error ? err.message : String(err), { code: 'repo' });
  }
  if (!repo)
    return jsonError(
      404,
      'no repository is configured: start the dashboard with --repo DIR (or LBIPAM_REPO)',
      {
        code: 'no-repo',
      },
    );
  const rt = getKubeRuntime();
  const inventory = rt.ok ? await rt.feed.ready(3_000) : null;
  const live = inventory
    ? inventory.services.map((s) => ({
        namespace: s.namespace,
        name: s.name,
        ips: s.ips,
        gateway: s.gateway,
      }))
    : null;
  const report = buildReport({
    root: repo.name,
    scan: repo.scan,
    excluded: repo.walk.excluded,
    walkErrors: repo.walk.errors,
    walkSkipped: repo.walk.skipped,
    live,
    now: rt.ok ? rt.clock() : new Date(),
    options: DEFAULT_ENGINE_OPTIONS,
  });
  const body: GitopsResponse = {
    report,
    scannedAt: repo.scannedAt,
    durationMs: repo.durationMs,
    cluster: inventory ? inventory.cluster.name : null,
    driftUnavailable: inventory ? null : rt.ok ? rt.feed.notReadyReason() : rt.error,
  };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
