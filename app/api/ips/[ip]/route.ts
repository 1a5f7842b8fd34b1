import 'server-only';
import { jsonError } from '@/lib/kube/api-responses';
import { readIpDetail } from '@/lib/kube/ip-detail';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { readIpParam } from '@/lib/inventory/view/ip-param';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** One address: its facts, its Services' leases, YAML and Events, and what Cilium would do with it. */
export async function GET(_request: Request, ctx: { params: Promise<{ ip: string }> }) {
  const { ip: raw } = await ctx.params;
  const param = readIpParam(raw);
  if (!param.ok) return jsonError(400, param.error, { code: 'bad-ip', parameter: 'ip' });
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  try {
    const body = await readIpDetail(
      {
        inventory,
        members: (id) => rt.feed.groupMembers(id),
        state: () => rt.watch.state(),
        reads: rt.reads,
        now: rt.clock(),
      },
      param.ip,
      param.family,
    );
    return Response.json(body, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    // A bug, not bad input: say so plainly; the server keeps serving.
    console.error(`GET /api/ips/${param.ip} failed:`, err);
    return jsonError(
      500,
      `the dashboard could not read ${param.ip}: ${err instanceof Error ? err.message : String(err)}`,
      {
        code: 'internal',
      },
    );
  }
}
