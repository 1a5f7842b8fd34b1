import 'server-only';
import { summarizeSources } from '@/lib/cilium/source-summary';
import { jsonError } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Which cluster, how each source is doing and the one-line summary; answers at once, even before the first sync. */
export function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = rt.feed.current();
  const sources = rt.watch.statuses();
  return Response.json(
    {
      cluster: rt.watch.info,
      sources,
      summary: summarizeSources(sources, rt.watch.info.server),
      version: inventory?.version ?? null,
      ready: inventory !== null,
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
