'use client';

import { useSearchParams } from 'next/navigation';
import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { sharedKind, type ShareKind } from './share-link';

// Whether this tab shows a shared view. A link asks for it (?share=1, ?embed=1); the tab then keeps
// it for its life (sessionStorage), so following a link inside the view — an address, a pool —
// stays read-only although that link does not carry the marker.

const KEY = 'lbipam.shared-view';
const ShareContext = createContext<ShareKind | null>(null);

/** null: the full dashboard; 'share': read-only, no write control; 'embed': also no navigation. */
export const useShareMode = (): ShareKind | null => useContext(ShareContext);

function stored(): ShareKind | null {
  try {
    const v = window.sessionStorage.getItem(KEY);
    return v === 'share' || v === 'embed' ? v : null;
  } catch {
    return null; // storage disabled (a sandboxed iframe): the marker in the URL still counts
  }
}
const noSubscription = () => () => {};

/** `force`: a page that is a shared view whatever its URL says (a signed link). */
export function ShareModeProvider({ children, force }: { children: ReactNode; force?: ShareKind }) {
  const fromUrl = sharedKind(useSearchParams());
  const asked = force ?? fromUrl;
  const kept = useSyncExternalStore(noSubscription, stored, () => null);
  useEffect(() => {
    // A forced view is that page's alone: the tab is not marked by it.
    if (!asked || force) return;
    try {
      window.sessionStorage.setItem(KEY, asked);
    } catch {
      // see stored()
    }
  }, [asked, force]);
  return <ShareContext.Provider value={asked ?? kept}>{children}</ShareContext.Provider>;
}

/** Back to the full dashboard in this tab (the sender's own tab, after trying the link). */
export function leaveSharedView(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
  const url = new URL(window.location.href);
  url.searchParams.delete('share');
  url.searchParams.delete('embed');
  window.location.assign(url.toString());
}
