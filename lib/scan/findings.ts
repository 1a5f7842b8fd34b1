// What is wrong with a repository's claims, as pure functions of the scan (and of its plan): an
// address claimed twice, outside every pool, on a pool's withheld first/last address, a variable
// that resolves to nothing, an address variable no claim uses, a Service the engine leaves pending.
import { canonicalAddr, parseAddr, type IpAddr } from '../net';
import type { RepoPlan } from './repo-plan';
import type { ScanResult } from './scan';
import { at, type Claim, type Finding, type PoolDecl } from './types';

const ownerId = (c: Claim): string =>
  c.owner.service ?? `${c.owner.kind}/${c.owner.namespace ?? ''}/${c.owner.name}`;
const ownerText = (c: Claim): string => {
  const o = c.owner;
  const name = `${o.namespace ? `${o.namespace}/` : ''}${o.name}`;
  return `${o.kind} ${name}`;
};

export const describeOwner = ownerText;

/** A claim whose text gave no address: an undefined variable, a Secret's value, or not an address. */
export function unresolvedFindings(claims: readonly Claim[]): Finding[] {
  return claims.flatMap((c): Finding[] => {
    if (c.address !== null) return [];
    const failed = c.variables.find((v) => v.value === null);
    const rule = !failed
      ? 'not-an-address'
      : failed.from?.startsWith('Secret ')
        ? 'secret-variable'
        : 'undefined-variable';
    return [
      {
        rule,
        severity: rule === 'secret-variable' ? 'warning' : 'error',
        message: `${ownerText(c)}: ${c.problem ?? 'no address'} (${c.field})`,
        at: c.at,
        related: failed?.definedAt ? [failed.definedAt] : [],
        address: null,
      },
    ];
  });
}

/** Two owners claiming one address, unless they share it with one sharing key as Cilium allows. */
export function duplicateFindings(claims: readonly Claim[]): Finding[] {
  const byAddress = new Map<string, Claim[]>();
  for (const c of claims) if (c.address) byAddress.set(c.address, [...(byAddress.get(c.address) ?? []), c]);
  const out: Finding[] = [];
  for (const [address, group] of byAddress) {
    const owners = new Map<string, Claim>();
    for (const c of group) if (!owners.has(ownerId(c))) owners.set(ownerId(c), c);
    if (owners.size < 2) continue;
    const keys = new Set(group.map((c) => c.sharingKey));
    if (keys.size === 1 && !keys.has(null)) continue;
    const firsts = [...owners.values()];
    for (const c of firsts) {
      const others = firsts.filter((o) => o !== c);
      out.push({
        rule: 'duplicate',
        severity: 'error',
        message: `${address} is claimed by ${ownerText(c)} and also by ${others.map((o) => `${ownerText(o)} (${at(o.at)})`).join(', ')}${keys.size > 1 && !keys.has(null) ? ' with different sharing keys' : ''}`,
        at: c.at,
        related: others.map((o) => o.at),
        address,
      });
    }
  }
  return out;
}

interface PoolRange {
  pool: PoolDecl;
  block: PoolDecl['blocks'][number];
  from: IpAddr;
  to: IpAddr;
}

function poolRanges(pools: readonly PoolDecl[]): PoolRange[] {
  return pools.flatMap((pool) =>
    pool.blocks.flatMap((block) => {
      const from = parseAddr(block.from);
      const to = parseAddr(block.to);
      return block.error || !from || !to ? [] : [{ pool, block, from, to }];
    }),
  );
}

const inside = (r: PoolRange, a: IpAddr) =>
  r.from.family === a.family && a.value >= r.from.value && a.value <= r.to.value;

