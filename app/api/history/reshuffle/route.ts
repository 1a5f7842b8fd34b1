import 'server-only';
import { reshuffleAlert } from '@/lib/inventory/view/reshuffle';
import { jsonError } from '@/lib/kube/api-responses';
import { historyStatusOf, readHistory } from '@/lib/kube/history-reads';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The last hour's address changes as the reshuffle alert (null when no Service changed address). */
export async function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const now = rt.clock().getTime();
  const since = new Date(now - 3_600_000).toISOString();
  const out = await readHistory(rt.history, (h) =>
    h.store()!.query({
      cluster: rt.watch.info.name,
      since,
      kinds: [
        'address.allocated',
        'address.released',
        'address.moved',
        'service.created',
        'service.deleted',
        'pool.created',
        'pool.edited',
        'pool.deleted',
        'cilium.version',
      ],
      limit: 50_000,
    }),
  );
  if (out instanceof Response) return out;
  return Response.json(
    { alert: reshuffleAlert(out.changes, now), status: historyStatusOf(rt.history) },
    { headers: { 'cache-control': 'no-store' } },
  );
}
