import 'server-only';
import { buildInventoryWithAlerts, type ArpEvidenceInput, type BuiltInventory } from '../inventory/build';
import type { FeedInput } from './inventory-feed';
import type { ProbeHub } from '../probe/hub';

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

/**
 * The build with the probe hub's evidence. The hub's plan follows the inventory; when that changes
 * the evidence at once (the demo's simulated segment), the same input is built again with it, so
 * the first inventory a client sees already carries its verdicts.
 */
export function buildWithProbes(
  input: FeedInput,
  probes: Pick<ProbeHub, 'evidence' | 'setInventory'>,
  options: { ciliumVersion?: string } = {},
): BuiltInventory {
  const built = buildFromFeedInput(input, { ...options, evidence: probes.evidence() });
  if (!probes.setInventory(built.inventory)) return built;
  return buildFromFeedInput(input, { ...options, evidence: probes.evidence() });
}
