'use client';

import { createContext, useContext } from 'react';
import { ARP_LABELS, type ArpTone } from '@/lib/inventory/view/arp-labels';
import type { ArpVerdict } from '@/lib/inventory/types';
import { elapsed } from '@/lib/queries/connection';
import { Badge, type Tone } from '../ui/badge';
import { useNow } from '../ui/use-now';

/** The probers' verdicts by address, for the ARP column (null: not loaded, or none published). */
export const ArpVerdicts = createContext<ReadonlyMap<string, ArpVerdict> | null>(null);

const TONE: Record<ArpTone, Tone> = { good: 'green', bad: 'red', warn: 'amber', quiet: 'neutral' };

/** One address's ARP verdict: a word, its tone, and the evidence and its age on hover. */
export function ArpCell({ ip }: { ip: string }) {
  const verdicts = useContext(ArpVerdicts);
  // The age on hover, as of when the cell appeared (no ticking per cell).
  const now = useNow(false);
  const v = verdicts?.get(ip);
  if (!v || v.verdict === 'not-probed' || v.verdict === 'quiet')
    return (
      <span className="text-zinc-300" title={v?.detail ?? 'not probed'}>
        —
      </span>
    );
  const { label, tone } = ARP_LABELS[v.verdict];
  const age = v.at !== null ? ` (probed ${elapsed(now - v.at)} ago${v.simulated ? ', simulated' : ''})` : '';
  return (
    <span data-testid="arp-verdict" data-verdict={v.verdict}>
      <Badge tone={TONE[tone]} title={`${v.detail}${age}`}>
        {label}
        {v.simulated ? <span className="font-normal opacity-60">sim</span> : null}
      </Badge>
    </span>
  );
}
