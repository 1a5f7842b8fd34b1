import 'server-only';
import type { Registry } from 'prom-client';
import { jsonError } from '@/lib/kube/api-responses';
import { metricsRegistry } from '@/lib/kube/metrics';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

// One registry per feed (Next may load this module more than once: the map is global).
const slot = Symbol.for('lbipam.metrics.registries');
type Holder = { [slot]?: WeakMap<object, Registry> };

export async function GET() {
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  const registries = ((globalThis as Holder)[slot] ??= new WeakMap());
  let registry = registries.get(rt.feed);
  if (!registry) registries.set(rt.feed, (registry = metricsRegistry(rt.feed)));
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
