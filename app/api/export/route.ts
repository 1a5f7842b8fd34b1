import 'server-only';
import { z } from 'zod';
import { EXPORT_FORMAT_NAMES, exportAllocations } from '@/lib/inventory/export';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({
  format: z.enum(EXPORT_FORMAT_NAMES, { error: `expected one of ${EXPORT_FORMAT_NAMES.join(', ')}` }),
  pool: z.string().min(1, 'expected a pool name').max(253).optional(),
  /** Present: the browser saves the file instead of showing it. */
  download: z.enum(['1', 'true']).optional(),
});

/** The allocation table as Markdown (the seed page's form), CSV or JSON: one pool, or all of them. */
export async function GET(request: Request) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  const { format, pool = null, download } = parsed.data;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  const file = exportAllocations(inventory, format, {
    cluster: inventory.cluster.name,
    generatedAt: inventory.generatedAt,
    pool,
  });
  if (!file)
    return jsonError(404, `no pool named '${pool}' in this cluster`, {
      code: 'not-found',
      parameter: 'pool',
    });
  return new Response(file.body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `${download ? 'attachment' : 'inline'}; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    },
  });
}
