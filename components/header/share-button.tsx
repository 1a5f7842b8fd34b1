'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/button';
import { copyText } from '../ui/copy-text';
import { leaveSharedView } from '../shell/share-mode';
import { shareLink, type ShareKind } from '../shell/share-link';

/**
 * "Share": the link to exactly this view, read-only (or for an iframe), copied at once and shown
 * selectable in case the browser would not let it be copied.
 */
export function ShareButton({ shared }: { shared: boolean }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ShareKind>('share');
  const [copied, setCopied] = useState<boolean | null>(null);
  const [link, setLink] = useState('');
  const field = useRef<HTMLInputElement>(null);

  const show = async (k: ShareKind) => {
    const l = shareLink(window.location.href, k);
    setKind(k);
    setLink(l);
    setOpen(true);
    setCopied(await copyText(l));
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
          <p className="text-zinc-700">
            A read-only link to this view: the same filters, sort and address, with no control that changes
            anything.
          </p>
          <input
            ref={field}
            readOnly
            aria-label="Link to this view"
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded border border-zinc-300 px-2 py-1 font-mono text-[11px]"
          />
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
