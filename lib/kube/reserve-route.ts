import 'server-only';
import type { Inventory } from '../inventory/types';
import type { ReserveInput } from '../manifests/reserve/types';
import { jsonError, readCapped } from './api-responses';
import { readReserveBody } from './reserve';
import { getKubeRuntime } from './runtime';
import type { ClusterWatch } from './cluster-watch';

// What every POST under /api/reserve does first: a capped JSON body, the form read by the same
// rules as the browser's, and a synced cluster; then the route's own step. A bug answers 500 with
// its message and the server keeps serving.

const MAX_BODY = 64 * 1024;

export interface ReserveContext {
  input: ReserveInput;
  watch: ClusterWatch;
  inventory: Inventory;
}

export async function handleReserve(
  request: Request,
  what: string,
  step: (ctx: ReserveContext) => Promise<Response> | Response,
): Promise<Response> {
  const text = await readCapped(request, MAX_BODY);
  if (text === null) return jsonError(413, 'the form is larger than 64 KiB', { code: 'too-large' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return jsonError(
      400,
      'expected a JSON body: {"form": {"target": "service", "ip": "…", "name": "…", …}}',
      {
        code: 'bad-json',
      },
    );
  }
  const read = readReserveBody(json);
  if (!read.ok)
    return Response.json(read.body, { status: read.status, headers: { 'cache-control': 'no-store' } });
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  // A snapshot has no cluster to check against, dry-run on or write to. (Not instanceof: Next may
  // load ClusterWatch's module once per route bundle; the runtime's watch is from one of them.)
  const watch = rt.watch as ClusterWatch;
  if (!watch.kc)
    return jsonError(409, 'this dashboard shows a snapshot: reserving needs a live cluster', {
      code: 'snapshot',
    });
  const inventory = await rt.feed.ready(3_000);
  if (!inventory) return jsonError(503, rt.feed.notReadyReason(), { code: 'not-synced' });
  try {
    return await step({ input: read.input, watch, inventory });
  } catch (err) {
    console.error(`${what} failed:`, err);
    return jsonError(
      500,
      `the dashboard could not ${what}: ${err instanceof Error ? err.message : String(err)}`,
      {
        code: 'internal',
      },
    );
  }
}
