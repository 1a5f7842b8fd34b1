import type { ArpVerdict, ArpVerdictKind } from '../arp/verdict';
import type { Severity } from '../types';
import type { AlertContext, RuleAlert } from './context';

// ARP alerts, one per address whose verdict says the LAN disagrees with the leases. Which
// verdicts alert, and how loud, is a row each.

const ARP_ALERTS: Partial<
  Record<ArpVerdictKind, { severity: Severity; title: (v: ArpVerdict) => string; fix: string }>
> = {
  silent: {
    severity: 'error',
    title: (v) => `Nobody answers ARP for ${v.ip}`,
    fix: "Check that the holder node has the L2 policy's interface and that cilium-agent runs there (cilium-dbg shell -- db/show l2-announce).",
  },
  'wrong-node': {
    severity: 'error',
    title: (v) => `${v.ip} is answered by the wrong node`,
    fix: 'A stale announcement or a node with the address configured by hand: remove the address from that node, or restart its cilium-agent.',
  },
  'several-macs': {
    severity: 'error',
    title: (v) => `Several MACs answer ${v.ip}`,
    fix: 'Only one device may answer an address: find the other by its MAC (vendor shown) and remove the address from it, or check for two leases on one IP.',
  },
  foreign: {
    severity: 'warning',
    title: (v) => `A device that is no node answers ${v.ip}`,
    fix: 'Give that device another address, or take the address out of the pool (spec.blocks) until it is gone.',
  },
};

/**
 * A prober or agent that cannot probe (no CAP_NET_RAW, arping or ndisc6 missing, no interface on
 * the pool's subnet, an agent unreachable or refusing the token): its own sentence, once, so the
 * ARP column's "not probed" has its reason where the operator looks. The rest keeps working.
 */
export function proberAlerts(ctx: AlertContext): RuleAlert[] {
  return (ctx.probers ?? [])
    .filter((p) => p.state === 'error')
    .map((p) => ({
      id: `prober:${p.kind}:${p.name}`,
      severity: 'warning' as const,
      title:
        p.kind === 'agent' ? `ARP agent ${p.name} cannot probe` : `The ARP prober (${p.name}) cannot probe`,
      detail: p.message ?? 'It reported an error without a message.',
      fix:
        p.kind === 'agent'
          ? 'Check that the agent runs and is reachable at the address in LBIPAM_AGENTS, and that both sides read the same token file.'
          : 'Run the dashboard with CAP_NET_RAW and Debian’s arping and ndisc6 installed, on a host with an interface on the pools’ subnets — or use the standalone agent (lbipam agent) on a node.',
      subject: { kind: 'Prober', name: p.name },
    }));
}

export function arpAlerts(ctx: AlertContext): RuleAlert[] {
  const out: RuleAlert[] = [];
  for (const v of ctx.arp ?? []) {
    const row = ARP_ALERTS[v.verdict];
    if (!row) continue;
    const held = ctx.holders.has(v.ip);
    out.push({
      id: `arp-${v.verdict}:${v.ip}`,
      severity: v.verdict === 'foreign' && held ? 'error' : row.severity,
      title: `${row.title(v)}${v.simulated ? ' (simulated)' : ''}`,
      detail: v.detail,
      fix: row.fix,
      subject: { kind: 'Address', name: v.ip },
    });
  }
  return out;
}
