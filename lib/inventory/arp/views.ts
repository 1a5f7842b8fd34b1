import type { ServiceModel } from '../service-model';
import type { ArpEvidenceInput } from './evidence';
import { judgeArp, macIndex, type ArpVerdict } from './verdict';

// One verdict per address the LAN or the leases say something about: every held address (a
// missing probe is itself a verdict: not probed yet, or unannounced) and every probed address
// inside a pool. Free addresses nobody probed have no row: the table reads them as not probed.

export function arpVerdicts(
  evidence: ArpEvidenceInput | null,
  holders: ReadonlyMap<string, ServiceModel[]>,
  inPool: (ip: string) => boolean,
): ArpVerdict[] {
  if (!evidence) return [];
  const { macNodes, knownNodes } = macIndex(evidence);
  const ips = new Set<string>(holders.keys());
  for (const ip of Object.keys(evidence.probes)) if (inPool(ip)) ips.add(ip);
  const out: ArpVerdict[] = [];
  for (const ip of ips) {
    const owners = holders.get(ip) ?? [];
    const announcer = owners.map((s) => s.view.announcer).find((a): a is string => !!a) ?? null;
    out.push(
      judgeArp({
        ip,
        allocated: owners.length > 0,
        announcer,
        probes: evidence.probes[ip] ?? [],
        macNodes,
        knownNodes,
        simulated: evidence.simulated,
      }),
    );
  }
  return out;
}
