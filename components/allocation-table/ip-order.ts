// Numeric ordering of IP addresses for the table's sort (".9" before ".10"; IPv4 before IPv6).
// Parsing is lib/net's (pure, so it runs in the browser too): one address parser in the project.
import { parseAddr } from '@/lib/net';

const V6_OFFSET = 1n << 129n;

/** A sortable number for an address; unparsable text sorts last. */
export function ipSortKey(ip: string): bigint {
  const addr = parseAddr(ip);
  if (addr === null) return V6_OFFSET * 2n;
  return addr.family === 4 ? addr.value : V6_OFFSET + addr.value;
}

export function compareIps(a: string, b: string): number {
  const x = ipSortKey(a);
  const y = ipSortKey(b);
  return x < y ? -1 : x > y ? 1 : a.localeCompare(b);
}
