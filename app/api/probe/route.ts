import 'server-only';
import { z } from 'zod';
import { jsonError, readCapped } from '@/lib/kube/api-responses';
import { getKubeRuntime } from '@/lib/kube/runtime';
import { refusalStatus } from '@/lib/probe/probe-now-limit';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const body = z.strictObject({ ip: z.string().min(1).max(64) });

/**
 * "Probe now" on one address: the embedded prober, an agent, or the demo's simulated segment asks
 * the LAN once, and the new evidence reaches every screen through the stream. Pool addresses only,
 * rate-limited per address and overall (lib/probe/probe-now-limit.ts); anything else is refused
 * with the reason.
 */
export async function POST(request: Request) {
  const text = await readCapped(request, 4096);
  if (text === null) return jsonError(413, 'the request is larger than 4 KiB', { code: 'too-large' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return jsonError(400, 'expected a JSON body: {"ip": "192.0.2.10"}', { code: 'bad-json' });
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return jsonError(400, `${String(issue?.path[0] ?? 'body')}: ${issue?.message ?? 'bad value'}`, {
      parameter: String(issue?.path[0] ?? 'body'),
    });
  }
  const rt = getKubeRuntime();
  if (!rt.ok) return jsonError(503, `cannot read the cluster: ${rt.error}`, { code: 'kubeconfig' });
  if (!rt.probes)
    return jsonError(409, 'this dashboard shows a snapshot: there is no LAN to probe', { code: 'snapshot' });
  try {
    const record = await rt.probes.probeNow(parsed.data.ip);
    return Response.json({ record }, { headers: { 'cache-control': 'no-store' } });
  } catch (err) {
    // Refusals (scope, rate limit, no prober) from this process or an agent, with their status.
    const status = refusalStatus(err);
    if (status !== null)
      return jsonError(status, (err as Error).message, { code: status === 502 ? 'agent' : 'refused' });
    console.error('probe now failed:', err);
    return jsonError(502, `the probe failed: ${err instanceof Error ? err.message : String(err)}`, {
      code: 'probe-failed',
    });
  }
}
