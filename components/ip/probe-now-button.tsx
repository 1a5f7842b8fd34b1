'use client';

import { useProbeNow } from '@/lib/queries/probe-now';
import { useCollection } from '@/lib/queries/use-inventory';
import { useShareMode } from '../shell/share-mode';
import { Button } from '../ui/button';

/**
 * Asks the LAN about one address now. The new probe reaches the verdict and the history through
 * the stream; the button itself says only that it asked, or the server's refusal (a rate limit, an
 * address that is not a pool's). A shared view sends nothing, so it has no button.
 */
export function ProbeNowButton({ ip }: { ip: string }) {
  const probers = useCollection('probers');
  const probe = useProbeNow();
  const shared = useShareMode() !== null;
  if (shared) return null;
  const none = (probers.data ?? []).length === 0;
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        data-testid="probe-now"
        disabled={none || probe.isPending}
        title={
          none
            ? 'No ARP prober runs: start one with LBIPAM_PROBE=1 (privileged) or list agents in LBIPAM_AGENTS'
            : `Send ARP/NDP for ${ip} now (at most once every 5 s per address)`
        }
        onClick={() => probe.mutate(ip)}
      >
        {probe.isPending ? 'Probing…' : 'Probe now'}
      </Button>
      <span role="status" data-testid="probe-now-status" className="text-[11px]">
        {probe.isError ? (
          <span className="text-rose-700">{probe.error.message}</span>
        ) : probe.isSuccess && probe.variables === ip ? (
          <span className="text-zinc-500">
            asked at {new Date(probe.data.record.at).toISOString().slice(11, 19)} UTC
          </span>
        ) : null}
      </span>
    </span>
  );
}
