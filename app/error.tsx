'use client';

import { Button } from '@/components/ui/button';

// Unexpected render failures. Production builds hide server messages, so say what we can and
// point at the server log, where the digest leads.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto mt-16 flex max-w-xl flex-col gap-3 px-6">
      <h1 className="text-base font-semibold text-zinc-900">Something broke while drawing the dashboard</h1>
      <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 font-mono text-xs text-rose-900">
        {error.message || 'Unknown error'}
        {error.digest ? (
          <span className="block text-rose-700">digest {error.digest} (see the server log)</span>
        ) : null}
      </p>
      <p className="text-sm text-zinc-600">
        The cluster was not changed. Trying again usually helps after a restart.
      </p>
      <div>
        <Button onClick={reset}>Try again</Button>
      </div>
    </div>
  );
}