/** Claims no declared pool contains (nothing to say when the repository declares no pool). */
export function poolFindings(claims: readonly Claim[], pools: readonly PoolDecl[]): Finding[] {
  const ranges = poolRanges(pools);
  if (ranges.length === 0) return [];
  const out: Finding[] = [];
  for (const c of claims) {
    const a = c.address ? parseAddr(c.address) : null;
    if (!a || !c.address) continue;
    const hits = ranges.filter((r) => inside(r, a));
    if (hits.length === 0) {
      out.push({
        rule: 'outside-pools',
        severity: 'error',
        message: `${ownerText(c)} claims ${c.address}, which no declared pool contains (${pools.map((p) => p.name).join(', ')}); LB-IPAM leaves it pending`,
        at: c.at,
        related: [],
        address: c.address,
      });
      continue;
    }
    // Cilium withholds a cidr block's first and last address when allowFirstLastIPs is "No" (not for /31, /32 or start/stop).
    const edge = hits.find(
      (r) =>
        r.pool.reserveFirstLast &&
        r.block.fromCidr &&
        r.to.value - r.from.value >= 2n &&
        (a.value === r.from.value || a.value === r.to.value),
    );
    if (edge && hits.every((r) => r === edge || !inside(r, a) || r.pool.reserveFirstLast))
      out.push({
        rule: 'reserved-edge',
        severity: 'error',
        message: `${ownerText(c)} claims ${c.address}, the ${a.value === edge.from.value ? 'first' : 'last'} address of ${edge.block.text} in pool ${edge.pool.name}, which allowFirstLastIPs: "No" withholds`,
        at: c.at,
        related: [edge.block.at],
        address: c.address,
      });
  }
  return out;
}

/** A variable holding an address inside a pool that no claim uses: a reservation someone forgot to wire up. */
export function forgottenFindings(scan: Pick<ScanResult, 'variables' | 'claims' | 'pools'>): Finding[] {
  const ranges = poolRanges(scan.pools);
  const claimed = new Set(scan.claims.flatMap((c) => (c.address ? [c.address] : [])));
  const usedVars = new Set(scan.claims.flatMap((c) => c.variables.map((v) => v.name)));
  const out: Finding[] = [];
  for (const v of scan.variables) {
    if (usedVars.has(v.name)) continue;
    for (const part of v.value.split(',').map((p) => p.trim())) {
      const a = parseAddr(part);
      if (!a) continue;
      const pool = ranges.find((r) => inside(r, a));
      const text = canonicalAddr(part);
      if (!pool || claimed.has(text)) continue;
      out.push({
        rule: 'forgotten-reservation',
        severity: 'warning',
        message: `${v.name}=${part} (${v.from}) is an address in pool ${pool.pool.name} that no claim uses: a reservation nothing claims, or a claim that lost its variable`,
        at: v.at,
        related: [],
        address: part,
      });
    }
  }
  return out;
}

/** Services the engine leaves pending (or waiting for a first pool), when no other finding already says why. */
export function planFindings(plan: RepoPlan, already: readonly Finding[]): Finding[] {
  const explained = new Set(already.map((f) => at(f.at)));
  const out: Finding[] = plan.refused.map((r) => ({
    rule: 'invalid-object' as const,
    severity: 'error' as const,
    message: r.message,
    at: r.at,
    related: [],
    address: null,
  }));
  for (const e of plan.entries) {
    if (e.state !== 'pending' && e.state !== 'dormant') continue;
    if (explained.has(at(e.at))) continue;
    out.push({
      rule: 'plan-pending',
      severity: 'error',
      message: `Service ${e.service} stays pending on an empty cluster: ${e.title} — ${e.detail}${e.fix ? ` Fix: ${e.fix}` : ''}`,
      at: e.at,
      related: [],
      address: null,
    });
  }
  return out;
}

/** Every finding, sorted by file and line. */
export function allFindings(scan: ScanResult, plan: RepoPlan): Finding[] {
  const base = [
    ...unresolvedFindings(scan.claims),
    ...duplicateFindings(scan.claims),
    ...poolFindings(scan.claims, scan.pools),
    ...forgottenFindings(scan),
  ];
  // A claim's finding sits on the claim's line; the plan's entry on the Service's: compare by the claims' lines too.
  const claimLines = new Map(
    scan.services.flatMap((s) => s.claims.map((c) => [at(c.at), at(s.at)] as const)),
  );
  const explained = base.map((f) => ({ ...f, at: parsePlace(claimLines.get(at(f.at))) ?? f.at }));
  const all = [...base, ...planFindings(plan, explained)];
  return all.sort((a, b) =>
    a.at.file === b.at.file ? a.at.line - b.at.line : a.at.file < b.at.file ? -1 : 1,
  );
}

function parsePlace(text: string | undefined) {
  if (!text) return null;
  const i = text.lastIndexOf(':');
  return { file: text.slice(0, i), line: Number(text.slice(i + 1)) };
}
