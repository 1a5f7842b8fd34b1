'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { ARP_LABELS, type ArpTone } from '@/lib/inventory/view/arp-labels';
import type { ArpVerdict } from '@/lib/inventory/types';
import { elapsed } from '@/lib/queries/connection';
import { Badge, type Tone } from '../ui/badge';
import { useNow } from '../ui/use-now';

/** The probers' verdicts by address, for the ARP column (null: not loaded, or none published). */
export const ArpVerdicts = createContext<ReadonlyMap<string, ArpVerdict> | null>(null);

const TONE: Record<ArpTone, Tone> = { good: 'green', bad: 'red', warn: 'amber', quiet: 'neutral' };

/** A verdict's word in its tone (the table's ARP column, the IP page's LAN panel). */
export function ArpBadge({
  verdict,
  title,
  children,
}: {
  verdict: ArpVerdict;
  title?: string;
  children?: ReactNode;
}) {
  const { label, tone } = ARP_LABELS[verdict.verdict];
  return (
    <Badge tone={TONE[tone]} title={title}>
      {label}
      {children}
    </Badge>
  );
}

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
  const age = v.at !== null ? ` (probed ${elapsed(now - v.at)} ago${v.simulated ? ', simulated' : ''})` : '';
  return (
    <span data-testid="arp-verdict" data-verdict={v.verdict}>
      <ArpBadge verdict={v} title={`${v.detail}${age}`}>
        {v.simulated ? <span className="font-normal opacity-60">sim</span> : null}
      </ArpBadge>
    </span>
  );
}
