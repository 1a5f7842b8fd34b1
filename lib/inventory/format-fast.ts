import { formatAddr, type IpAddr } from '../net';

/**
 * lib/net's formatAddr shifts BigInts per octet; walking every address of 50 pools per build
 * (and 10,000 requested IPs) needs this Number-based IPv4 path (same output: dotted quad, no leading zeros).
 */
export function formatV4Fast(v: bigint): string {
  const n = Number(v);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** formatAddr with the IPv4 fast path. */
export const formatAddrFast = (a: IpAddr): string => (a.family === 4 ? formatV4Fast(a.value) : formatAddr(a));
