// Numeric ordering of IP addresses for the table's sort (".9" before ".10"; IPv4 before IPv6).
// Display-only: address math proper lives in lib/net, which the browser bundle does not need.

const V6_OFFSET = 1n << 129n;

function v4(ip: string): bigint | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = (n << 8n) | BigInt(p);
  }
  return n;
}

function v6(ip: string): bigint | null {
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const last = tail.length ? tail : head;
  const v4tail = last.length && last[last.length - 1].includes('.') ? v4(last.pop() as string) : null;
  const fill = 8 - head.length - tail.length - (v4tail === null ? 0 : 2);
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 2 ? fill : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  return v4tail === null ? n : (n << 32n) | v4tail;
}

/** A sortable number for an address; unparsable text sorts last. */
export function ipSortKey(ip: string): bigint {
  const a = v4(ip);
  if (a !== null) return a;
  const b = v6(ip);
  if (b !== null) return V6_OFFSET + b;
  return V6_OFFSET * 2n;
}

export function compareIps(a: string, b: string): number {
  const x = ipSortKey(a);
  const y = ipSortKey(b);
  return x < y ? -1 : x > y ? 1 : a.localeCompare(b);
}
