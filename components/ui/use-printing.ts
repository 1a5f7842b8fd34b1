'use client';

import { flushSync } from 'react-dom';
import { useSyncExternalStore } from 'react';

// Whether the page is being printed (the print dialog, "Save as PDF", or print media emulated).
// Virtualised lists render every row while it is true: a printed table must not stop at the rows
// that happened to be on screen.

let printing = false;

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia('print');
  // beforeprint: rendered synchronously, before the browser lays the page out for paper.
  const before = () => {
    printing = true;
    flushSync(onChange);
  };
  const after = () => {
    printing = false;
    onChange();
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  media.addEventListener('change', onChange);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    media.removeEventListener('change', onChange);
  };
}

const snapshot = () => printing || window.matchMedia('print').matches;

export function usePrinting(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
