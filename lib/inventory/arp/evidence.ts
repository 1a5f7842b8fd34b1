// ARP/NDP evidence: what lib/probe (or the embedded cluster's simulated segment) heard on the LAN.
// Declared here, in the pure room, so the inventory can judge it and lib/probe can produce it
// without the inventory importing a server room.

/** How an answer was obtained: an ARP request, or an NDP solicitation sent to the solicited-node
 * multicast group or to the address itself (Cilium answers only unicast reliably: reference F.2). */
export type ProbeMethod = 'arp' | 'ndp-multicast' | 'ndp-unicast';

export interface ProbeAnswer {
  /** Lower-case, colon-separated. */
  mac: string;
  method: ProbeMethod;
  /** Round-trip time in milliseconds; null when the backend does not measure it (ndisc6). */
  rttMs: number | null;
  /** The OUI vendor of the MAC, when the dataset names it. */
  vendor: string | null;
}

export interface ProbeRecord {
  ip: string;
  /** Epoch milliseconds when the probe finished. */
  at: number;
  /** Every MAC that answered, one entry per MAC and method. */
  answers: ProbeAnswer[];
  /** Which prober heard it: the node it runs on (a node cannot hear its own announcement). */
  vantage: { name: string; node: string | null };
  /** For IPv6: whether the unicast solicitation was answered (null when not tried). */
  unicast?: boolean | null;
  /** The probe could not be made (no interface on the subnet, arping failed …). */
  error?: string;
}

export interface ProberStatus {
  name: string;
  kind: 'embedded' | 'agent' | 'simulated';
  node: string | null;
  state: 'ok' | 'error' | 'starting';
  /** A plain sentence when state is error (no CAP_NET_RAW, arping missing, agent unreachable …). */
  message: string | null;
  /** Epoch milliseconds of its last sweep, or null. */
  lastSweep: number | null;
}

export interface ArpEvidenceInput {
  /** True when the evidence is the embedded cluster's simulated segment (the UI says so). */
  simulated: boolean;
  /** Per address, its probes oldest first (bounded history, from every vantage). */
  probes: Record<string, ProbeRecord[]>;
  /** MACs learned per node (probing each node's InternalIP; a standalone agent adds its own). */
  nodeMacs: Record<string, string[]>;
  probers: ProberStatus[];
}
