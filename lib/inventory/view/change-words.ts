import type { AddressHeld, Change, PoolState, ServiceStatusState } from './history-wire';
import { CHANGE_KINDS } from './history-wire';

// One change in words, written once for the IP page, the Changes screen and the CSV export:
// "192.168.0.229 moved from media/jellyfin to web/blog". Engine-free (it runs in the browser).

const holders = (v: unknown): string => {
  const h = (v as AddressHeld | null)?.holders ?? [];
  return h.length ? h.join(', ') : 'nobody';
};

const poolDiff = (b: PoolState | null, a: PoolState | null): string => {
  if (!b || !a) return '';
  const parts: string[] = [];
  if (b.blocks.join() !== a.blocks.join())
    parts.push(`blocks ${b.blocks.join(', ') || 'none'} → ${a.blocks.join(', ') || 'none'}`);
  if (b.serviceSelector !== a.serviceSelector)
    parts.push(`selector ${b.serviceSelector} → ${a.serviceSelector}`);
  if (b.disabled !== a.disabled) parts.push(a.disabled ? 'disabled' : 'enabled');
  return parts.join('; ');
};

const status = (v: ServiceStatusState | null): string =>
  !v ? '' : [v.reason, v.message].filter(Boolean).join(': ') || (v.satisfied ? 'satisfied' : 'pending');

/** The change as one sentence. */
export function changeText(c: Change): string {
  switch (c.kind) {
    case 'address.allocated':
      return `${c.subject} allocated to ${holders(c.after)}`;
    case 'address.released':
      return `${c.subject} released by ${holders(c.before)}`;
    case 'address.moved': {
      const b = c.before as AddressHeld;
      const a = c.after as AddressHeld;
      if (b.holders.join() === a.holders.join())
        return `${c.subject} now in pool ${a.pool || 'none'} (was ${b.pool || 'none'})`;
      return `${c.subject} moved from ${holders(b)} to ${holders(a)}`;
    }
    case 'announcement.moved': {
      const b = (c.before as AddressHeld | null)?.node ?? null;
      const a = (c.after as AddressHeld | null)?.node ?? null;
      if (!b) return `${c.subject} announced by ${a ?? 'no node'}`;
      if (!a) return `${c.subject} no longer announced (was ${b})`;
      return `${c.subject} announcement moved from ${b} to ${a}`;
    }
    case 'service.created':
    case 'service.deleted':
      return `${c.subject}: ${CHANGE_KINDS[c.kind].word}`;
    case 'service.pending':
      return `${c.subject} pending: ${status(c.after as ServiceStatusState)}`;
    case 'service.satisfied':
      return `${c.subject} satisfied`;
    case 'service.unhandled':
      return `${c.subject} no longer handled by LB-IPAM`;
    case 'pool.created':
      return `pool ${c.subject} created: ${(c.after as PoolState).blocks.join(', ') || 'no blocks'}`;
    case 'pool.deleted':
      return `pool ${c.subject} deleted`;
    case 'pool.edited':
      return `pool ${c.subject} edited: ${poolDiff(c.before as PoolState, c.after as PoolState)}`;
    case 'conflict.raised':
      return `pool ${c.subject} conflicts: ${String(c.after)}`;
    case 'conflict.cleared':
      return `pool ${c.subject} no longer conflicts`;
    case 'cilium.version':
      return `Cilium ${c.before ?? 'unknown'} → ${c.after ?? 'unknown'} (the operator restarted)`;
  }
}
