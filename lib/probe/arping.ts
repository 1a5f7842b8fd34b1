import type { ProbeAnswer } from '../inventory/arp/evidence';

// Debian's arping 2.x (Thomas Habets): one request, then listen for the whole window so every MAC
// that answers is heard (`-d` is what makes it report duplicates instead of stopping at the first).
// The output is parsed; the exit code only says whether anything answered.

export const ARPING_PACKAGE = 'arping';

export function arpingArgs(ip: string, iface: string, waitMs: number): string[] {
  return ['-d', '-c', '1', '-w', (waitMs / 1000).toFixed(3), '-i', iface, ip];
}

const REPLY =
  /^\d+ bytes from ([0-9a-f]{2}(?::[0-9a-f]{2}){5}) \(([^)]+)\): index=\d+ time=([\d.]+) (usec|msec|sec)/i;
const UNIT_MS: Record<string, number> = { usec: 0.001, msec: 1, sec: 1000 };

/** Every distinct MAC that answered `ip`, with its first round-trip time. */
export function parseArping(stdout: string, ip: string): ProbeAnswer[] {
  const byMac = new Map<string, ProbeAnswer>();
  for (const line of stdout.split('\n')) {
    const m = REPLY.exec(line.trim());
    if (!m || m[2] !== ip) continue;
    const mac = m[1]!.toLowerCase();
    if (byMac.has(mac)) continue;
    const rttMs = Number(m[3]) * UNIT_MS[m[4]!.toLowerCase()]!;
    byMac.set(mac, { mac, method: 'arp', rttMs: Math.round(rttMs * 1000) / 1000, vendor: null });
  }
  return [...byMac.values()];
}

/** A failure arping reported on stderr, worded for the operator; null when it only timed out. */
export function arpingFailure(stderr: string): string | null {
  const text = stderr.trim();
  if (text === '') return null;
  if (/operation not permitted|permission denied/i.test(text)) {
    return 'arping may not open a raw socket: run the prober as root or with CAP_NET_RAW';
  }
  if (/find interface|no such device|interface .* not found/i.test(text)) {
    return `arping found no usable interface: ${firstLine(text)}`;
  }
  return `arping failed: ${firstLine(text)}`;
}

const firstLine = (s: string) =>
  s
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim() ?? s;
