import type { ArpEvidenceInput, ProbeRecord, ProberStatus } from '../inventory/arp/evidence';
import { createCollector } from './collector';
import type { Prober } from './prober';
import { createProbeNowLimit, ProbeRefused } from './probe-now-limit';
import { buildScope, type ProbeScope, type ProbeTarget, type ScopeInput } from './scope';

// The probe loop shared by the embedded mode and the standalone agent: a plan (what may be probed,
// and who announces what) in, sweeps on an interval, evidence out. "Probe now" on one address is
// rate-limited per address and overall, and passes the same scope check as a sweep.

export interface ProbePlan {
  scope: ScopeInput;
  /** Address → the node whose lease announces it (its MACs are tried by unicast for IPv6). */
  announced: Record<string, string>;
}

export interface EngineOptions {
  prober: Prober;
  kind: ProberStatus['kind'];
  now?: () => number;
  /** Least time between two "probe now" of one address, and between any two (ms). */
  probeNowPerIpMs?: number;
  probeNowAnyMs?: number;
  onEvidence?: () => void;
}

export { ProbeRefused };

export function createProbeEngine(options: EngineOptions) {
  const now = options.now ?? Date.now;
  const collector = createCollector();
  let scope: ProbeScope | null = null;
  let plan: ProbePlan | null = null;
  let targetsByIp = new Map<string, ProbeTarget>();
  let status: ProberStatus = {
    name: options.prober.vantage.name,
    kind: options.kind,
    node: options.prober.vantage.node,
    state: 'starting',
    message: null,
    lastSweep: null,
  };
  const limit = createProbeNowLimit({
    now,
    perIpMs: options.probeNowPerIpMs,
    anyMs: options.probeNowAnyMs,
  });
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let tick: (() => void) | null = null;

  const candidates = (ip: string) => {
    const node = plan?.announced[ip];
    if (!node) return [];
    return collector.evidence([]).nodeMacs[node] ?? [];
  };

  async function run(ips: string[]): Promise<ProbeRecord[]> {
    if (!scope) throw new ProbeRefused('the prober has no targets yet', 503);
    const res = await options.prober.sweep(scope, ips, candidates);
    status = res.failure
      ? { ...status, state: 'error', message: res.failure }
      : { ...status, state: 'ok', message: null, lastSweep: now() };
    collector.add(res.records, targetsByIp);
    options.onEvidence?.();
    return res.records;
  }

  return {
    setPlan(next: ProbePlan) {
      plan = next;
      scope = buildScope(next.scope);
      targetsByIp = new Map(scope.targets.map((t) => [t.ip, t]));
      // The first plan of a started loop is swept at once, not at the next interval.
      if (tick && status.lastSweep === null) tick();
    },
    get scope() {
      return scope;
    },
    /** One sweep: node InternalIPs first (to learn node MACs), then every other target. */
    sweepOnce(): Promise<void> {
      if (running) return running;
      const sweep = async () => {
        if (!scope) return;
        await run(scope.targets.filter((t) => t.kind === 'node').map((t) => t.ip));
        await run(scope.targets.filter((t) => t.kind !== 'node').map((t) => t.ip));
      };
      // `finally` runs after the assignment, even when the sweep ends at once (no plan yet).
      running = sweep().finally(() => (running = null));
      return running;
    },
    async probeNow(ip: string): Promise<ProbeRecord> {
      if (!scope) throw new ProbeRefused('the prober has no targets yet', 503);
      const target = limit.take(scope.check(ip));
      const [rec] = await run([target]);
      if (!rec) throw new ProbeRefused(status.message ?? 'the probe could not be made', 503);
      return rec;
    },
    setOwnMacs: collector.setOwnMacs,
    evidence: (): ArpEvidenceInput => collector.evidence([status]),
    status: () => status,
    start(intervalMs: number) {
      if (timer) return;
      tick = () =>
        void this.sweepOnce().catch((e: unknown) => {
          status = { ...status, state: 'error', message: e instanceof Error ? e.message : String(e) };
        });
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}

export type ProbeEngine = ReturnType<typeof createProbeEngine>;
