import { readFileSync } from 'node:fs';
import type { ArpEvidenceInput, ProberStatus } from '../inventory/arp/evidence';
import type { Inventory } from '../inventory/types';
import { simulatedProbe, simulateL2Segment, type SegmentFacts } from '../sim/l2-segment';
import { agentClient, parseAgents, type AgentSpec } from './agent-client';
import { hasNetRaw } from './capabilities';
import { createCollector, mergeEvidence } from './collector';
import { createProbeEngine, type ProbeEngine, type ProbePlan } from './engine';
import { createProbeNowLimit, ProbeRefused } from './probe-now-limit';
import { planFromInventory } from './plan';
import { createProber } from './prober';
import { processRunner } from './run';
import { buildScope, type ProbeScope } from './scope';
import { vendorOf } from './vendors';

// Where the dashboard's ARP evidence comes from, configured by environment:
//   the embedded cluster  → its simulated L2 segment (demo addresses are data, never targets)
//   LBIPAM_PROBE=1        → the embedded prober in this process (needs CAP_NET_RAW)
//   LBIPAM_AGENTS         → standalone agents (`name=http://host:port,…`), token in LBIPAM_AGENT_TOKEN_FILE
//   LBIPAM_PROBE_FREE_RANGES, LBIPAM_PROBE_POOL_LIMIT → what beyond small IPv4 pools may be probed
// Each source failing is a prober status with a sentence; the rest of the dashboard is untouched.

export interface ProbeHubOptions {
  origin: 'embedded' | 'kubeconfig' | 'in-cluster';
  /** The embedded cluster's seed: only the demo has a simulated L2 segment. */
  seed?: string;
  env?: Record<string, string | undefined>;
  now?: () => number;
}

const POLL_MS = 10_000;

