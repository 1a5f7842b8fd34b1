import 'server-only';
import { jsonError } from '@/lib/kube/api-responses';
import { loadIpPlan } from '@/lib/kube/dashboard-config';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The IP plan of the dashboard's config file (the demo's convention on the embedded demo). */
export function GET() {
  try {
    return Response.json({ plan: loadIpPlan() }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    return jsonError(
      500,
      `the IP plan could not be read: ${err instanceof Error ? err.message : String(err)}`,
      {
        code: 'config',
      },
    );
  }
}
