import 'server-only';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * Who is signed in, as the dashboard's gate passed it on (cli/start-auth.ts sets the header and
 * drops any a client sent), and the auth mode: what the header shows beside "Share".
 */
export function GET(request: Request) {
  const raw = request.headers.get('x-lbipam-user');
  let user: string | null = null;
  try {
    user = raw ? decodeURIComponent(raw) : null;
  } catch {
    user = null;
  }
  const mode = process.env.LBIPAM_AUTH ?? 'none';
  return Response.json(
    { mode, user: mode === 'none' ? null : user },
    { headers: { 'cache-control': 'no-store' } },
  );
}
