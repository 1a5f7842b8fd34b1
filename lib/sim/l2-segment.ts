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

export function simulateL2Segment(f: SegmentFacts): ArpEvidenceInput {
  const vantage = { name: 'simulated segment', node: null };
  const probes: Record<string, ProbeRecord[]> = {};
  const answer = (ip: string, macs: (string | null)[], vendor: string | null = null) => {
    probes[ip] = [
      {
        ip,
        at: f.now,
        vantage,
        answers: macs.flatMap((mac) =>
          mac
            ? [
                {
                  mac,
                  method: ip.includes(':') ? ('ndp-multicast' as const) : ('arp' as const),
                  rttMs: 0.4,
                  vendor,
                },
              ]
            : [],
        ),
      },
    ];
  };
  const nodeMacs: Record<string, string[]> = {};
  for (const n of f.nodes) {
    nodeMacs[n.name] = [simulatedNodeMac(n.name)];
    for (const ip of n.internalIps) answer(ip, [nodeMacs[n.name]![0]!]);
  }
  for (const [ip, nodes] of Object.entries(f.announced)) {
    answer(ip, ip === DEMO_SEGMENT.silent ? [] : nodes.map(simulatedNodeMac));
  }
  for (const ip of f.free)
    answer(
      ip,
      [ip === DEMO_SEGMENT.printer.ip ? DEMO_SEGMENT.printer.mac : null],
      DEMO_SEGMENT.printer.vendor,
    );
  return {
    simulated: true,
    probes,
    nodeMacs,
    probers: [
      {
        name: 'simulated segment',
        kind: 'simulated',
        node: null,
        state: 'ok',
        message: null,
        lastSweep: f.now,
      },
    ],
  };
}
