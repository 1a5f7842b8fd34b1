import { formatAddr, parseAddr, parseAddrZoned, type Family } from '../../net';

// The one address of /ips/<ip> and GET /api/ips/<ip>: read once, for the page and the route alike,
// so both refuse the same input with the same words. The address is kept canonical (as Cilium
// writes it into status.loadBalancer.ingress), so 2001:DB8::0001 finds 2001:db8::1.

export type IpParam = { ok: true; ip: string; family: Family } | { ok: false; input: string; error: string };

const MAX_INPUT = 64;
const dottedDigits = /^\d+(\.\d+){3}$/;

function decoded(raw: string): string {
  // Next hands route params over decoded; a second decode is only for a still-encoded value.
  if (!raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

const bad = (input: string, error: string): IpParam => ({ ok: false, input, error });

export function readIpParam(raw: string): IpParam {
  const text = decoded(String(raw ?? '')).trim();
  if (text === '') return bad(text, 'expected an IP address, got nothing');
  if (text.length > MAX_INPUT)
    return bad(text.slice(0, MAX_INPUT), `expected an IP address, got ${text.length} characters`);
  if (text.includes('/'))
    return bad(text, `'${text}' is a prefix (CIDR), not one address: open one of its addresses, or its pool`);
  const addr = parseAddr(text);
  if (addr) return { ok: true, ip: formatAddr(addr), family: addr.family };
  if (parseAddrZoned(text))
    return bad(
      text,
      `'${text}' carries an IPv6 zone (${text.slice(text.indexOf('%'))}); LoadBalancer addresses never do`,
    );
  if (dottedDigits.test(text))
    return bad(
      text,
      `'${text}' is not a valid IPv4 address: each of the four numbers must be 0–255, written without leading zeros`,
    );
  return bad(text, `'${text}' is not an IP address: expected IPv4 (192.168.0.10) or IPv6 (2001:db8::10)`);
}
