import 'server-only';
import { z } from 'zod';
import { jsonError, parseQuery, versionParam } from '@/lib/kube/api-responses';
import { createInventoryEventStream } from '@/lib/kube/event-stream';
import { getKubeRuntime } from '@/lib/kube/runtime';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const query = z.object({ since: versionParam.optional() });
const lastEventId = z
  .string()
  .regex(/^\d{1,16}$/)
  .transform(Number);

export function GET(request: Request) {
  const parsed = parseQuery(request.url, query);
  if (!parsed.ok) return parsed.response;
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  // EventSource resends the last id it saw after a reconnect; a garbled one just means "send a snapshot".
  const header = lastEventId.safeParse(request.headers.get('last-event-id') ?? '');
  const since = header.success ? header.data : parsed.data.since;
  const body = createInventoryEventStream(rt.feed, { since, signal: request.signal });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
