import 'server-only';
import { buildInventoryWithAlerts, type BuiltInventory } from '../inventory/build';
import type { FeedInput } from './inventory-feed';

// The feed's builder: the pure inventory over the watched state. ARP evidence has no producer yet
// (lib/probe is not wired into this process), so it is null; the feed sets the version itself.
export function buildFromFeedInput(
  input: FeedInput,
  options: { ciliumVersion?: string } = {},
): BuiltInventory {
  return buildInventoryWithAlerts(input.state, null, {
    cluster: input.cluster,
    sources: input.sources,
    version: 0,
    now: input.now,
    ...(options.ciliumVersion && { ciliumVersion: options.ciliumVersion }),
  });
}
