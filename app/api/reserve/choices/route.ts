import 'server-only';
import { z } from 'zod';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { loadIpPlan } from '@/lib/kube/dashboard-config';
import { reserveChoices } from '@/lib/kube/reserve';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({
  pool: z.string().min(1, 'expected a pool name').max(253, 'expected a pool name'),
  namespace: z.string().max(63, 'expected a namespace name').optional(),
});

/** The addresses to choose from in one pool: Cilium's next, the IP plan's for the namespace, any free. */
export async function GET(request: Request) {
  const q = parseQuery(request.url, query);
  if (!q.ok) return q.response;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  let plan;
  try {
    plan = loadIpPlan();
  } catch (err) {
    return jsonError(
      500,
      `the IP plan could not be read: ${err instanceof Error ? err.message : String(err)}`,
      {
        code: 'config',
      },
    );
  }
  const choices = reserveChoices(
    inventory.version,
    rt.watch.state(),
    plan,
    q.data.pool,
    q.data.namespace || 'default',
  );
  if (!choices)
    return jsonError(404, `no pool named '${q.data.pool}'`, { code: 'not-found', parameter: 'pool' });
  return Response.json(
    { version: inventory.version, ...choices },
    { headers: { 'cache-control': 'no-store' } },
  );
}
