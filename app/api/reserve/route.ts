import 'server-only';
import { checkNow } from '@/lib/kube/reserve';
import { handleReserve } from '@/lib/kube/reserve-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The reserve form checked: its YAML, parsed back, and what Cilium would do with it now. Writes nothing. */
export function POST(request: Request) {
  return handleReserve(request, 'check this reservation', ({ input, watch, inventory }) =>
    Response.json(
      { version: inventory.version, check: checkNow(watch.state(), input, inventory) },
      { headers: { 'cache-control': 'no-store' } },
    ),
  );
}
