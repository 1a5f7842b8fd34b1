import type { ArpEvidenceInput, ProbeMethod, ProbeRecord } from './evidence';

// The ARP verdict of one address (issue 10, "Verdicts"): what the LAN says against what the
// leases say. Pure: the probes, the node MACs and the lease holder in, a verdict with its evidence
// out. A node cannot hear its own announcement, so probes made from the holder's own node are not
// evidence about it.

export type ArpVerdictKind =
  | 'ok' // only the lease holder's MAC answers
  | 'silent' // announced, nobody answers
  | 'wrong-node' // another node's MAC answers
  | 'several-macs' // more than one MAC answers (now, or across the last probes: flapping)
  | 'foreign' // a MAC that is no node's answers
  | 'unannounced' // no lease: silence expected
  | 'quiet' // free, and nobody answers (as it should be)
  | 'not-probed'; // no usable probe yet

export interface ArpMacView {
  mac: string;
  vendor: string | null;
  /** The node this MAC belongs to, or null: no node's (a foreign device). */
  node: string | null;
  methods: ProbeMethod[];
}

export interface ArpHistoryEntry {
  at: number;
  vantage: string;
  macs: string[];
  error: string | null;
}

export interface ArpVerdict {
  ip: string;
  verdict: ArpVerdictKind;
  /** One line: what the verdict means for this address. */
  detail: string;
  /** The lease holder (who should answer), or null. */
  expectedNode: string | null;
  /** What answered the latest usable probe (and, for several MACs, the last probes). */
  macs: ArpMacView[];
  /** Epoch ms of the probe the verdict rests on; null when not probed. */
  at: number | null;
  vantage: string | null;
  /** IPv6: whether a unicast solicitation was answered (null: IPv4 or not tried). */
  unicast: boolean | null;
  /** The evidence is the embedded cluster's simulated segment. */
  simulated: boolean;
  /** The last probes, newest first. */
  history: ArpHistoryEntry[];
}

export interface VerdictFacts {
  ip: string;
  /** A Service holds it. */
  allocated: boolean;
  /** The node whose lease announces it, or null. */
  announcer: string | null;
  probes: readonly ProbeRecord[];
  /** MAC → node, built once per build by `macIndex`. */
  macNodes: ReadonlyMap<string, string>;
  /** Nodes whose MACs are known. */
  knownNodes: ReadonlySet<string>;
  simulated: boolean;
}

/** How many recent probes count for flapping (a MAC that answered one of them still counts). */
export const FLAP_WINDOW = 3;
export const HISTORY_LENGTH = 8;

export function macIndex(evidence: ArpEvidenceInput | null): {
  macNodes: Map<string, string>;
  knownNodes: Set<string>;
} {
  const macNodes = new Map<string, string>();
  const knownNodes = new Set<string>();
  for (const [node, macs] of Object.entries(evidence?.nodeMacs ?? {})) {
    for (const mac of macs) macNodes.set(mac.toLowerCase(), node);
    if (macs.length > 0) knownNodes.add(node);
  }
  return { macNodes, knownNodes };
}

const distinctMacs = (probes: readonly ProbeRecord[]) => [
  ...new Set(probes.flatMap((p) => p.answers.map((a) => a.mac))),
];

export function judgeArp(f: VerdictFacts): ArpVerdict {
  const history = f.probes
    .slice(-HISTORY_LENGTH)
    .reverse()
    .map((p) => ({ at: p.at, vantage: p.vantage.name, macs: distinctMacs([p]), error: p.error ?? null }));
  const fromElsewhere = f.probes.filter((p) => !f.announcer || p.vantage.node !== f.announcer);
  const usable = fromElsewhere.filter((p) => !p.error);
  const latest = usable.at(-1);
  const base = { ip: f.ip, expectedNode: f.announcer, simulated: f.simulated, history };
  if (!latest) {
    const failed = f.probes.at(-1)?.error;
    const detail = failed
      ? `The last probe failed: ${failed}.`
      : f.probes.length > 0
        ? `Only ${f.announcer} probed it, and a node cannot hear its own announcement; a prober on another node can.`
        : 'No prober has reached this address yet.';
    const verdict = !f.announcer && f.allocated && f.probes.length === 0 ? 'unannounced' : 'not-probed';
    return {
      ...base,
      verdict,
      detail: verdict === 'unannounced' ? 'No node announces it, so no answer is expected.' : detail,
      macs: [],
      at: null,
      vantage: null,
      unicast: null,
    };
  }
  const window = usable.slice(-FLAP_WINDOW);
  const recent = distinctMacs(window);
  const now = distinctMacs([latest]);
  const macs: ArpMacView[] = (recent.length > 1 ? recent : now).map((mac) => ({
    mac,
    vendor: window.flatMap((p) => p.answers).find((a) => a.mac === mac)?.vendor ?? null,
    node: f.macNodes.get(mac) ?? null,
    methods: [...new Set(latest.answers.filter((a) => a.mac === mac).map((a) => a.method))],
  }));
  const evidence = {
    ...base,
    macs,
    at: latest.at,
    vantage: latest.vantage.name,
    unicast: latest.unicast ?? null,
  };
  const who = (m: ArpMacView) => `${m.mac}${m.node ? ` (${m.node})` : m.vendor ? ` (${m.vendor})` : ''}`;
  if (recent.length > 1) {
    const flapping = now.length <= 1;
    return {
      ...evidence,
      verdict: 'several-macs',
      detail: `${flapping ? 'Over the last probes' : 'At once'}, ${macs.map(who).join(' and ')} answer it: ${
        flapping ? 'the announcement flaps between them' : 'clients reach whichever answered last'
      }.`,
    };
  }
  const [only] = macs;
  if (!only) {
    if (f.announcer) {
      const v6 = latest.unicast === false ? ' (neither multicast nor unicast solicitations)' : '';
      return {
        ...evidence,
        verdict: 'silent',
        detail: `${f.announcer} holds its lease, but nobody answers${v6}.`,
      };
    }
    return f.allocated
      ? {
          ...evidence,
          verdict: 'unannounced',
          detail: 'No node announces it, and nobody answers, as expected.',
        }
      : { ...evidence, verdict: 'quiet', detail: 'Free, and nothing answers it.' };
  }
  const unicastOnly = only.methods.length > 0 && only.methods.every((m) => m === 'ndp-unicast');
  const unicastNote = unicastOnly ? ' It answers only unicast solicitations (Cilium bug #44311).' : '';
  if (only.node === null) {
    if (f.announcer && !f.knownNodes.has(f.announcer)) {
      return {
        ...evidence,
        verdict: 'ok',
        detail: `One MAC answers; ${f.announcer}'s MACs are not learned yet to confirm it is the holder.${unicastNote}`,
      };
    }
    return {
      ...evidence,
      verdict: 'foreign',
      detail: f.allocated
        ? `${who(only)} answers it and is no node of the cluster: it competes with ${f.announcer ?? 'the Service'} for this address.`
        : `${who(only)} answers this free address and is no node of the cluster: it will collide the day Cilium hands it out.`,
    };
  }
  if (only.node === f.announcer) {
    return {
      ...evidence,
      verdict: 'ok',
      detail: `${f.announcer} holds its lease and answers.${unicastNote}`,
    };
  }
  return {
    ...evidence,
    verdict: 'wrong-node',
    detail: f.announcer
      ? `${only.node} answers it, but ${f.announcer} holds its lease.`
      : `${only.node} answers it, but no lease names any node for it.`,
  };
}
