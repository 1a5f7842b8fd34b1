import 'server-only';
import { summarizeSources } from '@/lib/cilium/source-summary';
import { jsonError } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** How long a request waits for the first sync before answering 503 (never a hang). */
const firstSyncWaitMs = 3_000;

export async function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(firstSyncWaitMs);
  if (!inventory) {
    // No inventory until every required source has listed: never an empty one that says "no pools".
    const sources = rt.watch.statuses();
    return jsonError(503, rt.feed.notReadyReason(), {
      code: 'not-synced',
      sources,
      summary: summarizeSources(sources, rt.watch.info.server),
    });
  }
  return Response.json(inventory, { headers: { 'cache-control': 'no-store' } });
}
