import 'server-only';
import { snapshotFileName, takeSnapshot } from '@/lib/inventory/snapshot';
import { snapshotHistoryOf } from '@/lib/kube/history-reads';
import { jsonError } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';
import type { SnapshotSource } from '@/lib/kube/snapshot-source';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The whole state as one JSON file (lib/inventory/snapshot): the objects now, their time, the cluster, the inventory built of them. */
export async function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  if (!(await rt.feed.ready(3_000))) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  let frozen;
  try {
    frozen = rt.feed.freeze();
  } catch (err) {
    return jsonError(
      500,
      `the snapshot could not be built: ${err instanceof Error ? err.message : String(err)}`,
      {
        code: 'internal',
      },
    );
  }
  if (!frozen) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  const snapshot = takeSnapshot(frozen.input, frozen.inventory, {
    // A snapshot served as a dashboard has no probers: its file's evidence is passed on.
    evidence: rt.probes
      ? rt.probes.evidence()
      : ((rt.watch as Partial<SnapshotSource>).snapshot?.evidence ?? null),
    history: await snapshotHistoryOf(rt.history, rt.watch.info.name),
  });
  return new Response(JSON.stringify(snapshot), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${snapshotFileName(snapshot)}"`,
      'cache-control': 'no-store',
    },
  });
}
