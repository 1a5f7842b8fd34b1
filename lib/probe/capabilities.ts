import { readFileSync } from 'node:fs';

// Whether this process may open raw sockets (CAP_NET_RAW, bit 13 of the effective set).

const CAP_NET_RAW = 13n;

export function hasNetRaw(status?: string): boolean {
  let text = status;
  try {
    text ??= readFileSync('/proc/self/status', 'utf8');
  } catch {
    return false;
  }
  const m = /^CapEff:\s*([0-9a-f]+)$/im.exec(text);
  return !!m && ((BigInt(`0x${m[1]}`) >> CAP_NET_RAW) & 1n) === 1n;
}
