import type { ProbeAnswer, ProbeRecord } from '../inventory/arp/evidence';
import { ARPING_PACKAGE, arpingArgs, arpingFailure, parseArping } from './arping';
import { interfaceFor, parseIpAddrJson, type InterfaceSubnet } from './interfaces';
import { createLimiter } from './limiter';
import {
  NDISC6_PACKAGE,
  ndiscArgs,
  ndiscFailure,
  neighShowArgs,
  parseNdisc,
  parseNeighState,
  unicastProbeArgs,
} from './ndisc';
import { CommandMissingError, type Runner } from './run';
import type { ProbeScope, ProbeTarget } from './scope';

// The prober: one ARP request (IPv4) or NDP solicitation (IPv6) per target, every answering MAC
// recorded, at bounded concurrency and a rate cap. For IPv6, multicast first, then unicast to each
// MAC that answered and to the MAC expected to (the lease holder's), and the record says which
// answered. It only ever probes what `scope.check` allows.

export interface ProberOptions {
  runner: Runner;
  vantage: { name: string; node: string | null };
  now?: () => number;
  /** How long to listen for answers after a request (ms). */
  waitMs?: number;
  /** How long the kernel gets to have a unicast solicitation answered (ms). */
  unicastWaitMs?: number;
  concurrency?: number;
  perSecond?: number;
  vendorOf?: (mac: string) => string | null;
}

export interface SweepResult {
  records: ProbeRecord[];
  /** A failure that stopped the whole sweep (no arping, no raw socket), worded for the operator. */
  failure: string | null;
}

export const missingCommandMessage = (cmd: string) => {
  const pkg = cmd.endsWith('ndisc6') ? NDISC6_PACKAGE : cmd.endsWith('arping') ? ARPING_PACKAGE : 'iproute2';
  return `${cmd} is not installed: install the Debian package ${pkg} (apt-get install ${pkg})`;
};

/** A failure that every other probe would hit too, so the sweep stops and says it once. */
const isFatal = (message: string) => /raw socket|not installed/.test(message);

export function createProber(options: ProberOptions) {
  const { runner, vantage } = options;
  const now = options.now ?? Date.now;
  const waitMs = options.waitMs ?? 250;
  // The kernel sends its first unicast solicitation one retransmit time (1 s by default) after the
  // entry is set to PROBE, and up to three: 2.5 s hears the first two.
  const unicastWaitMs = options.unicastWaitMs ?? 2500;
  const vendorOf = options.vendorOf ?? (() => null);
  const limiter = createLimiter({
    concurrency: options.concurrency ?? 128,
    perSecond: options.perSecond ?? 1000,
  });

  const record = (ip: string, answers: ProbeAnswer[], extra: Partial<ProbeRecord> = {}): ProbeRecord => ({
    ip,
    at: now(),
    answers: answers.map((a) => ({ ...a, vendor: vendorOf(a.mac) })),
    vantage,
    ...extra,
  });

  async function subnets(): Promise<InterfaceSubnet[]> {
    const r = await runner('ip', ['-j', 'addr', 'show'], 5000);
    return parseIpAddrJson(r.stdout);
  }

  async function arp(ip: string, iface: string): Promise<ProbeRecord> {
    const r = await runner('arping', arpingArgs(ip, iface, waitMs), waitMs + 2000);
    const answers = parseArping(r.stdout, ip);
    const failure = answers.length === 0 ? arpingFailure(r.stderr) : null;
    return record(ip, answers, failure ? { error: failure } : {});
  }

  async function unicast(ip: string, mac: string, iface: string): Promise<boolean> {
    await runner('ip', unicastProbeArgs(ip, mac, iface), 5000);
    const deadline = performance.now() + unicastWaitMs;
    for (;;) {
      const state = parseNeighState((await runner('ip', neighShowArgs(ip, iface), 5000)).stdout, mac);
      if (state !== 'probing') return state === 'answered';
      if (performance.now() >= deadline) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function ndp(ip: string, iface: string, candidates: string[]): Promise<ProbeRecord> {
    const r = await runner('ndisc6', ndiscArgs(ip, iface, waitMs), waitMs + 2000);
    const multicast = parseNdisc(r.stdout);
    const failure =
      multicast.length === 0 ? ndiscFailure(r.stderr.replace(/^.*(timed out|no response).*$/gim, '')) : null;
    if (failure) return record(ip, [], { error: failure });
    const answers: ProbeAnswer[] = [...multicast];
    const macs = [...new Set([...multicast.map((a) => a.mac), ...candidates.map((m) => m.toLowerCase())])];
    let anyUnicast: boolean | null = macs.length > 0 ? false : null;
    for (const mac of macs) {
      if (await unicast(ip, mac, iface)) {
        anyUnicast = true;
        answers.push({ mac, method: 'ndp-unicast', rttMs: null, vendor: null });
      }
    }
    return record(ip, answers, { unicast: anyUnicast });
  }

  async function probeOne(target: ProbeTarget, found: InterfaceSubnet[], candidates: string[]) {
    const iface = interfaceFor(found, target.ip);
    if (!iface) {
      return record(target.ip, [], {
        error: `no interface of ${vantage.name} is on the subnet of ${target.ip}`,
      });
    }
    return target.family === 4 ? arp(target.ip, iface) : ndp(target.ip, iface, candidates);
  }

  /**
   * Probes every target the scope allows. `candidates` names, per address, MACs expected to answer
   * (the lease holder's): IPv6 tries them by unicast even when multicast went unanswered.
   */
  async function sweep(
    scope: ProbeScope,
    ips: string[],
    candidates: (ip: string) => string[] = () => [],
  ): Promise<SweepResult> {
    const targets: ProbeTarget[] = [];
    for (const ip of ips) {
      const c = scope.check(ip);
      if (!c.ok) throw new RangeError(c.error);
      targets.push(c.target);
    }
    let failure: string | null = null;
    try {
      const found = await subnets();
      const records = await Promise.all(
        targets.map((t) =>
          limiter.run(async () => {
            if (failure) return null;
            const rec = await probeOne(t, found, candidates(t.ip));
            if (rec.error && isFatal(rec.error)) failure ??= rec.error;
            return rec;
          }),
        ),
      );
      const kept = records.filter((r): r is ProbeRecord => r !== null && !(failure && r.error === failure));
      return { records: failure ? [] : kept, failure };
    } catch (e) {
      if (e instanceof CommandMissingError) return { records: [], failure: missingCommandMessage(e.command) };
      throw e;
    }
  }

  return { sweep, vantage };
}

export type Prober = ReturnType<typeof createProber>;
