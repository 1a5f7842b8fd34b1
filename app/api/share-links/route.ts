import 'server-only';
import { z } from 'zod';
import { jsonError } from '@/lib/kube/api-responses';
import { MAX_TTL_SECONDS, shareSecret, signableView, signShareLink } from '@/lib/kube/share-links';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const body = z.strictObject({
  view: z.string().min(1).max(2000),
  /** How long the link works; 7 days unless said. */
  ttlSeconds: z.number().int().min(1).max(MAX_TTL_SECONDS).optional(),
});

/**
 * Mints a signed link to a read-only allocation view. Who may mint is who may use the dashboard:
 * with sign-in (the production issue) that is an operator; without it the dashboard is open anyway.
 */
export async function POST(request: Request) {
  const config = shareSecret();
  if (config === null)
    return jsonError(
      409,
      'signed links are off: set LBIPAM_SHARE_SECRET (32 characters or more) on the dashboard',
      {
        code: 'share-links-off',
      },
    );
  if (!config.ok) return jsonError(409, config.error, { code: 'share-links-off' });
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return jsonError(400, 'expected JSON: {"view": "/addresses?pool=…", "ttlSeconds": 604800}', {
      code: 'bad-json',
    });
  }
  const parsed = body.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const parameter = String(issue?.path[0] ?? 'body');
    return jsonError(400, `${parameter}: ${issue?.message ?? 'bad value'}`, { parameter });
  }
  const view = signableView(parsed.data.view);
  if (!view.ok) return jsonError(400, view.error, { parameter: 'view' });
  const expiresAt = Date.now() + (parsed.data.ttlSeconds ?? 7 * 24 * 3600) * 1000;
  const token = signShareLink(view.view, expiresAt, config.secret);
  return Response.json(
    { url: `/s/${token}`, view: view.view, expiresAt: new Date(expiresAt).toISOString() },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}
