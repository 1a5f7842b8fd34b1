import 'server-only';
import { diffSnapshots } from '@/lib/inventory/view/snapshot-diff';
import type { CompareSnapshotsResponse } from '@/lib/inventory/view/snapshot-wire';
import { openUploads } from '@/lib/kube/snapshot-upload';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Two uploaded snapshots (form fields `before`, `after`) and what changed between them. */
export async function POST(request: Request) {
  const up = await openUploads(request, ['before', 'after']);
  if (!up.ok) return up.response;
  const [before, after] = up.opened;
  const body: CompareSnapshotsResponse = { before, after, diff: diffSnapshots(before, after) };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
