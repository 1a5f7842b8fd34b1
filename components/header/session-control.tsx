'use client';

import { useQuery } from '@tanstack/react-query';
import { post } from '@/lib/queries/post';
import { Button } from '../ui/button';

/** Who is signed in, and (token mode) the way out; nothing in `none` mode or a shared view. */
export function SessionControl() {
  const session = useQuery({
    queryKey: ['session'],
    queryFn: async () =>
      (await (await fetch('/api/session', { headers: { accept: 'application/json' } })).json()) as {
        mode: string;
        user: string | null;
      },
    staleTime: Infinity,
    retry: false,
  });
  const s = session.data;
  if (!s?.user) return null;
  return (
    <span data-testid="session" className="flex items-center gap-1.5 text-xs text-zinc-600">
      <span title={`signed in (auth.mode ${s.mode})`}>{s.user}</span>
      {s.mode === 'token' ? (
        <Button
          variant="ghost"
          data-testid="sign-out"
          // /sign-in is served by the dashboard's gate (lib/auth), not by Next: a full page load.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          onClick={() => void post('/sign-out', {}).finally(() => window.location.assign('/sign-in'))}
        >
          Sign out
        </Button>
      ) : null}
    </span>
  );
}
