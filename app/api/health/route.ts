import 'server-only';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';

/**
 * Liveness: `GET /api/health` answers while the process serves. Readiness:
 * `GET /api/health?ready=1` answers 200 once the inventory is built from the cluster (a replica
 * that cannot read its cluster takes no traffic), else 503 saying what it waits for. Neither needs
 * sign-in (kubelet probes carry no credentials) and neither tells more than that.
 */
export function GET(request: Request) {
  if (!new URL(request.url).searchParams.has('ready')) return Response.json({ ok: true });
  const rt = getKubeRuntime();
  if (!rt.ok) return Response.json({ ok: false, reason: 'the cluster cannot be read' }, { status: 503 });
  const inv = rt.feed.current();
  if (!inv) return Response.json({ ok: false, reason: 'the inventory is not built yet' }, { status: 503 });
  return Response.json({ ok: true, version: inv.version });
}
