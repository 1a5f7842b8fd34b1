import 'server-only';
import type { OpenSnapshotResponse } from '@/lib/inventory/view/snapshot-wire';
import { openUploads } from '@/lib/kube/snapshot-upload';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** An uploaded snapshot (form field `file`), checked and rebuilt for the allocation table. */
export async function POST(request: Request) {
  const up = await openUploads(request, ['file']);
  if (!up.ok) return up.response;
  const body: OpenSnapshotResponse = { snapshot: up.opened[0] };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
}
