import 'server-only';
import { checkNow, dryRunReservation } from '@/lib/kube/reserve';
import { handleReserve } from '@/lib/kube/reserve-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * The reservation sent to the connected cluster with dryRun=All: the API server's own answer
 * (validation, admission webhooks) without storing anything, so it answers in read-only mode too.
 */
export function POST(request: Request) {
  return handleReserve(request, 'dry-run this reservation', async ({ input, watch, inventory }) =>
    Response.json(
      {
        version: inventory.version,
        check: checkNow(watch.state(), input, inventory),
        dryRun: await dryRunReservation(watch.kc, input),
      },
      { headers: { 'cache-control': 'no-store' } },
    ),
  );
}
