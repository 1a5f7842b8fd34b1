import { formatUtcTime } from '@/lib/inventory/view/format';

export type RefusedReason = 'expired' | 'tampered' | 'malformed' | 'off';

const WORDS: Record<RefusedReason, { title: string; detail: string }> = {
  expired: {
    title: 'This link has expired',
    detail: 'Ask whoever sent it for a new one.',
  },
  tampered: {
    title: 'This link is not valid',
    detail:
      'It was changed after it was made, or the dashboard has been given a new secret since (which revokes every link). Ask whoever sent it for a new one.',
  },
  malformed: {
    title: 'This is not a share link',
    detail: 'The address is incomplete or was not made by this dashboard. Copy the whole link again.',
  },
  off: {
    title: 'Signed links are off on this dashboard',
    detail: 'Its operator has not set LBIPAM_SHARE_SECRET, so no link can be checked.',
  },
};

/** The page a signed link that does not open gets: why, in words, and nothing of the cluster. */
export function LinkRefused({ reason, expiresAt }: { reason: RefusedReason; expiresAt?: string }) {
  const w = WORDS[reason];
  return (
    <main
      data-testid="link-refused"
      data-reason={reason}
      className="mx-auto mt-16 max-w-md rounded-lg border border-zinc-200 bg-white px-6 py-10 text-center"
    >
      <h1 className="text-sm font-semibold text-zinc-900">{w.title}</h1>
      {expiresAt ? (
        <p className="mt-1 text-sm text-zinc-600">
          It worked until <time dateTime={expiresAt}>{formatUtcTime(expiresAt)}</time>.
        </p>
      ) : null}
      <p className="mt-2 text-sm text-zinc-600">{w.detail}</p>
    </main>
  );
}
