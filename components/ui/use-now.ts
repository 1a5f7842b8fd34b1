'use client';

import { useEffect, useState } from 'react';

/** The current time, re-rendering every `everyMs` while `active` (for "how long it has been"). */
export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, everyMs);
    return () => clearInterval(id);
  }, [active, everyMs]);
  return now;
}
