import type { ProbeAnswer } from '../inventory/arp/evidence';

// ndisc6 (Debian package ndisc6) sends neighbour solicitations to the target's solicited-node
// multicast group; `-m` waits for every answer. ndisc6 cannot send a unicast solicitation, so the
// unicast check asks the kernel: a neighbour entry set to PROBE with a candidate MAC makes it
// send unicast solicitations to that MAC and mark the entry REACHABLE when one is answered.

export const NDISC6_PACKAGE = 'ndisc6';

export function ndiscArgs(ip: string, iface: string, waitMs: number): string[] {
  return ['-m', '-n', '-r', '1', '-w', String(Math.max(1, Math.round(waitMs))), ip, iface];
}

const TARGET = /^Target link-layer address: ([0-9a-f]{2}(?::[0-9a-f]{2}){5})/i;

export function parseNdisc(stdout: string): ProbeAnswer[] {
  const macs = new Set<string>();
  for (const line of stdout.split('\n')) {
    const m = TARGET.exec(line.trim());
    if (m) macs.add(m[1]!.toLowerCase());
  }
  return [...macs].map((mac) => ({ mac, method: 'ndp-multicast' as const, rttMs: null, vendor: null }));
}

export function ndiscFailure(stderr: string): string | null {
  const text = stderr.trim();
  if (text === '') return null;
  if (/operation not permitted|permission denied/i.test(text)) {
    return 'ndisc6 may not open a raw ICMPv6 socket: run the prober as root or with CAP_NET_RAW';
  }
  return `ndisc6 failed: ${text.split('\n')[0]}`;
}

/** `ip -6 neigh replace` arguments that make the kernel probe `ip` at `mac` by unicast. */
export const unicastProbeArgs = (ip: string, mac: string, iface: string) => [
  '-6',
  'neigh',
  'replace',
  ip,
  'lladdr',
  mac,
  'dev',
  iface,
  'nud',
  'probe',
];

export const neighShowArgs = (ip: string, iface: string) => ['-6', 'neigh', 'show', ip, 'dev', iface];

/** The kernel's verdict on a unicast probe: answered, silent, or still probing. */
export function parseNeighState(stdout: string, mac: string): 'answered' | 'silent' | 'probing' {
  const line = stdout.trim().toLowerCase();
  if (/\bfailed\b|\bincomplete\b/.test(line) || line === '') return 'silent';
  if (/\b(reachable|stale|delay)\b/.test(line) && line.includes(mac)) return 'answered';
  return 'probing';
}
