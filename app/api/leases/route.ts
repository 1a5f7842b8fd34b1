import 'server-only';
import { z } from 'zod';
import { jsonError, parseQuery } from '@/lib/kube/api-responses';
import { nodeLeases } from '@/lib/kube/node-leases';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// A node name is a DNS subdomain (RFC 1123): lower-case letters, digits, '-' and '.'.
const nodeName = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const query = z.object({
  holder: z
    .string({ error: 'expected holder=<node name>' })
    .min(1, 'expected holder=<node name>')
    .max(253, 'expected a node name of at most 253 characters')
    .regex(nodeName, "expected a node name: lower-case letters, digits, '-' and '.'"),
});

/** The L2 announcement leases one node holds, with their renewTime (not carried by the inventory). */
export async function GET(request: Request) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  return Response.json(nodeLeases(inventory, rt.watch.state(), parsed.data.holder, rt.clock()), {
    headers: { 'cache-control': 'no-store' },
  });
}
