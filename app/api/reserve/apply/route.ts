import 'server-only';
import { applyReservation } from '@/lib/kube/reserve';
import { handleReserve } from '@/lib/kube/reserve-route';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Creates the reservation — only where writing is enabled (the embedded cluster, or
 * LBIPAM_ALLOW_WRITES=1); otherwise 403 saying so. A lost race for the address is a 409 naming the holder.
 */
export function POST(request: Request) {
  return handleReserve(request, 'apply this reservation', async ({ input, watch, inventory }) => {
    const r = await applyReservation(watch.kc, watch.info, () => watch.state(), input, { lan: inventory });
    const headers = { 'cache-control': 'no-store' };
    if (r.state === 'created') return Response.json(r, { status: 201, headers });
    return Response.json(r, { status: r.status, headers });
  });
}
