// Inclusive address ranges [from, to] on BigInt. Nothing here stores or walks individual
// addresses except iterateRange, which refuses to walk more than the caller's limit.
import { Address4, Address6 } from 'ip-address';
import { compareAddr, formatAddr, maxValue, parseAddr, type Family, type IpAddr } from './address';

export interface IpRange {
  readonly family: Family;
  readonly from: bigint;
  readonly to: bigint;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const BITS = /^(0|[1-9]\d{0,2})$/;

/** netip.ParsePrefix + Masked(): `10.0.0.12/24` is 10.0.0.0–10.0.0.255. */
export function parseCidr(text: string): ParseResult<IpRange> {
  const slash = typeof text === 'string' ? text.lastIndexOf('/') : -1;
  if (slash < 0) return { ok: false, error: `invalid CIDR '${text}': no '/'` };
  const addr = parseAddr(text.slice(0, slash));
  if (!addr) return { ok: false, error: `invalid CIDR '${text}': bad address` };
  const bitsText = text.slice(slash + 1);
  const width = addr.family === 4 ? 32 : 128;
  if (!BITS.test(bitsText) || Number(bitsText) > width) {
    return { ok: false, error: `invalid CIDR '${text}': bad prefix length '${bitsText}'` };
  }
  const hostBits = BigInt(width - Number(bitsText));
  const hostMask = (1n << hostBits) - 1n;
  const from = addr.value & ~hostMask & maxValue(addr.family);
  return { ok: true, value: { family: addr.family, from, to: from | hostMask } };
}

export function rangeOf(from: IpAddr, to: IpAddr): IpRange {
  return { family: from.family, from: from.value, to: to.value };
}

export const rangeFrom = (r: IpRange): IpAddr => ({ family: r.family, value: r.from });
export const rangeTo = (r: IpRange): IpAddr => ({ family: r.family, value: r.to });

/** Number of addresses, exact (a ::/0 has 2^128). */
export const rangeSize = (r: IpRange): bigint => r.to - r.from + 1n;

export const countString = (n: bigint): string => n.toString(10);

/** With netip.Addr.Compare: a zoned address sorts just after the plain one, so a zoned `to` is outside. */
export function rangeContains(r: IpRange, addr: IpAddr): boolean {
  return (
    addr.family === r.family &&
    addr.value >= r.from &&
    addr.value <= r.to &&
    (addr.zone === undefined || addr.value !== r.to)
  );
}

/** Inclusive overlap: sharing one edge address overlaps, adjacency does not (Cilium's intersect). */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.from <= b.to && b.from <= a.to;
}

export const rangeEquals = (a: IpRange, b: IpRange): boolean =>
  a.family === b.family && a.from === b.from && a.to === b.to;

export function compareRange(a: IpRange, b: IpRange): number {
  return compareAddr(rangeFrom(a), rangeFrom(b)) || compareAddr(rangeTo(a), rangeTo(b));
}

/** Disjoint ranges in address order, IPv4 first: overlapping or adjacent ranges merge. */
export function mergeRanges(input: readonly IpRange[]): IpRange[] {
  const sorted = [...input].sort(
    (a, b) => a.family - b.family || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0),
  );
  const out: IpRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.family === r.family && r.from <= last.to + 1n) {
      if (r.to > last.to) out[out.length - 1] = { ...last, to: r.to };
    } else out.push({ ...r });
  }
  return out;
}

/** `from - to`, the notation of Cilium's conflict message. */
export const formatRange = (r: IpRange, sep = ' - '): string =>
  `${formatAddr(rangeFrom(r))}${sep}${formatAddr(rangeTo(r))}`;

/** The range as a CIDR when it is exactly one, else undefined. */
export function rangeAsCidr(r: IpRange): string | undefined {
  const size = rangeSize(r);
  if ((size & (size - 1n)) !== 0n || (r.from & (size - 1n)) !== 0n) return undefined;
  const bits = (r.family === 4 ? 32 : 128) - (size.toString(2).length - 1);
  return `${formatAddr(rangeFrom(r))}/${bits}`;
}

/** Short human notation for a run: one address, or `a–b`, shortening a common IPv4 prefix. */
export function formatRun(r: IpRange): string {
  const a = formatAddr(rangeFrom(r));
  if (r.from === r.to) return a;
  const b = formatAddr(rangeTo(r));
  if (r.family === 4 && r.from >> 8n === r.to >> 8n) return `${a}–${b.slice(b.lastIndexOf('.') + 1)}`;
  return `${a}–${b}`;
}

/** Walks the addresses of a SMALL range; throws instead of walking more than `limit`. */
export function* iterateRange(r: IpRange, limit = 65_536): Generator<IpAddr> {
  if (rangeSize(r) > BigInt(limit))
    throw new RangeError(`range ${formatRange(r)} has more than ${limit} addresses`);
  for (let v = r.from; v <= r.to; v++) yield { family: r.family, value: v };
}

/** The library's view, for callers that want subnet helpers (e.g. masks) on a CIDR string. */
export function libraryAddress(text: string): Address4 | Address6 | null {
  try {
    return text.includes(':') ? new Address6(text) : new Address4(text);
  } catch {
    return null;
  }
}
