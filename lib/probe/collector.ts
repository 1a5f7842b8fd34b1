import type { ArpEvidenceInput, ProbeRecord, ProberStatus } from '../inventory/arp/evidence';
import { HISTORY_LENGTH } from '../inventory/arp/verdict';
import type { ProbeTarget } from './scope';

// Probe records kept per address (the last few, for the IP page's history) and the MACs each
// node answered its InternalIP with. Several collectors (the embedded prober, each agent) merge
// into one evidence by `mergeEvidence`.

export interface Collector {
  add(records: ProbeRecord[], targets: ReadonlyMap<string, ProbeTarget>): void;
  /** MACs a standalone agent knows are its own node's (it reads them from its interfaces). */
  setOwnMacs(node: string, macs: string[]): void;
  evidence(probers: ProberStatus[]): ArpEvidenceInput;
}

export function createCollector(historyLength = HISTORY_LENGTH): Collector {
  const probes = new Map<string, ProbeRecord[]>();
  const nodeMacs = new Map<string, Set<string>>();
  return {
    add(records, targets) {
      for (const r of records) {
        const list = probes.get(r.ip) ?? [];
        list.push(r);
        if (list.length > historyLength) list.splice(0, list.length - historyLength);
        probes.set(r.ip, list);
        const node = targets.get(r.ip)?.node;
        if (node && !r.error && r.answers.length > 0)
          nodeMacs.set(node, new Set(r.answers.map((a) => a.mac)));
      }
    },
    setOwnMacs(node, macs) {
      const set = nodeMacs.get(node) ?? new Set<string>();
      for (const m of macs) set.add(m.toLowerCase());
      nodeMacs.set(node, set);
    },
    evidence: (probers) => ({
      simulated: false,
      probes: Object.fromEntries([...probes].map(([ip, list]) => [ip, [...list]])),
      nodeMacs: Object.fromEntries([...nodeMacs].map(([n, s]) => [n, [...s].sort()])),
      probers,
    }),
  };
}

/** Evidence from several vantage points as one: probes interleaved by time, node MACs united by node name. */
export function mergeEvidence(
  parts: ArpEvidenceInput[],
  historyLength = HISTORY_LENGTH,
): ArpEvidenceInput | null {
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0]!;
  const probes: Record<string, ProbeRecord[]> = {};
  const nodeMacs: Record<string, Set<string>> = {};
  for (const p of parts) {
    for (const [ip, list] of Object.entries(p.probes)) (probes[ip] ??= []).push(...list);
    for (const [node, macs] of Object.entries(p.nodeMacs))
      for (const m of macs) (nodeMacs[node] ??= new Set()).add(m);
  }
  for (const list of Object.values(probes)) {
    list.sort((a, b) => a.at - b.at);
    if (list.length > historyLength * parts.length)
      list.splice(0, list.length - historyLength * parts.length);
  }
  return {
    simulated: parts.every((p) => p.simulated),
    probes,
    nodeMacs: Object.fromEntries(Object.entries(nodeMacs).map(([n, s]) => [n, [...s].sort()])),
    probers: parts.flatMap((p) => p.probers),
  };
}
