'use client';

import { usePathname } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useMintShareLink } from '@/lib/queries/share-links';
import { Button } from '../ui/button';
import { copyText } from '../ui/copy-text';
import { leaveSharedView } from '../shell/share-mode';
import { shareLink, type ShareKind } from '../shell/share-link';

/**
 * "Share": the link to exactly this view, read-only (or for an iframe), copied at once and shown
 * selectable in case the browser would not let it be copied.
 */
/** Only an allocation table can be shared by a signed link (it opens nothing else). */
const signable = (pathname: string) => pathname === '/addresses' || /^\/pools\/[^/]+$/.test(pathname);
const WEEK = 7 * 24 * 3600;

const WHAT: Record<ShareKind | 'signed', string> = {
  share:
    'A read-only link to this view: the same filters, sort and address, with no control that changes anything.',
  embed: 'The same view without the navigation, for an <iframe> in a wiki or a README viewer.',
  signed:
    'A signed link to this table alone, read-only, that works for 7 days without signing in; a new secret (LBIPAM_SHARE_SECRET) revokes it.',
};

export function ShareButton({ shared }: { shared: boolean }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ShareKind | 'signed'>('share');
  const mint = useMintShareLink();
  const pathname = usePathname();
  const [copied, setCopied] = useState<boolean | null>(null);
  const [link, setLink] = useState('');
  const field = useRef<HTMLInputElement>(null);

  const offer = async (k: ShareKind | 'signed', l: string) => {
    setKind(k);
    setLink(l);
    setOpen(true);
    setCopied(await copyText(l));
  };
  const show = (k: ShareKind) => offer(k, shareLink(window.location.href, k));
  const sign = () => {
    setCopied(null);
    mint.mutate(
      { view: `${window.location.pathname}${window.location.search}`, ttlSeconds: WEEK },
      { onSuccess: (m) => void offer('signed', new URL(m.url, window.location.origin).toString()) },
    );
  };
  useEffect(() => {
    if (open) field.current?.select();
  }, [open, link]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="relative">
      <Button
        onClick={() => (open ? setOpen(false) : void show('share'))}
        aria-expanded={open}
        aria-haspopup="dialog"
      >
        Share
      </Button>
      {open ? (
        <div
          role="dialog"
          aria-label="Share this view"
          data-testid="share-dialog"
          className="absolute right-0 z-20 mt-1 flex w-96 max-w-[90vw] flex-col gap-2 rounded-md border border-zinc-200 bg-white p-3 text-xs shadow-lg"
        >
          <p className="text-zinc-700">{WHAT[kind]}</p>
          <input
            ref={field}
            readOnly
            aria-label="Link to this view"
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded border border-zinc-300 px-2 py-1 font-mono text-[11px]"
          />
          {mint.error && kind !== 'signed' ? (
            <p role="alert" data-testid="share-sign-error" className="text-rose-700">
              {mint.error.message}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <span data-testid="share-copied" role="status" className="text-zinc-600">
              {copied === null ? '' : copied ? 'Copied to the clipboard.' : 'Select the link and copy it.'}
            </span>
            <span className="ml-auto flex gap-1">
              <Button variant="ghost" aria-pressed={kind === 'share'} onClick={() => void show('share')}>
                Link
              </Button>
              <Button variant="ghost" aria-pressed={kind === 'embed'} onClick={() => void show('embed')}>
                For an iframe
              </Button>
              {signable(pathname) ? (
                <Button
                  variant="ghost"
                  aria-pressed={kind === 'signed'}
                  disabled={mint.isPending}
                  title="A link that opens this table alone, read-only, for a week, without signing in"
                  onClick={sign}
                >
                  Signed, 7 days
                </Button>
              ) : null}
              {shared ? (
                <Button variant="ghost" onClick={leaveSharedView}>
                  Leave shared view
                </Button>
              ) : null}
            </span>
          </div>
        </div>
      ) : null}
    </div>
  );
}
