import 'server-only';
import { z } from 'zod';
import type { ReleasesResponse } from '@/lib/inventory/view/history-wire';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { historyStatusOf, readHistory } from '@/lib/kube/history-reads';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({
  pool: z.string().min(1, 'expected a pool name').max(253).optional(),
  version: z
    .string()
    .regex(/^\d{1,16}$/, 'expected an inventory version')
    .transform(Number)
    .optional(),
});

/** Each address's last release (when, and who held it): the free rows of the table say it. */
export async function GET(request: Request) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const out = await readHistory(
    rt.history,
    (h) => h.store()!.releases(rt.watch.info.name, parsed.data.pool),
    parsed.data.version,
  );
  if (out instanceof Response) return out;
  const body: ReleasesResponse = { releases: out, status: historyStatusOf(rt.history) };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
