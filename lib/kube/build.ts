import 'server-only';
import { buildInventoryWithAlerts, type ArpEvidenceInput, type BuiltInventory } from '../inventory/build';
import type { FeedInput } from './inventory-feed';

// The feed's builder: the pure inventory over the watched state and the ARP evidence of the
// process's probe hub (lib/probe/hub.ts); the feed sets the version itself.
export function buildFromFeedInput(
  input: FeedInput,
  options: { ciliumVersion?: string; evidence?: ArpEvidenceInput | null } = {},
): BuiltInventory {
  return buildInventoryWithAlerts(input.state, options.evidence ?? null, {
    cluster: input.cluster,
    sources: input.sources,
    version: 0,
    now: input.now,
    ...(options.ciliumVersion && { ciliumVersion: options.ciliumVersion }),
  });
}
