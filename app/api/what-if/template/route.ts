import 'server-only';
import { z } from 'zod';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { editableManifest } from '@/lib/what-if/template';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const name = z.string().min(1, 'expected a name').max(253, 'expected at most 253 characters');
const query = z
  .object({ pool: name.optional(), policy: name.optional() })
  .refine((q) => (q.pool === undefined) !== (q.policy === undefined), {
    message: 'give exactly one of pool=NAME or policy=NAME',
    path: ['pool'],
  });

/** A live pool or L2 policy as editable YAML: the starting point of a what-if edit. */
export async function GET(request: Request) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  if (!(await rt.feed.ready(3_000))) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  const state = rt.watch.state();
  const { pool, policy } = parsed.data;
  const found = pool
    ? state.pools.find((p) => p.metadata.name === pool)
    : state.l2Policies.find((p) => p.metadata.name === policy);
  if (!found)
    return jsonError(404, pool ? `no pool named '${pool}'` : `no L2 announcement policy named '${policy}'`, {
      code: 'not-found',
    });
  const object = {
    ...found,
    apiVersion: found.apiVersion ?? (pool ? 'cilium.io/v2' : 'cilium.io/v2alpha1'),
    kind: found.kind ?? (pool ? 'CiliumLoadBalancerIPPool' : 'CiliumL2AnnouncementPolicy'),
  };
  return Response.json({ yaml: editableManifest(object) }, { headers: { 'cache-control': 'no-store' } });
}
