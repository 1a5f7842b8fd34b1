import 'server-only';
import { jsonError } from '@/lib/kube/api-responses';
import { historyStatusOf } from '@/lib/kube/history-reads';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Whether history is recorded, read, or unavailable and why (the header shows it). */
export function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  return Response.json(historyStatusOf(rt.history), { headers: { 'cache-control': 'no-store' } });
}
