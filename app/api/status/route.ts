import 'server-only';
import { jsonError } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Which cluster, and how each source is doing; answers at once, even before the first sync. */
export function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = rt.feed.current();
  return Response.json(
    {
      cluster: rt.watch.info,
      sources: rt.watch.statuses(),
      version: inventory?.version ?? null,
      ready: inventory !== null,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