export function createProbeHub(o: ProbeHubOptions) {
  const env = o.env ?? process.env;
  const now = o.now ?? Date.now;
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  const freeRanges = (env.LBIPAM_PROBE_FREE_RANGES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const limit = Number(env.LBIPAM_PROBE_POOL_LIMIT) || undefined;
  const failed: ProberStatus[] = [];
  const simulate = o.origin === 'embedded' && o.seed === 'demo';
  // The simulated segment is swept afresh whenever the plan changes (a failover is not flapping:
  // the sweep replaces what came before); "probe now" adds a probe, under the same limit as a real
  // prober's.
  let simulated: ArpEvidenceInput | null = null;
  let segment: { facts: SegmentFacts; scope: ProbeScope } | null = null;
  let simulatedProbes = createCollector();
  const simulatedLimit = createProbeNowLimit({ now });
  let planJson = '';
  let plan: ProbePlan | null = null;

  let engine: ProbeEngine | null = null;
  if (o.origin !== 'embedded' && env.LBIPAM_PROBE === '1') {
    const status = (message: string): ProberStatus => ({
      name: 'embedded',
      kind: 'embedded',
      node: env.NODE_NAME ?? null,
      state: 'error',
      message,
      lastSweep: null,
    });
    if (!hasNetRaw())
      failed.push(
        status(
          'ARP probing is off: the dashboard process lacks CAP_NET_RAW (run it as root, or grant the capability)',
        ),
      );
    else {
      const prober = createProber({
        runner: processRunner(),
        vantage: { name: 'embedded', node: env.NODE_NAME ?? null },
        vendorOf,
      });
      engine = createProbeEngine({ prober, kind: 'embedded', onEvidence: changed });
    }
  }

  const agentSpecs = parseAgents(env.LBIPAM_AGENTS);
  const agents: {
    spec: AgentSpec;
    evidence: ArpEvidenceInput | null;
    status: ProberStatus;
    sentPlan: string;
  }[] = [];
  let token = '';
  if (typeof agentSpecs === 'string')
    failed.push({
      name: 'LBIPAM_AGENTS',
      kind: 'agent',
      node: null,
      state: 'error',
      message: agentSpecs,
      lastSweep: null,
    });
  else if (agentSpecs.length > 0) {
    try {
      token = readFileSync(env.LBIPAM_AGENT_TOKEN_FILE ?? '', 'utf8').trim();
    } catch (e) {
      failed.push({
        name: 'LBIPAM_AGENT_TOKEN_FILE',
        kind: 'agent',
        node: null,
        state: 'error',
        message: `cannot read the agents' token file: ${(e as Error).message}`,
        lastSweep: null,
      });
    }
    for (const spec of agentSpecs) {
      agents.push({
        spec,
        evidence: null,
        sentPlan: '',
        status: {
          name: spec.name,
          kind: 'agent',
          node: null,
          state: 'starting',
          message: null,
          lastSweep: null,
        },
      });
    }
  }

  async function pollAgents() {
    if (!token) return;
    for (const a of agents) {
      const client = agentClient(a.spec, token);
      try {
        if (plan && a.sentPlan !== planJson) {
          await client.sendPlan(plan);
          a.sentPlan = planJson;
        }
        a.evidence = await client.evidence();
        a.status = a.evidence.probers[0] ?? a.status;
      } catch (e) {
        a.sentPlan = '';
        a.status = { ...a.status, state: 'error', message: e instanceof Error ? e.message : String(e) };
      }
    }
    changed();
  }
  const timer = agents.length > 0 && token ? setInterval(() => void pollAgents(), POLL_MS) : null;
  timer?.unref?.();

  return {
    /** Called with each inventory built: the plan follows pools, Services and nodes. True when the
     * evidence changed at once (the simulated segment), so the caller builds again with it. */
    setInventory(inv: Inventory): boolean {
      if (!simulate && !engine && agents.length === 0) return false;
      const next = planFromInventory(inv, freeRanges, limit);
      const json = JSON.stringify(next, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      if (json === planJson) return false;
      planJson = json;
      plan = next;
      let simulatedNow = false;
      if (simulate) {
        const scope = buildScope(next.scope);
        const allocated = new Set(next.scope.allocated);
        const free = scope.targets.filter((t) => t.kind === 'pool' && !allocated.has(t.ip)).map((t) => t.ip);
        // Every node that announces an address answers for it: a shared IP whose Services' leases
        // landed on two nodes is answered by both, as on a real segment.
        const announced: Record<string, string[]> = {};
        for (const s of inv.services)
          for (const ip of s.ips)
            if (s.announcer && !(announced[ip] ??= []).includes(s.announcer)) announced[ip].push(s.announcer);
        const facts: SegmentFacts = { nodes: next.scope.nodes, announced, free, now: now() };
        segment = { facts, scope };
        simulated = simulateL2Segment(facts);
        simulatedProbes = createCollector();
        simulatedProbes.add(Object.values(simulated.probes).flat(), new Map());
        simulatedNow = true;
      }
      if (engine) {
        engine.setPlan(next);
        engine.start(30_000);
      }
      if (agents.length > 0) void pollAgents();
      return simulatedNow;
    },
    evidence(): ArpEvidenceInput | null {
      const parts = [
        simulated && { ...simulated, probes: simulatedProbes.evidence([]).probes },
        engine?.evidence(),
        ...agents.map(
          (a) => a.evidence ?? { simulated: false, probes: {}, nodeMacs: {}, probers: [a.status] },
        ),
      ].filter((e): e is ArpEvidenceInput => !!e);
      const merged = mergeEvidence(parts);
      if (failed.length === 0) return merged;
      return {
        ...(merged ?? { simulated: false, probes: {}, nodeMacs: {} }),
        probers: [...(merged?.probers ?? []), ...failed],
      };
    },
    /** Probe one address now: the embedded prober, else the first agent, else the demo's simulated
     * segment. Pool addresses only, rate-limited (./probe-now-limit.ts). */
    async probeNow(ip: string) {
      if (engine) return engine.probeNow(ip);
      const agent = agents[0];
      if (agent && token) {
        const rec = await agentClient(agent.spec, token).probe(ip);
        void pollAgents();
        return rec;
      }
      if (segment) {
        const target = simulatedLimit.take(segment.scope.check(ip));
        const rec = simulatedProbe(segment.facts, target, now());
        simulatedProbes.add([rec], new Map());
        changed();
        return rec;
      }
      throw new ProbeRefused(
        o.origin === 'embedded'
          ? 'the embedded cluster has no L2 segment to probe (only the demo simulates one)'
          : 'no prober is configured (LBIPAM_PROBE=1 or LBIPAM_AGENTS)',
        503,
      );
    },
    onChange(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      if (timer) clearInterval(timer);
      engine?.stop();
    },
  };
}

export type ProbeHub = ReturnType<typeof createProbeHub>;
