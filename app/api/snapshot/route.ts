import 'server-only';
import { snapshotFileName, takeSnapshot } from '@/lib/inventory/snapshot';
import { jsonError } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The whole state shown now as one JSON file (lib/inventory/snapshot): objects, time, cluster, inventory. */
export async function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  const input = rt.feed.currentInput();
  if (!inventory || !input) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  const snapshot = takeSnapshot(input, inventory);
  return new Response(JSON.stringify(snapshot), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${snapshotFileName(snapshot)}"`,
      'cache-control': 'no-store',
    },
  });
}
