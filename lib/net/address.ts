// IP addresses as (family, BigInt) pairs. Parsing follows Go's netip.ParseAddr, which is what
// Cilium uses: strict dotted quads (no leading zeros), IPv6 through ip-address, no prefixes.
// parseAddr refuses IPv6 zones (pool blocks and most callers want plain addresses);
// parseAddrZoned accepts them as netip.ParseAddr does (fe80::1%eth0), for the places where Cilium
// keeps a zone: requested IPs and ingress entries. Formatting follows netip.Addr.String(): RFC
// 5952 lower-case compressed IPv6, IPv4-mapped IPv6 printed as ::ffff:a.b.c.d, then `%zone`.
import { Address4, Address6 } from 'ip-address';

export type Family = 4 | 6;

export interface IpAddr {
  readonly family: Family;
  readonly value: bigint;
  /**
   * IPv6 scoped zone, never empty (Go refuses `fe80::1%`). Only parseAddrZoned sets it; a zoned
   * address is a different address from the plain one (netip.Addr compares zones).
   */
  readonly zone?: string;
}

const V4_MAX = (1n << 32n) - 1n;
/** ::ffff:0.0.0.0 – ::ffff:255.255.255.255, the IPv4-mapped IPv6 addresses. */
const MAPPED_FROM = 0xffffn << 32n;
const MAPPED_TO = MAPPED_FROM | V4_MAX;
const V6_MAX = (1n << 128n) - 1n;
const V4_DOTTED = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

export const maxValue = (family: Family): bigint => (family === 4 ? V4_MAX : V6_MAX);

function parseV4(text: string): bigint | null {
  const m = V4_DOTTED.exec(text);
  if (!m) return null;
  let value = 0n;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(m[i]);
    if (octet > 255) return null;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

// Statuses are re-read after every event; a small cache keeps that from re-parsing IPv6 text.
const cache = new Map<string, IpAddr | null>();
const CACHE_MAX = 16384;

/** Parses one address the way Go's netip.ParseAddr does; null when it would fail. */
export function parseAddr(text: string): IpAddr | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const parsed = parseUncached(text);
  if (cache.size >= CACHE_MAX) cache.clear();
  if (typeof text === 'string') cache.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): IpAddr | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 64) return null;
  if (!text.includes(':')) {
    const v4 = parseV4(text);
    return v4 === null ? null : Object.freeze({ family: 4 as const, value: v4 });
  }
  // Zones (fe80::1%eth0) never name an LB address; prefixes are not addresses.
  if (text.includes('%') || text.includes('/') || /\s/.test(text)) return null;
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.') && parseV4(tail) === null) return null;
  if (!Address6.isValid(text)) return null;
  try {
    return Object.freeze({ family: 6 as const, value: new Address6(text).bigInt() });
  } catch {
    return null;
  }
}

/**
 * netip.ParseAddr with zones: everything after the first '%' is the zone (any non-empty text), and
 * only an IPv6 address may carry one (ParseAddr picks IPv4 when a '.' comes before any ':', and
 * the IPv4 parser refuses '%'). Without a '%' this is parseAddr.
 */
export function parseAddrZoned(text: string): IpAddr | null {
  if (typeof text !== 'string') return null;
  const pct = text.indexOf('%');
  if (pct < 0) return parseAddr(text);
  const zone = text.slice(pct + 1);
  const head = text.slice(0, pct);
  const colon = head.indexOf(':');
  const dot = head.indexOf('.');
  if (zone === '' || colon < 0 || (dot >= 0 && dot < colon)) return null;
  const addr = parseAddr(head);
  return addr === null ? null : Object.freeze({ family: 6 as const, value: addr.value, zone });
}

export function isValidAddr(text: string): boolean {
  return parseAddr(text) !== null;
}

function formatV4(value: bigint): string {
  const n = Number(value);
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function formatV6(value: bigint): string {
  if (value >= MAPPED_FROM && value <= MAPPED_TO) return `::ffff:${formatV4(value & V4_MAX)}`;
  // One BigInt operation (the hex text) instead of sixteen shifts and masks; this runs for every
  // IPv6 address the engine hands out.
  const hex = value.toString(16).padStart(32, '0');
  const groups: number[] = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < 8; i++) groups[i] = parseInt(hex.slice(i * 4, i * 4 + 4), 16);
  // Longest run of at least two zero groups; the first one wins a tie (RFC 5952, as Go does).
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLen - 1;
      continue;
    }
    if (i > 0 && i !== bestStart + bestLen) out += ':';
    out += groups[i].toString(16);
  }
  return out;
}

/** Canonical text, as Cilium writes it into status.loadBalancer.ingress. */
export function formatAddr(addr: IpAddr): string {
  if (addr.family === 4) return formatV4(addr.value);
  // netip.Addr.String() keeps the zone. Zoned text is not cached: parseAddr must keep refusing it.
  if (addr.zone !== undefined) return `${formatV6(addr.value)}%${addr.zone}`;
  const text = formatV6(addr.value);
  // What we print is read back (statuses are re-read); remember it so IPv6 is not re-parsed.
  if (!cache.has(text)) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, Object.isFrozen(addr) ? addr : Object.freeze({ family: 6 as const, value: addr.value }));
  }
  return text;
}

/** Go's netip.Addr.Compare: IPv4 sorts before IPv6, then by value, then by zone (none first). */
export function compareAddr(a: IpAddr, b: IpAddr): number {
  if (a.family !== b.family) return a.family - b.family;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  const za = a.zone ?? '';
  const zb = b.zone ?? '';
  return za < zb ? -1 : za > zb ? 1 : 0;
}

/** netip.Addr equality: fe80::1%eth0 is not fe80::1. */
export const addrEquals = (a: IpAddr, b: IpAddr): boolean =>
  a.family === b.family && a.value === b.value && a.zone === b.zone;

/** Canonicalises a string address; returns the input unchanged when it does not parse. */
export function canonicalAddr(text: string): string {
  const addr = parseAddr(text.trim());
  return addr ? formatAddr(addr) : text;
}

/** IPv4, or IPv4-mapped IPv6 (Go's net.IP.To4 treats both as IPv4). */
export function isV4Like(addr: IpAddr): boolean {
  // Comparisons rather than `value >> 32n === 0xffffn`: no BigInt is allocated (this runs for
  // every ingress entry whenever the engine asks whether a Service is satisfied).
  return addr.family === 4 || (addr.value >= MAPPED_FROM && addr.value <= MAPPED_TO);
}

// Address4 is imported for callers that want the library's richer API on one address.
export { Address4, Address6 };
