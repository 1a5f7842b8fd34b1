// The IP plan (issue 8): named stretches of addresses with a purpose and, optionally, the
// namespaces they are meant for — the seed page's "IP Assignment Convention" as data. It is read
// from the dashboard's config file (lib/kube/dashboard-config.ts) and used to rank the reserve
// form's suggestions and to draw bands on the pool map. Pure and browser-safe.
import { z } from 'zod';
import { compareAddr, formatAddr, parseAddr, rangeContains, rangeOf, type IpRange } from '../net';

const address = z
  .string()
  .refine((v) => parseAddr(v) !== null, { message: 'expected an IPv4 or IPv6 address' });
const dns1123Label = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'expected a namespace name')
  .max(63, 'expected a namespace name');

export const planRangeSchema = z
  .object({
    name: z.string().min(1, 'required').max(63, 'at most 63 characters'),
    purpose: z.string().max(200, 'at most 200 characters').default(''),
    from: address,
    to: address,
    namespaces: z.array(dns1123Label).max(1000).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    const a = parseAddr(r.from);
    const b = parseAddr(r.to);
    if (!a || !b) return;
    if (a.family !== b.family)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'from and to are of different address families',
      });
    else if (compareAddr(a, b) > 0)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `${r.to} comes before ${r.from}` });
  });

export const ipPlanSchema = z.array(planRangeSchema).max(10_000);

export type PlanRange = z.infer<typeof planRangeSchema>;
export type IpPlan = PlanRange[];

/** The seed page's convention (load-balancers.md, "IP Assignment Convention"), the demo's plan. */
export const DEMO_IP_PLAN: IpPlan = [
  {
    name: 'utility',
    purpose: 'Utility services (DNS, ingress, LDAP)',
    from: '192.168.0.220',
    to: '192.168.0.222',
    namespaces: ['kube-system', 'networking', 'security'],
  },
  {
    name: 'home-automation',
    purpose: 'Home automation and media',
    from: '192.168.0.226',
    to: '192.168.0.230',
    namespaces: ['home-automation', 'media'],
  },
  { name: 'future', purpose: 'Future services', from: '192.168.0.232', to: '192.168.0.237', namespaces: [] },
  {
    name: 'gateways',
    purpose: 'Networking infrastructure: gateways',
    from: '192.168.0.238',
    to: '192.168.0.239',
    namespaces: ['networking'],
  },
];

export const planRange = (r: PlanRange): IpRange => rangeOf(parseAddr(r.from)!, parseAddr(r.to)!);

/** The plan range an address falls in (the first, if ranges overlap), or null: outside the plan. */
export function planRangeOf(plan: readonly PlanRange[], ip: string): PlanRange | null {
  const addr = parseAddr(ip);
  if (!addr) return null;
  return plan.find((r) => rangeContains(planRange(r), addr)) ?? null;
}

/** How well a plan range fits a namespace: meant for it, open to any, or meant for others. */
export type PlanFit = 'namespace' | 'open' | 'other';

export const planFit = (r: PlanRange, namespace: string): PlanFit =>
  r.namespaces.length === 0 ? 'open' : r.namespaces.includes(namespace) ? 'namespace' : 'other';

export interface Suggestion {
  ip: string;
  range: string;
  purpose: string;
  fit: PlanFit;
}

const FIT_ORDER: Record<PlanFit, number> = { namespace: 0, open: 1, other: 2 };

/**
 * Free addresses inside the plan, ranked for `namespace`: ranges meant for it first, then open
 * ones, then the rest; at most `perRange` from each, lowest first.
 */
export function suggest(
  plan: readonly PlanRange[],
  free: readonly IpRange[],
  namespace: string,
  perRange = 3,
): Suggestion[] {
  const out: Suggestion[] = [];
  const ranked = plan
    .map((r, i) => ({ r, i, fit: planFit(r, namespace) }))
    .sort((a, b) => FIT_ORDER[a.fit] - FIT_ORDER[b.fit] || a.i - b.i);
  for (const { r, fit } of ranked) {
    const pr = planRange(r);
    let n = 0;
    for (const f of free) {
      if (f.family !== pr.family || f.to < pr.from || f.from > pr.to) continue;
      const start = f.from > pr.from ? f.from : pr.from;
      const end = f.to < pr.to ? f.to : pr.to;
      for (let v = start; v <= end && n < perRange; v++, n++)
        out.push({ ip: formatAddr({ family: pr.family, value: v }), range: r.name, purpose: r.purpose, fit });
      if (n >= perRange) break;
    }
  }
  return out;
}

export interface PlanBand {
  name: string;
  purpose: string;
  namespaces: string[];
  /** The part of the plan range inside the block: "192.168.0.226 – 192.168.0.230". */
  label: string;
  /** Offset and width in the block, as fractions of its size (0–1). */
  left: number;
  width: number;
}

/** The plan's ranges over one pool block, clipped to it, for the pool map's bands. */
export function planBands(plan: readonly PlanRange[], block: { from: string; to: string }): PlanBand[] {
  const a = parseAddr(block.from);
  const b = parseAddr(block.to);
  if (!a || !b || a.family !== b.family) return [];
  const size = Number(b.value - a.value + 1n);
  const out: PlanBand[] = [];
  for (const r of plan) {
    const pr = planRange(r);
    if (pr.family !== a.family || pr.to < a.value || pr.from > b.value) continue;
    const from = pr.from > a.value ? pr.from : a.value;
    const to = pr.to < b.value ? pr.to : b.value;
    out.push({
      name: r.name,
      purpose: r.purpose,
      namespaces: r.namespaces,
      label: `${formatAddr({ family: a.family, value: from })} – ${formatAddr({ family: a.family, value: to })}`,
      left: Number(from - a.value) / size,
      width: Number(to - from + 1n) / size,
    });
  }
  return out;
}
