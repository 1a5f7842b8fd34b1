import type { ArpEvidenceInput, ProbeRecord } from '../inventory/arp/evidence';

// The embedded cluster's L2 segment, simulated (the real prober never touches demo addresses):
// each node has a MAC, the lease holder answers each announced address, one foreign device (a
// printer) answers a free address, and one announcement is silent. The evidence is marked
// simulated, and the UI says so.

export interface SegmentFacts {
  nodes: { name: string; internalIps: string[] }[];
  /** Address → the node whose lease announces it. */
  /** Every node that announces each address (a split shared IP has two). */
  announced: Record<string, string[]>;
  /** Free pool addresses, in order. */
  free: string[];
  now: number;
}

/** The demo's cast: which free address the printer took, which announcement nobody answers. */
export const DEMO_SEGMENT = {
  printer: { mac: '3c:2a:f4:5e:10:07', vendor: 'Brother Industries, LTD.', ip: '192.168.0.235' },
  silent: '192.168.0.229',
};

/** A stable, locally administered MAC per node (02:1b:1b + three bytes of the name's hash). */
export function simulatedNodeMac(name: string): string {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const b = [(h >>> 16) & 255, (h >>> 8) & 255, h & 255].map((x) => x.toString(16).padStart(2, '0'));
  return `02:1b:1b:${b.join(':')}`;
}

const VANTAGE = { name: 'simulated segment', node: null };

/** Who answers one address on the simulated segment, and how. */
function answersFor(f: SegmentFacts, ip: string): { macs: string[]; vendor: string | null } {
  const node = f.nodes.find((n) => n.internalIps.includes(ip));
  if (node) return { macs: [simulatedNodeMac(node.name)], vendor: null };
  const announcers = f.announced[ip];
  if (announcers)
    return { macs: ip === DEMO_SEGMENT.silent ? [] : announcers.map(simulatedNodeMac), vendor: null };
  if (ip === DEMO_SEGMENT.printer.ip)
    return { macs: [DEMO_SEGMENT.printer.mac], vendor: DEMO_SEGMENT.printer.vendor };
  return { macs: [], vendor: null };
}

/** One probe of one address on the simulated segment, at `at` (a sweep, or "probe now"). */
export function simulatedProbe(f: SegmentFacts, ip: string, at: number): ProbeRecord {
  const { macs, vendor } = answersFor(f, ip);
  return {
    ip,
    at,
    vantage: VANTAGE,
    answers: macs.map((mac) => ({
      mac,
      method: ip.includes(':') ? ('ndp-multicast' as const) : ('arp' as const),
      rttMs: 0.4,
      vendor,
    })),
  };
}

/** A sweep of the segment: every node InternalIP, announced address and free address, once. */
export function simulateL2Segment(f: SegmentFacts): ArpEvidenceInput {
  const ips = [...f.nodes.flatMap((n) => n.internalIps), ...Object.keys(f.announced), ...f.free];
  const probes: Record<string, ProbeRecord[]> = {};
  for (const ip of ips) probes[ip] = [simulatedProbe(f, ip, f.now)];
  return {
    simulated: true,
    probes,
    nodeMacs: Object.fromEntries(f.nodes.map((n) => [n.name, [simulatedNodeMac(n.name)]])),
    probers: [
      {
        name: VANTAGE.name,
        kind: 'simulated',
        node: null,
        state: 'ok',
        message: null,
        lastSweep: f.now,
      },
    ],
  };
}
