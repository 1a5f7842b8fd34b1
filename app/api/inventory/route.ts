import 'server-only';
import { summarizeSources } from '@/lib/cilium/source-summary';
import { jsonError } from '@/lib/kube/api-responses';
import { inventoryBody, parseCollections } from '@/lib/kube/inventory-body';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** How long a request waits for the first sync before answering 503 (never a hang). */
const firstSyncWaitMs = 3_000;

/** The inventory's meta and the collections asked for (`?collections=pools,alerts`; default all). */
export async function GET(request: Request) {
  const wanted = parseCollections(new URL(request.url).searchParams.get('collections'));
  if (!wanted.ok) return jsonError(400, wanted.error, { parameter: 'collections' });
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(firstSyncWaitMs);
  const body = inventory ? inventoryBody(rt.feed, wanted.value) : null;
  if (!body) {
    // No inventory until every required source has listed: never an empty one that says "no pools".
    const sources = rt.watch.statuses();
    return jsonError(503, rt.feed.notReadyReason(), {
      code: 'not-synced',
      sources,
      summary: summarizeSources(sources, rt.watch.info.server),
    });
  }
  return new Response(body, {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
