import 'server-only';
import { z } from 'zod';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({
  offset: z
    .string()
    .regex(/^\d{1,9}$/, 'expected a non-negative integer')
    .transform(Number)
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'expected an integer from 1 to 1000')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 1000, 'expected an integer from 1 to 1000')
    .optional(),
});

/** One alert group and a page of its members (a group of 9,900 is listed on demand, not shipped). */
export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  const { id } = await ctx.params;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  const group = inventory.alerts.find((g) => g.id === id);
  const members = rt.feed.groupMembers(id);
  if (!group || !members)
    return jsonError(404, `no alert group '${id}' (it may have cleared)`, { code: 'not-found' });
  const offset = parsed.data.offset ?? 0;
  const limit = parsed.data.limit ?? 200;
  return Response.json(
    {
      version: inventory.version,
      group,
      total: members.length,
      offset,
      members: members.slice(offset, offset + limit),
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
